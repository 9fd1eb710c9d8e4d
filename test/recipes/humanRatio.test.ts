import { beforeAll, describe, expect, it } from 'vitest';
import { humanRatio } from '../../src/recipes/humanRatio.js';
import type { Finding, RecipeData } from '../../src/recipes/recipe.js';
import { brownNewsSlice, frozen, runSmall, verdicts } from './helpers.js';

// 3000 sentences of Brown news, order 2 MLE, ratios 0 / 0.01 / 0.1 / 0.5, 16 generations, 2 replicates.
describe('recipe human-ratio', () => {
  let findings: Map<string, Finding>;
  let data: RecipeData;
  beforeAll(async () => {
    ({ findings, data } = runSmall(humanRatio, await brownNewsSlice(3000), { generations: 16, replicates: 2 }));
  }, 60_000);

  it('every finding holds', () => {
    for (const finding of findings.values()) expect(finding.holds, `${finding.name}: ${finding.observed}`).toBe(true);
  });

  it('no human data degrades steadily; 10% human data levels off; the threshold is at or below 10%', () => {
    const steady = findings.get('no human data: steady degradation')!;
    expect(steady.numbers.vocab_retention_last).toBeLessThan(steady.numbers.vocab_retention_half!);
    const threshold = findings.get('a stability threshold on the real-data share')!;
    expect(threshold.numbers.threshold).toBeGreaterThan(0);
  });
  it('on data where nothing changes, the findings about change do not hold (no cell degrades, so there is no degradation to bound and no threshold)', () => {
    expect(verdicts(humanRatio, frozen(data))).toMatchObject({
      'no human data: steady degradation': false,
      '10% human data: the degradation is bounded, far below that with none': false,
      'a stability threshold on the real-data share': false,
    });
  });
});
