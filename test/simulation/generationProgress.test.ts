import { describe, expect, it } from 'vitest';
import { sentenceCount, tokenCount } from '../../src/corpus/tokenCorpus.js';
import { GenerationProgress, STEPS } from '../../src/simulation/generationProgress.js';
import { expandCells } from '../../src/simulation/cells.js';
import { prepareRun } from '../../src/simulation/preparedRun.js';
import { runSeries } from '../../src/simulation/series.js';
import { DEFAULT_RUN, type RunSettings } from '../../src/simulation/settings.js';
import { fixture } from '../helpers/corpus.js';

describe('GenerationProgress', () => {
  it('reports sampled tokens as a share of the generation\'s work, at most every 1/STEPS of it', () => {
    // work: 600 to sample, 300 to train, 100 to measure = 1000; a report every >= 50 tokens
    const reports: Array<[number, number]> = [];
    const progress = new GenerationProgress(3, { sample: 600, train: 300, measure: 100 }, (g, f) => reports.push([g, f]));
    for (let i = 0; i < 30; i++) progress.sampled(10); // 300 tokens in steps of 10 -> reports at 50, 100, ..., 300
    expect(reports).toHaveLength(6);
    expect(reports[0]).toEqual([3, 0.05]);
    expect(reports.at(-1)).toEqual([3, 0.3]);
    for (let i = 0; i < 100; i++) progress.sampled(10); // more than expected: held at the sampling share, 0.6
    expect(reports.at(-1)).toEqual([3, 0.6]);
    progress.trained();
    expect(reports.at(-1)).toEqual([3, 0.9]);
    progress.finish();
    expect(reports.at(-1)).toEqual([3, 1]);
    expect(reports.length).toBeLessThanOrEqual(STEPS + 1);
  });

  it('counts what a wrapped sampler draws, sentence by sentence (tokens plus </s>), and draws the same', () => {
    const fractions: number[] = [];
    const progress = new GenerationProgress(1, { sample: 10, train: 0, measure: 0 }, (_g, f) => fractions.push(f));
    let calls = 0;
    const sampler = progress.counting({ sample: (_random, _max, out, at) => { out[at] = 7; out[at + 1] = 8; calls++; return 2; } });
    const out = new Int32Array(4);
    expect(sampler.sample(() => 0, 4, out, 1)).toBe(2);
    expect(Array.from(out)).toEqual([0, 7, 8, 0]);
    expect(calls).toBe(1);
    expect(fractions).toEqual([0.3]); // 2 tokens + </s> of 10
  });

  it('hands the sampler back unwrapped when nobody listens (no extra call per sentence)', () => {
    const sampler = { sample: () => 0 };
    expect(new GenerationProgress(1, { sample: 10, train: 0, measure: 0 }, undefined).counting(sampler)).toBe(sampler);
  });
});

describe('progress of a series', () => {
  const sentences = Array.from({ length: 120 }, (_, s) => Array.from({ length: 3 + (s % 4) }, (_, i) => `w${(s * 5 + i * 11) % 40}`).join(' '));
  const f = fixture(sentences);

  it('moves within every generation, never backwards, and ends each generation at 1 (G + 1 units in all)', () => {
    const settings: RunSettings = { ...DEFAULT_RUN, generations: 3, sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0.5], order: [2] } };
    const run = prepareRun(f.corpus, f.vocabulary.size, settings);
    const reports: Array<[number, number]> = [];
    runSeries(run, expandCells(settings.sweep)[0]!, 1, { emit: () => undefined, onProgress: (g, fraction) => reports.push([g, fraction]) });
    // generation 0: M0 trained on H (|H| tokens) is half of training plus measuring H (|H| tokens)
    expect(reports.slice(0, 2)).toEqual([[0, 0.5], [0, 1]]);
    const values = reports.map(([g, fraction]) => g + fraction);
    values.slice(1).forEach((value, i) => expect(value).toBeGreaterThanOrEqual(values[i]!));
    expect(values.at(-1)).toBe(4);
    for (let g = 1; g <= 3; g++) {
      const inside = reports.filter(([generation, fraction]) => generation === g && fraction < 1);
      expect(inside.length).toBeGreaterThan(2); // sampling moved the bar before the row was out
      expect(reports.filter(([generation, fraction]) => generation === g && fraction === 1)).toHaveLength(1);
    }
    expect(tokenCount(run.human)).toBeGreaterThan(0);
    expect(sentenceCount(run.human)).toBe(108);
  });
});
