import { beforeAll, describe, expect, it } from 'vitest';
import { perplexityShift } from '../../src/recipes/perplexityShift.js';
import type { Finding, RecipeData } from '../../src/recipes/recipe.js';
import { fakeData } from './fakeRows.js';
import { brownNewsSlice, frozen, runSmall, verdicts } from './helpers.js';

// 1500 sentences of Brown news, order 1 MLE, 12 generations, 6 replicates.
describe('recipe perplexity-shift', () => {
  let findings: Map<string, Finding>;
  let data: RecipeData;
  beforeAll(async () => {
    ({ findings, data } = runSmall(perplexityShift, await brownNewsSlice(1500), { generations: 12, replicates: 6 }));
  });

  it('records one perplexity per sentence for generations 0..G of every replicate', () => {
    expect(data.sentencePerplexities).toHaveLength(6 * 13);
    const first = data.sentencePerplexities.find((one) => one.generation === 1 && one.replicate === 1)!;
    const row = data.rows.find((r) => r.generation === 1 && r.replicate === 1)!;
    expect(first.values.length).toBe(row.values.sentences);
  });

  it('decides each check by a sign test over the 6 replicates: the median fell in 5 (p = 7/64 = 0.1094, not below 5%), the tail grew in 2 (p = 57/64): neither holds', () => {
    expect(verdicts(perplexityShift, data)).toEqual({ 'mass moves to low perplexity': false, 'a longer tail appears': false });
    expect(findings.get('mass moves to low perplexity')!.numbers).toMatchObject({ replicates_falling: 5, sign_test_p: 0.1094 });
    expect(findings.get('a longer tail appears')!.numbers).toMatchObject({ replicates_growing: 2, sign_test_p: 0.8906 });
  });
  it('on data where nothing changes, the findings about change do not hold (the sentences of every generation score as those of generation 1: the median does not fall, the tail does not grow)', () => {
    expect(verdicts(perplexityShift, frozen(data))).toMatchObject({
      'mass moves to low perplexity': false,
      'a longer tail appears': false,
    });
  });
});

// Hand-made per-sentence perplexities: generation 1 scores 1, 2, ..., 20 (median 10.5; quantiles interpolate
// at (n - 1) q: p90 at 17.1 is 18.1, p95 at 18.05 is 19.05); generation 0 the same; the last is generation 2.
const ONE_TO_TWENTY = Array.from({ length: 20 }, (_, i) => i + 1);

/** Five replicates alike (5 of 5 pass the sign test: 1/32 < 0.05), each moving from ONE_TO_TWENTY to `last`. */
function shiftVerdicts(last: number[]): Record<string, boolean> {
  return verdicts(perplexityShift, { ...fakeData({ base: [{}, {}, {}] }), sentencePerplexities: replicatesEnding(Array<number[]>(5).fill(last)) });
}

/** One replicate per entry of `lasts`: generations 0 and 1 score ONE_TO_TWENTY, generation 2 the entry. */
function replicatesEnding(lasts: number[][]) {
  return lasts.flatMap((last, index) => [ONE_TO_TWENTY, ONE_TO_TWENTY, last].map((values, generation) => ({ cell: 'base', replicate: index + 1, generation, values: Float64Array.from(values) })));
}

// Most sentences score half as much, and three far above generation 1's highest: the median (0.5 .. 8.5,
// 30, 40, 50) at 9.5 is (5 + 5.5) / 2 = 5.25; p95 at 18.05 is 40 + 0.05 x 10 = 40.5; 3 of 20 (15%) at or above 18.1.
const LONG_TAIL = [...ONE_TO_TWENTY.slice(0, 17).map((value) => value / 2), 30, 40, 50];

