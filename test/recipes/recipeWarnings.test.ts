/**
 * A recipe's warnings name its cells as its rows and report do (temperature=0.7/..., or
 * tokenizer=bpe:500 with `renameCell`), not the cell name of the run behind them ("default").
 */

import { describe, expect, it } from 'vitest';
import { collectRecipe } from '../../src/recipes/collectRecipe.js';
import { truncation } from '../../src/recipes/truncation.js';
import { brownNewsSlice } from './helpers.js';

describe('recipe warnings', () => {
  it("name the recipe's cells, renamed ones too", async () => {
    // 20 sentences of Brown news, 12 generations of order 2: every rare type dies, and the series warn so.
    const small = await brownNewsSlice(20);
    const warnings: string[] = [];
    const data = collectRecipe(truncation, small.corpus, small.idSpace, { seed: 42, generations: 12, replicates: 1 }, { warn: (message) => warnings.push(message) });
    const names = data.cells.map((cell) => cell.id);
    expect(names).not.toContain('default');
    expect(warnings.length).toBeGreaterThan(0);
    for (const warning of warnings) expect(names.some((name) => warning.startsWith(`cell ${name} replicate`)), warning).toBe(true);

    const renamed: string[] = [];
    const again = collectRecipe(truncation, small.corpus, small.idSpace, { seed: 42, generations: 12, replicates: 1 }, { warn: (message) => renamed.push(message), renameCell: (id) => `tokenizer=x/${id}` });
    expect(again.cells.map((cell) => cell.id)).toEqual(names.map((name) => `tokenizer=x/${name}`));
    expect(again.rows.map((row) => row.values)).toEqual(data.rows.map((row) => row.values)); // the same draws
    expect(renamed).toEqual(warnings.map((warning) => warning.replace(/^cell (\S+)/u, (_, name: string) => `cell tokenizer=x/${name}`)));
  });
});
