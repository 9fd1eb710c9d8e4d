import { beforeAll, describe, expect, it } from 'vitest';
import { drift } from '../../src/recipes/drift.js';
import type { Finding, RecipeData } from '../../src/recipes/recipe.js';
import type { SeriesSurvival } from '../../src/recipes/tokenSurvival.js';
import { fakeData } from './fakeRows.js';
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

  it('counts M as the draws of H, tokens and sentence ends: one sentence of 3 tokens gives M = 4, 1 - (3/4)^4 = 175/256, and a band of 0.02 around it', () => {
    const hapax = (survival1: number) => drift.findings(fakeDrift([{ survival_1: 1 }, { survival_1: survival1 }])).find((one) => one.name.startsWith('a seed hapax'))!;
    expect(hapax(0.7).numbers.M).toBe(4);
    // shown to 4 decimals: 175/256 = 0.68359375
    expect(hapax(0.7).numbers.closed_form).toBe(0.6836);
    expect(hapax(175 / 256 - 0.019).holds).toBe(true);
    expect(hapax(175 / 256 + 0.019).holds).toBe(true);
    expect(hapax(175 / 256 + 0.021).holds).toBe(false);
    expect(hapax(175 / 256 - 0.021).holds).toBe(false);
  });

  it('needs the forgetting times on a rising line with R^2 >= 0.9: medians 2, 3, 5, 6 for seed counts 1-4 hold (R^2 = 49/50), 2, 3, 5, 5 do not (R^2 = 30.25/33.75 = 0.896)', () => {
    // one type per seed count 1..4, first absent at the given generation: its median is that generation.
    // 2, 3, 5, 6: deviations -2, -1, 1, 2 from 4, Sxy = 7, Sxx = 5, Syy = 10: R^2 = 49 / 50
    // 2, 3, 5, 5: deviations -1.75, -0.75, 1.25, 1.25 from 3.75, Sxy = 5.5, Syy = 6.75: R^2 = 30.25 / 33.75
    const holds = (firstAbsent: number[]) => {
      const series = { cell: 'base', replicate: 1, generations: 10, types: Int32Array.of(10, 11, 12, 13), seedCounts: Int32Array.of(1, 2, 3, 4), firstAbsent: Int32Array.from(firstAbsent) };
      const data = { ...fakeDrift([{}, {}]), survival: [series as unknown as SeriesSurvival] };
      return verdicts(drift, data)['the time to forget a type grows roughly linearly with its seed count'];
    };
    expect(holds([2, 3, 5, 6])).toBe(true);
    expect(holds([2, 3, 5, 5])).toBe(false);
    // a perfect line (R^2 = 1) that falls
    expect(holds([6, 5, 4, 3])).toBe(false);
  });

  it('a gentle rise is still a rise: medians 1, 2, 3 at seed counts 2, 6, 10 (slope 1/4, R^2 = 1) hold', () => {
    const series = { cell: 'base', replicate: 1, generations: 10, types: Int32Array.of(10, 11, 12), seedCounts: Int32Array.of(2, 6, 10), firstAbsent: Int32Array.of(1, 2, 3) };
    const forgetting = drift.findings({ ...fakeDrift([{}, {}]), survival: [series as unknown as SeriesSurvival] }).find((one) => one.name.startsWith('the time to forget'))!;
    expect(forgetting.numbers.slope).toBe(0.25);
    expect(forgetting.holds).toBe(true);
  });

  it('types follow the baseline while every generation is within 2% of it: 98.1 and 101.9 of 100 hold, 97.9 does not', () => {
    const follows = (types: number[]) =>
      verdicts(drift, fakeDrift([{}, ...types.map((value) => ({ types: value, drift_expected_types: 100 }))]))['types follow the drift baseline'];
    expect(follows([100, 98.1, 101.9])).toBe(true);
    expect(follows([100, 97.9, 100])).toBe(false);
    expect(follows([100, 100, 102.1])).toBe(false);
  });
});

/** Hand-made drift data: one cell's rows by generation, and H one sentence of 3 tokens (M = 4 draws). */
function fakeDrift(generations: Parameters<typeof fakeData>[0][string]): RecipeData {
  const fake = fakeData({ base: generations });
  return { ...fake, run: { ...fake.run, human: { ids: Int32Array.of(5, 6, 7), offsets: Int32Array.of(0, 3) } } } as RecipeData;
}
