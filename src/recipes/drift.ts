/**
 * Recipe `drift`: pure resampling is neutral drift (Suresh, Thangaraj & Khandavally, "Rate of Model
 * Collapse in Recursive Training", AISTATS 2025).
 *
 * An order-1 MLE model trained on its own output, with no human data, is multinomial resampling of the
 * previous text's unigram counts (Wright–Fisher drift): each of the M draws of a text (tokens and
 * `</s>`) picks type w with probability c_w / M. So (1) the types of each generation match the drift
 * baseline sum_w 1 - (1 - c_w/M)^M (column drift_expected_types); (2) a seed hapax survives the first
 * generation with probability 1 - (1 - 1/T)^M, T and M the draws of H and of generation 1 (~ 1 - 1/e); (3) rare types die first (a band's mean
 * survival over the generations, its restricted mean survival time, rises with its seed count); (4) the time to
 * forget a type grows roughly linearly with its seed count (a type seen c times drifts to 0 in a time of
 * order c, for c much smaller than M); (5) more sharply, each seed count's share forgotten by each
 * generation is the survival law's exp(-c g_k) (./forgettingLaw.ts), which a line through the medians
 * cannot tell from a square root or a square of the count.
 */

import type { TopLevelSpec } from 'vega-lite';
import { chartConfig } from '../export/report/metricChart.js';
import { formatNumber } from '../validation/formatNumber.js';
import { cellIds, lastGeneration, meanAt, replicateCount } from './rowStats.js';
import { shown, text } from './findingNumbers.js';
import { linearFit } from '../stats/linearFit.js';
import { binomialStandardError, MIN_EXPECTED_TRIALS, normalBandApplies, tooFewHapaxes } from './binomialBand.js';
import { sweepRun, type Finding, type Recipe, type RecipeData } from './recipe.js';
import type { SeriesSurvival } from './tokenSurvival.js';
import { rowExponents } from '../metrics/survivalTheory.js';
import { forgettingAgainstLaw, type CountAgainstLaw } from './forgettingLaw.js';

/** Seed counts whose forgetting time is measured. */
export const DRIFT_SEED_COUNTS = [1, 2, 3, 4, 5, 6, 7, 8, 10, 12] as const;

/** The level of the t test a rising line of forgetting times takes (check 4). */
const RISE_TEST_LEVEL = 0.05;

export const drift: Recipe = {
  name: 'drift',
  title: 'Pure resampling is neutral drift',
  claim:
    'An order-1 maximum-likelihood model retrained on its own output is multinomial resampling (neutral drift): ' +
    'types are lost at the rate the drift baseline predicts, a seed hapax survives one generation with probability ' +
    '1 - (1 - 1/T)^M (T the draws of the human text, M those of the first generation), rare types die first, and the time to forget a type grows roughly linearly with its seed count, ' +
    'each count forgotten at the rate of the survival law.',
  sources: ['Suresh, Thangaraj & Khandavally, "Rate of Model Collapse in Recursive Training", AISTATS 2025'],
  defaultCorpus: ['brown:news'],
  defaults: { generations: 40, replicates: 3 },
  needs: { tokenSurvival: true },
  runs: (scale) => [sweepRun(scale, {}, { order: 1 })],
  findings: driftFindings,
  charts: (data) => [forgettingChart(data), typesChart(data)],
  tables: (data) => [
    {
      file: 'forgetting-by-seed-count.csv',
      header: ['seed_count', 'types', 'forgotten_share', 'median_generation_forgotten'],
      records: forgettingByCount(data.survival).map((row) => [
        String(row.count),
        String(row.types),
        formatNumber(row.forgottenShare),
        formatNumber(row.median),
      ]),
    },
  ],
};

export function driftFindings(data: RecipeData): Finding[] {
  const { rows } = data;
  const at: Span = { rows, cell: cellIds(rows)[0]!, last: lastGeneration(rows) };
  return [typesFollowBaseline(at), hapaxSurvival(at, data.run.human), rareDieFirst(at), forgettingGrowsWithCount(at, data.survival), forgettingFollowsLaw(at, data.survival)];
}

