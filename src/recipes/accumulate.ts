/**
 * Recipe `accumulate`: keeping data instead of replacing it (Gerstgrasser et al., "Is Model Collapse
 * Inevitable? Breaking the Curse of Recursion by Accumulating Real and Synthetic Data", COLM 2024;
 * Kazdan et al., "Collapse or Thrive? Perils and Promises of Synthetic Data in a Self-Generating
 * World", 2024).
 *
 * Cells: strategy replace, accumulate, accumulate-subsample, no human data beyond H itself (ratio 0),
 * order 2 MLE. Checks: replacing makes the held-out perplexity grow generation after generation (a
 * rising trend, by the Mann–Kendall test, to more than 1.5 x M0's);
 * accumulating keeps it bounded (it levels off close to M0's); accumulating with a fixed training size
 * (subsample) lies in between (in the means, and with 2 replicates or more by one-sided Welch tests at
 * 5% over them, else undecided: ./orderedMeans.ts).
 */

import { ORDERED_TEST_TEXT, orderedVerdict } from './orderedMeans.js';
import { cellIds, halfway, lastGeneration, meanCurve, replicateValues } from './rowStats.js';
import { relation, shown, text } from './findingNumbers.js';
import { sweepRun, type Finding, type Recipe, type RecipeData } from './recipe.js';
import { fewestForTrend, mannKendallP } from '../stats/mannKendall.js';

export const accumulate: Recipe = {
  name: 'accumulate',
  title: 'Accumulate, do not replace',
  claim:
    'When each generation replaces its training data with synthetic data, the held-out error grows without bound; ' +
    'when synthetic data accumulates next to the real data, the error stays bounded. Accumulating with a fixed ' +
    'training size degrades, but more slowly than replacing.',
  sources: [
    'Gerstgrasser et al., "Is Model Collapse Inevitable? Breaking the Curse of Recursion by Accumulating Real and Synthetic Data", COLM 2024',
    'Kazdan et al., "Collapse or Thrive? Perils and Promises of Synthetic Data in a Self-Generating World", 2024',
  ],
  defaultCorpus: ['brown:news'],
  defaults: { generations: 15, replicates: 3 },
  runs: (scale) => [sweepRun(scale, { strategy: ['replace', 'accumulate', 'accumulate-subsample'] })],
  findings: accumulateFindings,
};

export function accumulateFindings(data: RecipeData): Finding[] {
  const { rows } = data;
  const cells = cellIds(rows);
  const last = lastGeneration(rows);
  const half = halfway(last);
  const cellOf = (strategy: string) => cells.find((cell) => cell === `strategy=${strategy}`)!;
  const curve = (strategy: string) => meanCurve(rows, cellOf(strategy), 'heldout_perplexity');
  const replace = curve('replace');
  const kept = curve('accumulate');
  const subsample = curve('accumulate-subsample');
  const start = replace[0]!;
  const findings: Finding[] = [];

  findings.push(replaceGrows(replace, half, last));

  const keptMax = Math.max(...kept.map((value) => value!));
  const keptSecondHalf = kept[last]! / kept[half]! - 1;
  findings.push({
    name: 'accumulate: held-out perplexity stays bounded',
    expected: "accumulating the data keeps the held-out error bounded, close to that of M0: under 1.5 x M0's, growing less than 5% over the second half",
    observed:
      `held-out perplexity ${text(start)} (M0) -> ${text(kept[half])} (generation ${half}) -> ${text(kept[last])} (${last}); ` +
      `at most ${text(keptMax / start)} x M0's; growth over the second half ${text(keptSecondHalf * 100)}%`,
    numbers: { accumulate_half: shown(kept[half]), accumulate_last: shown(kept[last]), accumulate_max_over_m0: shown(keptMax / start), accumulate_second_half_growth: shown(keptSecondHalf) },
    holds: keptMax < 1.5 * start && keptSecondHalf < 0.05,
  });

  const ends = (strategy: string) => replicateValues(rows, cellOf(strategy), last, 'heldout_perplexity');
  const { p, ...between } = orderedVerdict(kept[last]! < subsample[last]! && subsample[last]! < replace[last]!, [
    { label: 'accumulate below accumulate-subsample', lower: ends('accumulate'), higher: ends('accumulate-subsample') },
    { label: 'accumulate-subsample below replace', lower: ends('accumulate-subsample'), higher: ends('replace') },
  ]);
  findings.push({
    name: 'accumulate-subsample lies in between',
    expected: `keeping the data but not the training size degrades, more slowly than replacing: it ends between accumulate and replace (${ORDERED_TEST_TEXT}, each way)`,
    observed: `held-out perplexity at generation ${last}: accumulate ${text(kept[last])} ${relation(kept[last], subsample[last])} accumulate-subsample ${text(subsample[last])} ${relation(subsample[last], replace[last])} replace ${text(replace[last])}`,
    numbers: { accumulate_last: shown(kept[last]), subsample_last: shown(subsample[last]), replace_last: shown(replace[last]), welch_p: shown(p) },
    ...between,
  });
  return findings;
}

