/**
 * Generation 0 shared between tasks: which cells share it (the model options alone), which task is
 * "next" in one thread and on W workers, and the keeper's one slot.
 */

import { describe, expect, it } from 'vitest';
import { expandCells } from '../../src/simulation/cells.js';
import { generation0FromParts, generation0Key, Generation0Keeper, generation0Parts, modelOptions, sharedNext } from '../../src/simulation/generationZero.js';
import type { MleModel } from '../../src/model/mle.js';
import { trainOnSampledPath } from '../../src/model/train.js';
import { sampleWithPath } from '../helpers/sampledPath.js';
import { generationZero, runSeries, type SeriesRow } from '../../src/simulation/series.js';
import { sharedGeneration0 } from '../../src/simulation/workerPool.js';
import { BOS } from '../../src/vocabulary/vocabulary.js';
import { prepareRun } from '../../src/simulation/preparedRun.js';
import { seriesTasks } from '../../src/simulation/seriesTask.js';
import { DEFAULT_RUN, type RunSettings, type SweepSettings } from '../../src/simulation/settings.js';
import type { LanguageModel } from '../../src/model/languageModel.js';
import { fixture } from '../helpers/corpus.js';

const f = fixture(['a b c', 'b c a', 'c a b', 'a c b']);

function runWith(sweep: Partial<SweepSettings>, replicates = 1, k = DEFAULT_RUN.k): { run: ReturnType<typeof prepareRun>; settings: RunSettings } {
  const settings: RunSettings = { ...DEFAULT_RUN, generations: 1, holdout: 0, replicates, k, sweep: { ...DEFAULT_RUN.sweep, ...sweep } };
  return { run: prepareRun(f.corpus, f.vocabulary.size, settings), settings };
}

describe('generation0Key', () => {
  it('is the same for cells that differ in what generation 0 ignores (human ratio, strategy, select, anchors)', () => {
    const { run, settings } = runWith({ humanRatio: [0, 0.5], strategy: ['replace', 'accumulate'], select: ['none', 'tail:1'], anchor: [0, 2] });
    const keys = new Set(expandCells(settings.sweep).map((cell) => generation0Key(run, cell)));
    expect(keys.size).toBe(1);
  });

  it('differs with the order, the smoothing, the vocab mode and k', () => {
    const { run, settings } = runWith({ order: [2, 3], smoothing: ['mle', 'add-k'], vocab: ['observed', 'seed'] });
    expect(new Set(expandCells(settings.sweep).map((cell) => generation0Key(run, cell))).size).toBe(8);
    const other = runWith({}, 1, 0.5);
    expect(generation0Key(other.run, expandCells(other.settings.sweep)[0]!)).not.toBe(generation0Key(runWith({}).run, expandCells(runWith({}).settings.sweep)[0]!));
  });
});

describe('sharedNext', () => {
  it('looks at the one task `distance` places on: replicates follow each other; cells ratio-major, order-minor do not', () => {
    // 2 cells x 3 replicates, one model: every task shares with every other.
    const same = runWith({ humanRatio: [0, 0.5] }, 3);
    const tasks = seriesTasks(same.settings);
    expect(tasks.map((_, index) => sharedNext(same.run, tasks, index))).toEqual([true, true, true, true, true, false]);
    // On 2 workers the task 2 places on: the last two have none.
    expect(tasks.map((_, index) => sharedNext(same.run, tasks, index, 2))).toEqual([true, true, true, true, false, false]);
    // Cells (0, order 3), (0, order 2), (0.5, order 3), (0.5, order 2): the next task never shares, the one 2 on does.
    const mixed = runWith({ humanRatio: [0, 0.5], order: [3, 2] });
    const cells = seriesTasks(mixed.settings);
    expect(cells.map((_, index) => sharedNext(mixed.run, cells, index))).toEqual([false, false, false, false]);
    expect(cells.map((_, index) => sharedNext(mixed.run, cells, index, 2))).toEqual([true, true, false, false]);
  });
});

describe('Generation0Keeper', () => {
  it('gives back what was kept for the same run and key only, and nothing once cleared', () => {
    const { run } = runWith({});
    const otherRun = runWith({}).run;
    const generation0 = { model0: {} as LanguageModel, values: { vocab_retention: 1 } };
    const keeper = new Generation0Keeper();
    expect(keeper.take(run, 'k')).toBeUndefined();
    keeper.keep(run, 'k', generation0);
    expect(keeper.take(run, 'k')).toBe(generation0);
    expect(keeper.take(run, 'other')).toBeUndefined();
    expect(keeper.take(otherRun, 'k')).toBeUndefined();
    // One slot: keeping another replaces it.
    const next = { model0: {} as LanguageModel, values: {} };
    keeper.keep(run, 'other', next);
    expect(keeper.take(run, 'k')).toBeUndefined();
    expect(keeper.take(run, 'other')).toBe(next);
    keeper.clear();
    expect(keeper.take(run, 'other')).toBeUndefined();
  });
});

