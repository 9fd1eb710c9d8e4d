import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, RecipeData } from '../../src/recipes/recipe.js';
import { truncation } from '../../src/recipes/truncation.js';
import { brownNewsSlice, frozen, runSmall, verdicts } from './helpers.js';

// 1500 sentences of Brown news, order 2 MLE: plain, temperature 0.7, top-k 10, top-p 0.9; 8 generations.
describe('recipe truncation', () => {
  let findings: Map<string, Finding>;
  let data: RecipeData;
  beforeAll(async () => {
    ({ findings, data } = runSmall(truncation, await brownNewsSlice(1500), { generations: 8, replicates: 2 }));
  }, 60_000);

  it('temperature 0.7 and top-k 10 lower the perplexity under M0', () => {
    const finding = findings.get('temperature 0.7 and top-k 10 raise the likelihood under M0')!;
    expect(finding.holds, finding.observed).toBe(true);
  });

  it('every truncation makes diversity collapse faster', () => {
    const finding = findings.get('diversity collapses faster')!;
    expect(finding.holds, finding.observed).toBe(true);
  });

  it('top-p 0.9: the verdict is the comparison of its numbers, and on this seeded run it is pinned', () => {
    const finding = findings.get('top-p 0.9 raises the likelihood under M0')!;
    const topP = finding.numbers['gen0_perplexity_top_p_0.9']!;
    const plain = finding.numbers['gen0_perplexity_plain']!;
    expect(finding.holds).toBe(topP < plain);
    // seeded golden (seed 42, 1500 Brown news sentences): see the recipe's note on per-token perplexity
    expect(finding.holds).toBe(false);
  });

  it('on data where nothing changes, the findings about change do not hold (gen 0 repeated: every cell has the perplexity of H and diversity, so no truncated cell is below plain)', () => {
    expect(verdicts(truncation, frozen(data))).toMatchObject({
      'temperature 0.7 and top-k 10 raise the likelihood under M0': false,
      'top-p 0.9 raises the likelihood under M0': false,
      'diversity collapses faster': false,
    });
  });
});