/** The trend test's level, and the fewest generations' means (0..G) that can pass it: 4, G = 3 (1/24). */
const TREND_LEVEL = 0.05;
const FEWEST_MEANS = fewestForTrend(TREND_LEVEL);
/**
 * How far above M0's replace's last held-out perplexity must end: the bound accumulate must stay under
 * ("stays bounded"), so that "grows" means it ends past where accumulating keeps it. The sources report
 * growth without a factor; this is the recipe's own line.
 */
const END_OVER_M0 = 1.5;

/**
 * Replacing makes the held-out perplexity grow: its means over generations 0..G rise (a one-sided
 * Mann–Kendall test at 5%: one generation's dip within the noise, which "rising in every generation"
 * failed on, leaves a clear rise standing) and end above 1.5 x M0's. Undecided with fewer than 4
 * means, which no order could make pass.
 */
function replaceGrows(replace: ReadonlyArray<number | undefined>, half: number, last: number): Finding {
  const means = replace.map((value) => value ?? Number.NaN);
  const start = means[0]!;
  const rises = means.slice(1).filter((value, i) => value > means[i]!).length;
  // (a generation without a held-out perplexity, which the test cannot read: undecided, not a RangeError)
  const measured = means.every(Number.isFinite);
  const p = measured ? mannKendallP(means) : Number.NaN;
  const enough = means.length >= FEWEST_MEANS;
  // (the 1.5 x was in the verdict and the expectation but not in what was observed, where "rising ...
  // p = 0.008333; 1.095 x M0's" read "does not hold" with no word of why: review)
  const ratio = means[last]! / start;
  const beyond = `${Number.isFinite(ratio) ? (ratio > END_OVER_M0 ? 'above' : 'not above') : 'against'} the ${END_OVER_M0} x the check also asks for`;
  return {
    name: 'replace: held-out perplexity grows',
    expected: `replacing the data makes the held-out error grow generation after generation (a rising trend: one-sided Mann–Kendall test at ${TREND_LEVEL * 100}%), to more than 1.5 x M0's`,
    observed:
      `held-out perplexity ${text(start)} (M0) -> ${text(means[half])} (generation ${half}) -> ${text(means[last])} (${last}), ` +
      `rising in ${rises} of ${last} generation${last === 1 ? '' : 's'} (Mann–Kendall p = ${text(p)}); ${text(ratio)} x M0's at the end (${beyond})`,
    numbers: { heldout_perplexity_0: shown(start), replace_half: shown(means[half]), replace_last: shown(means[last]), replace_rising_generations: rises, replace_trend_p: shown(p) },
    holds: measured && enough && p < TREND_LEVEL && ratio > END_OVER_M0,
    ...(!measured ? { undecided: 'a generation of replace has no held-out perplexity to test' } : enough ? {} : { undecided: `${means.length} generations' means (0-${last}) cannot pass the trend test (even rising in every generation has probability ${text(mannKendallP(means.map((_, i) => i)))} with no trend): run --generations ${FEWEST_MEANS - 1} or more` }),
  };
}
