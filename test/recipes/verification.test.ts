import { beforeAll, describe, expect, it } from 'vitest';
import type { MetricValues } from '../../src/metrics/columns.js';
import type { Finding } from '../../src/recipes/recipe.js';
import { verification, verificationFindings } from '../../src/recipes/verification.js';
import { fakeData, fakeReplicates } from './fakeRows.js';
import { brownNewsSlice, runSmall } from './helpers.js';

const start: MetricValues = { rare_survival: 1, heldout_perplexity: 50 };
/** Last-generation values of the three cells; every check holds with these. */
const HOLDING = { none: [0.2, 100], verifier: [0.3, 80], self: [0.1, 150] };

function findingsFor(values: typeof HOLDING): Map<string, Finding> {
  const cell = ([rare, heldout]: number[]): MetricValues[] => [start, { rare_survival: rare!, heldout_perplexity: heldout! }];
  const data = fakeData({ 'select=none': cell(values.none), 'select=m0:low:0.8': cell(values.verifier), 'select=self:low:0.8': cell(values.self) });
  return new Map(verificationFindings(data).map((finding) => [finding.name, finding]));
}

describe('recipe verification: each check can fail', () => {
  it('every check holds on data that show the claim', () => {
    for (const finding of findingsFor(HOLDING).values()) expect(finding.holds, finding.name).toBe(true);
  });

  it.each([
    ['M0 verifier: rare types survive longer', { ...HOLDING, verifier: [0.15, 80] }],
    ['M0 verifier: held-out perplexity grows more slowly', { ...HOLDING, verifier: [0.3, 120] }],
    ['self-judging: rare types die faster', { ...HOLDING, self: [0.25, 150] }],
    ['self-judging: held-out perplexity grows faster', { ...HOLDING, self: [0.1, 90] }],
    ['the verifier beats self-judging', { none: [0.2, 100], verifier: [0.25, 95], self: [0.1, 90] }],
    // each half of "beats" alone, and ties (strictly more rare types, strictly lower perplexity)
    ['the verifier beats self-judging', { ...HOLDING, self: [0.35, 150] }],
    ['the verifier beats self-judging', { ...HOLDING, self: [0.3, 150] }],
    ['the verifier beats self-judging', { ...HOLDING, self: [0.1, 70] }],
    ['the verifier beats self-judging', { ...HOLDING, self: [0.1, 80] }],
  ])('%s fails when the data say otherwise', (name, values) => {
    const findings = findingsFor(values);
    expect(findings.get(name)!.holds).toBe(false);
  });
});

// One sentence repeated: H has no rare seed type, so rare_survival has no value (its comparisons, false
// on NaN, read "does not hold": review).
describe('recipe verification: no rare seed type', () => {
  /** HOLDING's held-out perplexities (`heldout` for the verifier and self), no rare_survival; H with no type seen 2 times or fewer. */
  function withoutRare(heldout: { verifier: number; self: number } = { verifier: 80, self: 150 }): Map<string, Finding> {
    const cell = (perplexity: number): MetricValues[] => [{ heldout_perplexity: 50 }, { heldout_perplexity: perplexity }];
    const data = fakeData({ 'select=none': cell(100), 'select=m0:low:0.8': cell(heldout.verifier), 'select=self:low:0.8': cell(heldout.self) });
    const run = { ...data.run, reference: { ...data.run.reference, rareTypes: 0, rareThreshold: 2 } };
    return new Map(verificationFindings({ ...data, run } as typeof data).map((finding) => [finding.name, finding]));
  }

  it('the rare-type checks are undecided, saying why; the held-out ones still decide', () => {
    const findings = withoutRare();
    const why = (cells: string) => `no rare_survival at generation 1 for ${cells}: H has no rare seed type (seen at most 2 times) to follow`;
    const verdict = (name: string) => [findings.get(name)!.holds, findings.get(name)!.undecided];
    expect(verdict('M0 verifier: rare types survive longer')).toEqual([false, why('select=none, select=m0:low:0.8')]);
    expect(verdict('self-judging: rare types die faster')).toEqual([false, why('select=self:low:0.8, select=none')]);
    // 80 < 150: the held-out half holds, the rare half cannot be read
    expect(verdict('the verifier beats self-judging')).toEqual([false, why('select=m0:low:0.8, select=self:low:0.8')]);
    expect(verdict('M0 verifier: held-out perplexity grows more slowly')).toEqual([true, undefined]);
  });

  it('"beats" still does not hold where its held-out half fails (verifier 160 above self 150)', () => {
    const beats = withoutRare({ verifier: 160, self: 150 }).get('the verifier beats self-judging')!;
    expect([beats.holds, beats.undecided]).toEqual([false, undefined]);
  });
});

