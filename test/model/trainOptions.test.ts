/**
 * trainModel's options: documented defaults for k, vocab and idSpace; a bad or missing field is a
 * UsageError that names it; random invalid options never give another error or a model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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

  it('fills k = 0.01, vocab observed, idSpace = largest id + 1', () => {
    expect(resolveTrainOptions(TINY, { order: 2, smoothing: 'add-k' })).toEqual({ order: 2, smoothing: 'add-k', k: 0.01, vocab: 'observed', idSpace: 5 });
  });

  it('names a missing or bad field, its value and the range', () => {
    const bad = (options: object) => () => trainModel(TINY, options as never);
    expect(bad({ smoothing: 'mle' })).toThrow('order is missing');
    expect(bad({ order: 0, smoothing: 'mle' })).toThrow("order must be a whole number from 1 to 10, got '0'");
    expect(bad({ order: 2 })).toThrow('smoothing is missing');
    expect(bad({ order: 2, smoothing: 'good-turing' })).toThrow("unknown smoothing value 'good-turing'");
    expect(bad({ order: 2, smoothing: 'add-k', k: -1 })).toThrow("k must be a number > 0, got '-1'");
    expect(bad({ order: 2, smoothing: 'mle', vocab: 'all' })).toThrow("unknown vocab value 'all'");
    expect(bad({ order: 2, smoothing: 'mle', idSpace: 4 })).toThrow("idSpace must be a whole number >= 5 (every id in the corpus + 1), got '4'");
    expect(bad({ order: 2, smoothing: 'add-k', vocab: 'seed' })).toThrow('seedTypes is missing');
    expect(bad({ order: 2, smoothing: 'add-k', vocab: 'seed', seedTypes: Int32Array.of(2, 9) })).toThrow(/seedTypes must be token ids from 2 to 4/u);
    expect(() => trainModel({} as never, { order: 2, smoothing: 'mle' })).toThrow(/TokenCorpus/u);
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
