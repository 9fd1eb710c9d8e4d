import { beforeAll, describe, expect, it } from 'vitest';
import { drift } from '../../src/recipes/drift.js';
import type { Finding, RecipeData } from '../../src/recipes/recipe.js';
import { brownNewsSlice, frozen, runSmall, verdicts } from './helpers.js';

// 3000 sentences of Brown news (~65k tokens), order 1 MLE, 40 generations, 2 replicates.
describe('recipe drift', () => {
  let findings: Map<string, Finding>;
  let data: RecipeData;
  beforeAll(async () => {
    ({ findings, data } = runSmall(drift, await brownNewsSlice(3000), { generations: 40, replicates: 2 }));
  }, 60_000);

  it('has four findings and all of them hold', () => {
    expect([...findings.keys()]).toHaveLength(4);
    for (const finding of findings.values()) expect(finding.holds, finding.observed).toBe(true);
  });

  it('a seed hapax survives one generation with probability close to 1 - 1/e', () => {
    const hapax = findings.get('a seed hapax survives one generation with probability 1 - (1 - 1/M)^M')!;
    // (1 - 1/M)^M -> 1/e for large M (M = tokens per generation)
    expect(hapax.numbers.closed_form).toBeCloseTo(1 - 1 / Math.E, 3);
  });

  it('the time to forget grows linearly with the seed count, with a slope near 2 / ln 2', () => {
    const forgetting = findings.get('the time to forget a type grows roughly linearly with its seed count')!;
    expect(forgetting.numbers.slope).toBeGreaterThan(2);
    expect(forgetting.numbers.slope).toBeLessThan(4);
  });
  it('on data where nothing changes, the findings about change do not hold (no type is ever lost: the types leave the falling baseline, a hapax survives with probability 1, nothing is forgotten)', () => {
    expect(verdicts(drift, frozen(data))).toMatchObject({
      'types follow the drift baseline': false,
      'a seed hapax survives one generation with probability 1 - (1 - 1/M)^M': false,
      'rare types die first': false,
      'the time to forget a type grows roughly linearly with its seed count': false,
    });
  });
});
