import { beforeAll, describe, expect, it } from 'vitest';
import { accumulate } from '../../src/recipes/accumulate.js';
import type { Finding, RecipeData } from '../../src/recipes/recipe.js';
import { brownNewsSlice, frozen, runSmall, verdicts } from './helpers.js';

// 1500 sentences of Brown news, order 2 MLE, replace / accumulate / accumulate-subsample, 10 generations.
describe('recipe accumulate', () => {
  let findings: Map<string, Finding>;
  let data: RecipeData;
  beforeAll(async () => {
    ({ findings, data } = runSmall(accumulate, await brownNewsSlice(1500), { generations: 10, replicates: 2 }));
  }, 60_000);

  it('every finding holds', () => {
    for (const finding of findings.values()) expect(finding.holds, `${finding.name}: ${finding.observed}`).toBe(true);
  });

  it('held-out perplexity: accumulate < accumulate-subsample < replace at the last generation', () => {
    const between = findings.get('accumulate-subsample lies in between')!.numbers;
    expect(between.accumulate_last).toBeLessThan(between.subsample_last!);
    expect(between.subsample_last).toBeLessThan(between.replace_last!);
  });
  it('on data where nothing changes, the findings about change do not hold (perplexity frozen at generation 0: replace does not grow, and no cell lies strictly between the others)', () => {
    expect(verdicts(accumulate, frozen(data))).toMatchObject({
      'replace: held-out perplexity grows': false,
      'accumulate-subsample lies in between': false,
    });
  });
});
