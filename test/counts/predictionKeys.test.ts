/**
 * predictionKeys: a text's predictions grouped by (history index in a table, token), the pairs sorted
 * by history then token, each prediction pointing at its pair; computed once per (table, text) pair.
 */

import { describe, expect, it } from 'vitest';
import { lookUpHistories } from '../../src/counts/lookUpHistories.js';
import { predictionKeys } from '../../src/counts/predictionKeys.js';
import { buildTransitionTable, PAD } from '../../src/counts/transitionTable.js';
import { TupleTable } from '../../src/counts/tupleTable.js';
import { corpusFromSentences, type TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { BOS, EOS } from '../../src/vocabulary/vocabulary.js';
import { randomCorpus } from '../helpers/sampledPath.js';

/** A hash table holding `tuples`, in that order (tuple i has index i). */
function tableOf(width: number, tuples: number[][]): TupleTable {
  const table = new TupleTable(width, 4);
  for (const tuple of tuples) table.findOrInsert(Int32Array.from(tuple), 0);
  return table;
}

/** Each prediction's token, in text order (a sentence's tokens, then </s>). */
function tokensOf(text: TokenCorpus): number[] {
  const tokens: number[] = [];
  for (let s = 0; s + 1 < text.offsets.length; s++) tokens.push(...text.ids.subarray(text.offsets[s], text.offsets[s + 1]), EOS);
  return tokens;
}

describe('predictionKeys', () => {
  const [a, b, c] = [2, 3, 4];

  it('groups a hand-counted text by (history, token), sorted, with each prediction\'s pair', () => {
    // Table: (PAD <s>) 0, (<s> a) 1, (a b) 2. Text "a b", "a b", "c":
    // predictions (history, token): (0,a) (1,b) (2,</s>) | (0,a) (1,b) (2,</s>) | (0,c) (-1,</s>)
    // pairs sorted: (-1,</s>) (0,a) (0,c) (1,b) (2,</s>) -> keys 0..4 (</s> = 1 < a = 2 < c = 4)
    const table = tableOf(2, [[PAD, BOS], [BOS, a], [a, b]]);
    const keys = predictionKeys(table, corpusFromSentences([[a, b], [a, b], [c]]));
    expect(Array.from(keys.history)).toEqual([-1, 0, 0, 1, 2]);
    expect(Array.from(keys.token)).toEqual([EOS, a, c, b, EOS]);
    expect(Array.from(keys.keyOf)).toEqual([1, 3, 4, 1, 3, 4, 2, 0]);
  });

  it('on random texts: every prediction\'s pair is its (history, token), and the pairs are distinct and ascending', () => {
    for (let trial = 0; trial < 20; trial++) {
      const order = 1 + (trial % 4);
      const table = buildTransitionTable(randomCorpus(`keys train ${trial}`, 30, 6), order - 1, 10).contexts;
      const text = randomCorpus(`keys text ${trial}`, 25, 9); // ids 6..8 never trained on: unknown histories
      const keys = predictionKeys(table, text);
      const histories = lookUpHistories(table, text);
      const tokens = tokensOf(text);
      expect(keys.keyOf.length).toBe(tokens.length);
      for (let p = 0; p < tokens.length; p++) {
        expect(keys.history[keys.keyOf[p]!]).toBe(histories[p]);
        expect(keys.token[keys.keyOf[p]!]).toBe(tokens[p]);
      }
      for (let k = 1; k < keys.history.length; k++) {
        const previous = [keys.history[k - 1]!, keys.token[k - 1]!];
        const current = [keys.history[k]!, keys.token[k]!];
        expect(previous[0]! < current[0]! || (previous[0] === current[0] && previous[1]! < current[1]!)).toBe(true);
      }
      // every pair is some prediction's
      expect(new Set(keys.keyOf).size).toBe(keys.history.length);
    }
  });

  it('an empty text has no pairs', () => {
    const keys = predictionKeys(tableOf(2, [[PAD, BOS]]), corpusFromSentences([]));
    expect([keys.history.length, keys.token.length, keys.keyOf.length]).toEqual([0, 0, 0]);
  });

  it('is computed once per (table, text) pair: the same object again, another for another text or table', () => {
    const table = tableOf(2, [[PAD, BOS], [a, b], [BOS, a]]);
    const text = corpusFromSentences([[a, b], [c]]);
    const first = predictionKeys(table, text);
    expect(predictionKeys(table, text)).toBe(first);
    const other = corpusFromSentences([[a, b], [c]]);
    expect(predictionKeys(table, other)).not.toBe(first);
    expect(Array.from(predictionKeys(table, other).keyOf)).toEqual(Array.from(first.keyOf));
    // only (<s> a) known: pairs (-1,</s>) (-1,a) (-1,c) (0,b)
    const narrow = predictionKeys(tableOf(2, [[BOS, a]]), text);
    expect([Array.from(narrow.history), Array.from(narrow.token)]).toEqual([[-1, -1, -1, 0], [EOS, a, c, b]]);
  });
});
