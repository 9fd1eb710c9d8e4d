/**
 * Recipe `verification`: selecting synthetic data with a verifier that knows real data, against no
 * selection and against a model judging its own output (after Feng et al., "Beyond Model Collapse: Scaling
 * Up with Synthesized Data Requires Verification", ICLR 2025, who find that selecting synthesized data with
 * a verifier prevents collapse; the rare-type and held-out checks are this recipe's token-level reading of
 * that, and self-judging a control it adds, not a finding of the paper).
 *
 * Cells (order 2 MLE, no human data, replace): `--select none`, `m0:low:0.8` (keep the 80% of candidate
 * sentences M0 finds most likely), `self:low:0.8` (the same judged by the generating model M(g-1)).
 * Checks, at the last generation (means over replicates, and with 2 replicates or more a one-sided Welch
 * test at 5% over them, else undecided: ./orderedMeans.ts): the M0 verifier keeps more rare seed types and a
 * lower held-out perplexity than no selection; self-judging keeps fewer rare types and a higher held-out
 * perplexity than no selection; the M0 verifier beats self-judging on both. Each check reports what the
 * numbers show when it does not hold (a per-token perplexity filter is not a task verifier). A rare-type
 * check is undecided where rare_survival has no value (H has no seed type at or under the rare
 * threshold), unless its held-out half already fails.
 */

import { ORDERED_TEST_TEXT, orderedVerdict, type Ordering } from './orderedMeans.js';
import { lastGeneration, meanAt, replicateValues } from './rowStats.js';
import { seenAtMost, shown, text } from './findingNumbers.js';
import { sweepRun, type Finding, type Recipe, type RecipeData } from './recipe.js';

export const VERIFICATION_CELLS = {
  none: 'select=none',
  verifier: 'select=m0:low:0.8',
  self: 'select=self:low:0.8',
} as const;

export const verification: Recipe = {
  name: 'verification',
  title: 'Curating synthetic data: a verifier against self-judging',
  claim:
    'Selecting synthetic data with a verifier that has access to real data slows collapse (Feng et al. find it for ' +
    'verifier-selected synthesized data); read at the token level: rare types survive longer and held-out error grows ' +
    'more slowly than without selection; and, a control this recipe adds, a model that selects its own output speeds collapse up.',
  sources: ['Feng et al., "Beyond Model Collapse: Scaling Up with Synthesized Data Requires Verification", ICLR 2025'],
  defaultCorpus: ['brown:news'],
  defaults: { generations: 10, replicates: 3 },
  runs: (scale) => [sweepRun(scale, { select: ['none', 'm0:low:0.8', 'self:low:0.8'] })],
  findings: verificationFindings,
  notes: [
    'The verifier here is a perplexity filter (keep the 80% of candidate sentences M0 finds most likely per token), not a ' +
      'task verifier; each generation draws 1.25 times the synthetic share as candidates. The row measures the unselected ' +
      'output, so what selection does shows from the next generation on.',
  ],
};