/** What each check reads: the rows, the recipe's one cell and its last generation. */
interface Span {
  readonly rows: RecipeData['rows'];
  readonly cell: string;
  readonly last: number;
}

/**
 * (1) Measured types within the baseline's band at every generation: 2%, or 4 standard errors of the
 * types kept when more. Type w of the last text is lost with probability q_w; under multinomial
 * draws the losses are negatively correlated, so the variance of the types kept is at most
 * sum q_w (1 - q_w) <= sum q_w = L, the expected number lost, types(g-1) - expected(g), and the
 * standard error of the replicates' mean at most sqrt(L / R) (a fixed
 * 2% failed on a small corpus, where a few hundred types make the count coarse).
 */
function typesFollowBaseline({ rows, cell, last }: Span): Finding {
  const replicates = replicateCount(rows, cell, 1);
  // (the band of the largest gap said beside it, and of the first gap outside its band: "4.661%, holds"
  // under "within 2%" could not be checked on the page: probe)
  let worst = { gap: 0, band: 0, generation: 0 };
  let failing: typeof worst | undefined;
  for (let g = 1; g <= last; g++) {
    const types = meanAt(rows, cell, g, 'types')!;
    const expected = meanAt(rows, cell, g, 'drift_expected_types')!;
    const lost = Math.max(0, (meanAt(rows, cell, g - 1, 'types') ?? expected) - expected);
    const band = Math.max(0.02, (4 * Math.sqrt(lost / Math.max(1, replicates))) / expected);
    const gap = Math.abs(types - expected) / expected;
    if (gap > worst.gap || g === 1) worst = { gap, band, generation: g };
    if (!(gap < band)) failing ??= { gap, band, generation: g };
  }
  const typesLast = meanAt(rows, cell, last, 'types');
  const expectedLast = meanAt(rows, cell, last, 'drift_expected_types');
  const outside = failing === undefined ? '' : `; outside its band first at generation ${failing.generation}: ${text(failing.gap * 100)}% against ${text(failing.band * 100)}%`;
  return {
    name: 'types follow the drift baseline',
    expected: 'each generation holds the types that multinomial resampling of the previous text predicts: within 2%, or 4 standard errors of the types kept if more',
    observed:
      `largest gap between measured and expected types over generations 1..${last}: ${text(worst.gap * 100)}% (generation ${worst.generation}, whose band is ${text(worst.band * 100)}%)${outside}; ` +
      `at generation ${last}: ${text(typesLast)} measured vs ${text(expectedLast)} expected`,
    numbers: { largest_relative_gap: shown(worst.gap), band_at_largest_gap: shown(worst.band), types_last: shown(typesLast), expected_types_last: shown(expectedLast) },
    holds: failing === undefined,
  };
}

/**
 * (2) survival_1 at generation 1 within 4 binomial standard errors of 1 - (1 - 1/T)^M, T the draws of H
 * (tokens + sentences: the fit) and M those of generation 1 (the mean over replicates: the batch ends at
 * a sentence end, so M overshoots T by up to a sentence; with M = T, 1 - (1 - 1/M)^M ~ 1 - 1/e). The
 * standard error of a mean share of h seed hapaxes over R replicates is sqrt(p (1 - p) / (h R)) (the
 * hapaxes' losses in one text are negatively correlated, so it overstates theirs, if anything). It took
 * M = T, and a floor of 0.02 beside the 4 standard errors: with 120-token sentences generation 1 drew
 * 1,047 against H's 968, the law moved from 0.632 to 0.661, and the check failed a measured 0.657 (the
 * statistics audit); the floor, 14 standard errors at 113,200 trials, hid the same gap on lighthouse.txt.
 * Undecided with fewer hapax-replicates than the band's normal approximation needs (normalBandApplies),
 * or without generation 1's draws in the rows.
 */