describe('recipe perplexity-shift: each check can fail on its own', () => {
  it('both hold when most sentences score half as much and three far above (median 5.25, p95 40.5, 15% above 18.1)', () => {
    expect(shiftVerdicts(LONG_TAIL)).toEqual({ 'mass moves to low perplexity': true, 'a longer tail appears': true });
    // every sentence at half: the median falls, the tail does not grow (p95 9.525, none above 18.1)
    expect(shiftVerdicts(ONE_TO_TWENTY.map((value) => value / 2))).toEqual({ 'mass moves to low perplexity': true, 'a longer tail appears': false });
  });

  it('each check is a sign test over the replicates at 5%: 7 of 8 shifting hold (9/256), 6 of 8 do not (37/256), and 4 replicates cannot decide (4 of 4: 1/16)', () => {
    const findings = (lasts: number[][]) => perplexityShift.findings({ ...fakeData({ base: [{}, {}, {}] }), sentencePerplexities: replicatesEnding(lasts) });
    const shifted = (moving: number, replicates: number) => findings([...Array<number[]>(moving).fill(LONG_TAIL), ...Array<number[]>(replicates - moving).fill(ONE_TO_TWENTY)]);
    for (const finding of shifted(7, 8)) {
      expect([finding.name, finding.holds, finding.undecided, finding.numbers.sign_test_p]).toEqual([finding.name, true, undefined, 0.03516]);
      expect(finding.observed).toMatch(/; in 7 of 8 replicates (it falls|the tail grows) \(sign test p = 0\.03516\)$/u);
    }
    // pooled, 6 shifted replicates and 2 unchanged ones still show a lower median, a higher p95 and more at or above the cut: the pooled values would hold
    for (const finding of shifted(6, 8)) expect([finding.holds, finding.undecided, finding.numbers.sign_test_p]).toEqual([false, undefined, 0.1445]);
    for (const finding of shifted(4, 4)) {
      expect([finding.holds, finding.undecided]).toEqual([false, '4 replicates cannot pass a one-sided sign test at 5% (even 4 of 4 has probability 0.0625 with no shift): run --replicates 5 or more']);
    }
    expect(shifted(5, 5).every((finding) => finding.holds)).toBe(true);
  });

  it('the median must fall: 10.5 again does not, 10.45 does', () => {
    expect(shiftVerdicts([...ONE_TO_TWENTY.slice(0, 19), 18.5])['mass moves to low perplexity']).toBe(false);
    // 11 lowered to 10.9: median (10 + 10.9) / 2
    expect(shiftVerdicts([...ONE_TO_TWENTY.slice(0, 10), 10.9, ...ONE_TO_TWENTY.slice(11)])['mass moves to low perplexity']).toBe(true);
  });

  it('the tail: p95 must rise and more than 10% of the sentences lie at or above generation 1 p90', () => {
    const grows = (last: number[]) => shiftVerdicts(last)['a longer tail appears'];
    const upTo17 = ONE_TO_TWENTY.slice(0, 17);
    // 3 of 20 at or above 18.1 (15%), p95 19.5 + 0.05 x 5.5 = 19.775 > 19.05
    expect(grows([...upTo17, 18.5, 19.5, 25])).toBe(true);
    // 3 of 20 above (15%) though p95 falls to 18.6 + 0.05 x 0.1 = 18.605
    expect(grows([...upTo17, 18.5, 18.6, 18.7])).toBe(false);
    // p95 18.2 + 0.05 x 21.8 = 19.29 rises, but 2 of 20 above (10%, not more)
    expect(grows([...upTo17, 17.5, 18.2, 40])).toBe(false);
    expect(grows(ONE_TO_TWENTY)).toBe(false);
  });

  it("the tail's share is generation 1's own where its values tie at the 90th percentile (it was taken to be 10%: audit)", () => {
    // generation 1: sixteen 1s and four 5s; p90 at 17.1 is 5, and 4 of 20 (20%) are at or above it
    const tied = [...Array<number>(16).fill(1), 5, 5, 5, 5];
    const tail = (last: number[]) => {
      const series = [1, 2, 3, 4, 5].flatMap((replicate) => [tied, tied, last].map((values, generation) => ({ cell: 'base', replicate, generation, values: Float64Array.from(values) })));
      return perplexityShift.findings({ ...fakeData({ base: [{}, {}, {}] }), sentencePerplexities: series }).find((finding) => finding.name === 'a longer tail appears')!;
    };
    // 5 of 20 at or above 5 (25% > 20%), p95 (at 18.05) 5 -> 5 + 0.05 x 4 = 5.2: grows; the text says 20% -> 25%
    const longer = [...Array<number>(15).fill(1), 5, 5, 5, 5, 9];
    expect(tail(longer).holds).toBe(true);
    expect(tail(longer).observed).toContain("share of sentences at or above generation 1's 90th percentile (5): 20% -> 25%");
    // unchanged: 20% -> 20%, p95 5 -> 5, not growing
    expect(tail(tied).holds).toBe(false);
    expect(tail(tied).observed).toContain('(5): 20% -> 20%');
  });
});
