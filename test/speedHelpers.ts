/**
 * Helpers for the tests of the optimised engine: random corpora on small vocabularies (so that
 * contexts repeat and some have many successors), and naive reference counts to compare against.
 */

import { corpusFromSentences, type TokenCorpus } from '../src/corpus/tokenCorpus.js';
import { randomFor } from '../src/random/random.js';
import { BOS, EOS, FIRST_TOKEN_ID } from '../src/vocabulary/vocabulary.js';

/** `sentences` sentences of 0..maxLength tokens over `types` token ids, Zipf-like (low ids frequent). */
export function randomCorpus(seed: string, sentences: number, types: number, maxLength = 12): TokenCorpus {
  const random = randomFor(['speed-test', seed]);
  const list: number[][] = [];
  for (let s = 0; s < sentences; s++) {
    const length = Math.floor(random() * (maxLength + 1));
    const words: number[] = [];
    for (let i = 0; i < length; i++) words.push(FIRST_TOKEN_ID + Math.floor(types * random() * random()));
    list.push(words);
  }
  return corpusFromSentences(list);
}

export const PAD_KEY = 'PAD';

/** Naive counts: history key (ids joined, left-padded with PAD) -> token -> count, ARPA convention. */
export function naiveCounts(corpus: TokenCorpus, historyLength: number): Map<string, Map<number, number>> {
  const counts = new Map<string, Map<number, number>>();
  for (let s = 0; s + 1 < corpus.offsets.length; s++) {
    const items = [BOS, ...corpus.ids.subarray(corpus.offsets[s], corpus.offsets[s + 1]), EOS];
    for (let j = 1; j < items.length; j++) {
      const history: Array<number | string> = items.slice(Math.max(0, j - historyLength), j);
      while (history.length < historyLength) history.unshift(PAD_KEY);
      const key = history.join(' ');
      const followers = counts.get(key) ?? new Map<number, number>();
      followers.set(items[j]!, (followers.get(items[j]!) ?? 0) + 1);
      counts.set(key, followers);
    }
  }
  return counts;
}