function hapaxSurvival({ rows, cell }: Span, human: RecipeData['run']['human']): Finding {
  const fit = human.ids.length + human.offsets.length - 1;
  const draws = drawsAt(rows, cell, 1);
  const law = draws === undefined ? undefined : 1 - Math.exp(draws * Math.log1p(-1 / fit));
  const survival = meanAt(rows, cell, 1, 'survival_1');
  // (the replicates that ran: survival_1 has no value where H has no hapax, and "0 replicates" was said: audit)
  const replicates = replicateCount(rows, cell, 1);
  const hapaxes = hapaxCount(human.ids);
  const trials = hapaxes * replicates;
  // (binomial, as the hapaxes of an order-1 series survive nearly independently: over 12 replicates of
  // brown:news their survival at generation 1 spread 0.00635 a replicate against the binomial 0.00594,
  // at generation 5 0.00508 against 0.00545; growth's order 2 spread wider and takes the replicates' own)
  const tolerance = law === undefined ? undefined : 4 * binomialStandardError(law, Math.max(1, trials));
  const undecided =
    hapaxes === 0 ? tooFewHapaxes(hapaxes, replicates)
    : draws === undefined ? 'the rows have no tokens and sentences of generation 1, so M is not known'
    : normalBandApplies(law!, trials) ? undefined
    : tooFewHapaxes(hapaxes, replicates);
  return {
    name: 'a seed hapax survives one generation with probability 1 - (1 - 1/T)^M',
    expected:
      `1 - (1 - 1/T)^M = ${text(law)} for T = ${fit} draws of H (tokens + sentences) and M = ${text(draws)} of generation 1 (mean of the replicates), ` +
      `within 4 binomial standard errors for ${hapaxes} seed hapaxes x ${replicates} replicates (${text(tolerance)})`,
    // (the law and the gap beside the measure: the console shows what was observed, and the verdict
    // could not be checked there without findings.md: review)
    observed: `survival_1 at generation 1: ${text(survival)}${hapaxes > 0 && law !== undefined ? lawBeside(survival, law, tolerance!) : ''}` + (undecided === undefined ? '' : `; ${undecided}`),
    numbers: { T: fit, M: shown(draws), law: shown(law), survival_1_generation_1: shown(survival), tolerance: shown(tolerance), trials },
    holds: undecided === undefined && survival !== undefined && Math.abs(survival - law!) < tolerance!,
    // (too few trials to test the law: it was reported as not holding, a result it is not: audit)
    ...(undecided === undefined ? {} : { undecided }),
  };
}

/** ` against the law's 0.6325 (a gap of 0.0029, within the tolerance 0.1058)`: what the verdict reads. */
function lawBeside(survival: number | undefined, law: number, tolerance: number): string {
  if (survival === undefined) return ` against the law's ${text(law)}`;
  const gap = Math.abs(survival - law);
  return ` against the law's ${text(law)} (a gap of ${text(gap)}, ${gap < tolerance ? 'within' : 'beyond'} the tolerance ${text(tolerance)})`;
}

/** How many ids occur exactly once. */
function hapaxCount(ids: Int32Array): number {
  const counts = new Map<number, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  let once = 0;
  for (const count of counts.values()) if (count === 1) once++;
  return once;
}

/** The seed-count bands of the survival columns, as the findings name them. */
const BAND_NAMES = ['1', '2-5', '6-20', '21+'] as const;

/** The survival columns, one per seed-count band, in BAND_NAMES' order. */
const BAND_COLUMNS = ['survival_1', 'survival_2_5', 'survival_6_20', 'survival_21_plus'] as const;

/**
 * (3) Each band's mean survival over generations 1 to the last rises strictly with its seed count: the
 * restricted mean survival time of survival analysis (the area under the band's survival curve, here
 * divided by the generations), so a band whose types were lost sooner reads lower even where two bands
 * end level at 0 (it read only the last generation, where bands all lost or none lost yet left the
 * claim undecided whatever came before: 0 / 0 / 1 / 1). Two bands level at 1 (none of their types lost
 * in any generation) or at 0 (all lost in the first) still show no order: undecided, unless another
 * pair breaks it.
 */
