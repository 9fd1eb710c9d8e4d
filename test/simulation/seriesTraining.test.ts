/**
 * How often the collapse loop trains a model: once per generation plus M0, never more. An order-3
 * MLE M0 is let go after generation 1 (gen0_perplexity reads H's counts, its back-off included) and
 * must not be rebuilt, not even for a text that leaves H's trigrams. Guards two real regressions:
 * building the curation context by spreading an object whose `model0` is a getter rebuilt M0 in every
 * generation, and so did scoring a text's unseen trigrams with M0 itself (a sentence cut at
 * --max-sentence-length is one: 12 needless trainings in the default run). That M0 is really let go
 * is test/simulation/seriesMemory.test.ts's.
 */

import { describe, expect, it, vi } from 'vitest';
import { expandCells } from '../../src/simulation/cells.js';
import { prepareRun } from '../../src/simulation/preparedRun.js';
import { generationZero, runSeries, type SeriesHooks } from '../../src/simulation/series.js';
import { seriesTasks, taskSteps, type TaskExtras } from '../../src/simulation/seriesTask.js';
import { DEFAULT_RUN, type CellSettings, type RunSettings } from '../../src/simulation/settings.js';
import { generation0FromParts, Generation0Keeper, generation0Parts } from '../../src/simulation/generationZero.js';
import { runTasks } from '../../src/simulation/workerPool.js';
import { fixture } from '../helpers/corpus.js';

// `calls` counts every model trained, `fromPath` those read off their own sample's path (a generation
// trained on its batch alone, `replace`, with an MLE model sampled with default options, no --select).
const trained = vi.hoisted(() => ({ calls: 0, fromPath: 0 }));
vi.mock('../../src/model/train.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/model/train.js')>();
  return {
    ...original,
    trainModel: (...args: Parameters<typeof original.trainModel>) => {
      trained.calls++;
      return original.trainModel(...args);
    },
    trainOnSampledPath: (...args: Parameters<typeof original.trainOnSampledPath>) => {
      trained.calls++;
      trained.fromPath++;
      return original.trainOnSampledPath(...args);
    },
  };
});

// 12 sentences that are all the same 4 words: every text the loop samples is H's own trigrams, so
// no prediction ever needs M0's back-off.
const f = fixture(Array.from({ length: 12 }, () => 'a b c d'));

function trainingsFor(cell: Partial<CellSettings>, generations: number, shared: Partial<RunSettings> = {}, hooks: Partial<SeriesHooks> = {}): number {
  const sweep = { ...DEFAULT_RUN.sweep, humanRatio: [0] } as Record<string, unknown>;
  for (const [key, value] of Object.entries(cell)) sweep[key] = [value];
  const settings: RunSettings = { ...DEFAULT_RUN, generations, holdout: 0, ...shared, sweep: sweep as unknown as RunSettings['sweep'] };
  const prepared = prepareRun(f.corpus, f.vocabulary.size, settings);
  trained.calls = 0;
  trained.fromPath = 0;
  runSeries(prepared, expandCells(settings.sweep)[0]!, 1, { emit: () => {}, ...hooks });
  return trained.calls;
}

describe('models trained by one series', () => {
  it('order 3, MLE: M0 and one model per generation (4 generations: 1 + 4 = 5)', () => {
    expect(trainingsFor({ order: 3, smoothing: 'mle' }, 4)).toBe(5);
  });

  it('a generation trained on its batch (replace, MLE, default sampling, no --select) is read off the sample path; otherwise the text is counted', () => {
    trainingsFor({ order: 3, smoothing: 'mle' }, 4);
    expect(trained.fromPath).toBe(4);
    trainingsFor({ order: 2, smoothing: 'mle' }, 3, { maxSentenceLength: 2 });
    expect(trained.fromPath).toBe(3);
    // A batch with a human share, and anchors on top (replace): the sample's path, the rest counted in.
    trainingsFor({ order: 3, smoothing: 'mle', humanRatio: 0.5 }, 3);
    expect(trained.fromPath).toBe(3);
    trainingsFor({ order: 3, smoothing: 'mle', anchor: 2 }, 3);
    expect(trained.fromPath).toBe(3);
    for (const cell of [
      { order: 3, smoothing: 'add-k' },
      { order: 3, smoothing: 'mle', strategy: 'accumulate' },
      { order: 3, smoothing: 'mle', strategy: 'accumulate-subsample' },
      { order: 3, smoothing: 'mle', select: 'tail:1' },
      { order: 3, smoothing: 'mle', temperature: 0.5 },
    ] as Array<Partial<CellSettings>>) {
      expect(trainingsFor(cell, 3)).toBe(4);
      expect(trained.fromPath, JSON.stringify(cell)).toBe(0);
    }
  });

  it('another order keeps M0 (never rebuilt): 1 + 4 = 5 as well', () => {
    expect(trainingsFor({ order: 2, smoothing: 'mle' }, 4)).toBe(5);
  });

  // Sentences cut at 2 tokens ("a b", then </s> after "a b": not a trigram of H) need M0's back-off in
  // every generation's row: it comes from H's counts, so the released M0 is not rebuilt.
  it('order 3, MLE, texts that leave H: M0 is not rebuilt for their back-off (1 + 3 = 4)', () => {
    expect(trainingsFor({ order: 3, smoothing: 'mle' }, 3, { maxSentenceLength: 2 })).toBe(4);
  });

  it('M0 is kept (never rebuilt: 1 + 3 = 4) with another smoothing, another order, a texts hook or a --select rule', () => {
    expect(trainingsFor({ order: 3, smoothing: 'add-k' }, 3, { maxSentenceLength: 2 })).toBe(4);
    expect(trainingsFor({ order: 2, smoothing: 'mle' }, 3, { maxSentenceLength: 2 })).toBe(4);
    expect(trainingsFor({ order: 3, smoothing: 'mle' }, 3, { maxSentenceLength: 2 }, { onTexts: () => undefined })).toBe(4);
    expect(trainingsFor({ order: 3, smoothing: 'mle', select: 'tail:1' }, 3, { maxSentenceLength: 2 })).toBe(4);
    // An m0 rule scores every generation's candidates under M0: kept, not rebuilt for each.
    expect(trainingsFor({ order: 3, smoothing: 'mle', select: 'm0:low:0.8' }, 3, { maxSentenceLength: 2 })).toBe(4);
  });

  it('a task trains M0 once, with or without extras (1 + 3 = 4)', () => {
    const settings: RunSettings = { ...DEFAULT_RUN, generations: 3, holdout: 0, maxSentenceLength: 2, sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0] } };
    const prepared = prepareRun(f.corpus, f.vocabulary.size, settings);
    const trainings = (extras: TaskExtras): number => {
      trained.calls = 0;
      trained.fromPath = 0;
      const steps = taskSteps(prepared, seriesTasks(settings)[0]!, extras, { onRow: () => undefined });
      while (steps.next().done !== true);
      return trained.calls;
    };
    expect(trainings({ extinctions: false, texts: false })).toBe(4);
    expect(trainings({ extinctions: true, texts: false })).toBe(4);
  });
});

