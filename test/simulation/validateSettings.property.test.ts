/**
 * The simulation's public entries refuse bad settings: random invalid values, one field at a time,
 * into simulate, simulateAsync, prepareRun and runSeries must give a UsageError naming the field,
 * before any row is emitted; never another error, a NaN, or output. The invalid values are written
 * from the documented ranges (README, library section), not from the code's rules.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { expandCells } from '../../src/simulation/cells.js';
import { prepareRun } from '../../src/simulation/preparedRun.js';
import { runSeries, type SeriesRow } from '../../src/simulation/series.js';
import { DEFAULT_RUN, type RunSettings } from '../../src/simulation/settings.js';
import { simulate, simulateAsync } from '../../src/simulation/simulate.js';
import { cli } from '../helpers/cli.js';
import { fixture } from '../helpers/corpus.js';

const f = fixture(Array.from({ length: 40 }, (_, s) => `w${s % 7} w${(s * 3) % 11} w${(s * 5) % 13} end`));
const VALID: RunSettings = { ...DEFAULT_RUN, generations: 1, tokens: 20, sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0] } };

const notNumber = fc.oneof(fc.string(), fc.constant(null), fc.boolean(), fc.constant(Number.NaN), fc.constant([1]), fc.constant({}));
// -0 counts as 0 (fast-check offers it as "below 0"), so it is filtered out where 0 is allowed.
const below = (low: number, open = false) => fc.double({ max: low, maxExcluded: !open, noNaN: true }).filter((x) => open || x !== low);
const above = (high: number, open = false) => fc.double({ min: high, minExcluded: !open, noNaN: true }).filter((x) => open || x !== high);
const fraction = fc.double({ min: 0.01, max: 0.99, noNaN: true });
const notWhole = (low: number) => fc.oneof(below(low), fraction.map((x) => low + 1 + x), notNumber, fc.constant(Number.POSITIVE_INFINITY));

/** Invalid values of every cell setting, from the documented ranges. */
const BAD_CELL: Record<string, fc.Arbitrary<unknown>> = {
  strategy: fc.oneof(fc.string().filter((s) => !['replace', 'accumulate', 'accumulate-subsample'].includes(s)), fc.integer(), fc.constant(null)),
  humanRatio: fc.oneof(below(0), above(1), notNumber),
  humanPool: fc.oneof(fc.string().filter((s) => s !== 'fixed' && s !== 'fresh'), fc.integer()),
  anchor: notWhole(0),
  order: fc.oneof(notWhole(1), fc.integer({ min: 11 })),
  smoothing: fc.oneof(fc.string().filter((s) => !['mle', 'add-k', 'witten-bell', 'kneser-ney'].includes(s)), fc.integer()),
  vocab: fc.oneof(fc.string().filter((s) => s !== 'observed' && s !== 'seed'), fc.constant(undefined)),
  temperature: fc.oneof(below(0, true), notNumber, fc.constant(Number.POSITIVE_INFINITY)),
  topK: notWhole(0),
  topP: fc.oneof(below(0, true), above(1), notNumber),
};

/** Invalid values of every shared setting. */
const BAD_SHARED: Record<string, fc.Arbitrary<unknown>> = {
  generations: fc.oneof(notWhole(1), fc.integer({ min: 100_001 })),
  tokens: fc.oneof(below(1), fraction, notNumber),
  k: fc.oneof(below(0, true), notNumber, fc.constant(undefined)),
  holdout: fc.oneof(below(0), above(1, true), notNumber),
  rareThreshold: notWhole(1),
  maxSentenceLength: fc.oneof(notWhole(1), fc.integer({ min: 1_000_001 })),
  replicates: fc.oneof(notWhole(1), fc.integer({ min: 100_001 })),
  seed: notWhole(0),
};