function rareDieFirst({ rows, cell, last }: Span): Finding {
  const bands = BAND_COLUMNS.map((band) => meanSurvival(rows, cell, last, band));
  const atLast = BAND_COLUMNS.map((band) => meanAt(rows, cell, last, band));
  const ordered = bands.every((value, i) => value !== undefined && (i === 0 || value > bands[i - 1]!));
  // (a band no seed type falls in reads n/a, and the check does not hold for want of it: say so, audit;
  // undecided unless the bands there already break the order; a band missing in some generation only,
  // rows a failed series left out, said so: it read "no seed type")
  const unread = whyUnread(rows, cell, last, bands);
  const present = BAND_NAMES.flatMap((name, i) => (bands[i] === undefined ? [] : [{ name, value: bands[i]! }]));
  const pairs = present.slice(1).map((band, i) => ({ before: present[i]!, band }));
  const level = pairs.filter(({ before, band }) => band.value === before.value && (band.value === 0 || band.value === 1));
  const broken = pairs.some((pair) => pair.band.value <= pair.before.value && !level.includes(pair));
  const why = unread.length === 0 ? '' : ` (${unread.join('; ')}: the check needs all four bands)`;
  return {
    name: 'rare types die first',
    expected: `mean survival over generations 1-${last} (the restricted mean survival time, as a share of the generations) rises with the seed-count band (1 < 2-5 < 6-20 < 21+)`,
    observed: `mean survival over generations 1-${last} by band 1 / 2-5 / 6-20 / 21+: ${bands.map(text).join(' / ')}; at generation ${last}: ${atLast.map(text).join(' / ')}${why}`,
    numbers: {
      mean_survival_1: shown(bands[0]), mean_survival_2_5: shown(bands[1]), mean_survival_6_20: shown(bands[2]), mean_survival_21_plus: shown(bands[3]),
      survival_1: shown(atLast[0]), survival_2_5: shown(atLast[1]), survival_6_20: shown(atLast[2]), survival_21_plus: shown(atLast[3]),
    },
    holds: ordered,
    ...(ordered || broken
      ? {}
      : { undecided: [...unread, ...level.map(({ before, band }) => `bands ${before.name} and ${band.name} both at ${band.value} (${band.value === 1 ? 'none of their types lost in any generation yet: more generations can tell them apart' : 'all their types lost in the first generation'}): no order shows`)].join('; ') }),
  };
}

/** A band's survival averaged over generations 1 to `last` (each generation's mean over replicates); undefined if the band has no value in one of them. */
function meanSurvival(rows: Span['rows'], cell: string, last: number, band: (typeof BAND_COLUMNS)[number]): number | undefined {
  let sum = 0;
  for (let generation = 1; generation <= last; generation++) {
    const value = meanAt(rows, cell, generation, band);
    if (value === undefined) return undefined;
    sum += value;
  }
  return last >= 1 ? sum / last : undefined;
}

/**
 * Why bands have no mean survival (meanSurvival undefined), one phrase each, empty when every band is
 * read: no generation after 0 to read; a band without a value in any generation that has rows has no
 * seed type; any other band lacks values in some generations 1..last, named band by band (bands with
 * the same gaps together), each generation without a row at all (a series that failed, rows left out
 * of a merge) marked so, where a blank field is not.
 */
