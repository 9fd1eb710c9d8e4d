/**
 * checkTokenCorpus: a TokenCorpus handed to the library by a caller, checked once at the entry.
 *
 * Contract: returns the corpus when `ids` and `offsets` are Int32Arrays, `offsets` starts at 0, never
 * decreases and ends at `ids.length`, and every id lies in [FIRST_TOKEN_ID, idSpace) (ids 0 and 1 are the boundary markers, never tokens: refused as such); otherwise throws a UsageError
 * naming `field`. `idSpace` itself must be a whole number >= FIRST_TOKEN_ID (the vocabulary's size, markers included). O(tokens).
 * `checkCorpusShape(field, corpus)` (in ./tokenCorpus.ts, beside the type) checks the shape alone (the arrays and the offsets' ends), in O(1).
 * `checkHasTokens(what, corpus)`: an InputError when a valid corpus holds no tokens, only empty
 * sentences (a text read with emptySentences), for what needs text: a run's H, a reference, a model.
 */

import { InputError, UsageError } from '../errors.js';
import { checkValue, integerRule, shownValue } from '../validation/valueRule.js';
import { BOS, EOS, FIRST_TOKEN_ID, MAX_ID_SPACE } from '../vocabulary/vocabulary.js';
import { checkCorpusShape, CORPUS_HINT as HINT, type TokenCorpus } from './tokenCorpus.js';


/**
 * An id space: a whole number from FIRST_TOKEN_ID to MAX_ID_SPACE, 2^24 (the arrays indexed by id make
 * memory and time grow with it, so pass the vocabulary's size: see MAX_ID_SPACE).
 */
export function checkIdSpace(field: string, idSpace: unknown): number {
  return checkValue(field, idSpace, integerRule(FIRST_TOKEN_ID, MAX_ID_SPACE));
}


export function checkTokenCorpus(field: string, corpus: unknown, idSpace: number): TokenCorpus {
  const { ids, offsets } = checkCorpusShape(field, corpus);
  for (let s = 1; s < offsets.length; s++) {
    if (offsets[s]! < offsets[s - 1]!) throw new UsageError(`${field}.offsets decrease at sentence ${s - 1}`, HINT);
  }
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id === BOS || id === EOS) {
      throw new UsageError(`${field} holds id ${id}, the ${id === BOS ? '<s>' : '</s>'} marker, at position ${i}`, 'leave the markers out of ids: offsets mark where each sentence ends');
    }
    // (a negative id was told to pass a larger idSpace, which no idSpace mends: library probe)
    if (id < FIRST_TOKEN_ID) {
      throw new UsageError(`${field} holds id ${id} at position ${i}, which is no token id (token ids run from ${FIRST_TOKEN_ID}; 0 and 1 are the sentence markers)`, 'pass the ids a Vocabulary gives (Vocabulary.intern)');
    }
    if (id >= idSpace) {
      throw new UsageError(`${field} holds token id ${id}, outside the token ids ${FIRST_TOKEN_ID} .. ${idSpace - 1}`, 'pass the vocabulary size the corpus was built with as idSpace');
    }
  }
  return corpus as TokenCorpus;
}

/** Refuses a corpus of empty sentences alone, naming it as `what` ("the corpus a.txt"). */
export function checkHasTokens(what: string, corpus: TokenCorpus, hint = 'pass a corpus with text'): void {
  if (corpus.ids.length > 0) return;
  const sentences = corpus.offsets.length - 1;
  throw new InputError(sentences === 0 ? `${what} holds no sentences` : `${what} holds no tokens, only ${sentences} empty sentence(s)`, hint);
}
