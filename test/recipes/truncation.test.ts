import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, RecipeData } from '../../src/recipes/recipe.js';
import { TRUNCATION_CELLS, truncation } from '../../src/recipes/truncation.js';
import type { MetricValues } from '../../src/metrics/columns.js';
import { fakeData, fakeReplicates } from './fakeRows.js';
import { meanAt } from '../../src/recipes/rowStats.js';
import { brownNewsSlice, frozen, runSmall, verdicts } from './helpers.js';

// 1500 sentences of Brown news, order 2 MLE: plain, temperature 0.7, top-k 10, top-p 0.9; 8 generations.
describe('recipe truncation', () => {
  let findings: Map<string, Finding>;
  let data: RecipeData;
  beforeAll(async () => {
    ({ findings, data } = runSmall(truncation, await brownNewsSlice(1500), { generations: 8, replicates: 2 }));
  });

  it('temperature 0.7 and top-k 10 lower the perplexity under M0', () => {
    const finding = findings.get('temperature 0.7 and top-k 10 raise the likelihood under M0')!;
    expect(finding.holds, finding.observed).toBe(true);
  });

  it('every truncation ends with less diversity', () => {
    const finding = findings.get('diversity ends lower')!;
    expect(finding.holds, finding.observed).toBe(true);
  });

  it('top-p 0.9: the verdict reads every generation, and on this seeded run it is pinned', () => {
    const finding = findings.get('top-p 0.9 raises the likelihood under M0')!;
    // generation 1 and the last are quoted (the keys of generation 1 kept, the last's added)
    expect(Object.keys(finding.numbers)).toEqual(['gen0_perplexity_plain', 'gen0_perplexity_plain_last', 'gen0_perplexity_top_p_0.9', 'gen0_perplexity_top_p_0.9_last', 'welch_p']);
    const below = Array.from({ length: 8 }, (_, i) => i + 1).every((generation) => meanAt(data.rows, TRUNCATION_CELLS.topP, generation, 'gen0_perplexity')! < meanAt(data.rows, TRUNCATION_CELLS.plain, generation, 'gen0_perplexity')!);
    expect(finding.holds).toBe(below);
    // seeded golden (seed 42, 1500 Brown news sentences): see the recipe's note on per-token perplexity
    expect(finding.holds).toBe(false);
  });

  it('on data where nothing changes, the findings about change do not hold (gen 0 repeated: every cell has the perplexity of H and diversity, so no truncated cell is below plain)', () => {
    expect(verdicts(truncation, frozen(data))).toMatchObject({
      'temperature 0.7 and top-k 10 raise the likelihood under M0': false,
      'top-p 0.9 raises the likelihood under M0': false,
      'diversity ends lower': false,
      'the loop loses diversity faster': false,
    });
  });
});

// Hand-made rows, generations 0..2: gen0_perplexity read at generations 1 and 2 (perplexity2 as perplexity1
// unless given), diversity at generations 1 and 2 (retention 1 and entropy 10 at generation 1 unless given:
// the share kept is then the retention at 2).
type Cell = { perplexity1: number; perplexity2?: number; retention: number; entropy: number; retention1: number; entropy1: number };
const HOLDING: Record<keyof typeof TRUNCATION_CELLS, Cell> = {
  plain: { perplexity1: 100, retention: 0.8, entropy: 9, retention1: 1, entropy1: 10 },
  temperature: { perplexity1: 90, retention: 0.6, entropy: 8, retention1: 1, entropy1: 10 },
  topK: { perplexity1: 80, retention: 0.5, entropy: 7.5, retention1: 1, entropy1: 10 },
  topP: { perplexity1: 95, retention: 0.7, entropy: 8.5, retention1: 1, entropy1: 10 },
};

function truncationVerdicts(changes: Partial<Record<keyof typeof TRUNCATION_CELLS, Partial<Cell>>>): Record<string, boolean> {
  return verdicts(truncation, fakeData(cellsFor(changes)));
}