function whyUnread(rows: Span['rows'], cell: string, last: number, bands: readonly (number | undefined)[]): string[] {
  if (bands.every((band) => band !== undefined)) return [];
  if (last < 1) return ['no generation after 0 to read'];
  const generations = Array.from({ length: last + 1 }, (_, g) => g);
  const withRows = generations.filter((generation) => replicateCount(rows, cell, generation) > 0);
  const valued = (column: (typeof BAND_COLUMNS)[number], generation: number): boolean => meanAt(rows, cell, generation, column) !== undefined;
  const unread = BAND_COLUMNS.flatMap((column, i) => (bands[i] === undefined ? [{ column, name: BAND_NAMES[i]! }] : []));
  const noType = unread.filter(({ column }) => withRows.every((generation) => !valued(column, generation)));
  // each gapped band's missing generations (1..last), as text; bands with the same text go together
  const gaps = new Map<string, string[]>();
  for (const band of unread.filter((one) => !noType.includes(one))) {
    const missing = generations.filter((generation) => generation >= 1 && !valued(band.column, generation));
    const rowless = missing.filter((generation) => !withRows.includes(generation));
    const where = rowless.length === 0 ? '' : rowless.length === missing.length ? ' (no row there)' : ` (no row at generation ${rowless.join(', ')})`;
    const key = `${missing.join(', ')}${where}`;
    gaps.set(key, [...(gaps.get(key) ?? []), band.name]);
  }
  return [
    ...(noType.length === 0 ? [] : [`no seed type in band ${noType.map(({ name }) => name).join(', ')}`]),
    ...[...gaps].map(([at, names]) => `band${names.length === 1 ? '' : 's'} ${names.join(', ')} without a value at generation ${at}`),
  ];
}

/**
 * (4) The median generation forgotten, by seed count, on a rising line with R^2 >= 0.9 (3 counts or
 * more) whose slope's one-sided t test passes at 5% (R^2 0.9 on 3 points is t = 3 at 1 degree of
 * freedom, P = 0.10: a rise the points cannot tell from noise is undecided, not held).
 */
function forgettingGrowsWithCount({ last }: Span, survival: RecipeData['survival']): Finding {
  const rows = forgettingByCount(survival);
  const measured = rows.filter((row) => row.median !== undefined);
  const fit = measured.length >= 3 ? linearFit(measured.map((row) => row.count), measured.map((row) => row.median!)) : undefined;
  // the means' verdict (a rising line that fits), then the test's (its rise beyond noise)
  const fits = fit !== undefined && fit.slope > 0 && fit.r2 >= 0.9;
  const rises = fits && fit.riseP < RISE_TEST_LEVEL;
  // (the fit on 4 of 10 counts read as if it rested on all: say which counts have no median yet, audit;
  // exactly half forgotten gives none either, the middle two being a generation and never)
  const censored = rows.filter((row) => row.median === undefined && row.types > 0).map((row) => row.count);
  const unfitted = censored.length === 0 ? '' : `; no median for seed count${censored.length === 1 ? '' : 's'} ${censored.join(', ')}: at most half their types forgotten within ${last} generations`;
  return {
    name: 'the time to forget a type grows roughly linearly with its seed count',
    expected:
      'the median generation at which a type is first missing grows about linearly with its count in H: a least-squares line rises, ' +
      `by a one-sided t test of its slope at ${RISE_TEST_LEVEL * 100}%, and fits with R^2 of 0.9 or more`,
    observed:
      fit === undefined
        ? `${measured.length} seed count${measured.length === 1 ? '' : 's'} with a median generation forgotten, of the 3 a line needs${unfitted}`
        : `median generation forgotten by seed count (replicates pooled) ${measured.map((row) => `${row.count}: ${text(row.median)}`).join(', ')}; ` +
          `least-squares line ${text(fit.intercept)} + ${text(fit.slope)} x count, R^2 = ${text(fit.r2)}, rise p = ${text(fit.riseP)} ` +
          `(the Feller diffusion of Wright–Fisher drift gives P(lost by t) ~ exp(-2c/t), a median of 2c/ln 2, slope ${text(2 / Math.LN2)})${unfitted}`,
    numbers: {
      slope: shown(fit?.slope),
      intercept: shown(fit?.intercept),
      r2: shown(fit?.r2),
      rise_p: shown(fit?.riseP),
      ...Object.fromEntries(measured.map((row) => [`median_count_${row.count}`, shown(row.median)])),
    },
    holds: rises,
    // (fewer than 3 points: no line to fit, which read as a line that failed: audit)
    ...(fit === undefined ? { undecided: `${measured.length} seed count${measured.length === 1 ? '' : 's'} with a median generation forgotten, of the 3 a line needs` } : {}),
    ...(fits && !rises
      ? { undecided: `the line rises and fits, but not by a one-sided t test of its slope at ${RISE_TEST_LEVEL * 100}% over ${measured.length} seed counts (p = ${text(fit.riseP)}); run more --generations, so that more seed counts have a median` }
      : {}),
  };
}