/** A valid run with one field spoiled: a cell list holding a bad value among good ones, or a bad shared value. */
const badSettings: fc.Arbitrary<{ field: string; settings: RunSettings }> = fc.oneof(
  fc.constantFrom(...Object.keys(BAD_CELL)).chain((key) =>
    BAD_CELL[key]!.map((value) => ({
      field: `sweep.${key}`,
      settings: { ...VALID, sweep: { ...VALID.sweep, [key]: [...(VALID.sweep[key as keyof RunSettings['sweep']] as unknown[]), value] } } as unknown as RunSettings,
    })),
  ),
  fc.constantFrom(...Object.keys(BAD_SHARED)).chain((key) =>
    BAD_SHARED[key]!.map((value) => ({ field: key, settings: { ...VALID, [key]: value } as unknown as RunSettings })),
  ),
);

function usageErrorOf(action: () => unknown): UsageError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('no error was thrown');
}

describe('simulate', () => {
  it('runs the valid base settings (so the refusals below are about the spoiled field)', () => {
    const rows: SeriesRow[] = [];
    simulate(f.corpus, f.vocabulary.size, VALID, { emit: (row) => rows.push(row) });
    expect(rows.map((row) => row.generation)).toEqual([0, 1]);
  });

  it('refuses humanRatio [1.5, -0.5] naming the field, the value and the range', () => {
    const settings = { ...VALID, sweep: { ...VALID.sweep, humanRatio: [1.5, -0.5] } };
    const error = usageErrorOf(() => simulate(f.corpus, f.vocabulary.size, settings, { emit: () => undefined }));
    expect(error.message).toBe("sweep.humanRatio must be a number >= 0 and <= 1, got '1.5'");
    expect(error.hint).toBe('pass a number >= 0 and <= 1');
  });

  it('says the same as the CLI, with the flag for the field', async () => {
    const result = await cli(['run', '--corpus', 'brown:news', '--human-ratio', '1.5', '--out', '-']);
    expect(result.stderr).toBe("ngram-collapse: --human-ratio must be a number >= 0 and <= 1, got '1.5' (pass a number >= 0 and <= 1)\n");
    expect(result.code).toBe(2);
  });

  it('names a missing required field and refuses an unknown one', () => {
    const { k: _k, ...withoutK } = VALID;
    expect(usageErrorOf(() => simulate(f.corpus, f.vocabulary.size, withoutK as RunSettings, { emit: () => undefined })).message).toBe('k is required');
    const typo = { ...VALID, humanratio: [0.5] } as unknown as RunSettings;
    expect(usageErrorOf(() => simulate(f.corpus, f.vocabulary.size, typo, { emit: () => undefined })).message).toBe("unknown setting 'humanratio'");
  });

  it('refuses any invalid setting with a UsageError naming it, and emits nothing', () => {
    fc.assert(
      fc.property(badSettings, ({ field, settings }) => {
        const rows: SeriesRow[] = [];
        const error = usageErrorOf(() => simulate(f.corpus, f.vocabulary.size, settings, { emit: (row) => rows.push(row) }));
        expect(error.message).toContain(field);
        expect(rows).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an id space or a corpus that do not match', () => {
    expect(usageErrorOf(() => simulate(f.corpus, 3, VALID, { emit: () => undefined })).message).toMatch(/^corpus holds token id \d+, outside the token ids 2 \.\. 2$/u);
    expect(usageErrorOf(() => simulate(f.corpus, Number.NaN, VALID, { emit: () => undefined })).message).toBe("idSpace must be a whole number from 2 to 16777216, got 'NaN'");
    const broken = { ids: f.corpus.ids, offsets: new Int32Array([0, 5, 3, f.corpus.ids.length]) };
    expect(usageErrorOf(() => simulate(broken, f.vocabulary.size, VALID, { emit: () => undefined })).message).toBe('corpus.offsets decrease at sentence 1');
    expect(usageErrorOf(() => simulate(f.corpus, f.vocabulary.size, VALID, {} as never)).message).toBe('hooks.emit is required');
  });
});

describe('simulateAsync', () => {
  it('refuses invalid settings and options before any row', async () => {
    await fc.assert(
      fc.asyncProperty(badSettings, async ({ field, settings }) => {
        const rows: SeriesRow[] = [];
        await expect(simulateAsync(f.corpus, f.vocabulary.size, settings, { workers: 1 }, { onRow: (row) => rows.push(row) })).rejects.toThrow(UsageError);
        await expect(simulateAsync(f.corpus, f.vocabulary.size, settings, { workers: 1 }, {})).rejects.toThrow(field);
        expect(rows).toEqual([]);
      }),
      { numRuns: 50 },
    );
    for (const [options, message] of [
      [{ workers: 0 }, "options.workers must be a whole number from 1 to 1024, got '0'"],
      [{ skip: -1 }, "options.skip must be a whole number >= 0, got '-1'"],
      [{ shard: { index: 3, count: 2 } }, "options.shard.index must be a whole number from 1 to 2, got '3'"],
    ] as const) {
      await expect(simulateAsync(f.corpus, f.vocabulary.size, VALID, options, {})).rejects.toThrow(message);
    }
  });
});

describe('runSeries', () => {
  it('refuses a hand-built cell with an invalid setting, or a replicate < 1, before any row', () => {
    // built inside the test, not in the describe body (a fixture computed at collection time makes
    // the code it runs "static" for mutation testing: every test would run for each of its mutants)
    const run = prepareRun(f.corpus, f.vocabulary.size, VALID);
    const cell = expandCells(VALID.sweep)[0]!;
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(BAD_CELL)).chain((key) => BAD_CELL[key]!.map((value) => ({ key, value }))), ({ key, value }) => {
        const rows: SeriesRow[] = [];
        const bad = { ...cell, settings: { ...cell.settings, [key]: value } };
        expect(usageErrorOf(() => runSeries(run, bad, 1, { emit: (row) => rows.push(row) })).message).toContain(`cell.settings.${key}`);
        expect(rows).toEqual([]);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(notWhole(1), (replicate) => {
        expect(usageErrorOf(() => runSeries(run, cell, replicate as number, { emit: () => undefined })).message).toContain('replicate');
      }),
    );
  });
});

describe('one wording for the library and the CLI', () => {
  // [flag, settings path, bad text typed, the same value as a library user passes it]
  const CASES: Array<[string, string, string, unknown]> = [
    ['--human-ratio', 'sweep.humanRatio', '1.5', 1.5],
    ['--strategy', 'sweep.strategy', 'keep', 'keep'],
    ['--human-pool', 'sweep.humanPool', 'both', 'both'],
    ['--anchor', 'sweep.anchor', '-1', -1],
    ['--order', 'sweep.order', '11', 11],
    ['--smoothing', 'sweep.smoothing', 'good-turing', 'good-turing'],
    ['--vocab', 'sweep.vocab', 'prior', 'prior'],
    ['--temperature', 'sweep.temperature', '0', 0],
    ['--top-k', 'sweep.topK', '2.5', 2.5],
    ['--top-p', 'sweep.topP', '0', 0],
    ['--generations', 'generations', '0', 0],
    ['--tokens', 'tokens', '0', 0],
    ['--k', 'k', '-1', -1],
    ['--holdout', 'holdout', '1', 1],
    ['--rare-threshold', 'rareThreshold', '0', 0],
    ['--max-sentence-length', 'maxSentenceLength', '0', 0],
    ['--replicates', 'replicates', '0', 0],
    ['--seed', 'seed', '-1', -1],
  ];

  it.each(CASES)('%s says what the library says for %s', async (flag, path, typed, value) => {
    const [first, second] = path.split('.') as [string, string | undefined];
    const settings = second === undefined
      ? { ...VALID, [first]: value }
      : { ...VALID, sweep: { ...VALID.sweep, [second]: [value] } };
    const error = usageErrorOf(() => simulate(f.corpus, f.vocabulary.size, settings as unknown as RunSettings, { emit: () => undefined }));
    const result = await cli(['run', flag, typed, '--out', '-']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`ngram-collapse: ${error.message.replace(path, flag)} (${error.hint})\n`);
  });
});
