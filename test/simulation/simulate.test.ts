import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import type { SeriesRow } from '../../src/simulation/series.js';
import { DEFAULT_RUN, type RunSettings } from '../../src/simulation/settings.js';
import { simulate, simulateAsync } from '../../src/simulation/simulate.js';
import { fixture } from '../helpers/corpus.js';

/** 40 sentences over 15 words; two cells (human ratio 0 and 0.5) x two replicates, 1 generation. */
function setup(): { f: ReturnType<typeof fixture>; settings: RunSettings } {
  const f = fixture(Array.from({ length: 40 }, (_, s) => `w${s % 5} w${(s * 3) % 7} w${(s * 2) % 15} end`));
  return { f, settings: { ...DEFAULT_RUN, generations: 1, replicates: 2, sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0, 0.5], order: [2] } } };
}

const coordinates = (rows: readonly SeriesRow[]): string[] => rows.map((row) => `${row.cell.id} r${row.replicate} g${row.generation}`);

describe('simulate', () => {
  it('runs every cell x replicate in canonical order and returns the prepared run', () => {
    const { f, settings } = setup();
    const rows: SeriesRow[] = [];
    const run = simulate(f.corpus, f.vocabulary.size, settings, { emit: (row) => rows.push(row) });
    expect(coordinates(rows)).toEqual([
      'human_ratio=0 r1 g0', 'human_ratio=0 r1 g1', 'human_ratio=0 r2 g0', 'human_ratio=0 r2 g1',
      'human_ratio=0.5 r1 g0', 'human_ratio=0.5 r1 g1', 'human_ratio=0.5 r2 g0', 'human_ratio=0.5 r2 g1',
    ]);
    expect(run.human.offsets.length - 1).toBe(36);
    // the run's own frozen copy, lists too (a caller may change its object once the call is made)
    expect(run.settings).toEqual(settings);
    expect(run.settings).not.toBe(settings);
    expect(Object.isFrozen(run.settings) && Object.isFrozen(run.settings.sweep) && Object.isFrozen(run.settings.sweep.humanRatio)).toBe(true);
  });

  it('refuses settings whose fields a copy loses (getters on a prototype), where prepareRun looped for ever (audit); hands out frozen cells', () => {
    const { f, settings } = setup();
    class Settings {
      get generations(): number {
        return 1;
      }
    }
    const { generations: _generations, ...rest } = settings;
    const odd = Object.assign(new Settings(), rest);
    expect(() => simulate(f.corpus, f.vocabulary.size, odd as unknown as RunSettings, { emit: () => undefined })).toThrow('generations is required');
    const cells: unknown[] = [];
    simulate(f.corpus, f.vocabulary.size, settings, { emit: (row) => cells.push(row.cell, row.cell.settings) });
    expect(cells.every((cell) => Object.isFrozen(cell))).toBe(true);
  });

  it('reads its own copy of the settings: a hook that changes the caller\'s object changes no row (audit: a later change reached a run under way)', () => {
    const { f, settings } = setup();
    const expected: SeriesRow[] = [];
    simulate(f.corpus, f.vocabulary.size, settings, { emit: (row) => expected.push(row) });
    const mutable = { ...settings, sweep: { ...settings.sweep, humanRatio: [...settings.sweep.humanRatio] } } as { -readonly [K in keyof RunSettings]: RunSettings[K] };
    const rows: SeriesRow[] = [];
    simulate(f.corpus, f.vocabulary.size, mutable, {
      emit: (row) => {
        rows.push(row);
        mutable.seed = 7; // a program reusing its object for the next run
        mutable.generations = 3;
        (mutable.sweep.humanRatio as number[]).push(0.25);
      },
    });
    expect(rows).toEqual(expected);
  });

  it('checks the hooks before any work', () => {
    const { f, settings } = setup();
    expect(() => simulate(f.corpus, f.vocabulary.size, settings, { emit: 3 } as never)).toThrow(UsageError);
  });
});