/**
 * (5) Each seed count's forgetting curve is the survival law's: for every seed count of
 * DRIFT_SEED_COUNTS and every generation where the normal approximation applies, the pooled share of
 * its types missing by then is exp(-c g_k) within 4 binomial standard errors (./forgettingLaw.ts), g_k
 * from the mean draws (tokens + sentences) of each generation. Sharper than (4): a square root or a
 * square of the count fits (4)'s line as well (R^2 0.97 and 0.94 over the README run's counts), not this.
 * Undecided where no generation of any count can be compared, or the rows lack a generation's draws.
 */
function forgettingFollowsLaw({ rows, cell, last }: Span, survival: RecipeData['survival']): Finding {
  const law = lawByCount({ rows, cell, last }, survival);
  const gaps = 'unsized' in law ? [] : law;
  const measured = forgettingByCount(survival);
  const compared = gaps.reduce((sum, one) => sum + one.compared, 0);
  const worst = largestGap(gaps);
  const failing = gaps.filter((one) => one.worst !== undefined && !(Math.abs(one.worst.z) < LAW_BAND)).map((one) => one.count);
  const undecided =
    'unsized' in law
      ? `no draws (tokens and sentences) in the rows of generation ${law.unsized}: the law has no sizes to start from`
      : compared === 0
        ? `no seed count has enough types for a band of standard errors at any generation (${MIN_LAW_TRIALS_TEXT}; run more --replicates, or a larger corpus)`
        : undefined;
  // (no median within the run, measured or by the law: more than half still there at `last`, said alike)
  const beyond = (median: number | undefined): string => (median === undefined ? `> ${last}` : text(median));
  const medians = gaps
    .filter((one) => one.types > 0)
    .map((one) => `${one.count}: ${beyond(measured.find((row) => row.count === one.count)!.median)} / ${beyond(one.lawMedian)}`);
  return {
    name: 'each seed count is forgotten at the rate the survival law predicts',
    expected:
      `for each seed count c of ${DRIFT_SEED_COUNTS.join(', ')}, the share of its types missing by generation k is the survival law's exp(-c g_k) ` +
      `(g_k from each generation's draws) within ${LAW_BAND} binomial standard errors, at every generation 1-${last} where the normal approximation applies (${MIN_LAW_TRIALS_TEXT})`,
    observed:
      undecided !== undefined
        ? undecided
        : `median generation forgotten by seed count, measured / law (replicates pooled): ${medians.join(', ')}; ` +
          `${compared} generation-count pairs compared${uncompared(gaps)}; the largest gap z = ${text(worst!.gap.z)} (seed count ${worst!.count}, generation ${worst!.gap.generation}: ` +
          `${text(worst!.gap.measured)} forgotten against the law's ${text(worst!.gap.law)})` +
          (failing.length === 0 ? '' : `; beyond ${LAW_BAND} at seed count${failing.length === 1 ? '' : 's'} ${failing.join(', ')}`),
    numbers: {
      compared,
      largest_z: shown(worst?.gap.z),
      largest_z_seed_count: shown(worst?.count),
      largest_z_generation: shown(worst?.gap.generation),
      ...Object.fromEntries(gaps.filter((one) => one.types > 0).map((one) => [`law_median_count_${one.count}`, shown(one.lawMedian)])),
    },
    holds: undecided === undefined && failing.length === 0,
    ...(undecided === undefined ? {} : { undecided }),
  };
}