function cellsFor(changes: Partial<Record<keyof typeof TRUNCATION_CELLS, Partial<Cell>>>): Record<string, MetricValues[]> {
  return Object.fromEntries(
    Object.entries(HOLDING).map(([name, cell]) => {
      const { perplexity1, perplexity2, retention, entropy, retention1, entropy1 } = { ...cell, ...changes[name as keyof typeof TRUNCATION_CELLS] };
      const row = (generation: number) => ({
        gen0_perplexity: generation === 1 ? perplexity1 : generation === 2 ? (perplexity2 ?? perplexity1) : 0,
        vocab_retention: generation === 2 ? retention : generation === 1 ? retention1 : 1,
        entropy_bits: generation === 2 ? entropy : generation === 1 ? entropy1 : 10,
      });
      return [TRUNCATION_CELLS[name as keyof typeof TRUNCATION_CELLS], [row(0), row(1), row(2)]];
    }),
  );
}

describe('recipe truncation: each check can fail on its own', () => {
  it('every check holds on rows that show the claim', () => {
    expect(Object.values(truncationVerdicts({}))).toEqual([true, true, true, true]);
  });

  it('likelihood: every named cell strictly below plain at generation 1', () => {
    expect(truncationVerdicts({ topK: { perplexity1: 100 } })['temperature 0.7 and top-k 10 raise the likelihood under M0']).toBe(false);
    expect(truncationVerdicts({ temperature: { perplexity1: 101 } })['temperature 0.7 and top-k 10 raise the likelihood under M0']).toBe(false);
    expect(truncationVerdicts({ topP: { perplexity1: 100 } })['top-p 0.9 raises the likelihood under M0']).toBe(false);
  });

  it('likelihood: at every generation, not the first alone (top-p above plain at generation 1 and below later read as less likely: the audit\'s run was the other way round later on)', () => {
    const likelier = (changes: Parameters<typeof truncationVerdicts>[0]) => truncationVerdicts(changes)['top-p 0.9 raises the likelihood under M0'];
    // plain 100 at both generations: top-p 105 then 90 (above at 1), or 90 then 100 (equal at 2)
    expect(likelier({ topP: { perplexity1: 105, perplexity2: 90 } })).toBe(false);
    expect(likelier({ topP: { perplexity1: 90, perplexity2: 100 } })).toBe(false);
    expect(likelier({ topP: { perplexity1: 90, perplexity2: 99 } })).toBe(true);
  });

  it('diversity: every truncated cell ends below plain in both retention and entropy', () => {
    const lower = (changes: Parameters<typeof truncationVerdicts>[0]) => truncationVerdicts(changes)['diversity ends lower'];
    expect(lower({ topP: { retention: 0.8 } })).toBe(false);
    expect(lower({ temperature: { entropy: 9 } })).toBe(false);
    expect(lower({ topK: { retention: 0.85, entropy: 9.5 } })).toBe(false);
  });

  it('the loop: a sampler that loses most at once and then less ends lower, yet does not lose faster (the probe: top-k 10 kept 0.585 of its retention, plain 0.425)', () => {
    const verdictsOf = (changes: Parameters<typeof truncationVerdicts>[0]) => truncationVerdicts(changes);
    // top-k: retention 0.1 at generation 1, 0.09 at 2 (kept 0.9 > plain's 0.8); entropy 7 -> 6.9 (lost 0.1 < plain's 1)
    const atOnce = verdictsOf({ topK: { retention1: 0.1, retention: 0.09, entropy1: 7, entropy: 6.9 } });
    expect(atOnce['diversity ends lower']).toBe(true);
    expect(atOnce['the loop loses diversity faster']).toBe(false);
    // each part on its own: the share kept just equal to plain's (0.8), or the entropy lost just equal (1)
    expect(verdictsOf({ temperature: { retention: 0.8, entropy: 8 } })['the loop loses diversity faster']).toBe(false);
    expect(verdictsOf({ topP: { entropy1: 9.5, entropy: 8.5 } })['the loop loses diversity faster']).toBe(false);
  });
});