describe('generation 0 handed from series to series (Generation0Keeper)', () => {
  const settings: RunSettings = { ...DEFAULT_RUN, generations: 3, holdout: 0.25, sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0, 0.5], order: [3, 2] } };
  const prepared = prepareRun(f.corpus, f.vocabulary.size, settings);
  // Cells in canonical order: (ratio 0, order 3), (ratio 0, order 2), (ratio 0.5, order 3), (ratio 0.5, order 2).
  const cells = expandCells(settings.sweep);
  const rowsOf = (cell: number, hooks: Partial<SeriesHooks> = {}): string[] => {
    const rows: string[] = [];
    runSeries(prepared, cells[cell]!, 1, { emit: (row) => rows.push(JSON.stringify(row.values)), ...hooks });
    return rows;
  };

  it('a generation 0 computed once for the workers (generationZero, rebuilt from its parts) spares each series its M0 (3 instead of 1 + 3)', () => {
    const alone = rowsOf(2);
    const parts = generation0Parts(prepared, cells[2]!, generationZero(prepared, cells[2]!))!;
    const keeper = new Generation0Keeper();
    keeper.keep(prepared, parts.key, generation0FromParts(prepared, cells[2]!, parts));
    trained.calls = 0;
    expect(rowsOf(2, { generation0: { keeper, keep: false } })).toEqual(alone);
    expect(trained.calls).toBe(3);
  });

  it('a series with the same model options takes M0 and row 0 instead of training (1 + 3, then 3), with the same rows', () => {
    const alone = [rowsOf(0), rowsOf(2)];
    const keeper = new Generation0Keeper();
    trained.calls = 0;
    const first = rowsOf(0, { generation0: { keeper, keep: true } });
    expect(trained.calls).toBe(4);
    trained.calls = 0;
    const second = rowsOf(2, { generation0: { keeper, keep: false } });
    expect(trained.calls).toBe(3);
    expect([first, second]).toEqual(alone);
    // keep: false cleared it: the same series again trains its own M0.
    trained.calls = 0;
    expect(rowsOf(2, { generation0: { keeper, keep: false } })).toEqual(alone[1]);
    expect(trained.calls).toBe(4);
  });

  it('a series with other model options (order 2) does not take it', () => {
    const keeper = new Generation0Keeper();
    rowsOf(0, { generation0: { keeper, keep: true } });
    trained.calls = 0;
    expect(rowsOf(1, { generation0: { keeper, keep: false } })).toEqual(rowsOf(1));
    expect(trained.calls).toBe(4 + 4); // its own M0 + 3 generations, then the same again alone
  });

  const tasksRun = async (run: RunSettings): Promise<{ trainings: number; rows: string[] }> => {
    const preparedRun = prepareRun(f.corpus, f.vocabulary.size, run);
    trained.calls = 0;
    const rows: string[] = [];
    await runTasks(preparedRun, f.corpus, seriesTasks(run), { workers: 1 }, { onRow: (row) => rows.push(JSON.stringify([row.cell.id, row.replicate, row.values])) });
    return { trainings: trained.calls, rows };
  };

  it('runTasks in one thread: 2 cells x 2 replicates that all share M0 train it once (1 + 3 + 3 x 3 = 13), with the rows of separate series', async () => {
    const run: RunSettings = { ...settings, replicates: 2, sweep: { ...settings.sweep, order: [3] } };
    const { trainings, rows } = await tasksRun(run);
    expect(trainings).toBe(13);
    const alone = prepareRun(f.corpus, f.vocabulary.size, run);
    const expected: string[] = [];
    for (const task of seriesTasks(run)) runSeries(alone, task.cell, task.replicate, { emit: (row) => expected.push(JSON.stringify([row.cell.id, row.replicate, row.values])) });
    expect(rows).toEqual(expected);
  });

  it('runTasks in one thread keeps generation 0 only for the very next task: orders 3, 2, 3, 2 share nothing (4 x 4 = 16)', async () => {
    expect((await tasksRun(settings)).trainings).toBe(16);
  });
});
