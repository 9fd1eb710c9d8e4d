/**
 * runRecipe (the library side of `ngram-collapse recipe`): a relative `out` resolves against
 * `options.cwd`, where it is checked, not against the process's working folder; an `out` no folder can
 * be made for is refused before the recipe runs (it once ran the whole recipe, then looped in mkdir).
 */

import { existsSync, mkdtempSync } from 'node:fs';
import { InputError } from '../../src/errors.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRecipe } from '../../src/cli/runRecipe.js';
import { findRecipe } from '../../src/recipes/registry.js';

describe('runRecipe with a relative out', () => {
  it("writes its files under options.cwd and returns their paths there", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngc-recipe-out-'));
    const lighthouse = new URL('../../corpora/lighthouse.txt', import.meta.url).pathname;
    const outcome = await runRecipe(findRecipe('accumulate'), { out: 'results', cwd, corpus: [lighthouse], generations: 2, replicates: 1 });
    expect(outcome.written).toContain(join(cwd, 'results', 'curves.csv'));
    for (const file of outcome.written) expect(existsSync(file), file).toBe(true);
    expect(existsSync(join(process.cwd(), 'results'))).toBe(false);
  }, 60_000);
});

describe('runRecipe with an out no folder can be made for', () => {
  it.runIf(existsSync('/proc/self') && process.getuid?.() === 0)('refuses it before any cell runs (/proc, as root)', async () => {
    const lighthouse = new URL('../../corpora/lighthouse.txt', import.meta.url).pathname;
    let cells = 0;
    const outcome = runRecipe(findRecipe('accumulate'), { out: '/proc/ngram-collapse-x', cwd: '/', corpus: [lighthouse], generations: 2, replicates: 1, onProgress: () => { cells++; } });
    await expect(outcome).rejects.toThrow(InputError);
    expect(cells).toBe(0);
  });
});
