/**
 * Recipe `human-ratio`: how much fresh human data keeps collapse away (Shumailov et al., "AI models
 * collapse when trained on recursively generated data", Nature 2024; Bertrand et al., "On the Stability
 * of Iterative Retraining of Generative Models on their own Data", ICLR 2024).
 *
 * Cells: human ratio 0, 0.01, 0.1, 0.5 (replace, a fresh human sample each generation), order 2 MLE.
 * Checks: with no human data the model degrades steadily (vocabulary retention falls every generation,
 * held-out perplexity keeps rising); with 10% human data the degradation is bounded and far smaller (not
 * "minor", as Shumailov et al. found for neural models: see the note; its second-half growth under a
 * quarter of ratio 0's in the means and, with two replicates or more, by a one-sided Welch test over
 * the replicates, else undecided); and stability has a
 * threshold in the real-data share: below it the curves keep falling in the second half of the run,
 * above it they level off. The first is undecided where H has no rare seed type and ratio 0 lost no
 * vocabulary at all (no tail to lose first), unless held-out perplexity failed to rise. Where ratio 0 has nothing to reduce (no vocabulary lost since generation 1,
 * or a held-out perplexity that did not grow) the second check leaves that part uncompared, and is
 * undecided unless a part it can read fails; the third is undecided where ratio 0 lost no vocabulary
 * since generation 1 (nothing to level off), unless the second-half losses already break the order
 * (a larger ratio losing more than a smaller one, where either loses 5% or more).
 */

import { ORDERED_TEST_TEXT, orderedVerdict, replicateTable } from './orderedMeans.js';
import { cellIds, halfway, lastGeneration, meanAt, meanCurve } from './rowStats.js';
import { seenAtMost, shown, text } from './findingNumbers.js';
import { linearFit } from '../stats/linearFit.js';
import { sweepRun, type Finding, type Recipe, type RecipeData } from './recipe.js';

export const HUMAN_RATIOS = [0, 0.01, 0.1, 0.5] as const;

/** A cell is "stable" if vocab retention falls by less than this share over the second half of the run. */
export const STABLE_SECOND_HALF_LOSS = 0.05;

export const humanRatio: Recipe = {
  name: 'human-ratio',
  title: 'A share of fresh human data',
  claim:
    'With no human data the model degrades steadily; with 10% fresh human data in every generation the degradation ' +
    'is minor (as Shumailov et al. report for their language models; on n-grams it is bounded, not minor: see the notes); there is a threshold in the real-data share above which retraining is stable.',
  sources: [
    'Shumailov et al., "AI models collapse when trained on recursively generated data", Nature 631, 2024',
    'Bertrand et al., "On the Stability of Iterative Retraining of Generative Models on their own Data", ICLR 2024',
  ],
  defaultCorpus: ['brown:news'],
  defaults: { generations: 20, replicates: 10 },
  runs: (scale) => [sweepRun(scale, { humanRatio: [...HUMAN_RATIOS] }, { humanPool: 'fresh' })],
  findings: humanRatioFindings,
  notes: [
    'Not minor on n-grams: an MLE n-gram model does not generalise beyond its training text, so a type missing from ' +
      'the synthetic 90% and from this generation\'s human 10% is gone. Where 10% human data levels the loss off (the ' +
      'second check says whether it did in this run), it does so well below the seed vocabulary (see vocab_retention).',
  ],
};

export function humanRatioFindings(data: RecipeData): Finding[] {
  const { rows } = data;
  const cells = cellIds(rows);
  const last = lastGeneration(rows);
  const span: Span = { rows, half: halfway(last), last, cellOf: (ratio) => cells.find((cell) => cell === `human_ratio=${ratio}`)! };
  const { reference } = data.run;
  return [steadyDegradation(span, reference.rareTypes === 0 ? seenAtMost(reference.rareThreshold) : undefined), boundedDegradation(span), stabilityThreshold(span)];
}

/** What each check reads: the rows, the middle and last generations, and the cell of each ratio. */
interface Span {
  readonly rows: RecipeData['rows'];
  readonly half: number;
  readonly last: number;
  readonly cellOf: (ratio: number) => string;
}

