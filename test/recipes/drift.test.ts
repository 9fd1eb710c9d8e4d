import { beforeAll, describe, expect, it } from 'vitest';
import { drift } from '../../src/recipes/drift.js';
import type { Finding } from '../../src/recipes/recipe.js';
import { brownNewsSlice, runSmall } from './helpers.js';

// 3000 sentences of Brown news (~65k tokens), order 1 MLE, 40 generations, 2 replicates.
describe('recipe drift', () => {
  let findings: Map<string, Finding>;
  beforeAll(async () => {
    ({ findings } = runSmall(drift, await brownNewsSlice(3000), { generations: 40, replicates: 2 }));
  }, 60_000);

  it('has four findings and all of them hold', () => {
    expect([...findings.keys()]).toHaveLength(4);
    for (const finding of findings.values()) expect(finding.holds, finding.observed).toBe(true);
  });

  it('measured types stay within 2% of the drift baseline', () => {
    expect(findings.get('types follow the drift baseline')!.numbers.largest_relative_gap).toBeLessThan(0.02);
  });

  it('a seed hapax survives one generation with probability close to 1 - 1/e', () => {
    const hapax = findings.get('a seed hapax survives one generation with probability 1 - (1 - 1/M)^M')!;
    expect(hapax.numbers.closed_form).toBeCloseTo(1 - 1 / Math.E, 3);
    expect(Math.abs(hapax.numbers.survival_1_generation_1! - hapax.numbers.closed_form!)).toBeLessThan(0.02);
  });

  it('the time to forget grows linearly with the seed count, with a slope near 2 / ln 2', () => {
    const forgetting = findings.get('the time to forget a type grows roughly linearly with its seed count')!;
    expect(forgetting.numbers.r2).toBeGreaterThan(0.9);
    expect(forgetting.numbers.slope).toBeGreaterThan(2);
    expect(forgetting.numbers.slope).toBeLessThan(4);
  });
});
