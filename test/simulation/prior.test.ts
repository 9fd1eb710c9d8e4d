/**
 * The prior and the sampling controls at work in the whole loop (issue 3, items 3, 4 and 7).
 */

import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/simulate.js';
import type { SeriesRow } from '../../src/simulation/series.js';
import { DEFAULT_RUN, type CellSettings } from '../../src/simulation/settings.js';
import { fixture } from '../helpers/corpus.js';

// 300 sentences over 150 words, many of them rare (w100..w149 appear about once).
const sentences = Array.from({ length: 300 }, (_, s) =>
  Array.from({ length: 4 + (s % 4) }, (_, i) => (i === 2 && s % 6 === 0 ? `w${100 + ((s / 6) % 50)}` : `w${(s * 11 + i * 17) % 100}`)).join(' '),
);
const f = fixture(sentences);

function lastRow(cell: Partial<CellSettings>, generations = 5): SeriesRow {
  const sweep = { ...DEFAULT_RUN.sweep, humanRatio: [0], order: [2] } as Record<string, unknown>;
  for (const [key, value] of Object.entries(cell)) sweep[key] = [value];
  const rows: SeriesRow[] = [];
  simulate(f.corpus, f.vocabulary.size, { ...DEFAULT_RUN, generations, sweep: sweep as never }, { emit: (row) => rows.push(row) });
  return rows[rows.length - 1]!;
}

describe('the prior (add-k over the seed vocabulary)', () => {
  it('keeps vocab_retention far above pure MLE on the same corpus and seed', () => {
    const mle = lastRow({ smoothing: 'mle' }).values.vocab_retention!;
    const prior = lastRow({ smoothing: 'add-k', vocab: 'seed' }).values.vocab_retention!;
    expect(prior).toBeGreaterThan(mle + 0.2);
    expect(prior).toBeGreaterThan(0.9);
  });

  it('with the observed vocabulary, a smoothed model still loses what left its training data', () => {
    const observed = lastRow({ smoothing: 'add-k', vocab: 'observed' }, 8).values.vocab_retention!;
    expect(observed).toBeLessThan(1);
  });

  it('leaves discount_fallback empty where there are no discounts (MLE, add-k, Witten-Bell)', () => {
    // (Kneser-Ney's value, 0 or 1, is pinned by the next test and by the golden test of size-matched rows.)
    for (const smoothing of ['mle', 'add-k', 'witten-bell'] as const) expect(lastRow({ smoothing }).values.discount_fallback).toBeUndefined();
  });

  it('flags the Kneser-Ney discount fallback on degenerate data (one sentence repeated) and keeps going', () => {
    // "a b c" x 30: every n-gram is seen 30 times, so n1 = n2 = 0 at every order -> fallback.
    const g = fixture(Array.from({ length: 30 }, () => 'a b c'));
    const rows: SeriesRow[] = [];
    const sweep = { ...DEFAULT_RUN.sweep, humanRatio: [0], smoothing: ['kneser-ney'] } as never;
    simulate(g.corpus, g.vocabulary.size, { ...DEFAULT_RUN, generations: 2, sweep }, { emit: (row) => rows.push(row) });
    expect(rows.map((row) => row.values.discount_fallback)).toEqual([1, 1, 1]);
    for (const row of rows) for (const value of Object.values(row.values)) if (value !== undefined) expect(Number.isFinite(value)).toBe(true);
  });
});

describe('sampling controls in the loop', () => {
  it('lower temperature lowers distinct_2 on the same seed', () => {
    const plain = lastRow({ temperature: 1 }, 1).values.distinct_2!;
    const cold = lastRow({ temperature: 0.5 }, 1).values.distinct_2!;
    expect(cold).toBeLessThan(plain);
  });

  it('truncation (top-k 2) collapses the vocabulary faster than plain sampling', () => {
    const plain = lastRow({}, 3).values.vocab_retention!;
    const truncated = lastRow({ topK: 2 }, 3).values.vocab_retention!;
    expect(truncated).toBeLessThan(plain);
  });
});