/**
 * With no human data, vocabulary retention falls in every generation and held-out perplexity keeps rising.
 * `noRareSeen` (H has no rare seed type; how often one would have been seen) with no vocabulary lost at
 * all leaves the vocabulary part untested: collapse takes the tail first, and this seed has none (a
 * 12-word corpus, each word seen some 200 times, read "does not hold" on a perplexity that rose tenfold:
 * probe). Then the check is undecided, unless the perplexity part fails.
 */
function steadyDegradation({ rows, half, last, cellOf }: Span, noRareSeen?: string): Finding {
  const none = cellOf(0);
  const retention = meanCurve(rows, none, 'vocab_retention');
  const falling = retention.slice(1).every((value, i) => value! < retention[i]!);
  const perplexity0 = meanAt(rows, none, 0, 'heldout_perplexity');
  const perplexityHalf = meanAt(rows, none, half, 'heldout_perplexity');
  const perplexityLast = meanAt(rows, none, last, 'heldout_perplexity');
  const finding = {
    name: 'no human data: steady degradation',
    expected: 'vocabulary retention falls in every generation, and held-out perplexity rises: higher at the halfway generation than under M0, and higher still at the last',
    observed:
      // (each generation once: at 2 generations the half is generation 1, which was shown twice: audit)
      `vocab_retention ${[...new Set([1, half, last])].map((g, i) => `${text(retention[g])} (${i === 0 ? 'generation ' : ''}${g})`).join(' -> ')}, ` +
      `${falling ? 'falling in every generation' : 'not falling in every generation'}; held-out perplexity ` +
      `${[0, half, last].map((g, i) => `${text([perplexity0, perplexityHalf, perplexityLast][i])} (${i === 0 ? 'M0, generation ' : ''}${g})`).join(' -> ')}`,
    numbers: {
      vocab_retention_1: shown(retention[1]),
      vocab_retention_half: shown(retention[half]),
      vocab_retention_last: shown(retention[last]),
      heldout_perplexity_0: shown(perplexity0),
      heldout_perplexity_half: shown(perplexityHalf),
      heldout_perplexity_last: shown(perplexityLast),
    },
  };
  const perplexityRises = perplexity0! < perplexityHalf! && perplexityHalf! < perplexityLast!;
  const nothingLost = retention.every((value) => value === 1);
  if (!falling && nothingLost && noRareSeen !== undefined && perplexityRises) {
    return { ...finding, holds: false, undecided: `ratio 0 lost no vocabulary, and H has no rare seed type (seen ${noRareSeen}) for it to lose first: vocabulary retention cannot fall here` };
  }
  return { ...finding, holds: falling && perplexityRises };
}

