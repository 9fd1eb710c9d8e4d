/**
 * Test helpers: build a TokenCorpus from sentences written as strings ("a b c"), sharing one vocabulary.
 */

import { corpusFromSentences, type TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { Vocabulary } from '../../src/vocabulary/vocabulary.js';

export interface Fixture {
  readonly vocabulary: Vocabulary;
  readonly corpus: TokenCorpus;
  /** Id of a token string. */
  id(token: string): number;
  /** A corpus of more sentences in the same vocabulary. */
  more(sentences: readonly string[]): TokenCorpus;
  /** Sentence s of a corpus, back as a string. */
  text(corpus: TokenCorpus, s: number): string;
}

export function fixture(sentences: readonly string[], vocabulary = new Vocabulary()): Fixture {
  const toCorpus = (list: readonly string[]): TokenCorpus =>
    corpusFromSentences(list.map((sentence) => sentence.split(' ').filter(Boolean).map((token) => vocabulary.intern(token))));
  const corpus = toCorpus(sentences);
  return {
    vocabulary,
    corpus,
    id: (token) => vocabulary.lookup(token),
    more: toCorpus,
    text: (c, s) => Array.from(c.ids.subarray(c.offsets[s], c.offsets[s + 1]), (id) => vocabulary.token(id)).join(' '),
  };
}

/** A seeded uniform source that does not depend on seedrandom (for tests of samplers). */
export function sequenceRandom(values: readonly number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length]!;
}
