/**
 * MTLD, the measure of textual lexical diversity (McCarthy & Jarvis 2010, Behavior Research Methods
 * 42(2)): read the text as one stream; a factor ends each time the running type-token ratio of the
 * current segment falls to the threshold (0.72) or below, and the segment restarts. The remainder
 * counts as the partial factor (1 - ttr) / (1 - threshold). MTLD = tokens / factors; the result is the
 * mean of a forward and a backward pass. Undefined when a pass has zero factors (empty text).
 * O(tokens).
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { scratchInts } from '../counts/scratchBuffers.js';

export const MTLD_THRESHOLD = 0.72;

export function mtld(corpus: TokenCorpus, idSpace: number, threshold = MTLD_THRESHOLD): number | undefined {
  const forward = mtldPass(corpus.ids, idSpace, threshold, false);
  const backward = mtldPass(corpus.ids, idSpace, threshold, true);
  if (forward === undefined || backward === undefined) return undefined;
  return (forward + backward) / 2;
}

function mtldPass(ids: Int32Array, idSpace: number, threshold: number, reverse: boolean): number | undefined {
  const n = ids.length;
  const stamp = scratchInts('mtld.stamp', idSpace);
  stamp.fill(-1);
  let segment = 0;
  let segmentTokens = 0;
  let segmentTypes = 0;
  let factors = 0;
  for (let k = 0; k < n; k++) {
    const id = ids[reverse ? n - 1 - k : k]!;
    segmentTokens++;
    if (stamp[id] !== segment) {
      stamp[id] = segment;
      segmentTypes++;
    }
    if (segmentTypes / segmentTokens <= threshold) {
      factors++;
      segment++;
      segmentTokens = 0;
      segmentTypes = 0;
    }
  }
  if (segmentTokens > 0) factors += (1 - segmentTypes / segmentTokens) / (1 - threshold);
  return factors > 0 ? n / factors : undefined;
}