/**
 * The seed counts with types that no generation compared, named (a check held on 3 pairs of seed count
 * 1 read as if it spoke for every count: the statistics audit); '' when every such count was compared.
 */
function uncompared(gaps: readonly CountAgainstLaw[]): string {
  const left = gaps.filter((one) => one.types > 0 && one.compared === 0).map((one) => one.count);
  if (left.length === 0) return '';
  return `; none at seed count${left.length === 1 ? '' : 's'} ${left.join(', ')} (too few types for a band at any generation: they are not tested)`;
}

/** The band the law check allows, in binomial standard errors. */
const LAW_BAND = 4;
const MIN_LAW_TRIALS_TEXT = `at least ${MIN_EXPECTED_TRIALS} types expected forgotten and ${MIN_EXPECTED_TRIALS} expected kept`;

/** Each seed count of DRIFT_SEED_COUNTS against the survival law; `unsized`: the first generation whose rows lack its draws. */
function lawByCount({ rows, cell, last }: Span, survival: RecipeData['survival']): CountAgainstLaw[] | { unsized: number } {
  const draws = Array.from({ length: last + 1 }, (_, g) => drawsAt(rows, cell, g));
  const unsized = draws.findIndex((value) => value === undefined);
  return unsized >= 0 ? { unsized } : forgettingAgainstLaw(survival, rowExponents(draws as number[]), DRIFT_SEED_COUNTS);
}

/** A generation's draws (tokens + sentences, means over replicates); undefined if the rows lack either. */
function drawsAt(rows: Span['rows'], cell: string, generation: number): number | undefined {
  const tokens = meanAt(rows, cell, generation, 'tokens');
  const sentences = meanAt(rows, cell, generation, 'sentences');
  return tokens === undefined || sentences === undefined ? undefined : tokens + sentences;
}

/** The seed count and generation with the largest |z| of all; undefined when none was compared. */
function largestGap(gaps: readonly CountAgainstLaw[]): { count: number; gap: NonNullable<CountAgainstLaw['worst']> } | undefined {
  let largest: { count: number; gap: NonNullable<CountAgainstLaw['worst']> } | undefined;
  for (const one of gaps) if (one.worst !== undefined && (largest === undefined || Math.abs(one.worst.z) > Math.abs(largest.gap.z))) largest = { count: one.count, gap: one.worst };
  return largest;
}

export interface ForgettingRow {
  readonly count: number;
  /** Seed types with this count, summed over series. */
  readonly types: number;
  /** Share of them missing from some generation's text by the last generation. */
  readonly forgottenShare: number;
  /** Median generation first missing (types never missing count as later than G); undefined when half or more never went missing (the median is not a generation then). */
  readonly median: number | undefined;
}

/** Forgetting time by seed count, pooled over the series given. */
export function forgettingByCount(survival: readonly SeriesSurvival[]): ForgettingRow[] {
  return DRIFT_SEED_COUNTS.map((count) => {
    const times: number[] = [];
    for (const series of survival) {
      for (let i = 0; i < series.types.length; i++) {
        if (series.seedCounts[i] !== count) continue;
        const first = series.firstAbsent[i]!;
        times.push(first < 0 ? Number.POSITIVE_INFINITY : first);
      }
    }
    times.sort((a, b) => a - b);
    const forgotten = times.filter(Number.isFinite).length;
    const middle = times.length === 0 ? Number.POSITIVE_INFINITY : (times[Math.floor((times.length - 1) / 2)]! + times[Math.ceil((times.length - 1) / 2)]!) / 2;
    return {
      count,
      types: times.length,
      forgottenShare: times.length === 0 ? 0 : forgotten / times.length,
      median: Number.isFinite(middle) ? middle : undefined,
    };
  });
}

