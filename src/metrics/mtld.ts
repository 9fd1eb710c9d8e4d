/**
 * MTLD, the measure of textual lexical diversity (McCarthy & Jarvis 2010, Behavior Research Methods
 * 42(2)): read the text as one stream; a factor ends each time the running type-token ratio of the
 * current segment falls to the threshold (0.72) or below, and the segment restarts. The remainder
 * counts as the partial factor (1 - ttr) / (1 - threshold). MTLD = tokens / factors; the result is the
 * mean of a forward and a backward pass. Undefined for an empty text, and when a pass counts zero
 * factors (every token a type of its own: the ratio stays 1 and the partial factor is 0).
 * Computed by ./lexicalDiversity.ts (one pass with MATTR); O(tokens).
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { lexicalDiversity, MATTR_WINDOW, MTLD_THRESHOLD } from './lexicalDiversity.js';

export { MTLD_THRESHOLD };

export function mtld(corpus: TokenCorpus, idSpace: number, threshold = MTLD_THRESHOLD): number | undefined {
  return lexicalDiversity(corpus, idSpace, MATTR_WINDOW, threshold).mtld;
}
