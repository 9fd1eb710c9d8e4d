/**
 * Fidelity: the integer engine against an independent, naive reference implementation of the README's "The loop"
 * (strings, Maps, padding with n-1 <s>, linear cumulative sampling), on a slice of a real corpus.
 * Pure MLE, replace, human ratio 0, holdout 0. For generations 1..5 the mean number of types over 20
 * replicates must agree within sampling error (|difference| < 4 standard errors of the difference).
 * And the theory of neutral drift: a seed hapax survives one generation of unigram resampling with
 * probability 1 - (1 - 1/M)^M ~ 1 - 1/e.
 */

import seedrandom from 'seedrandom';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { gatherSentences, sentenceCount, type TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { simulate } from '../../src/simulation/simulate.js';
import type { SeriesRow } from '../../src/simulation/series.js';
import { DEFAULT_RUN, type RunSettings } from '../../src/simulation/settings.js';
import type { Vocabulary } from '../../src/vocabulary/vocabulary.js';

const REPLICATES = 20;
const GENERATIONS = 5;

let corpus: TokenCorpus;
let vocabulary: Vocabulary;
let sentences: string[][];

beforeAll(async () => {
  const loaded = await loadCorpus(['brown:news']);
  vocabulary = loaded.vocabulary;
  const picks = Array.from({ length: 800 }, (_, s) => [0, s] as [number, number]);
  corpus = gatherSentences([loaded.corpus], picks);
  sentences = Array.from({ length: sentenceCount(corpus) }, (_, s) =>
    Array.from(corpus.ids.subarray(corpus.offsets[s], corpus.offsets[s + 1]), (id) => vocabulary.token(id)),
  );
});

/** The naive reference: one generation of order-n MLE trained on `text`, sampled to `target` tokens. */
function referenceGeneration(text: string[][], order: number, target: number, random: () => number): string[][] {
  const counts = new Map<string, Map<string, number>>();
  for (const sentence of text) {
    const padded = [...Array<string>(order - 1).fill('<s>'), ...sentence, '</s>'];
    for (let i = order - 1; i < padded.length; i++) {
      const context = padded.slice(i - order + 1, i).join('\u0001');
      const next = counts.get(context) ?? new Map<string, number>();
      next.set(padded[i]!, (next.get(padded[i]!) ?? 0) + 1);
      counts.set(context, next);
    }
  }
  // Per context: successors in insertion order with running counts, searched by bisection.
  const tables = new Map<string, { tokens: string[]; running: number[] }>();
  for (const [context, next] of counts) {
    let total = 0;
    tables.set(context, { tokens: [...next.keys()], running: [...next.values()].map((count) => (total += count)) });
  }
  const output: string[][] = [];
  let tokens = 0;
  while (tokens < target) {
    const history = Array<string>(order - 1).fill('<s>');
    const sentence: string[] = [];
    while (sentence.length < 200) {
      const table = tables.get(history.slice(history.length - order + 1).join('\u0001'))!;
      const u = random() * table.running[table.running.length - 1]!;
      let low = 0;
      let high = table.running.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (table.running[middle]! > u) high = middle;
        else low = middle + 1;
      }
      const chosen = table.tokens[low]!;
      if (chosen === '</s>') break;
      sentence.push(chosen);
      history.push(chosen);
    }
    output.push(sentence);
    tokens += sentence.length;
  }
  return output;
}

function referenceTypes(order: number): number[][] {
  const target = sentences.reduce((sum, s) => sum + s.length, 0);
  return Array.from({ length: REPLICATES }, (_, r) => {
    const random = seedrandom(`reference-${order}-${r}`);
    let text = sentences;
    return Array.from({ length: GENERATIONS }, () => {
      text = referenceGeneration(text, order, target, random);
      return new Set(text.flat()).size;
    });
  });
}

const engineCache = new Map<number, SeriesRow[]>();

function engineRows(order: number): SeriesRow[] {
  const cached = engineCache.get(order);
  if (cached) return cached;
  const settings: RunSettings = {
    ...DEFAULT_RUN,
    generations: GENERATIONS,
    holdout: 0,
    replicates: REPLICATES,
    sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0], order: [order] },
  };
  const rows: SeriesRow[] = [];
  simulate(corpus, vocabulary.size, settings, { emit: (row) => rows.push(row) });
  engineCache.set(order, rows);
  return rows;
}

function meanAndError(values: number[]): [number, number] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return [mean, Math.sqrt(variance / values.length)];
}

describe.each([1, 2, 3])('order %i: engine vs naive reference', (order) => {
  it('mean types per generation agree within sampling error for generations 1-5', () => {
    const reference = referenceTypes(order);
    const rows = engineRows(order);
    for (let g = 1; g <= GENERATIONS; g++) {
      const ours = rows.filter((row) => row.generation === g).map((row) => row.values.types!);
      const theirs = reference.map((series) => series[g - 1]!);
      const [meanOurs, errorOurs] = meanAndError(ours);
      const [meanTheirs, errorTheirs] = meanAndError(theirs);
      const tolerance = 4 * Math.hypot(errorOurs, errorTheirs) + 0.5;
      expect(Math.abs(meanOurs - meanTheirs), `generation ${g}: ${meanOurs} vs ${meanTheirs}`).toBeLessThan(tolerance);
    }
  });
});

describe('neutral drift theory (order 1, MLE, replace)', () => {
  it('a seed hapax survives one generation with probability ~ 1 - (1 - 1/M)^M ~ 0.632', () => {
    const rows = engineRows(1).filter((row) => row.generation === 1);
    const survival = rows.map((row) => row.values.survival_1!);
    const [mean, error] = meanAndError(survival);
    const tokens = rows[0]!.values.tokens!;
    const draws = tokens + rows[0]!.values.sentences!;
    const theory = 1 - Math.pow(1 - 1 / draws, draws);
    expect(theory).toBeCloseTo(1 - 1 / Math.E, 3);
    expect(Math.abs(mean - theory)).toBeLessThan(Math.max(4 * error, 0.01));
  });

  it('measured types follow the drift baseline (drift_expected_types) at generation 1', () => {
    const rows = engineRows(1).filter((row) => row.generation === 1);
    const [types, error] = meanAndError(rows.map((row) => row.values.types!));
    const [expected] = meanAndError(rows.map((row) => row.values.drift_expected_types!));
    expect(Math.abs(types - expected)).toBeLessThan(4 * error + 0.01 * expected);
  });
});
