/**
 * What one series keeps alive from generation to generation. Under `replace`, M_g trains on batch
 * B_g alone, so once generation g is done only B_g (the next drift baseline's training set) may stay.
 * Guards a real leak: the loop kept every batch whatever the strategy, N tokens more per generation
 * (46 MB of dead batches after 10 generations on Brown). (`accumulate` keeps them all: they are its
 * training set, test/recipes/accumulate.test.ts.)
 *
 * How: each generation's training text (under `replace` without anchors, the batch itself:
 * concatCorpora returns a lone part as it is) is watched through a WeakRef. The series is stepped
 * (seriesSteps) to the end of generation 4; after a turn of the event loop (a WeakRef keeps its target
 * alive until the job that made it ends) and a forced garbage collection, the batches of generations
 * 1 to 3 must be gone and that of generation 4 must not: the control that the watch sees a live batch.
 */

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { expandCells } from '../../src/simulation/cells.js';
import { prepareRun } from '../../src/simulation/preparedRun.js';
import { seriesSteps } from '../../src/simulation/series.js';
import { Generation0Keeper } from '../../src/simulation/generationZero.js';
import { DEFAULT_RUN, type RunSettings } from '../../src/simulation/settings.js';
import { fixture } from '../helpers/corpus.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Which of generations 1 to 4's batches are still reachable once generation 4 is done. */
async function batchesAliveAfterGeneration4(): Promise<boolean[]> {
  const f = fixture(Array.from({ length: 40 }, (_, i) => `w${i % 7} w${i % 5} w${i % 3} end`));
  const sweep = { ...DEFAULT_RUN.sweep, humanRatio: [0.25], strategy: ['replace' as const] };
  const settings: RunSettings = { ...DEFAULT_RUN, generations: 6, holdout: 0, sweep };
  const prepared = prepareRun(f.corpus, f.vocabulary.size, settings);
  const batches: WeakRef<object>[] = [];
  const steps = seriesSteps(prepared, expandCells(settings.sweep)[0]!, 1, {
    emit: () => {},
    onTexts: ({ training }) => void batches.push(new WeakRef(training)),
  });
  while (steps.next().value !== 4); // not for-of: its break would close the generator
  await nextTurn();
  collectGarbage();
  const alive = batches.map((batch) => batch.deref() !== undefined);
  steps.return();
  return alive;
}

/**
 * Whether generation 4's training text is still reachable while generation 5 runs (at its onTexts
 * call, once 5's texts are drawn), under `replace` and under `accumulate`. The drift baseline of
 * generation 5 reads only 4's unigram counts, so the text itself need not stay; under `accumulate`
 * each generation's training text is H plus every batch so far, a new concatenation each time.
 */
async function previousTrainingAliveInGeneration5(strategy: 'replace' | 'accumulate'): Promise<boolean> {
  const f = fixture(Array.from({ length: 40 }, (_, i) => `w${i % 7} w${i % 5} w${i % 3} end`));
  const sweep = { ...DEFAULT_RUN.sweep, humanRatio: [0.25], strategy: [strategy] };
  const settings: RunSettings = { ...DEFAULT_RUN, generations: 6, holdout: 0, sweep };
  const prepared = prepareRun(f.corpus, f.vocabulary.size, settings);
  let fourth: WeakRef<object> | undefined;
  let alive: boolean | undefined;
  const steps = seriesSteps(prepared, expandCells(settings.sweep)[0]!, 1, {
    emit: () => {},
    onTexts: ({ generation, training }) => {
      if (generation === 4) fourth = new WeakRef(training);
      if (generation !== 5) return;
      collectGarbage();
      alive = fourth!.deref() !== undefined;
    },
  });
  while (steps.next().value !== 4);
  await nextTurn(); // the WeakRef was made in the job that ran generation 4
  steps.next();
  steps.return();
  return alive!;
}

/**
 * Whether generation 4's measured text and training text are still reachable while generation 5
 * samples (at its first progress report), at human ratio `ratio` (0: the two are one text, the model's
 * own sample). Nothing of generation 4 but M(4) (which holds no text) and the counts is needed then.
 */
