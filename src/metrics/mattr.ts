/**
 * MATTR, the moving-average type-token ratio (Covington & McFall 2010): the mean, over every window of
 * `window` consecutive tokens of the text read as one stream, of types/window. A text shorter than the
 * window gets its plain type-token ratio; an empty text, undefined. Computed by ./lexicalDiversity.ts
 * (one pass with MTLD); O(tokens).
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { lexicalDiversity, MATTR_WINDOW } from './lexicalDiversity.js';

export { MATTR_WINDOW };

export function mattr(corpus: TokenCorpus, idSpace: number, window = MATTR_WINDOW): number | undefined {
  return lexicalDiversity(corpus, idSpace, window).mattr;
}
