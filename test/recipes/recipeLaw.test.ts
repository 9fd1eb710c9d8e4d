/**
 * A recipe's report draws the survival law of each cell from that cell's own H: a recipe over
 * tokenizers reads H once per tokenizer (`referenceOf`), and the law of a bpe cell must use the seed
 * counts of H in bpe pieces, not the first tokenizer's words.
 */

import { describe, expect, it } from 'vitest';
import { lawPoints } from '../../src/cli/recipeReport.js';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { curveRecord } from '../../src/export/curveRecord.js';
import { theoryPoints } from '../../src/export/survivalLaw.js';
import { buildSeedReference } from '../../src/metrics/seedReference.js';
import type { RecipeData } from '../../src/recipes/recipe.js';
import type { SeriesRow } from '../../src/simulation/series.js';
import { DEFAULT_RUN, type RunSettings } from '../../src/simulation/settings.js';
import { simulate } from '../../src/simulation/simulate.js';

describe('the survival law in a recipe report', () => {
  it("takes each cell's seed counts from its own reference", () => {
    // Two pure-resampling cells (orders 2 and 3: the law applies to both) on one small corpus.
    const corpus = corpusFromSentences(Array.from({ length: 40 }, (_, s) => [2 + (s % 7), 3 + (s % 5), 4 + (s % 3), 5]));
    const settings: RunSettings = { ...DEFAULT_RUN, generations: 3, holdout: 0, sweep: { ...DEFAULT_RUN.sweep, order: [2, 3], humanRatio: [0] } };
    const rows: SeriesRow[] = [];
    const run = simulate(corpus, 12, settings, { emit: (row) => rows.push(row) });
    const records = rows.map((row) => curveRecord(row, settings.seed));
    // Another H for the order-3 cell: every type seen once, so its bands differ from the real H's.
    const other = buildSeedReference(corpusFromSentences([[2, 3, 4, 5, 6, 7, 8, 9, 10, 11]]), 12, run.settings.rareThreshold);
    const cells = [...new Set(rows.map((row) => row.cell.id))];
    expect(cells).toHaveLength(2);
    const data = { run, referenceOf: (cell: string) => (cell === cells[1] ? other : run.reference) } as unknown as RecipeData;
    const counts = (reference: typeof other): Int32Array => Int32Array.from(reference.unigrams.types, (id) => reference.unigrams.counts[id]!);
    const of = (cell: string) => records.filter((record) => record[0] === cell);
    const expected = [...theoryPoints(of(cells[0]!), counts(run.reference)), ...theoryPoints(of(cells[1]!), counts(other))];
    expect(lawPoints(data, records)).toEqual(expected);
    // and the other H really gives other numbers (the test can tell the references apart)
    expect(theoryPoints(of(cells[1]!), counts(other))).not.toEqual(theoryPoints(of(cells[1]!), counts(run.reference)));
    // without referenceOf, every cell uses the run's reference
    expect(lawPoints({ run } as unknown as RecipeData, records)).toEqual(theoryPoints(records, counts(run.reference)));
  });
});
