import { beforeAll, describe, expect, it } from 'vitest';
import { humanRatio } from '../../src/recipes/humanRatio.js';
import type { Finding, RecipeData } from '../../src/recipes/recipe.js';
import type { MetricValues } from '../../src/metrics/columns.js';
import { fakeData } from './fakeRows.js';
import { brownNewsSlice, frozen, runSmall, verdicts } from './helpers.js';

// 3000 sentences of Brown news, order 2 MLE, ratios 0 / 0.01 / 0.1 / 0.5, 16 generations, 2 replicates.
describe('recipe human-ratio', () => {
  let findings: Map<string, Finding>;
  let data: RecipeData;
  beforeAll(async () => {
    ({ findings, data } = runSmall(humanRatio, await brownNewsSlice(3000), { generations: 16, replicates: 2 }));
  });

  it('every finding holds but "bounded", whose means hold and whose Welch test 2 replicates cannot pass', () => {
    for (const finding of findings.values()) {
      if (finding.name.startsWith('10% human data')) continue;
      expect(finding.holds, `${finding.name}: ${finding.observed}`).toBe(true);
    }
    // second half 5.8% against a quarter of 37.1% in the means; the replicates spread too far for 2 a side
    const bounded = findings.get('10% human data: the degradation is bounded, far below that with none')!;
    expect(bounded.numbers.perplexity_second_half_growth_ratio_0_1!).toBeLessThan(0.25 * bounded.numbers.perplexity_second_half_growth_ratio_0!);
    expect(bounded.holds).toBe(false);
    expect(bounded.undecided).toMatch(/^the means hold, but not by a one-sided Welch test over the replicates at 5%: second-half growth at ratio 0\.1 below a quarter of ratio 0's \(p = 0\.\d+\); run more --replicates$/u);
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

// The same slice at the recipe's own number of replicates: its Welch test decides "bounded", where at
// 3 replicates (the default until 7 December) it did not (p = 0.11 here; 0.12 on all of brown:news).
describe('recipe human-ratio at its default replicates', () => {
  it('decides "bounded": it holds, by the Welch test (p = 0.041 on this slice)', async () => {
    const { findings } = runSmall(humanRatio, await brownNewsSlice(3000), { generations: 16, replicates: humanRatio.defaults.replicates });
    const bounded = findings.get('10% human data: the degradation is bounded, far below that with none')!;
    expect(bounded.undecided).toBeUndefined();
    expect(bounded.holds).toBe(true);
    expect(bounded.numbers.second_half_welch_p).toBeCloseTo(0.04068, 4);
  }, 120_000);
});

// Hand-made curves, generations 0..4 (half = 2, last = 4), one per human ratio.
type Curve = { retention: number[]; perplexity: number[] };
const HOLDING: Record<string, Curve> = {
  // retention falls every generation; perplexity 100 < 200 < 300: growth 2, second half 0.5, vocabulary lost since generation 1: 1 - 0.6/0.9 = 1/3
  '0': { retention: [1, 0.9, 0.8, 0.7, 0.6], perplexity: [100, 150, 200, 250, 300] },
  // second half loses 1 - 0.82/0.88 = 6.8%: not stable
  '0.01': { retention: [1, 0.93, 0.88, 0.85, 0.82], perplexity: [100, 140, 170, 190, 200] },
  // growth 0.17 < 0.5 x 2; loss 1 - 0.92/0.95 = 3.2% < 0.6 x 1/3; second half 117/115 - 1 = 1.7% < 0.25 x 0.5; stable (1 - 0.92/0.93 = 1.1%)
  '0.1': { retention: [1, 0.95, 0.93, 0.92, 0.92], perplexity: [100, 110, 115, 116, 117] },
  '0.5': { retention: [1, 0.98, 0.97, 0.97, 0.97], perplexity: [100, 101, 102, 102, 102] },
};

function ratioVerdicts(changes: Record<string, Partial<Curve>>): Record<string, boolean> {
  const cells = Object.fromEntries(
    Object.entries(HOLDING).map(([ratio, curve]) => {
      const { retention, perplexity } = { ...curve, ...changes[ratio] };
      return [`human_ratio=${ratio}`, retention.map((value, g) => ({ vocab_retention: value, heldout_perplexity: perplexity[g]! }))];
    }),
  );
  return verdicts(humanRatio, fakeData(cells));
}

describe('recipe human-ratio: each check can fail on its own', () => {
  it('every check holds on curves that show the claim', () => {
    expect(Object.values(ratioVerdicts({}))).toEqual([true, true, true]);
  });

  it('no human data: retention falls in every generation and perplexity rises from 0 to half to last', () => {
    const steady = (none: Partial<Curve>) => ratioVerdicts({ '0': none })['no human data: steady degradation'];
    expect(steady({ retention: [1, 0.9, 0.9, 0.7, 0.6] })).toBe(false);
    expect(steady({ perplexity: [100, 90, 95, 250, 300] })).toBe(false);
    expect(steady({ perplexity: [100, 150, 300, 250, 290] })).toBe(false);
    // strictly rising: level at half, or level from half to last, is not
    expect(steady({ perplexity: [100, 150, 100, 250, 300] })).toBe(false);
    expect(steady({ perplexity: [100, 150, 200, 250, 200] })).toBe(false);
  });

  it('says each generation of the steady degradation once (at 2 generations the half, 1, was said twice: audit)', () => {
    const observed = (last: number): string => {
      const cells = Object.fromEntries(Object.entries(HOLDING).map(([ratio, curve]) => [`human_ratio=${ratio}`, curve.retention.slice(0, last + 1).map((value, g) => ({ vocab_retention: value, heldout_perplexity: curve.perplexity[g]! }))]));
      return humanRatio.findings(fakeData(cells)).find((finding) => finding.name === 'no human data: steady degradation')!.observed;
    };
    expect(observed(4)).toMatch(/^vocab_retention 0\.9 \(generation 1\) -> 0\.8 \(2\) -> 0\.6 \(4\), /u);
    expect(observed(2)).toMatch(/^vocab_retention 0\.9 \(generation 1\) -> 0\.8 \(2\), /u);
    // the perplexities with their generations too (they were bare: audit)
    expect(observed(4)).toMatch(/; held-out perplexity 100 \(M0, generation 0\) -> 200 \(2\) -> 300 \(4\)$/u);
  });

  it('states the bounds each verdict applies, and the note does not claim a levelling off the run may not show (audit)', () => {
    const findings = humanRatio.findings(fakeData(Object.fromEntries(Object.entries(HOLDING).map(([ratio, curve]) => [`human_ratio=${ratio}`, curve.retention.map((value, g) => ({ vocab_retention: value, heldout_perplexity: curve.perplexity[g]! }))]))));
    expect(findings[1]!.expected).toContain('checked as: perplexity growth under half and vocabulary loss under 0.6 of those with none, and second-half perplexity growth (read off a least-squares line) under a quarter of it (means over the replicates, and a one-sided Welch test at 5% over them with 2 replicates or more, each replicate\'s own line)');
    expect(findings[2]!.expected).toContain('checked as: ratio 0 loses 5% or more over the second half, some ratio of 0.1 or less and every larger one lose less (stable), and the loss never grows with the ratio');
    expect(humanRatio.notes!.join(' ')).not.toMatch(/With 10% human data the loss levels off/u);
  });

  it('10% human data: growth under half of none, vocabulary loss under 0.6 of none, second-half growth under a quarter of none', () => {
    const bounded = (tenth: Partial<Curve>) => ratioVerdicts({ '0.1': tenth })['10% human data: the degradation is bounded, far below that with none'];
    // growth 117/57 - 1 = 1.05 > 1; 117/59 - 1 = 0.98 (second half unchanged)
    expect(bounded({ perplexity: [57, 110, 115, 116, 117] })).toBe(false);
    expect(bounded({ perplexity: [59, 110, 115, 116, 117] })).toBe(true);
    // loss 1 - 0.75/0.95 = 0.21 > 0.2; 1 - 0.77/0.95 = 0.19
    expect(bounded({ retention: [1, 0.95, 0.93, 0.92, 0.75] })).toBe(false);
    expect(bounded({ retention: [1, 0.95, 0.93, 0.92, 0.77] })).toBe(true);
    // second half (generations 2..4) off its least-squares line, against ratio 0's 0.5 (200, 250, 300 on a line):
    // 115, 116, 130: mean 120.33, slope (-1 x -5.33 + 1 x 9.67) / 2 = 7.5, line at 2: 112.83, growth 2 x 7.5 / 112.83 = 0.1329 > 0.125;
    // 115, 116, 129: slope 7, line at 2: 113, growth 14 / 113 = 0.1239 < 0.125 (the ends alone read 0.130 and 0.122)
    expect(bounded({ perplexity: [100, 110, 115, 116, 130] })).toBe(false);
    expect(bounded({ perplexity: [100, 110, 115, 116, 129] })).toBe(true);
    // the line's value at generation 2, not generation 2's own: 115, 125, 117 has mean 119 and slope (117 - 115) / 2 = 1,
    // so its line stands at 118 there and grows 2 / 118 = 0.01695 (the ends alone: 117 / 115 - 1 = 0.01739)
    const finding = (perplexity: number[]) => humanRatio.findings(fakeData(Object.fromEntries(Object.entries(HOLDING).map(([ratio, curve]) => [`human_ratio=${ratio}`, curve.retention.map((value, g) => ({ vocab_retention: value, heldout_perplexity: (ratio === '0.1' ? perplexity : curve.perplexity)[g]! }))])))).find((one) => one.name.startsWith('10% human data'))!;
    expect(finding([100, 110, 115, 125, 117]).numbers.perplexity_second_half_growth_ratio_0_1).toBe(0.01695);
  });

  it('10% human data with replicates: the means must also pass a one-sided Welch test that ratio 0.1\'s second-half growth is under a quarter of ratio 0\'s, else undecided (the means failed on 1 seed of 12: recipes audit)', () => {
    // three replicates a cell; ratio 0's second half 200, 250, 300 in each (growth 0.5, a quarter 0.125,
    // no spread); ratio 0.1's second halves as given, generations 0-1 as HOLDING's
    const finding = (tenths: ReadonlyArray<readonly [number, number, number]>) => {
      const cells = Object.fromEntries(Object.entries(HOLDING).map(([ratio, curve]) => [`human_ratio=${ratio}`, curve.retention.map((value, g) => ({ vocab_retention: value, heldout_perplexity: curve.perplexity[g]! }))]));
      const data = fakeData(cells, [], tenths.length);
      const rows = data.rows as unknown as Array<{ cell: { id: string }; replicate: number; generation: number; values: MetricValues }>;
      const first = rows.filter((row) => row.replicate === 1);
      for (let replicate = 2; replicate <= tenths.length; replicate++) rows.push(...first.map((row) => ({ ...row, replicate, values: { ...row.values } })));
      for (const row of rows) if (row.cell.id === 'human_ratio=0.1' && row.generation >= 2) row.values = { ...row.values, heldout_perplexity: tenths[row.replicate - 1]![row.generation - 2]! };
      return humanRatio.findings(data).find((one) => one.name.startsWith('10% human data'))!;
    };
    // growths 2 / 115 = 0.0174, 10 / 115 = 0.0870, 20 / 115 = 0.1739: mean 0.0928 < 0.125, the means hold;
    // sd 0.0785, standard error 0.0453, t = (0.0928 - 0.125) / 0.0453 = -0.71 at 2 df: p = 0.275
    const spread = finding([[115, 116, 117], [115, 120, 125], [115, 125, 135]]);
    expect([spread.holds, spread.numbers['second_half_welch_p']]).toEqual([false, 0.2751]);
    expect(spread.undecided).toBe("the means hold, but not by a one-sided Welch test over the replicates at 5%: second-half growth at ratio 0.1 below a quarter of ratio 0's (p = 0.2751); run more --replicates");
    // close together (0.0174, 0.0261, 0.0174): far under 0.125, p < 0.001: holds
    const close = finding([[115, 116, 117], [115, 116.5, 118], [115, 116, 117]]);
    expect([close.holds, close.undecided]).toEqual([true, undefined]);
    expect(close.numbers['second_half_welch_p']).toBeLessThan(0.001);
    // a replicate whose line stands at 0 at generation 2 (0, 5, 10: growth 10 / 0) is left out, not a
    // RangeError: the other two decide, 0.017391 and 0.026087 (mean 0.021739, standard error 0.004348)
    // against 0.125, t = -23.75 at 1 df (ratio 0's side has no spread): P = atan(1 / 23.75) / pi = 0.01339
    const zero = finding([[115, 116, 117], [115, 116.5, 118], [0, 5, 10]]);
    expect(zero.numbers['second_half_welch_p']).toBeCloseTo(0.01339, 5);
  });

  it('the threshold: ratio 0 unstable, a stable ratio <= 0.1 with every larger one stable, losses falling with the ratio', () => {
    const threshold = (changes: Record<string, Partial<Curve>>) => ratioVerdicts(changes)['a stability threshold on the real-data share'];
    // every ratio stable (second-half losses 4%, 3%, 1.1%, 0): ratio 0 levels off too
    expect(threshold({ '0': { retention: [1, 0.9, 0.8, 0.77, 0.768] }, '0.01': { retention: [1, 0.93, 0.88, 0.86, 0.8536] } })).toBe(false);
    // ratio 0.1 loses 1 - 0.883/0.93 = 5.05%: stable only from 0.5; 1 - 0.8844/0.93 = 4.9% is stable
    expect(threshold({ '0.1': { retention: [1, 0.95, 0.93, 0.9, 0.883] } })).toBe(false);
    expect(threshold({ '0.1': { retention: [1, 0.95, 0.93, 0.9, 0.8844] } })).toBe(true);
    // ratio 0.5 unstable (6%): no threshold
    expect(threshold({ '0.1': { retention: [1, 0.95, 0.93, 0.9, 0.8742] }, '0.5': { retention: [1, 0.98, 0.97, 0.95, 0.9118] } })).toBe(false);
    // ratio 0.5 stable but losing more than 0.1 (2% against 1.1%): two stable ratios, whose order is
    // noise once the effect is complete (it failed the check: the recipes audit)
    expect(threshold({ '0.5': { retention: [1, 0.98, 0.97, 0.96, 0.9506] } })).toBe(true);
    // ratio 0.01 losing more than ratio 0, both unstable (over 2..4: 1 - 0.6/0.8 = 25% against 1 - 0.55/0.88 = 37.5%): the loss grows with the ratio
    expect(threshold({ '0.01': { retention: [1, 0.93, 0.88, 0.7, 0.55] } })).toBe(false);
  });
});

// Where ratio 0 loses nothing there is nothing to reduce or level off ("0% vs 0%" and "stable from
// ratio 0 up" read "does not hold" on a 12-word corpus: review).
describe('recipe human-ratio: nothing lost at ratio 0', () => {
  const findingsFor = (changes: Record<string, Partial<Curve>>): Map<string, Finding> => {
    const cells = Object.fromEntries(
      Object.entries(HOLDING).map(([ratio, curve]) => {
        const { retention, perplexity } = { ...curve, ...changes[ratio] };
        return [`human_ratio=${ratio}`, retention.map((value, g) => ({ vocab_retention: value, heldout_perplexity: perplexity[g]! }))];
      }),
    );
    return new Map(humanRatio.findings(fakeData(cells)).map((finding) => [finding.name, finding]));
  };
  const BOUNDED = '10% human data: the degradation is bounded, far below that with none';
  const THRESHOLD = 'a stability threshold on the real-data share';
  // every ratio keeps vocab_retention 0.9 from generation 1 on: no ratio loses anything since generation 1
  const flat = { retention: [1, 0.9, 0.9, 0.9, 0.9] };
  const allFlat = { '0': flat, '0.01': flat, '0.1': flat, '0.5': flat };

  it('"bounded": ratio 0 losing no vocabulary leaves that part untested, undecided where the perplexity parts hold', () => {
    // perplexity as HOLDING's: growth 0.17 < 0.5 x 2, second half 0.017 < 0.25 x 0.5; vocabulary 1 - 0.9/0.9 = 0 at ratio 0
    const bounded = findingsFor(allFlat).get(BOUNDED)!;
    expect([bounded.holds, bounded.undecided]).toEqual([false, 'ratio 0 lost no vocabulary since generation 1: nothing for human data to reduce']);
    // ratio 0's perplexity flat at 100 too: no part can be read
    const nothing = findingsFor({ ...allFlat, '0': { ...flat, perplexity: [100, 100, 100, 100, 100] } }).get(BOUNDED)!;
    expect(nothing.undecided).toBe("ratio 0's held-out perplexity did not grow over 4 generations, and ratio 0 lost no vocabulary since generation 1, and ratio 0's held-out perplexity did not grow over the second half (generations 2..4): nothing for human data to reduce");
  });

  it('"bounded" still does not hold where a part it can read fails, saying which part it could not compare', () => {
    // ratio 0.1's perplexity as ratio 0's (growth 2, not under 0.5 x 2)
    const bounded = findingsFor({ ...allFlat, '0.1': { ...flat, perplexity: [100, 150, 200, 250, 300] } }).get(BOUNDED)!;
    expect([bounded.holds, bounded.undecided]).toEqual([false, undefined]);
    expect(bounded.observed).toContain('; not compared: ratio 0 lost no vocabulary since generation 1: nothing for human data to reduce');
  });

  it('the threshold: undecided where ratio 0 lost nothing, unless a larger ratio lost more over the second half', () => {
    const threshold = findingsFor(allFlat).get(THRESHOLD)!;
    expect([threshold.holds, threshold.undecided]).toEqual([false, 'ratio 0 lost no vocabulary since generation 1 (0%): nothing to level off, so no threshold shows']);
    // ratio 0.5 losing 1 - 0.8/0.9 = 11% over generations 2..4 against ratio 0's 0: the loss grows with the ratio
    const growing = findingsFor({ ...allFlat, '0.5': { retention: [1, 0.9, 0.9, 0.85, 0.8] } }).get(THRESHOLD)!;
    expect([growing.holds, growing.undecided]).toEqual([false, undefined]);
    // ratio 0 losing 1 - 0.89/0.9 = 1.1% since generation 1, all in the second half: stable, and decided (it does not hold)
    const little = findingsFor({ ...allFlat, '0': { retention: [1, 0.9, 0.9, 0.9, 0.89] } }).get(THRESHOLD)!;
    expect([little.holds, little.undecided]).toEqual([false, undefined]);
  });

  it('"steady degradation": undecided where H has no rare seed type and ratio 0 lost nothing, if perplexity rose (a 12-word corpus read "does not hold": probe)', () => {
    const STEADY = 'no human data: steady degradation';
    // ratio 0 keeps every seed type (retention 1 throughout); perplexity 100 < 200 < 300 as HOLDING's
    const kept = { '0': { retention: [1, 1, 1, 1, 1] } };
    const steady = (changes: Record<string, Partial<Curve>>, rareTypes: number, rareThreshold = 1): Finding => {
      const cells = Object.fromEntries(Object.entries(HOLDING).map(([ratio, curve]) => {
        const { retention, perplexity } = { ...curve, ...changes[ratio] };
        return [`human_ratio=${ratio}`, retention.map((value, g) => ({ vocab_retention: value, heldout_perplexity: perplexity[g]! }))];
      }));
      const data = fakeData(cells);
      const withReference = { ...data, run: { ...data.run, reference: { ...data.run.reference, rareTypes, rareThreshold } } } as RecipeData;
      return humanRatio.findings(withReference).find((finding) => finding.name === STEADY)!;
    };
    expect([steady(kept, 0).holds, steady(kept, 0).undecided]).toEqual([false, 'ratio 0 lost no vocabulary, and H has no rare seed type (seen once) for it to lose first: vocabulary retention cannot fall here']);
    expect(steady(kept, 0, 3).undecided).toContain('(seen at most 3 times)');
    // with rare seed types to lose, keeping them all is a finding: it does not hold
    expect([steady(kept, 12).holds, steady(kept, 12).undecided]).toEqual([false, undefined]);
    // perplexity that did not rise fails the part that can be read: decided
    const flatPerplexity = { '0': { retention: [1, 1, 1, 1, 1], perplexity: [100, 150, 100, 250, 300] } };
    expect([steady(flatPerplexity, 0).holds, steady(flatPerplexity, 0).undecided]).toEqual([false, undefined]);
    // a vocabulary that fell somewhere (0.99 at generation 3) is read as it is
    const fellOnce = { '0': { retention: [1, 1, 1, 0.99, 0.99] } };
    expect([steady(fellOnce, 0).holds, steady(fellOnce, 0).undecided]).toEqual([false, undefined]);
  });
});

describe('recipe human-ratio: the second half of an odd number of generations', () => {
  // generations 0..3: the second half is 2..3 (halfway = ceil(3 / 2) = 2), not 1..3, which is every
  // generation after the first and so the same span as "lost since generation 1"
  const three = (retention: number[]): Record<string, MetricValues[]> =>
    Object.fromEntries(['0', '0.01', '0.1', '0.5'].map((ratio) => [`human_ratio=${ratio}`, retention.map((value) => ({ vocab_retention: value, heldout_perplexity: 100 }))]));

  it('names and measures generations 2..3', () => {
    // ratio 0 loses 1 - 0.5/0.8 = 37.5% over 2..3, 1 - 0.5/0.9 = 44.4% over 1..3
    const findings = humanRatio.findings(fakeData(three([1, 0.9, 0.8, 0.5])));
    const threshold = findings.find((finding) => finding.name === 'a stability threshold on the real-data share')!;
    expect(threshold.observed).toContain('(generations 2..3)');
    expect(threshold.numbers['second_half_loss_ratio_0']).toBeCloseTo(0.375, 12);
  });
});