async function generation4TextsAliveWhile5Samples(ratio: number): Promise<boolean[]> {
  const f = fixture(Array.from({ length: 40 }, (_, i) => `w${i % 7} w${i % 5} w${i % 3} end`));
  const sweep = { ...DEFAULT_RUN.sweep, humanRatio: [ratio], strategy: ['replace' as const] };
  const settings: RunSettings = { ...DEFAULT_RUN, generations: 6, holdout: 0, sweep };
  const prepared = prepareRun(f.corpus, f.vocabulary.size, settings);
  const fourth: WeakRef<object>[] = [];
  let alive: boolean[] | undefined;
  const steps = seriesSteps(prepared, expandCells(settings.sweep)[0]!, 1, {
    emit: () => {},
    onTexts: ({ generation, measured, training }) => {
      if (generation === 4) fourth.push(new WeakRef(measured), new WeakRef(training));
    },
    onProgress: (generation, fraction) => {
      if (generation !== 5 || alive !== undefined || fraction >= 0.5) return;
      collectGarbage();
      alive = fourth.map((text) => text.deref() !== undefined);
    },
  });
  while (steps.next().value !== 4);
  await nextTurn(); // the WeakRefs were made in the job that ran generation 4
  steps.next();
  steps.return();
  return alive!;
}

describe('the texts of the generation before', () => {
  it('are not kept while the next generation samples (no frame of the loop outlives its generation)', async () => {
    expect(await generation4TextsAliveWhile5Samples(0)).toEqual([false, false]);
    expect(await generation4TextsAliveWhile5Samples(0.25)).toEqual([false, false]);
  });
});

describe('the previous training text', () => {
  it('is not kept while the next generation runs: its drift baseline keeps its unigram counts instead', async () => {
    expect([await previousTrainingAliveInGeneration5('replace'), await previousTrainingAliveInGeneration5('accumulate')]).toEqual([false, false]);
  });
});

/**
 * Whether M0 is still reachable once generation 3 of a 5-generation series is done; `handedOver`: the
 * series takes M0 from a keeper (handed over by an earlier series) and keeps it for none.
 */
async function model0AliveAfterGeneration3(order: number, handedOver = false): Promise<boolean> {
  const f = fixture(Array.from({ length: 40 }, (_, i) => `w${i % 7} w${i % 5} w${i % 3} end`));
  const sweep = { ...DEFAULT_RUN.sweep, humanRatio: [0], order: [order] };
  // Sentences cut at 3 tokens: every text has trigrams H never saw, whose back-off gen0_perplexity needs.
  const settings: RunSettings = { ...DEFAULT_RUN, generations: 5, holdout: 0, maxSentenceLength: 3, sweep };
  const prepared = prepareRun(f.corpus, f.vocabulary.size, settings);
  let model0: WeakRef<object> | undefined;
  const cell = expandCells(settings.sweep)[0]!;
  const keeper = new Generation0Keeper();
  if (handedOver) for (const _generation of seriesSteps(prepared, cell, 1, { emit: () => {}, generation0: { keeper, keep: true } }));
  const generation0 = handedOver ? { generation0: { keeper, keep: false } } : {};
  const steps = seriesSteps(prepared, cell, 2, { emit: () => {}, onModel0: (model) => void (model0 = new WeakRef(model)), ...generation0 });
  while (steps.next().value !== 3);
  await nextTurn();
  collectGarbage();
  const alive = model0!.deref() !== undefined;
  steps.return();
  return alive;
}

describe('M0 kept by one series', () => {
  it('an order-3 MLE M0 is let go after generation 1, texts leaving H or not; an order-2 one (its scorer) stays', async () => {
    expect(await model0AliveAfterGeneration3(3)).toBe(false);
    expect(await model0AliveAfterGeneration3(2)).toBe(true);
  });

  it('so is one handed over by an earlier series (Generation0Keeper), which the keeper no longer holds', async () => {
    expect(await model0AliveAfterGeneration3(3, true)).toBe(false);
    expect(await model0AliveAfterGeneration3(2, true)).toBe(true);
  });
});

describe('batches kept by one series', () => {
  it('replace keeps only the newest batch', async () => {
    expect(await batchesAliveAfterGeneration4()).toEqual([false, false, false, true]);
  });
});
