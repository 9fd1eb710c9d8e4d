import { beforeAll, describe, expect, it } from 'vitest';
import { perplexityShift } from '../../src/recipes/perplexityShift.js';
import type { Finding, RecipeData } from '../../src/recipes/recipe.js';
import { brownNewsSlice, frozen, runSmall, verdicts } from './helpers.js';

// 1500 sentences of Brown news, order 1 MLE, 12 generations, 2 replicates.
describe('recipe perplexity-shift', () => {
  let findings: Map<string, Finding>;
  let data: RecipeData;
  beforeAll(async () => {
    ({ findings, data } = runSmall(perplexityShift, await brownNewsSlice(1500), { generations: 12, replicates: 2 }));
  }, 60_000);

  it('records one perplexity per sentence for generations 0..G of every replicate', () => {
    expect(data.sentencePerplexities).toHaveLength(2 * 13);
    const first = data.sentencePerplexities.find((one) => one.generation === 1 && one.replicate === 1)!;
    const row = data.rows.find((r) => r.generation === 1 && r.replicate === 1)!;
    expect(first.values.length).toBe(row.values.sentences);
  });

  it('mass moves to low perplexity and the tail thins', () => {
    for (const finding of findings.values()) expect(finding.holds, `${finding.name}: ${finding.observed}`).toBe(true);
  });
  it('on data where nothing changes, the findings about change do not hold (the sentences of every generation score as those of generation 1: the median does not fall, the tail does not thin)', () => {
    expect(verdicts(perplexityShift, frozen(data))).toMatchObject({
      'mass moves to low perplexity': false,
      'the tail thins': false,
    });
  });
});