export function verificationFindings(data: RecipeData): Finding[] {
  const { rows } = data;
  const last = lastGeneration(rows);
  const at = (cell: string, metric: Measure) => meanAt(rows, cell, last, metric);
  const each = (cell: string, metric: Measure) => replicateValues(rows, cell, last, metric);
  const rare = { none: at(VERIFICATION_CELLS.none, 'rare_survival'), verifier: at(VERIFICATION_CELLS.verifier, 'rare_survival'), self: at(VERIFICATION_CELLS.self, 'rare_survival') };
  const heldout = { none: at(VERIFICATION_CELLS.none, 'heldout_perplexity'), verifier: at(VERIFICATION_CELLS.verifier, 'heldout_perplexity'), self: at(VERIFICATION_CELLS.self, 'heldout_perplexity') };
  const rareNumbers = { rare_survival_none: shown(rare.none), rare_survival_m0_low: shown(rare.verifier), rare_survival_self_low: shown(rare.self) };
  const heldoutNumbers = { heldout_perplexity_none: shown(heldout.none), heldout_perplexity_m0_low: shown(heldout.verifier), heldout_perplexity_self_low: shown(heldout.self) };
  const rareText = `rare_survival at generation ${last}: none ${text(rare.none)}, m0:low:0.8 ${text(rare.verifier)}, self:low:0.8 ${text(rare.self)}`;
  const heldoutText = `heldout_perplexity at generation ${last}: none ${text(heldout.none)}, m0:low:0.8 ${text(heldout.verifier)}, self:low:0.8 ${text(heldout.self)}`;
  /** `lower`'s `metric` below `higher`'s, each replicate's value at the last generation. */
  const below = (metric: Measure, lower: Cell, higher: Cell): Ordering => ({
    label: `${metric} ${VERIFICATION_CELLS[lower]} below ${VERIFICATION_CELLS[higher]}`,
    lower: each(VERIFICATION_CELLS[lower], metric),
    higher: each(VERIFICATION_CELLS[higher], metric),
  });
  const judged = (meansHold: boolean, orderings: Ordering[], numbers: Finding['numbers']) => {
    const { p, ...verdict } = orderedVerdict(meansHold, orderings);
    return { numbers: { ...numbers, welch_p: shown(p) }, ...verdict };
  };
  // (with no rare seed type in H rare_survival has no value, and its comparisons, false on NaN, read
  // "does not hold": review, one sentence repeated)
  const { reference } = data.run;
  const noRare = (cells: readonly Cell[]): string | undefined => {
    const missing = cells.filter((cell) => rare[cell] === undefined);
    if (missing.length === 0) return undefined;
    const why = reference.rareTypes === 0 ? `: H has no rare seed type (seen ${seenAtMost(reference.rareThreshold)}) to follow` : '';
    return `no rare_survival at generation ${last} for ${missing.map((cell) => VERIFICATION_CELLS[cell]).join(', ')}${why}`;
  };
  /** `judged`, or undecided where a rare_survival it compares has no value (unless held-out perplexity, read too, already fails it). */
  const rareJudged = (cells: readonly Cell[], meansHold: () => boolean, orderings: Ordering[], numbers: Finding['numbers'], heldoutHolds = true) => {
    const why = noRare(cells);
    if (why === undefined) return judged(meansHold(), orderings, numbers);
    return { numbers: { ...numbers, welch_p: null }, holds: false, ...(heldoutHolds ? { undecided: why } : {}) };
  };
  return [
    {
      name: 'M0 verifier: rare types survive longer',
      expected: `with the M0 verifier more of the seed-rare types are still present at the end than without selection (${ORDERED_TEST_TEXT})`,
      observed: rareText,
      ...rareJudged(['none', 'verifier'], () => rare.verifier! > rare.none!, [below('rare_survival', 'none', 'verifier')], rareNumbers),
    },
    {
      name: 'M0 verifier: held-out perplexity grows more slowly',
      expected: `with the M0 verifier the held-out perplexity ends lower than without selection (${ORDERED_TEST_TEXT})`,
      observed: heldoutText,
      ...judged(heldout.verifier! < heldout.none!, [below('heldout_perplexity', 'verifier', 'none')], heldoutNumbers),
    },
    {
      name: 'self-judging: rare types die faster',
      expected: `when the model selects its own output fewer seed-rare types are present at the end than without selection (${ORDERED_TEST_TEXT})`,
      observed: rareText,
      ...rareJudged(['self', 'none'], () => rare.self! < rare.none!, [below('rare_survival', 'self', 'none')], rareNumbers),
    },
    {
      name: 'self-judging: held-out perplexity grows faster',
      expected: `when the model selects its own output the held-out perplexity ends higher than without selection (${ORDERED_TEST_TEXT})`,
      observed: heldoutText,
      ...judged(heldout.self! > heldout.none!, [below('heldout_perplexity', 'none', 'self')], heldoutNumbers),
    },
    {
      name: 'the verifier beats self-judging',
      expected: `the M0 verifier ends with more rare types and a lower held-out perplexity than self-judging (${ORDERED_TEST_TEXT})`,
      observed: `${rareText}; ${heldoutText}`,
      ...rareJudged(
        ['verifier', 'self'],
        () => rare.verifier! > rare.self! && heldout.verifier! < heldout.self!,
        [below('rare_survival', 'self', 'verifier'), below('heldout_perplexity', 'verifier', 'self')],
        { ...rareNumbers, ...heldoutNumbers },
        heldout.verifier! < heldout.self!,
      ),
    },
  ];
}

type Measure = 'rare_survival' | 'heldout_perplexity';
type Cell = keyof typeof VERIFICATION_CELLS;

