/**
 * MATTR, the moving-average type-token ratio (Covington & McFall 2010): the mean, over every window of
 * `window` consecutive tokens of the text read as one stream, of types/window. A text shorter than the
 * window gets its plain type-token ratio; an empty text, undefined. O(tokens) with a sliding count.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { scratchInts } from '../counts/scratchBuffers.js';

export const MATTR_WINDOW = 500;

export function mattr(corpus: TokenCorpus, idSpace: number, window = MATTR_WINDOW): number | undefined {
  const ids = corpus.ids;
  const n = ids.length;
  if (n === 0) return undefined;
  const counts = scratchInts('mattr.counts', idSpace, true);
  const size = Math.min(window, n);
  let types = 0;
  for (let i = 0; i < size; i++) if (counts[ids[i]!]!++ === 0) types++;
  let sum = types;
  for (let i = size; i < n; i++) {
    if (counts[ids[i]!]!++ === 0) types++;
    if (--counts[ids[i - size]!]! === 0) types--;
    sum += types;
  }
  return sum / (n - size + 1) / size;
}