describe('simulateAsync', () => {
  it('gives the rows of simulate, in the same order (in process with one worker)', async () => {
    const { f, settings } = setup();
    const expected: SeriesRow[] = [];
    simulate(f.corpus, f.vocabulary.size, settings, { emit: (row) => expected.push(row) });
    const rows: SeriesRow[] = [];
    const result = await simulateAsync(f.corpus, f.vocabulary.size, settings, { workers: 1 }, { onRow: (row) => rows.push(row) });
    expect(rows).toEqual(expected);
    expect(result.ended).toBe(4);
    expect(result.run.settings).toEqual(settings);
  });

  it('reads its own copy of the settings: changing the caller\'s object once the call is made changes no row, in process and on workers (audit: three runs started from one object, its seed changed between them, ran later replicates on the last seed)', async () => {
    const { f, settings } = setup();
    const expected: SeriesRow[] = [];
    simulate(f.corpus, f.vocabulary.size, settings, { emit: (row) => expected.push(row) });
    for (const workers of [1, 2]) {
      const mutable = { ...settings } as { -readonly [K in keyof RunSettings]: RunSettings[K] };
      const rows: SeriesRow[] = [];
      const running = simulateAsync(f.corpus, f.vocabulary.size, mutable, { workers }, { onRow: (row) => rows.push(row) });
      mutable.seed = 7;
      mutable.generations = 3;
      mutable.replicates = 1;
      await running;
      expect(rows, `${workers} workers`).toEqual(expected);
    }
  });

  it('runs a shard (tasks at positions i - 1, i - 1 + n, ...), after skipping its first tasks', async () => {
    const { f, settings } = setup();
    const rows: SeriesRow[] = [];
    // tasks: 0 = (0, r1), 1 = (0, r2), 2 = (0.5, r1), 3 = (0.5, r2); shard 2/2 holds 1 and 3; skip 1 leaves 3
    await simulateAsync(f.corpus, f.vocabulary.size, settings, { workers: 1, shard: { index: 2, count: 2 }, skip: 1 }, { onRow: (row) => rows.push(row) });
    expect(coordinates(rows)).toEqual(['human_ratio=0.5 r2 g0', 'human_ratio=0.5 r2 g1']);
    const shard: SeriesRow[] = [];
    await simulateAsync(f.corpus, f.vocabulary.size, settings, { workers: 1, shard: { index: 1, count: 2 } }, { onRow: (row) => shard.push(row) });
    expect(coordinates(shard)).toEqual(['human_ratio=0 r1 g0', 'human_ratio=0 r1 g1', 'human_ratio=0.5 r1 g0', 'human_ratio=0.5 r1 g1']);
  });

  it('refuses bad options naming them, before any row', async () => {
    const { f, settings } = setup();
    const refused = async (options: object, message: string): Promise<void> => {
      const rows: SeriesRow[] = [];
      await expect(simulateAsync(f.corpus, f.vocabulary.size, settings, options, { onRow: (row) => rows.push(row) })).rejects.toThrow(message);
      expect(rows).toEqual([]);
    };
    await refused({ workers: 1, skip: 0.5 }, "options.skip must be a whole number >= 0, got '0.5'");
    await refused({ workers: 1, shard: 3 }, 'options.shard must be');
    await refused({ workers: 1, shard: { index: 1, count: 0 } }, "options.shard.count must be a whole number >= 1, got '0'");
    await refused({ workers: 1, shard: { index: 0, count: 2 } }, "options.shard.index must be a whole number from 1 to 2, got '0'");
    await refused({ workers: 1, shard: { count: 2 } }, 'options.shard.index');
    await expect(simulateAsync(f.corpus, f.vocabulary.size, settings, { workers: 1 }, { onRow: 1 } as never)).rejects.toThrow('handlers.onRow must be a function');
  });
});
