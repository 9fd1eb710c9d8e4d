/**
 * TokenCorpus: a list of sentences of token ids, stored flat.
 *
 * Contract: `ids` holds every token of every sentence back to back (no boundary markers);
 * sentence s is `ids[offsets[s] .. offsets[s+1])`, so `offsets.length === sentences + 1`,
 * `offsets[0] === 0` and `offsets[sentences] === ids.length`. Empty sentences are allowed by the type
 * but the loaders produce them only when asked (`emptySentences`, for texts written by --save-corpora).
 * Values are never mutated after construction.
 */

import { UsageError } from '../errors.js';
import { shownValue, typedValue } from '../validation/valueRule.js';
import { FIRST_TOKEN_ID, MAX_ID_SPACE } from '../vocabulary/vocabulary.js';

export interface TokenCorpus {
  readonly ids: Int32Array;
  readonly offsets: Int32Array;
}

/** What to do with a value that is no TokenCorpus. */
export const CORPUS_HINT = 'build it with loadCorpus or corpusFromSentences';

/**
 * A TokenCorpus by its shape alone, in O(1): Int32Array ids and offsets, the offsets from 0 to ids.length.
 * For an entry that only sizes work by the corpus (runTasks, simulateAsync's pool) where prepareRun
 * checks the whole (checkTokenCorpus).
 */
export function checkCorpusShape(field: string, corpus: unknown): TokenCorpus {
  const { ids, offsets } = (typeof corpus === 'object' && corpus !== null ? corpus : {}) as Partial<TokenCorpus>;
  if (!(ids instanceof Int32Array) || !(offsets instanceof Int32Array) || offsets.length === 0) {
    throw new UsageError(`${field} must be a TokenCorpus (Int32Array ids and offsets), got ${shownValue(corpus)}`, CORPUS_HINT);
  }
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== ids.length) {
    throw new UsageError(`${field}.offsets must run from 0 to ids.length (${ids.length}), got ${offsets[0]} .. ${offsets[offsets.length - 1]}`, CORPUS_HINT);
  }
  return { ids, offsets };
}

/** An array or a typed array (not a type guard: the caller keeps its own type). */
function isList(value: unknown): boolean {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** Number of sentences. O(1). */
export function sentenceCount(corpus: TokenCorpus): number {
  return corpus.offsets.length - 1;
}

/** Number of tokens (boundaries not counted). O(1). */
export function tokenCount(corpus: TokenCorpus): number {
  return corpus.ids.length;
}

/**
 * The ids of sentence `s` (a view, not a copy); a UsageError for an `s` that is no whole number from
 * 0 to sentenceCount - 1 (99 or 1.5 gave the whole corpus, 3 of 3 sentences an empty one: audit).
 */
export function sentenceAt(corpus: TokenCorpus, s: number): Int32Array {
  // (the corpus by its shape, O(1): `{}` was a raw TypeError: audit)
  const count = sentenceCount(checkCorpusShape('corpus', corpus));
  if (!Number.isInteger(s) || s < 0 || s >= count) {
    const which = count === 0 ? 'which has no sentence' : `whose sentences are numbered 0 to ${count - 1}`;
    // (a value of another type named with its type, as every refusal does: `sentence '1'` read as a number: review)
    throw new UsageError(`sentence ${typeof s === 'number' ? String(s) : typedValue(s, 'number')} is not in the corpus, ${which}`, 'pass a whole number below sentenceCount(corpus)');
  }
  return corpus.ids.subarray(corpus.offsets[s], corpus.offsets[s + 1]);
}

/**
 * Builds a corpus from arrays of ids. O(total tokens). Each id must be a whole number from
 * FIRST_TOKEN_ID to MAX_ID_SPACE - 1, 2^24 - 1 (a UsageError naming it otherwise: 1.5, 2^32 + 5 or 'a' were written
 * into the Int32Array as 1, 5 and 0, a marker or another token, silently: audit).
 */
export function corpusFromSentences(sentences: ReadonlyArray<ArrayLike<number>>): TokenCorpus {
  if (!Array.isArray(sentences)) throw new UsageError(`sentences must be a list of sentences, got ${shownValue(sentences)}`, 'pass e.g. [[2, 3], [4]]');
  let total = 0;
  // (indexed: forEach skips a hole, [[2], , [3]], whose offsets then went back to 0: audit)
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s]!;
    if (!isList(sentence)) throw new UsageError(`sentences[${s}] must be a list of token ids, got ${shownValue(sentence)}`, 'pass e.g. [[2, 3], [4]]');
    for (let i = 0; i < sentence.length; i++) {
      const id = sentence[i];
      if (!Number.isInteger(id) || id! < FIRST_TOKEN_ID || id! >= MAX_ID_SPACE) {
        throw new UsageError(`sentences[${s}][${i}] must be a token id, a whole number from ${FIRST_TOKEN_ID} to ${MAX_ID_SPACE - 1}, got ${typedValue(id, 'number')}`, 'pass the ids a Vocabulary gives, numbered densely (0 and 1 are the sentence markers)');
      }
    }
    total += sentence.length;
  }
  const ids = new Int32Array(total);
  const offsets = new Int32Array(sentences.length + 1);
  let at = 0;
  sentences.forEach((sentence, s) => {
    ids.set(sentence as ArrayLike<number>, at);
    at += sentence.length;
    offsets[s + 1] = at;
  });
  return { ids, offsets };
}

