import { beforeAll, describe, expect, it } from 'vitest';
import type { MetricValues } from '../../src/metrics/columns.js';
import type { Finding } from '../../src/recipes/recipe.js';
import { verification, verificationFindings } from '../../src/recipes/verification.js';
import { fakeData } from './fakeRows.js';
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

// 1500 sentences of Brown news, order 2 MLE: select none / m0:low:0.8 / self:low:0.8, 8 generations.
describe('recipe verification on Brown news', () => {
  let findings: Map<string, Finding>;
  beforeAll(async () => {
    ({ findings } = runSmall(verification, await brownNewsSlice(1500), { generations: 8, replicates: 2 }));
  }, 120_000);

  it('the M0 verifier keeps more rare types than no selection and beats self-judging', () => {
    for (const name of ['M0 verifier: rare types survive longer', 'the verifier beats self-judging']) {
      const finding = findings.get(name)!;
      expect(finding.holds, finding.observed).toBe(true);
    }
  });

  it('self-judging makes the held-out perplexity grow faster than no selection', () => {
    const finding = findings.get('self-judging: held-out perplexity grows faster')!;
    expect(finding.holds, finding.observed).toBe(true);
  });

  it('reports the held-out perplexity of all three cells', () => {
    const numbers = findings.get('M0 verifier: held-out perplexity grows more slowly')!.numbers;
    expect(Object.keys(numbers)).toEqual(['heldout_perplexity_none', 'heldout_perplexity_m0_low', 'heldout_perplexity_self_low']);
    for (const value of Object.values(numbers)) expect(value).toBeGreaterThan(1);
  });
});
