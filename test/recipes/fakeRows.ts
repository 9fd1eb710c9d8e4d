/**
 * Hand-made recipe data for tests that make a check fail: rows of one replicate per cell, with the
 * given metric values per generation (index = generation); `fakeReplicates` gives several replicates,
 * one such record of cells each (replicate i + 1 from the i-th).
 */

import type { MetricValues } from '../../src/metrics/columns.js';
import type { RecipeData } from '../../src/recipes/recipe.js';
import type { SeriesRow } from '../../src/simulation/series.js';
import { BASE_CELL } from '../../src/recipes/recipe.js';

export function fakeData(cells: Record<string, MetricValues[]>, seedCounts: readonly number[] = [], replicates = 1): RecipeData {
  const rows: SeriesRow[] = [];
  Object.entries(cells).forEach(([id, generations], index) => {
    const cell = { index, id, key: id, settings: BASE_CELL };
    generations.forEach((values, generation) => rows.push({ cell, replicate: 1, generation, values }));
  });
  const types = Int32Array.from(seedCounts, (_, t) => t);
  const run = { reference: { unigrams: { types, counts: Int32Array.from(seedCounts) } } };
  return { scale: { generations: 0, replicates, seed: 42 }, rows, cells: [], run, survival: [], sentencePerplexities: [] } as unknown as RecipeData;
}

export function fakeReplicates(replicates: ReadonlyArray<Record<string, MetricValues[]>>, seedCounts: readonly number[] = []): RecipeData {
  const each = replicates.map((cells) => fakeData(cells, seedCounts, replicates.length));
  const rows = each.flatMap((data, i) => data.rows.map((row) => ({ ...row, replicate: i + 1 })));
  return { ...each[0]!, rows };
}
