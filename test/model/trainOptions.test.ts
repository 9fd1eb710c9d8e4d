/**
 * trainModel's options: documented defaults for k, vocab and idSpace; a bad or missing field is a
 * UsageError that names it; random invalid options never give another error or a model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { UsageError } from '../../src/errors.js';
import { trainModel } from '../../src/model/train.js';
import { resolveTrainOptions } from '../../src/model/trainOptions.js';
import { A, B, C, TINY } from './fixtures.js';

describe('trainModel options', () => {
  it('trains Kneser–Ney with only order and smoothing (the call that used to die)', () => {
    const model = trainModel(TINY, { order: 3, smoothing: 'kneser-ney' });
    // TINY's ids are 0..4, so the id space defaults to 5 and the support is a, b, c.
    expect(model.idSpace).toBe(5);
    expect(Array.from(model.support)).toEqual([A, B, C]);
  });

  it('trains every smoothing on a text without tokens: with vocab observed, V = {</s>}, so P(</s> | h) = 1 (the README says so)', () => {
    // no sentence, or one empty sentence: the only outcome ever seen (or none) is </s>; idSpace 4 leaves
    // ids 2 and 3 outside V (probability 0), <s> (0) is never an outcome
    for (const sentences of [[], [[]]] as number[][][]) {
      for (const smoothing of ['mle', 'add-k', 'witten-bell', 'kneser-ney'] as const) {
        const model = trainModel(corpusFromSentences(sentences), { order: 3, smoothing, idSpace: 4 });
        expect([0, 1, 2, 3].map((w) => model.probability(Int32Array.of(0, 0), 0, 2, w))).toEqual([0, 1, 0, 0]);
      }
    }
  });

  it('fills k = 0.01, vocab observed, idSpace = largest id + 1', () => {
    expect(resolveTrainOptions(TINY, { order: 2, smoothing: 'add-k' })).toEqual({ order: 2, smoothing: 'add-k', k: 0.01, vocab: 'observed', idSpace: 5 });
  });

  it('fills idSpace past the seed types too (seed types beyond the corpus are what vocab seed is for: "from 2 to 1" was said: audit)', () => {
    // TINY's largest id is 4; seed types up to 9: idSpace 10. An empty corpus with seed types 2, 3: 4.
    const seedTypes = Int32Array.of(2, 9);
    expect(resolveTrainOptions(TINY, { order: 2, smoothing: 'kneser-ney', vocab: 'seed', seedTypes }).idSpace).toBe(10);
    const empty = trainModel(corpusFromSentences([]), { order: 2, smoothing: 'kneser-ney', vocab: 'seed', seedTypes: Int32Array.of(2, 3) });
    expect(empty.idSpace).toBe(4);
    // no sentence: the seed types and </s> share the mass uniformly (the README)
    expect([1, 2, 3].map((w) => empty.probability(Int32Array.of(0), 0, 1, w))).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(resolveTrainOptions(TINY, { order: 2, smoothing: 'mle' }).idSpace).toBe(5);
  });

  it('names a missing or bad field, its value and the range', () => {
    const bad = (options: object) => () => trainModel(TINY, options as never);
    expect(bad({ smoothing: 'mle' })).toThrow('order is required');
    expect(bad({ order: 0, smoothing: 'mle' })).toThrow("order must be a whole number from 1 to 10, got '0'");
    expect(bad({ order: 2 })).toThrow('smoothing is required');
    expect(bad({ order: 2, smoothing: 'good-turing' })).toThrow("unknown smoothing value 'good-turing'");
    expect(bad({ order: 2, smoothing: 'add-k', k: -1 })).toThrow("k must be a number > 0, got '-1'");
    expect(bad({ order: 2, smoothing: 'mle', vocab: 'all' })).toThrow("unknown vocab value 'all'");
    expect(bad({ order: 2, smoothing: 'mle', idSpace: 4 })).toThrow("idSpace must be a whole number from 5 (every id in the corpus + 1) to 16777216, got '4'");
    // above 2^24 (MAX_ID_SPACE): a RangeError past 2^32, minutes and gigabytes between; a run at 2^31 - 1
    // was killed for memory at 15 GiB (the bound was 2^31 - 1 then)
    for (const idSpace of [2 ** 24 + 1, 2 ** 31 - 1, 2 ** 32, 2 ** 53 - 1]) {
      expect(bad({ order: 2, smoothing: 'mle', idSpace })).toThrow(`idSpace must be a whole number from 5 (every id in the corpus + 1) to 16777216, got '${idSpace}'`);
    }
    expect(bad({ order: 2, smoothing: 'add-k', vocab: 'seed' })).toThrow('seedTypes is required');
    expect(bad({ order: 2, smoothing: 'add-k', vocab: 'seed', idSpace: 5, seedTypes: Int32Array.of(2, 9) })).toThrow(/seedTypes must be token ids from 2 to 4/u);
    expect(() => trainModel({} as never, { order: 2, smoothing: 'mle' })).toThrow(/TokenCorpus/u);
  });

  it('pins every refusal: message and hint, as the CLI prints them', () => {
    const refusal = (corpus: unknown, options: unknown): [string, string] => {
      try {
        resolveTrainOptions(corpus as never, options as never);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return [(error as UsageError).message, (error as UsageError).hint];
      }
      throw new Error('no refusal');
    };
    const corpusHint = 'pass the corpus that loadCorpus or corpusFromSentences returns';
    const corpusMessage = 'the corpus must be a TokenCorpus (ids and offsets as Int32Array)';
    const mle = { order: 2, smoothing: 'mle' };
    const ids = Int32Array.of(2);
    const offsets = Int32Array.of(0, 1);
    for (const corpus of [undefined, null, 7, {}, { ids }, { offsets }, { ids: [2], offsets }]) {
      expect(refusal(corpus, mle)).toEqual([corpusMessage, corpusHint]);
    }
    const objectHint = "pass e.g. { order: 3, smoothing: 'kneser-ney' }";
    expect(refusal(TINY, null)).toEqual(["model options must be an object, got 'null'", objectHint]);
    expect(refusal(TINY, 3)).toEqual(["model options must be an object, got '3'", objectHint]);
    expect(refusal(TINY, [3, 'mle'])).toEqual(['model options must be an object, got [3,"mle"]', objectHint]);
    expect(refusal(TINY, undefined)).toEqual(["model options must be an object, got 'undefined'", objectHint]);
    const orders = 'a whole number from 1 to 10';
    expect(refusal(TINY, { smoothing: 'mle' })).toEqual(['order is required', `pass order: ${orders}`]);
    expect(refusal(TINY, { order: 11, smoothing: 'mle' })).toEqual([`order must be ${orders}, got '11'`, `pass ${orders}`]);
    expect(refusal(TINY, { order: 1.5, smoothing: 'mle' })).toEqual([`order must be ${orders}, got '1.5'`, `pass ${orders}`]);
    const names = 'mle, add-k, witten-bell, kneser-ney';
    expect(refusal(TINY, { order: 2 })).toEqual(['smoothing is required', `pass smoothing: one of ${names}`]);
    expect(refusal(TINY, { order: 2, smoothing: 'Kneser-Ney' })).toEqual(["unknown smoothing value 'Kneser-Ney'", `use one of: ${names}`]);
    expect(refusal(TINY, { ...mle, vocab: 'all' })).toEqual(["unknown vocab value 'all'", 'use one of: observed, seed']);
    // k must be a finite number above 0: 0, Infinity, NaN and the string '1' are refused (the string named
    // as one, with the number to pass: quoted bare, '1' read as the number it is not)
    for (const k of [0, Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(refusal(TINY, { ...mle, k })).toEqual([`k must be a number > 0, got '${String(k)}'`, 'pass a number > 0']);
    }
    expect(refusal(TINY, { ...mle, k: '1' })).toEqual(["k must be a number > 0, got the string '1'", 'pass 1, a number, not a string']);
    expect(refusal(TINY, { ...mle, k: '0' })).toEqual(["k must be a number > 0, got the string '0'", 'pass a number > 0']);
    expect(refusal(TINY, { order: true, smoothing: 'mle' })).toEqual(["order must be a whole number from 1 to 10, got the boolean 'true'", 'pass a whole number from 1 to 10']);
    expect(refusal(TINY, { ...mle, idSpace: '9' })).toEqual(["idSpace must be a whole number from 5 (every id in the corpus + 1) to 16777216, got the string '9'", 'pass 9, a number, not a string']);
    expect(refusal(TINY, { order: 2, smoothing: 2 })).toEqual([`smoothing must be one of: ${names}, got the number '2'`, `pass one of: ${names}`]);
    const idSpaces = 'a whole number from 5 (every id in the corpus + 1) to 16777216';
    expect(refusal(TINY, { ...mle, idSpace: 5.5 })).toEqual([`idSpace must be ${idSpaces}, got '5.5'`, `pass ${idSpaces}`]);
    // seed types are token ids: 2 .. idSpace - 1 (TINY's id space is 5)
    expect(refusal(TINY, { ...mle, seedTypes: [2, 3] })).toEqual(['seedTypes must be an Int32Array of token ids, got [2,3]', 'pass an Int32Array of token ids']);
    expect(refusal(TINY, { ...mle, idSpace: 5, seedTypes: Int32Array.of(2, 5) })).toEqual(["seedTypes must be token ids from 2 to 4, got '… 5 …'", 'pass token ids from 2 to 4']);
    expect(refusal(TINY, { ...mle, seedTypes: Int32Array.of(1) })).toEqual(["seedTypes must be token ids from 2 to 4, got '… 1 …'", 'pass token ids from 2 to 4']);
    expect(refusal(TINY, { ...mle, vocab: 'seed' })).toEqual(['seedTypes is required', "pass seedTypes: the seed vocabulary's token ids (vocab 'seed' needs them)"]);
  });

  it('accepts the edges of each range and keeps seedTypes only when given', () => {
    // order 10 is the largest; idSpace may be exactly largest id + 1; seed ids 2 and idSpace - 1 are tokens
    expect(resolveTrainOptions(TINY, { order: 10, smoothing: 'kneser-ney', k: 2, idSpace: 5, vocab: 'seed', seedTypes: Int32Array.of(2, 4) })).toStrictEqual({
      order: 10,
      smoothing: 'kneser-ney',
      k: 2,
      vocab: 'seed',
      idSpace: 5,
      seedTypes: Int32Array.of(2, 4),
    });
    expect(Object.keys(resolveTrainOptions(TINY, { order: 1, smoothing: 'mle' }))).toEqual(['order', 'smoothing', 'k', 'vocab', 'idSpace']);
    // the id space is the largest id + 1, at least 2 (the markers <s> = 0 and </s> = 1)
    expect(resolveTrainOptions(corpusFromSentences([[2]]), { order: 1, smoothing: 'mle' }).idSpace).toBe(3);
    expect(resolveTrainOptions(corpusFromSentences([[6, 2, 3]]), { order: 1, smoothing: 'mle' }).idSpace).toBe(7);
    expect(resolveTrainOptions(corpusFromSentences([]), { order: 1, smoothing: 'mle' }).idSpace).toBe(2);
  });

  it('random invalid options always give a UsageError, never another error or a model', () => {
    const invalid = fc.oneof(
      fc.record({ order: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 11 }), fc.double().filter((x) => !Number.isInteger(x)), fc.constant(undefined)), smoothing: fc.constant('kneser-ney') }),
      fc.record({ order: fc.integer({ min: 1, max: 4 }), smoothing: fc.oneof(fc.string(), fc.constant(undefined)).filter((s) => !['mle', 'add-k', 'witten-bell', 'kneser-ney'].includes(s as string)) }),
      fc.record({ order: fc.constant(2), smoothing: fc.constant('add-k'), k: fc.oneof(fc.double({ max: 0 }), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY)) }),
      fc.record({ order: fc.constant(3), smoothing: fc.constant('witten-bell'), idSpace: fc.oneof(fc.integer({ max: 4 }), fc.double({ min: 5, max: 9 }).filter((x) => !Number.isInteger(x))) }),
      fc.record({ order: fc.constant(3), smoothing: fc.constant('mle'), vocab: fc.constant('seed') }),
    );
    fc.assert(
      fc.property(invalid, (options) => {
        let thrown: unknown;
        try {
          trainModel(TINY, options as never);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(UsageError);
      }),
      { numRuns: 300 },
    );
  });
});