describe('recipe truncation: the likelihood checks over replicates, a test at each generation', () => {
  it('are undecided where the means hold at every generation but the replicates overlap at one', () => {
    // three replicates; plain's perplexity 100 + d / 20 at generation 1 and 100 + d at 2, d = -20, 0, +20:
    // tight at 1, spread at 2. At 2, temperature's 90 against 80, 100, 120: t = -10 / sqrt(400 / 3) =
    // -0.866, df 2, P = 0.2389; top-k's 80: t = -1.732, P = 0.1127; top-p's 95: t = -0.433, P = 0.3536.
    // At 1 each passes (P = 0.00166, 0.000416, 0.00654; scipy)
    const replicate = (d: number) => cellsFor({ plain: { perplexity1: 100 + d / 20, perplexity2: 100 + d } });
    const findings = truncation.findings(fakeReplicates([replicate(-20), replicate(0), replicate(20)]));
    const likelier = findings.find((finding) => finding.name === 'temperature 0.7 and top-k 10 raise the likelihood under M0')!;
    expect([likelier.holds, likelier.undecided]).toEqual([false, 'the means hold, but not by a one-sided Welch test over the replicates at 5%: temperature=0.7 below plain at generation 2 (p = 0.2389); top_k=10 below plain at generation 2 (p = 0.1127); run more --replicates']);
    expect(likelier.numbers['welch_p']).toBe(0.2389);
    const topP = findings.find((finding) => finding.name === 'top-p 0.9 raises the likelihood under M0')!;
    expect(topP.undecided).toBe('the means hold, but not by a one-sided Welch test over the replicates at 5%: top_p=0.9 below plain at generation 2 (p = 0.3536); run more --replicates');
    // spread at generation 1 and tight at the last: the test of generation 1 is the one that fails
    const early = (d: number) => cellsFor({ plain: { perplexity1: 100 + d, perplexity2: 100 + d / 20 } });
    const earlyFindings = truncation.findings(fakeReplicates([early(-20), early(0), early(20)]));
    expect(earlyFindings[1]!.undecided).toBe('the means hold, but not by a one-sided Welch test over the replicates at 5%: top_p=0.9 below plain at generation 1 (p = 0.3536); run more --replicates');
    // the replicates agreeing at generation 2 too (d = -1, 0, +1): both hold
    const agreeing = truncation.findings(fakeReplicates([replicate(-1), replicate(0), replicate(1)]));
    expect(agreeing.slice(0, 2).map((finding) => [finding.holds, finding.undecided])).toEqual([[true, undefined], [true, undefined]]);
  });
});

