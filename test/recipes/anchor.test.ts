import { beforeAll, describe, expect, it } from 'vitest';
import { anchor } from '../../src/recipes/anchor.js';
import type { Finding, RecipeData } from '../../src/recipes/recipe.js';
import { brownNewsSlice, frozen, runSmall, verdicts } from './helpers.js';

// 1500 sentences of Brown news, order 2: MLE, MLE + 1 anchor sentence, add-k with the seed vocabulary.
describe('recipe anchor', () => {
  let findings: Map<string, Finding>;
  let data: RecipeData;
  beforeAll(async () => {
    ({ findings, data } = runSmall(anchor, await brownNewsSlice(1500), { generations: 12, replicates: 2 }));
  }, 60_000);

  it('every finding holds', () => {
    for (const finding of findings.values()) expect(finding.holds, `${finding.name}: ${finding.observed}`).toBe(true);
  });

  it('pure MLE never brings a lost type back; the prior does', () => {
    expect(findings.get('pure MLE is absorbed')!.numbers.returns).toBe(0);
    expect(findings.get('the prior is not absorbed')!.numbers.returns).toBeGreaterThan(0);
  });

  it('the anchor keeps its own tokens but not the other rare ones', () => {
    const own = findings.get('the anchor is not absorbed: its own tokens survive')!.numbers;
    expect(own.anchor_tokens).toBeGreaterThan(0);
    const others = findings.get('one anchor sentence does not protect the other rare tokens')!.numbers;
    expect(Math.abs(others.rare_survival_anchor! - others.rare_survival_mle!)).toBeLessThan(0.05);
  });
  it('on data where nothing changes, the findings about change do not hold (every type kept and nothing ever returns: MLE keeps retention 1, the prior has no returns)', () => {
    expect(verdicts(anchor, frozen(data))).toMatchObject({
      'pure MLE is absorbed': false,
      'the prior is not absorbed': false,
    });
  });
});
