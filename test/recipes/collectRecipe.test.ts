/**
 * collectRecipeAsync gives collectRecipe's data, with a turn of the event loop between generations,
 * and stops, returning undefined, at the first look after its signal aborted: a signal is heard while
 * a recipe runs.
 */

import { describe, expect, it } from 'vitest';
import { collectRecipe, collectRecipeAsync } from '../../src/recipes/collectRecipe.js';
import { findRecipe } from '../../src/recipes/registry.js';
import { brownNewsSlice } from './helpers.js';

const small = await brownNewsSlice(300);
const scale = { seed: 42, generations: 3, replicates: 2 };

describe('collectRecipeAsync', () => {
  it('gives the data collectRecipe gives, row for row', async () => {
    const recipe = findRecipe('anchor');
    const sync = collectRecipe(recipe, small.corpus, small.idSpace, scale);
    const turns: number[] = [];
    const async = await collectRecipeAsync(recipe, small.corpus, small.idSpace, scale, { onRow: (row) => turns.push(row.generation) }, new AbortController().signal);
    expect(async!.rows).toEqual(sync.rows);
    expect(async!.survival).toEqual(sync.survival);
    expect(recipe.findings(async!)).toEqual(recipe.findings(sync));
    // 3 cells x 2 replicates, generations 0..3 each
    expect(turns).toHaveLength(3 * 2 * 4);
  });

  it('stops at the next generation once its signal aborts: no row after it, undefined', async () => {
    const controller = new AbortController();
    const rows: string[] = [];
    const data = await collectRecipeAsync(findRecipe('drift'), small.corpus, small.idSpace, scale, {
      onRow: (row) => {
        rows.push(`${row.replicate}:${row.generation}`);
        if (row.generation === 1) controller.abort();
      },
    }, controller.signal);
    expect(data).toBeUndefined();
    expect(rows).toEqual(['1:0', '1:1']);
    // aborted before it starts: no row at all
    const none: number[] = [];
    expect(await collectRecipeAsync(findRecipe('drift'), small.corpus, small.idSpace, scale, { onRow: (row) => none.push(row.generation) }, AbortSignal.abort())).toBeUndefined();
    expect(none).toEqual([]);
  });
});
