import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/recipes/recipe.js';
import { truncation } from '../../src/recipes/truncation.js';
import { brownNewsSlice, runSmall } from './helpers.js';

// 1500 sentences of Brown news, order 2 MLE: plain, temperature 0.7, top-k 10, top-p 0.9; 8 generations.
describe('recipe truncation', () => {
  let findings: Map<string, Finding>;
  beforeAll(async () => {
    ({ findings } = runSmall(truncation, await brownNewsSlice(1500), { generations: 8, replicates: 2 }));
  }, 60_000);

  it('temperature 0.7 and top-k 10 lower the perplexity under M0', () => {
    const finding = findings.get('temperature 0.7 and top-k 10 raise the likelihood under M0')!;
    expect(finding.holds, finding.observed).toBe(true);
  });

  it('every truncation makes diversity collapse faster', () => {
    const finding = findings.get('diversity collapses faster')!;
    expect(finding.holds, finding.observed).toBe(true);
  });

  it('reports the top-p finding either way, with its numbers', () => {
    const finding = findings.get('top-p 0.9 raises the likelihood under M0')!;
    expect(finding.numbers['gen0_perplexity_top_p_0.9']).toBeGreaterThan(1);
  });
});