// Three replicates of hand-made values, to which each check also puts a one-sided Welch test.
describe('recipe verification: means that hold within the replicates\' noise', () => {
  /** Three replicates: the values of HOLDING, with these spreads (+d, 0, -d) around each cell's rare survival. */
  function spread(d: { none: number; verifier: number; self: number }): Map<string, Finding> {
    const replicate = (k: number) => {
      const cell = (rare: number, heldout: number): MetricValues[] => [start, { rare_survival: rare, heldout_perplexity: heldout + k }];
      return {
        'select=none': cell(HOLDING.none[0]! + k * d.none, HOLDING.none[1]!),
        'select=m0:low:0.8': cell(HOLDING.verifier[0]! + k * d.verifier, HOLDING.verifier[1]!),
        'select=self:low:0.8': cell(HOLDING.self[0]! + k * d.self, HOLDING.self[1]!),
      };
    };
    return new Map(verificationFindings(fakeReplicates([replicate(1), replicate(0), replicate(-1)])).map((finding) => [finding.name, finding]));
  }

  it('hold where the replicates lie apart', () => {
    // rare survival 0.2 +- 0.01 (none) against 0.3 +- 0.01 (verifier): t = -0.1 / sqrt(2 x 0.0001 / 3) = -12.2, df 4, P = 0.00013
    const findings = spread({ none: 0.01, verifier: 0.01, self: 0.01 });
    for (const finding of findings.values()) expect(finding.holds, finding.name).toBe(true);
    expect(findings.get('M0 verifier: rare types survive longer')!.numbers.welch_p).toBeCloseTo(0.000130, 5);
  });

  it('are undecided where the replicates overlap, though the means hold', () => {
    // rare survival 0.2 +- 0.15 against 0.3 +- 0.15: sd 0.15 each, t = -0.1 / sqrt(2 x 0.0225 / 3) = -0.816, df 4, P = 0.23
    const findings = spread({ none: 0.15, verifier: 0.15, self: 0.01 });
    const verifier = findings.get('M0 verifier: rare types survive longer')!;
    expect(verifier.holds).toBe(false);
    expect(verifier.undecided).toBe('the means hold, but not by a one-sided Welch test over the replicates at 5%: rare_survival select=none below select=m0:low:0.8 (p = 0.23); run more --replicates');
    // self (0.1 +- 0.01) below none (0.2 +- 0.15): t = -0.1 / sqrt((0.0225 + 0.0001) / 3) = -1.152, df 2.02, P = 0.18
    expect(findings.get('self-judging: rare types die faster')!.undecided).toMatch(/^the means hold, but not by a one-sided Welch test .*\(p = 0\.18\d*\)/u);
    // the held-out perplexities lie apart: those checks still hold
    expect(findings.get('M0 verifier: held-out perplexity grows more slowly')!.holds).toBe(true);
  });

  it('"beats" is undecided where the held-out perplexities overlap, the rare types lying apart', () => {
    // held-out perplexity, replicates 1..3: verifier 80 + 80k, self 150 + 80k (k = 1, 0, -1); rare survival
    // spread 0.01. verifier below self: t = -70 / sqrt(2 x 6400 / 3) = -1.072, df 4, P = 0.1721 (scipy)
    const replicate = (k: number) => {
      const cell = (rare: number, heldout: number): MetricValues[] => [start, { rare_survival: rare + 0.01 * k, heldout_perplexity: heldout }];
      return { 'select=none': cell(0.2, 100 + k), 'select=m0:low:0.8': cell(0.3, 80 + 80 * k), 'select=self:low:0.8': cell(0.1, 150 + 80 * k) };
    };
    const beats = verificationFindings(fakeReplicates([replicate(1), replicate(0), replicate(-1)])).find((finding) => finding.name === 'the verifier beats self-judging')!;
    expect(beats.holds).toBe(false);
    expect(beats.undecided).toBe('the means hold, but not by a one-sided Welch test over the replicates at 5%: heldout_perplexity select=m0:low:0.8 below select=self:low:0.8 (p = 0.1721); run more --replicates');
  });
});

// 1500 sentences of Brown news, order 2 MLE: select none / m0:low:0.8 / self:low:0.8, 8 generations, 3 replicates.
describe('recipe verification on Brown news', () => {
  let findings: Map<string, Finding>;
  beforeAll(async () => {
    ({ findings } = runSmall(verification, await brownNewsSlice(1500), { generations: 8, replicates: 3 }));
  }, 120_000);

  it('the M0 verifier keeps more rare types than no selection (by the Welch test too: p = 0.023)', () => {
    const finding = findings.get('M0 verifier: rare types survive longer')!;
    expect(finding.holds, finding.observed).toBe(true);
    expect(finding.numbers.welch_p).toBeCloseTo(0.0227, 4);
  });

  it('self-judging makes the held-out perplexity grow faster than no selection', () => {
    const finding = findings.get('self-judging: held-out perplexity grows faster')!;
    expect(finding.holds, finding.observed).toBe(true);
  });

  it('the verifier beats self-judging in the means, but on this slice not by the Welch test (p = 0.11): undecided', () => {
    const finding = findings.get('the verifier beats self-judging')!;
    expect(finding.numbers.rare_survival_m0_low!).toBeGreaterThan(finding.numbers.rare_survival_self_low!);
    expect(finding.numbers.heldout_perplexity_m0_low!).toBeLessThan(finding.numbers.heldout_perplexity_self_low!);
    expect(finding.undecided).toMatch(/^the means hold, but not by a one-sided Welch test over the replicates at 5%: rare_survival select=self:low:0\.8 below select=m0:low:0\.8 \(p = 0\.11\d*\); run more --replicates$/u);
  });

  it('reports the held-out perplexity of all three cells, and the Welch P', () => {
    const numbers = findings.get('M0 verifier: held-out perplexity grows more slowly')!.numbers;
    expect(Object.keys(numbers)).toEqual(['heldout_perplexity_none', 'heldout_perplexity_m0_low', 'heldout_perplexity_self_low', 'welch_p']);
    for (const [key, value] of Object.entries(numbers)) if (key !== 'welch_p') expect(value).toBeGreaterThan(1);
  });
});
