/**
 * MATTR and MTLD of a text read as one stream, in one forward pass (plus MTLD's backward pass).
 *
 * - MATTR, the moving-average type-token ratio (Covington & McFall 2010): the mean, over every window
 *   of `window` consecutive tokens, of types/window. A text shorter than the window gets its plain
 *   type-token ratio; an empty text, undefined. Kept with a sliding count per id.
 * - MTLD, the measure of textual lexical diversity (McCarthy & Jarvis 2010, Behavior Research Methods
 *   42(2)): a factor ends each time the running type-token ratio of the current segment falls to the
 *   threshold (0.72) or below, and the segment restarts; the remainder counts as the partial factor
 *   (1 - ttr) / (1 - threshold). MTLD = tokens / factors, the mean of a forward and a backward pass;
 *   undefined when a pass has zero factors (empty text). Segment types are kept with a stamp per id.
 * The forward pass serves both measures. O(tokens + ids); no allocation besides scratch buffers.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { scratchInts } from '../counts/scratchBuffers.js';

export const MATTR_WINDOW = 500;
export const MTLD_THRESHOLD = 0.72;

export interface LexicalDiversity {
  readonly mattr: number | undefined;
  readonly mtld: number | undefined;
}

export function lexicalDiversity(corpus: TokenCorpus, idSpace: number, window = MATTR_WINDOW, threshold = MTLD_THRESHOLD): LexicalDiversity {
  const ids = corpus.ids;
  const n = ids.length;
  if (n === 0) return { mattr: undefined, mtld: undefined };
  const counts = scratchInts('diversity.counts', idSpace, true);
  const stamp = scratchInts('diversity.stamp', idSpace);
  stamp.fill(-1);
  const size = Math.min(window, n);
  // MATTR state
  let types = 0;
  let sum = 0;
  // MTLD forward state
  let segment = 0;
  let segmentTokens = 0;
  let segmentTypes = 0;
  let factors = 0;
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    if (counts[id]!++ === 0) types++;
    if (i >= size) {
      if (--counts[ids[i - size]!]! === 0) types--;
    }
    if (i >= size - 1) sum += types;
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
  const forward = factors > 0 ? n / factors : undefined;
  const backward = mtldBackward(ids, stamp, segment + 1, threshold);
  return {
    mattr: sum / (n - size + 1) / size,
    mtld: forward === undefined || backward === undefined ? undefined : (forward + backward) / 2,
  };
}

/** MTLD's backward pass; `stamp` holds no value >= `firstSegment`, so it needs no clearing. */
function mtldBackward(ids: Int32Array, stamp: Int32Array, firstSegment: number, threshold: number): number | undefined {
  const n = ids.length;
  let segment = firstSegment;
  let segmentTokens = 0;
  let segmentTypes = 0;
  let factors = 0;
  for (let k = n - 1; k >= 0; k--) {
    const id = ids[k]!;
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
