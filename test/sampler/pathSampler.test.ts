/**
 * The path sampler: the plain table walk, recording for each prediction the table index of the edge
 * it took (or a cut mark). Recording must not change the text (no extra draws), each entry must name
 * the edge of the prediction it stands for, and the path handed out must stay as it is while
 * sampling goes on (it is a view of a growing buffer).
 */

import { describe, expect, it } from 'vitest';
import { forgetRecords, recordsOf } from '../../src/counts/transitionRecords.js';
import { buildTransitionTable, PAD, type TransitionTable } from '../../src/counts/transitionTable.js';
import { trainModel } from '../../src/model/train.js';
import { randomFor } from '../../src/random/random.js';
import { pathSamplerFor } from '../../src/sampler/samplerFor.js';
import { DEFAULT_SAMPLING } from '../../src/sampler/sampling.js';
import { createPathSampler, createTableSampler } from '../../src/sampler/tableSampler.js';
import { syntheticText } from '../../src/simulation/syntheticText.js';
import { BOS, EOS } from '../../src/vocabulary/vocabulary.js';
import { fixture } from '../helpers/corpus.js';

const f = fixture(['the cat sat', 'the cat ran', 'a dog sat down', 'the dog ran', 'a cat', '', 'dog dog dog dog dog']);

/** The context index of a history of `length` items ending at `j` in `<s> w1 .. wm`. */
function contextAt(table: TransitionTable, sentence: Int32Array, j: number): number {
  const length = table.historyLength;
  const key = new Int32Array(Math.max(1, length));
  for (let i = 0; i < length; i++) {
    const at = j + 1 - length + i; // position in <s> w1 .. wm
    key[i] = at < 0 ? PAD : at === 0 ? BOS : sentence[at - 1]!;
  }
  return table.contexts.find(key, 0);
}

