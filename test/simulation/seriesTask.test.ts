import { describe, expect, it } from 'vitest';
import { sentenceCount, type TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import type { MetricValues } from '../../src/metrics/columns.js';
import { UsageError } from '../../src/errors.js';
import { prepareRun } from '../../src/simulation/preparedRun.js';
import { runSeries, type SeriesRow } from '../../src/simulation/series.js';
import { seriesTasks, taskSteps, type SeriesTask, type TaskExtras } from '../../src/simulation/seriesTask.js';
import { DEFAULT_RUN, type RunSettings } from '../../src/simulation/settings.js';
import { fixture } from '../helpers/corpus.js';

/** 60 sentences of 3..5 tokens over 20 words; 2 generations of order 2. */
function setup(): { f: ReturnType<typeof fixture>; settings: RunSettings } {
  const f = fixture(Array.from({ length: 60 }, (_, s) => Array.from({ length: 3 + (s % 3) }, (_, i) => `w${(s * 7 + i * 3) % 20}`).join(' ')));
  const settings: RunSettings = { ...DEFAULT_RUN, generations: 2, sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0.5], order: [2] } };
  return { f, settings };
}

interface Collected {
  rows: Array<[number, MetricValues, Float64Array | undefined]>;
  texts: Array<[number, TokenCorpus, number]>;
  progress: number;
  steps: number[];
  result: unknown;
}

function runTask(extras: TaskExtras, withTexts = true): Collected & { task: SeriesTask; human: TokenCorpus } {
  const { f, settings } = setup();
  const run = prepareRun(f.corpus, f.vocabulary.size, settings);
  const task = seriesTasks(settings)[0]!;
  const collected: Collected = { rows: [], texts: [], progress: 0, steps: [], result: undefined };
  const steps = taskSteps(run, task, extras, {
    onRow: (generation, values, perplexities) => collected.rows.push([generation, values, perplexities]),
    ...(withTexts ? { onTexts: (generation: number, measured: TokenCorpus, share: number) => collected.texts.push([generation, measured, share]) } : {}),
    onProgress: () => collected.progress++,
  });
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done === true) {
      collected.result = step.value;
      break;
    }
    collected.steps.push(step.value);
  }
  return { ...collected, task, human: run.human };
}

describe('series tasks', () => {
  it('are every (cell, replicate) in canonical order: cell by cell, replicates 1..R, positions 0, 1, ...', () => {
    const { settings } = setup();
    const tasks = seriesTasks({ ...settings, replicates: 2, sweep: { ...settings.sweep, humanRatio: [0, 0.5] } });
    expect(tasks.map((task) => [task.position, task.cell.id, task.replicate])).toEqual([
      [0, 'human_ratio=0', 1],
      [1, 'human_ratio=0', 2],
      [2, 'human_ratio=0.5', 1],
      [3, 'human_ratio=0.5', 2],
    ]);
    expect(() => seriesTasks({ ...settings, replicates: 0 })).toThrow(UsageError);
  });

  it('a task steps through generations 0..G with the rows of runSeries, whatever the extras', () => {
    const { f, settings } = setup();
    const run = prepareRun(f.corpus, f.vocabulary.size, settings);
    const plain: SeriesRow[] = [];
    runSeries(run, seriesTasks(settings)[0]!.cell, 1, { emit: (row) => plain.push(row) });
    const all = runTask({ extinctions: true, texts: true, sentencePerplexities: true });
    expect(all.steps).toEqual([0, 1, 2]);
    expect(all.rows.map(([generation, values]) => [generation, values])).toEqual(plain.map((row) => [row.generation, row.values]));
    expect(runTask({ extinctions: false, texts: false }).rows.map(([, values]) => values)).toEqual(plain.map((row) => row.values));
  });

  it('extras: the extinction table, the measured texts and per-sentence perplexities, each only when asked', () => {
    const all = runTask({ extinctions: true, texts: true, sentencePerplexities: true });
    // per-sentence perplexities: H's sentences for row 0, then those of the text each row measured
    expect(all.rows[0]![2]!.length).toBe(sentenceCount(all.human));
    expect(all.texts.map(([generation]) => generation)).toEqual([1, 2]);
    all.texts.forEach(([generation, measured, share]) => {
      expect(all.rows[generation]![2]!.length).toBe(sentenceCount(measured));
      expect(all.rows[generation]![1].tokens).toBe(measured.ids.length);
      expect(share).toBeGreaterThan(0);
      expect(share).toBeLessThan(sentenceCount(measured)); // half the batch is human: the top-up follows the share
    });
    const table = all.result as { types: Int32Array; lastSeen: Int32Array };
    expect(table.types.length).toBeGreaterThan(0);
    expect(Math.max(...table.lastSeen)).toBe(2);
    expect(all.progress).toBeGreaterThan(0);

    const none = runTask({ extinctions: false, texts: false });
    expect(none.result).toBeUndefined();
    expect(none.texts).toEqual([]);
    expect(none.rows.every(([, , perplexities]) => perplexities === undefined)).toBe(true);
    // extinctions alone: the tracker sees the texts, the listener does not
    const tracked = runTask({ extinctions: true, texts: false });
    expect(tracked.texts).toEqual([]);
    expect(tracked.result).toEqual(all.result);
    // texts alone: handed to the listener
    const texts = runTask({ extinctions: false, texts: true });
    expect(texts.texts.map(([generation, measured]) => [generation, measured.ids.length])).toEqual(all.texts.map(([generation, measured]) => [generation, measured.ids.length]));
    // texts asked for, no onTexts handler: nothing breaks
    expect(runTask({ extinctions: false, texts: true }, false).rows).toHaveLength(3);
    // perplexities alone
    const scored = runTask({ extinctions: false, texts: false, sentencePerplexities: true });
    expect(scored.rows.map(([, , p]) => p)).toEqual(all.rows.map(([, , p]) => p));
    expect(scored.texts).toEqual([]);
  });

  it('passes the series warnings to the listener', () => {
    // H is 18 x "a a" (2 of 20 held out), 36 tokens: the order-3 model writes "a a" over and over, one token
    // type (said at generation 1) and one sentence (said next, once the token type has been said)
    const f = fixture(Array.from({ length: 20 }, () => 'a a'));
    const settings: RunSettings = { ...DEFAULT_RUN, generations: 2, sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0] } };
    const run = prepareRun(f.corpus, f.vocabulary.size, settings);
    const warnings: string[] = [];
    const steps = taskSteps(run, seriesTasks(settings)[0]!, { extinctions: false, texts: false }, { onRow: () => undefined, warn: (message) => warnings.push(message) });
    while (steps.next().done !== true);
    expect(warnings).toEqual([
      'cell default replicate 1 generation 1: the model has collapsed to a single token type (36 tokens, all the same); the run goes on',
      'cell default replicate 1 generation 2: the model has collapsed to a single sentence (repeated 18 times); the run goes on',
    ]);
  });
});