/** With 10% human data, perplexity and vocabulary degrade far less than with none, and level off. */
function boundedDegradation({ rows, half, last, cellOf }: Span): Finding {
  const none = cellOf(0);
  const tenth = cellOf(0.1);
  const growth = (cell: string) => meanAt(rows, cell, last, 'heldout_perplexity')! / meanAt(rows, cell, 0, 'heldout_perplexity')! - 1;
  const secondHalfGrowth = (cell: string) => fittedGrowth(rows, cell, half, last);
  const loss = (cell: string) => vocabularyLost(rows, cell, 1, last);
  // Each comparison with ratio 0's value, which must be positive to compare with: where ratio 0 lost or
  // grew nothing there is nothing for human data to reduce, and "0% vs 0%" read "does not hold" (review,
  // a 12-word corpus). Such a part leaves the check undecided, unless a part that can be read fails.
  const parts = [
    { tenth: growth(tenth), none: growth(none), factor: 0.5, nothing: `ratio 0's held-out perplexity did not grow over ${last} generations` },
    { tenth: loss(tenth), none: loss(none), factor: 0.6, nothing: 'ratio 0 lost no vocabulary since generation 1' },
    { tenth: secondHalfGrowth(tenth), none: secondHalfGrowth(none), factor: 0.25, nothing: `ratio 0's held-out perplexity did not grow over the second half (generations ${half}..${last})` },
  ];
  const untested = parts.filter((part) => !(part.none > 0)).map((part) => part.nothing);
  const failed = parts.some((part) => part.none > 0 && !(part.tenth < part.factor * part.none));
  const { p, ...tested } = boundedVerdict(!failed, rows, tenth, none, half, last);
  const nothingToReduce = `${untested.join(', and ')}: nothing for human data to reduce`;
  const verdict: Pick<Finding, 'holds' | 'undecided'> =
    failed || untested.length === 0
      ? tested
      : { holds: false, undecided: [nothingToReduce, ...(parts[2]!.none > 0 && tested.undecided !== undefined ? [tested.undecided] : [])].join('; ') };
  return {
    name: '10% human data: the degradation is bounded, far below that with none',
    expected:
      'with 10% fresh human data the held-out perplexity and the vocabulary degrade far less than with none, and level off ' +
      '(Shumailov et al. report "minor degradation" for their language models); checked as: perplexity growth under half ' +
      `and vocabulary loss under 0.6 of those with none, and second-half perplexity growth (read off a least-squares line) under a quarter of it (${ORDERED_TEST_TEXT}, each replicate's own line)`,
    observed:
      `held-out perplexity growth over ${last} generations: ${text(growth(tenth) * 100)}% at ratio 0.1 vs ${text(growth(none) * 100)}% at ratio 0 ` +
      `(second half: ${text(secondHalfGrowth(tenth) * 100)}% vs ${text(secondHalfGrowth(none) * 100)}%); ` +
      `vocabulary lost since generation 1: ${text(loss(tenth) * 100)}% vs ${text(loss(none) * 100)}%` +
      (failed && untested.length > 0 ? `; not compared: ${nothingToReduce}` : ''),
    numbers: {
      perplexity_growth_ratio_0_1: shown(growth(tenth)),
      perplexity_growth_ratio_0: shown(growth(none)),
      perplexity_second_half_growth_ratio_0_1: shown(secondHalfGrowth(tenth)),
      perplexity_second_half_growth_ratio_0: shown(secondHalfGrowth(none)),
      vocab_loss_ratio_0_1: shown(loss(tenth)),
      vocab_loss_ratio_0: shown(loss(none)),
      second_half_welch_p: shown(p),
    },
    ...verdict,
  };
}

/**
 * The means decide where there is one replicate (the caveat under the findings says so); with two or
 * more a side, the means' "under a quarter" must also pass a one-sided Welch test at 5% over each
 * replicate's own second-half growth (./orderedMeans.ts), or the check is undecided: 3 replicates'
 * second-half growth at ratio 0.1 spread 5.8% a replicate against a quarter of ratio 0's near 7%, and
 * the means' comparison failed on 1 seed of 12 (the recipes audit). Hence 10 replicates by default: on
 * seeds 1-7 and 42 the check held at 10 on all eight (p = 0.0004-0.035), at 8 on seven (seed 1:
 * p = 0.058), at 3 on three (four undecided, seed 1 failing in its means); on seeds 8-12 at 10 it held
 * on four and was undecided on seed 8 (p = 0.092).
 */
function boundedVerdict(meansHold: boolean, rows: Span['rows'], tenth: string, none: string, half: number, last: number): ReturnType<typeof orderedVerdict> {
  return orderedVerdict(meansHold, [
    { label: "second-half growth at ratio 0.1 below a quarter of ratio 0's", lower: replicateGrowths(rows, tenth, half, last), higher: replicateGrowths(rows, none, half, last).map((growth) => growth / 4) },
  ]);
}

/** Each replicate's own second-half growth (lineGrowth of its held-out perplexity over generations half..last), where it has all of them (a line through 0 at `half` gives no finite growth, which the test leaves out). */
function replicateGrowths(rows: Span['rows'], cell: string, half: number, last: number): number[] {
  const generations = secondHalf(half, last);
  return replicateTable(rows, cell, 'heldout_perplexity', generations).map((series) => lineGrowth(generations, series));
}

/**
 * The held-out perplexity's growth over generations half..last, read off the least-squares line through
 * its means there: the line's rise over the span over its value at `half`. The two ends alone (last over
 * half) swung with the seed: at ratio 0.1 a 3-replicate mean's standard error was about half the
 * threshold, and the check failed on 1 seed in 7 (the statistics audit); the line reads every generation
 * of the span. Equal to last / half - 1 where the means lie on a line.
 */