/** The measured median generation forgotten by seed count, its least-squares line, and the survival law's median beside it. */
function forgettingChart(data: RecipeData) {
  const points = forgettingByCount(data.survival).filter((row) => row.median !== undefined);
  const rows = data.rows;
  const byCount = lawByCount({ rows, cell: cellIds(rows)[0]!, last: lastGeneration(rows) }, data.survival);
  const law = ('unsized' in byCount ? [] : byCount).filter((one) => one.types > 0 && one.lawMedian !== undefined);
  const values = [
    ...points.map((row) => ({ seed_count: row.count, median: row.median!, types: row.types, series: MEASURED })),
    ...law.map((one) => ({ seed_count: one.count, median: one.lawMedian!, types: one.types, series: LAW })),
  ];
  const color = { field: 'series', type: 'nominal', scale: { domain: [MEASURED, LAW], range: ['#4e79a7', '#f28e2b'] }, title: null } as const;
  // (whole counts and generations: one point ticked 1.000000, and medians in steps of 0.2: audit)
  const x = { field: 'seed_count', type: 'quantitative', title: 'count in H', axis: { tickMinStep: 1, format: 'd' } } as const;
  const y = { field: 'median', type: 'quantitative', title: 'median generation forgotten', axis: { tickMinStep: 1, format: 'd' } } as const;
  const tooltip = [{ field: 'series', title: 'median' }, { field: 'seed_count' }, { field: 'median' }, { field: 'types', title: 'types (all replicates)' }];
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'time to forget a type', subtitle: 'median generation at which a seed type is first missing, by its count in H (dashed: least-squares line); the survival law beside it', anchor: 'start' },
    width: 520,
    height: 300,
    data: { values },
    layer: [
      {
        mark: { type: 'line', color: '#4e79a7', strokeDash: [4, 3], strokeWidth: 1.5 },
        transform: [{ filter: { field: 'series', equal: MEASURED } }, { regression: 'median', on: 'seed_count' }],
        encoding: { x: { field: 'seed_count', type: 'quantitative' }, y: { field: 'median', type: 'quantitative' } },
      },
      {
        mark: { type: 'line', strokeWidth: 1.5, point: { size: 30 } },
        transform: [{ filter: { field: 'series', equal: LAW } }],
        encoding: { x, y, color, tooltip },
      },
      {
        mark: { type: 'point', filled: true, size: 60 },
        transform: [{ filter: { field: 'series', equal: MEASURED } }],
        encoding: { x, y, color, tooltip },
      },
    ],
    config: chartConfig(),
  };
  return { name: 'forgetting_by_seed_count', title: 'Time to forget a type, by its seed count', spec };
}

const MEASURED = 'measured';
const LAW = 'survival law';

function typesChart(data: RecipeData) {
  const cell = cellIds(data.rows)[0]!;
  const last = lastGeneration(data.rows);
  const values: Array<{ generation: number; series: string; types: number }> = [];
  for (let g = 0; g <= last; g++) {
    values.push({ generation: g, series: 'measured types', types: meanAt(data.rows, cell, g, 'types')! });
    const expected = meanAt(data.rows, cell, g, 'drift_expected_types');
    if (expected !== undefined) values.push({ generation: g, series: 'drift baseline', types: expected });
  }
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'types vs the drift baseline', subtitle: 'mean over replicates; the baseline resamples the previous generation', anchor: 'start' },
    width: 520,
    height: 300,
    data: { values },
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding: {
      x: { field: 'generation', type: 'quantitative', axis: { tickMinStep: 1, format: 'd' } },
      y: { field: 'types', type: 'quantitative', scale: { zero: false } },
      color: { field: 'series', type: 'nominal', scale: { domain: ['measured types', 'drift baseline'], range: ['#4e79a7', '#f28e2b'] }, title: null },
      // (one legend for colour and dash, both untitled: `legend: null` here dropped the merged legend, colour's too: audit)
      strokeDash: { field: 'series', type: 'nominal', scale: { domain: ['measured types', 'drift baseline'], range: [[1, 0], [5, 4]] }, title: null },
    },
    config: chartConfig(),
  };
  return { name: 'types_vs_drift', title: 'Types vs the drift baseline', spec };
}