describe('path sampler', () => {
  it('draws the plain sampler text, draw for draw, and records one entry per prediction naming its edge', () => {
    for (const order of [1, 2, 3]) {
      for (const cap of [2, 50]) {
        const table = buildTransitionTable(f.corpus, order - 1, f.vocabulary.size);
        const plain = syntheticText(createTableSampler(table, DEFAULT_SAMPLING), 300, cap, randomFor(['path', order, cap])).text;
        const sampler = createPathSampler(table, 10)!; // a small start: the buffer grows
        const { text } = syntheticText(sampler, 300, cap, randomFor(['path', order, cap]));
        expect(Array.from(text.ids)).toEqual(Array.from(plain.ids));
        expect(Array.from(text.offsets)).toEqual(Array.from(plain.offsets));
        const path = sampler.path();
        expect(path.length).toBe(text.ids.length + text.offsets.length - 1);
        let p = 0;
        for (let s = 0; s + 1 < text.offsets.length; s++) {
          const sentence = text.ids.subarray(text.offsets[s]!, text.offsets[s + 1]!);
          for (let j = 0; j <= sentence.length; j++, p++) {
            const context = contextAt(table, sentence, j);
            const entry = path[p]!;
            if (entry < 0) {
              // a cut mark: only after the last token of a sentence of `cap` tokens, naming its context
              expect([j, sentence.length]).toEqual([cap, cap]);
              expect(-1 - entry).toBe(table.edgeStart[context]);
            } else {
              expect(entry).toBeGreaterThanOrEqual(table.edgeStart[context]!);
              expect(entry).toBeLessThan(table.edgeStart[context + 1]!);
              expect(table.edgeToken[entry]).toBe(j < sentence.length ? sentence[j] : EOS);
            }
          }
        }
      }
    }
  });

  it('hands out a path that stays as it is while sampling goes on', () => {
    const table = buildTransitionTable(f.corpus, 2, f.vocabulary.size);
    const sampler = createPathSampler(table, 4)!;
    syntheticText(sampler, 20, 50, randomFor(['first']));
    const first = sampler.path();
    const copy = Array.from(first);
    syntheticText(sampler, 5000, 50, randomFor(['more'])); // past the 1,029 entries sized for 4 tokens: grows the buffer
    expect(Array.from(first)).toEqual(copy);
    expect(Array.from(sampler.path().subarray(0, copy.length))).toEqual(copy);
  });

  it('records every sentence when the buffer has to grow, sentence by sentence', () => {
    const table = buildTransitionTable(f.corpus, 2, f.vocabulary.size);
    // (one path sampler at a time: the path is valid until the next path sampler is made)
    const small = createPathSampler(table, 1)!;
    const fromSmall = syntheticText(small, 4000, 7, randomFor(['grow'])).text;
    const smallPath = Array.from(small.path());
    const large = createPathSampler(table, 100_000)!;
    syntheticText(large, 4000, 7, randomFor(['grow']));
    expect(smallPath).toEqual(Array.from(large.path()));
    expect(smallPath.length).toBe(fromSmall.ids.length + fromSmall.offsets.length - 1);
  });

  // Every sentence of this model is cut at 4 tokens ("a b c d", then the cut mark): 5 entries each. A
  // path sized for 0 tokens holds 1,024 entries, so the 205th sentence needs entries 1,020 .. 1,024: one
  // past the end, the one boundary where growing a step late loses an entry.
  it('grows the path exactly when a sentence would not fit (a sentence that needs one entry more)', () => {
    const g = fixture(['a b c d e f g h i j']);
    const table = buildTransitionTable(g.corpus, 2, g.vocabulary.size);
    const exact = createPathSampler(table, 0)!;
    syntheticText(exact, 1200, 4, randomFor(['boundary']));
    const path = Array.from(exact.path());
    expect(path.length).toBe(300 * 5);
    expect(path.filter((entry) => entry < 0).length).toBe(300); // every sentence ends with a cut mark
    expect(path.slice(1020, 1025)).toEqual(path.slice(0, 5));
  });

  // One sentence of 1,001 distinct words, cut at 1,000: 1,001 entries a sentence. The second needs
  // entries 1,001 .. 2,001 of a path of 1,024: more than half again, so the new size is the need itself.
  it('grows the path to what a long sentence needs, when that is more than half again', () => {
    const g = fixture([Array.from({ length: 1001 }, (_, i) => `w${i}`).join(' ')]);
    const table = buildTransitionTable(g.corpus, 2, g.vocabulary.size);
    const sampler = createPathSampler(table, 0)!;
    const { text } = syntheticText(sampler, 2000, 1000, randomFor(['long']));
    expect(text.offsets.length - 1).toBe(2);
    const path = sampler.path();
    expect(path.length).toBe(2002);
    expect(path[2001]).toBe(path[1000]); // both sentences end with the same cut mark
    expect(path[1000]).toBeLessThan(0);
  });

  it('is made only for an MLE model sampled with default options', () => {
    const mle = trainModel(f.corpus, { order: 3, smoothing: 'mle' });
    expect(pathSamplerFor(mle)).toBeDefined();
    expect(pathSamplerFor(mle, { temperature: 0.5 })).toBeUndefined();
    expect(pathSamplerFor(mle, { topK: 2 })).toBeUndefined();
    expect(pathSamplerFor(trainModel(f.corpus, { order: 3, smoothing: 'kneser-ney' }))).toBeUndefined();
    expect(pathSamplerFor(trainModel({ ids: new Int32Array(0), offsets: Int32Array.from([0]) }, { order: 3, smoothing: 'mle', idSpace: 4 }))).toBeUndefined();
  });

  it('walks records that are rebuilt, the same, after forgetRecords', () => {
    const table = buildTransitionTable(f.corpus, 2, f.vocabulary.size);
    const before = recordsOf(table);
    expect(recordsOf(table)).toBe(before); // cached
    forgetRecords(table);
    const after = recordsOf(table);
    expect(after).not.toBe(before);
    expect(Array.from(after.walk)).toEqual(Array.from(before.walk));
  });
});