function fittedGrowth(rows: Span['rows'], cell: string, half: number, last: number): number {
  const generations = secondHalf(half, last);
  return lineGrowth(generations, generations.map((g) => meanAt(rows, cell, g, 'heldout_perplexity')!));
}

/** Generations half..last, in order. */
function secondHalf(half: number, last: number): number[] {
  return Array.from({ length: last - half + 1 }, (_, i) => half + i);
}

/** The least-squares line's rise over `generations` (the first to the last) over its value at the first. */
function lineGrowth(generations: readonly number[], values: readonly number[]): number {
  const { intercept, slope } = linearFit(generations, values);
  const [first, last] = [generations[0]!, generations.at(-1)!];
  return (slope * (last - first)) / (intercept + slope * first);
}

/** The share of its vocabulary (mean vocab_retention) a cell lost from generation `from` to `to`. */
function vocabularyLost(rows: Span['rows'], cell: string, from: number, to: number): number {
  return 1 - meanAt(rows, cell, to, 'vocab_retention')! / meanAt(rows, cell, from, 'vocab_retention')!;
}

/** Below some share of real data the vocabulary keeps shrinking over the second half; from it up, it levels off. */
function stabilityThreshold({ rows, half, last, cellOf }: Span): Finding {
  const secondHalfLoss = HUMAN_RATIOS.map((ratio) => vocabularyLost(rows, cellOf(ratio), half, last));
  const stable = secondHalfLoss.map((value) => value < STABLE_SECOND_HALF_LOSS);
  const threshold = HUMAN_RATIOS.find((_, i) => stable[i] && stable.slice(i).every(Boolean));
  // (two stable ratios' order is within the noise: at 40 generations, 3 replicates, seed 1, ratio 0.1
  // lost 0.21% and 0.5 lost 0.37% over the second half, which failed the check once the effect was
  // complete: the recipes audit; at 10 replicates 0.52% and 0.12%)
  const decreasing = secondHalfLoss.every((value, i) => i === 0 || value <= secondHalfLoss[i - 1]! || (stable[i]! && stable[i - 1]!));
  // (where ratio 0 lost no vocabulary since generation 1, every ratio is "stable" for want of anything
  // to lose, and "stable from ratio 0 up" read "does not hold": review, a 12-word corpus; undecided,
  // unless a larger ratio lost more over the second half)
  const lossSinceFirst = vocabularyLost(rows, cellOf(0), 1, last);
  const undecided = lossSinceFirst > 0 || !decreasing ? undefined : `ratio 0 lost no vocabulary since generation 1 (${text(lossSinceFirst * 100)}%): nothing to level off, so no threshold shows`;
  return {
    name: 'a stability threshold on the real-data share',
    expected:
      `below some share of real data the vocabulary keeps shrinking; above it, it levels off; checked as: ratio 0 loses ` +
      `${STABLE_SECOND_HALF_LOSS * 100}% or more over the second half, some ratio of 0.1 or less and every larger one lose ` +
      `less (stable), and the loss never grows with the ratio but between two stable ratios, whose order is within the noise (a loss that falls smoothly with the ratio passes too: the ` +
      `check does not tell a sharp threshold from a smooth decline)`,
    observed:
      `vocabulary lost over the second half (generations ${half}..${last}) by ratio ${HUMAN_RATIOS.map((ratio, i) => `${ratio}: ${text(secondHalfLoss[i]! * 100)}%`).join(', ')}; ` +
      (threshold === undefined ? 'no ratio is stable' : `stable (under ${STABLE_SECOND_HALF_LOSS * 100}%) from ratio ${threshold} up`),
    numbers: {
      threshold: threshold ?? null,
      ...Object.fromEntries(HUMAN_RATIOS.map((ratio, i) => [`second_half_loss_ratio_${ratio}`, shown(secondHalfLoss[i])])),
    },
    holds: undecided === undefined && !stable[0] && threshold !== undefined && threshold <= 0.1 && decreasing,
    ...(undecided === undefined ? {} : { undecided }),
  };
}