describe('recipe truncation: the last two checks over replicates', () => {
  it('are undecided where the means hold but the replicates overlap (one-sided Welch tests at 5%)', () => {
    // three replicates, plain's retention at generation 2 at 0.8 + d, d = -0.25, 0, +0.25 (generation 1: 1, so
    // also the share it keeps); top-p's 0.7: 0.7 against 0.8 +- 0.25, t = -0.1 / sqrt(0.0625 / 3) = -0.693, df 2, P = 0.28
    const replicate = (d: number) => cellsFor({ plain: { retention: 0.8 + d } });
    const findings = truncation.findings(fakeReplicates([replicate(-0.25), replicate(0), replicate(0.25)]));
    const lower = findings.find((finding) => finding.name === 'diversity ends lower')!;
    expect(lower.holds).toBe(false);
    // (temperature's 0.6: t = -1.386, P = 0.1501; top-k's 0.5: t = -2.078, P = 0.08662; scipy)
    expect(lower.undecided).toBe('the means hold, but not by a one-sided Welch test over the replicates at 5%: vocab_retention temperature=0.7 below plain (p = 0.1501); vocab_retention top_k=10 below plain (p = 0.08662); vocab_retention top_p=0.9 below plain (p = 0.28); run more --replicates');
    const faster = findings.find((finding) => finding.name === 'the loop loses diversity faster')!;
    expect(faster.undecided).toContain('retention kept top_p=0.9 below plain (p = 0.28)');
    // plain's entropy at generation 2 at 9 + d, d = -1.5, 0, +1.5 (so it loses 1 - d from generation 1):
    // top-p's 8.5 against 9 +- 1.5, t = -0.5 / sqrt(2.25 / 3) = -0.577, df 2, P = 0.311; its loss of
    // 1.5 against 1 -+ 1.5, the same P (scipy)
    const entropy = (d: number) => cellsFor({ plain: { entropy: 9 + d } });
    const spread = truncation.findings(fakeReplicates([entropy(-1.5), entropy(0), entropy(1.5)]));
    expect(spread.find((finding) => finding.name === 'diversity ends lower')!.undecided).toContain('entropy_bits top_p=0.9 below plain (p = 0.311)');
    expect(spread.find((finding) => finding.name === 'the loop loses diversity faster')!.undecided).toContain('entropy lost plain below top_p=0.9 (p = 0.311)');
    // the replicates agreeing: both hold
    const agreeing = truncation.findings(fakeReplicates([replicate(-0.01), replicate(0), replicate(0.01)]));
    expect(agreeing.filter((finding) => ['diversity ends lower', 'the loop loses diversity faster'].includes(finding.name)).map((finding) => finding.holds)).toEqual([true, true]);
  });
});

describe('recipe truncation: the share kept, replicate by replicate', () => {
  it('is each replicate\'s retention at the end over its own at generation 1, not its retention at the end', () => {
    // plain's retention at generation 1 0.9 + d and at 2 0.8 x (0.9 + d), d = -0.3, 0, +0.3: it keeps 0.8 in
    // each replicate, top-p 0.7: the test passes (error 0); its ends 0.48, 0.72, 0.96 alone would overlap top-p's 0.7
    const replicate = (d: number) => cellsFor({ plain: { retention1: 0.9 + d, retention: 0.8 * (0.9 + d) } });
    const faster = truncation.findings(fakeReplicates([replicate(-0.3), replicate(0), replicate(0.3)])).find((finding) => finding.name === 'the loop loses diversity faster')!;
    expect([faster.holds, faster.undecided]).toEqual([true, undefined]);
  });
});

describe('recipe truncation: the findings name the cells as the legend does', () => {
  // The observed text named cells temperature_0.7 and top_k_10, which no legend label contains
  // (temperature=0.7/top_k=0/top_p=1): each is now named by its setting as written there, which the
  // cell's legend label contains; findings.json's numbers keep their keys.
  it('in every observed text, and keeps the keys of numbers', () => {
    const findings = truncation.findings(fakeData(Object.fromEntries(Object.values(TRUNCATION_CELLS).map((cell) => [cell, [0, 1, 2].map((generation) => ({ gen0_perplexity: 100, vocab_retention: 1, entropy_bits: 10 - generation }))]))));
    const labels = { [TRUNCATION_CELLS.temperature]: 'temperature=0.7', [TRUNCATION_CELLS.topK]: 'top_k=10', [TRUNCATION_CELLS.topP]: 'top_p=0.9' };
    for (const [cell, label] of Object.entries(labels)) expect(cell).toContain(label);
    const observed = findings.map((finding) => finding.observed).join(' ');
    for (const label of Object.values(labels)) expect(observed).toContain(`${label} `);
    expect(observed).not.toMatch(/temperature_|top_k_|top_p_/u);
    expect(Object.keys(findings[0]!.numbers)).toEqual(['gen0_perplexity_plain', 'gen0_perplexity_plain_last', 'gen0_perplexity_temperature_0.7', 'gen0_perplexity_temperature_0.7_last', 'gen0_perplexity_top_k_10', 'gen0_perplexity_top_k_10_last', 'welch_p']);
  });
});