describe('generation 0 computed once for several threads', () => {
  const rowsOf = (run: ReturnType<typeof prepareRun>, keeper?: Generation0Keeper): SeriesRow[] => {
    const rows: SeriesRow[] = [];
    const cell = expandCells(run.settings.sweep)[0]!;
    runSeries(run, cell, 1, { emit: (row) => rows.push(row), ...(keeper === undefined ? {} : { generation0: { keeper, keep: false } }) });
    return rows;
  };

  it('generationZero gives the row a series computes itself', () => {
    const { run } = runWith({ humanRatio: [0] });
    expect(generationZero(run, expandCells(run.settings.sweep)[0]!).values).toEqual(rowsOf(run)[0]!.values);
  });

  it('an MLE generation 0 rebuilt from its parts has M0\'s probabilities and gives a series the same rows', () => {
    const { run } = runWith({ humanRatio: [0] });
    const cell = expandCells(run.settings.sweep)[0]!;
    const original = generationZero(run, cell);
    const parts = generation0Parts(run, cell, original)!;
    expect(parts.key).toBe(generation0Key(run, cell));
    const rebuilt = generation0FromParts(run, cell, parts);
    expect(rebuilt.model0).not.toBe(original.model0);
    const history = new Int32Array(2);
    for (const first of [BOS, 2, 3, 4]) {
      for (const second of [2, 3, 4]) {
        history[0] = first;
        history[1] = second;
        for (let token = 1; token < f.vocabulary.size; token++) expect(rebuilt.model0.probability(history, 0, 2, token)).toBe(original.model0.probability(history, 0, 2, token));
      }
    }
    const keeper = new Generation0Keeper();
    keeper.keep(run, parts.key, rebuilt);
    expect(rowsOf(run, keeper)).toEqual(rowsOf(run));
  });

  it('has no parts for a smoothed M0, nor for an MLE model whose table is a view of another', () => {
    const { run } = runWith({ humanRatio: [0], smoothing: ['kneser-ney'] });
    const cell = expandCells(run.settings.sweep)[0]!;
    expect(generation0Parts(run, cell, generationZero(run, cell))).toBeUndefined();
    const mle = runWith({ humanRatio: [0] });
    const mleCell = expandCells(mle.run.settings.sweep)[0]!;
    const model0 = generationZero(mle.run, mleCell).model0 as MleModel;
    const { text, path } = sampleWithPath(model0.transitions, 30, 6, 'view');
    const view = trainOnSampledPath(text, model0.transitions, path, modelOptions(mle.run, mleCell));
    expect(generation0Parts(mle.run, mleCell, { model0: view, values: {} })).toBeUndefined();
  });

  it('the pool computes it when two or more workers start with tasks that share an MLE generation 0, in shared memory', () => {
    const { run, settings } = runWith({ humanRatio: [0, 0.1] });
    const tasks = seriesTasks(settings);
    const message = sharedGeneration0(run, tasks, 2)!;
    expect(message.type).toBe('generation0');
    expect(message.parts.key).toBe(generation0Key(run, tasks[0]!.cell));
    expect(message.parts.table.edgeCount.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(message.parts.table.contexts.slots.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(message.parts.values).toEqual(generationZero(run, tasks[0]!.cell).values);
    expect(sharedGeneration0(run, tasks, 1)).toBeUndefined(); // one worker: nothing to share
    const smoothed = runWith({ humanRatio: [0, 0.1], smoothing: ['kneser-ney'] });
    expect(sharedGeneration0(smoothed.run, seriesTasks(smoothed.settings), 2)).toBeUndefined();
    const orders = runWith({ order: [2, 3] });
    expect(sharedGeneration0(orders.run, seriesTasks(orders.settings), 2)).toBeUndefined(); // the first tasks train differently
  });
});

describe('the public API', () => {
  it('exports the keeper the README shows (hooks.generation0 of runSeries / seriesSteps)', async () => {
    const api = await import('../../src/index.js');
    expect(api.Generation0Keeper).toBe(Generation0Keeper);
  });
});
