/**
 * The sampler layer refuses bad sampling options with a UsageError naming the field, the value and the
 * range, for every model kind; random invalid settings never give another error or any output.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { trainModel } from '../../src/model/train.js';
import { randomFor } from '../../src/random/random.js';
import { samplerFor } from '../../src/sampler/samplerFor.js';
import { DEFAULT_SAMPLING, resolveSampling } from '../../src/sampler/sampling.js';
import { A, B, C, TINY } from '../model/fixtures.js';

const MODELS = (['mle', 'add-k', 'witten-bell', 'kneser-ney'] as const).map((smoothing) => trainModel(TINY, { order: 2, smoothing }));

/** The error samplerFor throws, or undefined; also fails the test if it returned a sampler that samples. */
function refusal(sampling: object): unknown {
  const errors = MODELS.map((model) => {
    try {
      samplerFor(model, sampling);
      return undefined;
    } catch (error) {
      return error;
    }
  });
  return errors[0];
}

describe('sampling options', () => {
  it('fills the documented defaults', () => {
    expect(resolveSampling()).toEqual(DEFAULT_SAMPLING);
    expect(resolveSampling({ topP: 0.5 })).toEqual({ temperature: 1, topK: 0, topP: 0.5 });
  });

  it('refuses a misspelt key (top_p), which would otherwise leave the default in force', () => {
    expect(() => resolveSampling({ top_p: 0.5 } as never)).toThrow("unknown sampling option 'top_p'");
  });

  it('names the field, the value and the range (the wording the CLI prints for its flags)', () => {
    expect(() => resolveSampling({ temperature: -1 })).toThrow("temperature must be a number > 0, got '-1'");
    expect(() => resolveSampling({ temperature: Number.NaN })).toThrow("temperature must be a number > 0, got 'NaN'");
    expect(() => resolveSampling({ temperature: Number.POSITIVE_INFINITY })).toThrow("got 'Infinity'");
    expect(() => resolveSampling({ topK: -3 })).toThrow("topK must be a whole number >= 0, got '-3'");
    expect(() => resolveSampling({ topK: 2.5 })).toThrow("topK must be a whole number >= 0, got '2.5'");
    expect(() => resolveSampling({ topP: 0 })).toThrow("topP must be a number > 0 and <= 1, got '0'");
    expect(() => resolveSampling({ topP: 1.01 })).toThrow("topP must be a number > 0 and <= 1, got '1.01'");
    try {
      resolveSampling({ topP: 0 });
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).hint).toBe('pass a number > 0 and <= 1');
    }
  });

  it('refuses options that are not an object, naming what it got', () => {
    for (const [bad, shown] of [[null, 'null'], [5, '5'], ['fast', 'fast']] as const) {
      let thrown: unknown;
      try {
        resolveSampling(bad as never);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(UsageError);
      expect((thrown as UsageError).message).toBe(`sampling options must be an object, got '${shown}'`);
      expect((thrown as UsageError).hint).toBe('pass e.g. { temperature: 1, topK: 0, topP: 1 }');
    }
    // a list is no object of options (it was taken for one with none: audit)
    expect(() => resolveSampling([] as never)).toThrow(new UsageError('sampling options must be an object, got []', 'pass e.g. { temperature: 1, topK: 0, topP: 1 }'));
  });

  it('accepts the edges of each range', () => {
    expect(resolveSampling({ temperature: 1e-9, topK: 1, topP: 1 })).toEqual({ temperature: 1e-9, topK: 1, topP: 1 });
    expect(resolveSampling({ topP: Number.MIN_VALUE }).topP).toBe(Number.MIN_VALUE);
  });

  it('every model kind refuses the values the MLE sampler used to accept silently', () => {
    for (const bad of [{ temperature: -1 }, { temperature: Number.NaN }, { topK: -3 }, { topP: 0 }]) {
      for (const model of MODELS) expect(() => samplerFor(model, bad)).toThrow(UsageError);
    }
  });

  it('random invalid settings always give a UsageError, never another error or a sampler', () => {
    const badTemperature = fc.oneof(
      fc.double({ max: 0, noNaN: false }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
      fc.constantFrom('1', null, true, {}),
    );
    const badTopK = fc.oneof(
      fc.integer({ max: -1 }),
      fc.double({ noNaN: false }).filter((x) => !Number.isSafeInteger(x)),
      fc.constantFrom('5', null, false),
    );
    const badTopP = fc.oneof(
      fc.double({ max: 0, noNaN: false }),
      fc.double({ min: 1, minExcluded: true }),
      fc.constantFrom(Number.NaN, '0.9', null),
    );
    const valid = fc.record({ temperature: fc.double({ min: 0.01, max: 10, noNaN: true }), topK: fc.nat(100), topP: fc.double({ min: 0.01, max: 1, noNaN: true }) });
    const invalid = fc.oneof(
      fc.tuple(valid, badTemperature).map(([v, t]) => ({ ...v, temperature: t })),
      fc.tuple(valid, badTopK).map(([v, k]) => ({ ...v, topK: k })),
      fc.tuple(valid, badTopP).map(([v, p]) => ({ ...v, topP: p })),
    );
    fc.assert(
      fc.property(invalid, (sampling) => {
        for (const model of MODELS) {
          let thrown: unknown;
          try {
            samplerFor(model, sampling as never);
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(UsageError);
          expect((thrown as Error).message).toMatch(/^(temperature|topK|topP) must be /u);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a valid setting samples from every model kind', () => {
    const out = new Int32Array(10);
    for (const model of MODELS) {
      const n = samplerFor(model, { temperature: 0.5, topK: 2, topP: 0.9 }).sample(randomFor(['s']), 10, out, 0);
      for (const id of out.subarray(0, n)) expect([A, B, C]).toContain(id);
    }
    expect(refusal({})).toBeUndefined();
  });
});

describe("a sampler's buffer", () => {
  // (a typed array drops writes past its end: a short one returned 6 and held 3 tokens)
  it.each(['mle', 'kneser-ney'] as const)('%s: refuses an out without room for maxLength ids after at, and fills one with room', (smoothing) => {
    const sampler = samplerFor(trainModel(TINY, { order: 2, smoothing }));
    const refused = (maxLength: number, out: unknown, at: number): string => {
      try {
        sampler.sample(randomFor([1]), maxLength, out as Int32Array, at);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as UsageError).message;
      }
      return 'sampled';
    };
    expect(refused(50, new Int32Array(3), 0)).toBe('sample needs room for maxLength (50) ids after at (0) in out, which is an Int32Array of 3 ids');
    expect(refused(5, new Int32Array(10), 6)).toBe('sample needs room for maxLength (5) ids after at (6) in out, which is an Int32Array of 10 ids');
    expect(refused(5, new Int32Array(10), -1)).toMatch(/^sample needs room/u);
    expect(refused(5, new Int32Array(10), 0.5)).toMatch(/^sample needs room/u);
    expect(refused(5, [0, 0, 0, 0, 0], 0)).toBe('sample needs room for maxLength (5) ids after at (0) in out, which is no Int32Array');
    // exactly room: maxLength ids after at
    expect(refused(5, new Int32Array(10), 5)).toBe('sampled');
  });

  it.each(['mle', 'kneser-ney'] as const)('%s: refuses a random source that is no function (an object failed deep inside with a raw TypeError)', (smoothing) => {
    const sampler = samplerFor(trainModel(TINY, { order: 2, smoothing }));
    for (const [random, got] of [[{}, 'object'], [null, 'null'], [42, 'number']] as const) {
      expect(() => sampler.sample(random as unknown as () => number, 5, new Int32Array(5), 0)).toThrow(
        new UsageError(`sample needs a random source, a function giving numbers in [0, 1), got ${got}`, 'pass randomFor([seed])'),
      );
    }
  });

  it.each(['mle', 'kneser-ney'] as const)('%s: refuses a draw outside [0, 1) from a source of its own (NaN gave ids of <s>), and samples as randomFor with a copy of its draws', (smoothing) => {
    const sampler = samplerFor(trainModel(TINY, { order: 2, smoothing }));
    for (const [value, shown] of [[Number.NaN, 'NaN'], [1, '1'], [-0.25, '-0.25'], ['0.5', 'string']] as const) {
      expect(() => sampler.sample(() => value as number, 5, new Int32Array(5), 0)).toThrow(
        new UsageError(`sample's random source must give numbers in [0, 1), gave ${shown}`, 'pass randomFor([seed]), or a function giving uniform numbers in [0, 1)'),
      );
    }
    // a caller's own function giving randomFor's numbers draws the same sentence, checked or not
    const seeded = randomFor([3]);
    const own = ((source) => () => source())(randomFor([3]));
    const a = new Int32Array(20);
    const b = new Int32Array(20);
    expect(sampler.sample(own, 20, b, 0)).toBe(sampler.sample(seeded, 20, a, 0));
    expect([...b]).toEqual([...a]);
  });
});