/**
 * Concatenates the chosen sentences of several corpora, in the order given.
 * `picks` lists [corpus index, sentence index] pairs. O(tokens copied).
 */
export function gatherSentences(
  sources: readonly TokenCorpus[],
  picks: ReadonlyArray<readonly [number, number]>,
): TokenCorpus {
  let total = 0;
  for (const [c, s] of picks) total += sources[c]!.offsets[s + 1]! - sources[c]!.offsets[s]!;
  const ids = new Int32Array(total);
  const offsets = new Int32Array(picks.length + 1);
  let at = 0;
  for (let i = 0; i < picks.length; i++) {
    const [c, s] = picks[i]!;
    const source = sources[c]!;
    // a sentence is about 20 tokens: copied by a loop, not a subarray view and a set per sentence
    const from = source.ids;
    for (let k = source.offsets[s]!, end = source.offsets[s + 1]!; k < end; k++) ids[at++] = from[k]!;
    offsets[i + 1] = at;
  }
  return { ids, offsets };
}

/**
 * Concatenates whole corpora. O(total tokens). When only one part holds sentences it is returned as
 * it is, without a copy (corpora are never mutated).
 */
export function concatCorpora(parts: readonly TokenCorpus[]): TokenCorpus {
  // (the shapes only, O(parts): {} gave a raw TypeError: audit)
  if (!Array.isArray(parts)) throw new UsageError(`parts must be a list of TokenCorpus, got ${shownValue(parts)}`, 'pass a list of corpora');
  parts.forEach((part: Partial<TokenCorpus> | null, i) => {
    if (!(part?.ids instanceof Int32Array) || !(part.offsets instanceof Int32Array) || part.offsets.length === 0) {
      throw new UsageError(`parts[${i}] must be a TokenCorpus (Int32Array ids and offsets), got ${shownValue(part)}`, 'pass corpora made by loadCorpus or corpusFromSentences');
    }
  });
  const withSentences = parts.filter((part) => sentenceCount(part) > 0);
  if (withSentences.length === 1) return withSentences[0]!;
  let tokens = 0;
  let sentences = 0;
  for (const part of withSentences) {
    tokens += part.offsets[sentenceCount(part)]! - part.offsets[0]!;
    sentences += sentenceCount(part);
  }
  const ids = new Int32Array(tokens);
  const offsets = new Int32Array(sentences + 1);
  let at = 0;
  let sentence = 0;
  // each part's ids in one copy, its offsets moved to where they land
  for (const part of withSentences) {
    const first = part.offsets[0]!;
    const count = sentenceCount(part);
    ids.set(part.ids.subarray(first, part.offsets[count]), at);
    for (let k = 1; k <= count; k++) offsets[++sentence] = part.offsets[k]! - first + at;
    at += part.offsets[count]! - first;
  }
  return { ids, offsets };
}
