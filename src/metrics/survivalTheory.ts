/**
 * survivalTheory: the expected survival of a seed type under repeated MLE resampling, by its count in H
 * (Suresh, Thangaraj & Khandavally, "Rate of Model Collapse in Recursive Training", AISTATS 2025).
 *
 * The law in their setting (T draws per generation from an MLE fitted on T draws), in the large-T
 * (Poisson) limit, as we read their analysis (the derivation below stands on its own): a type seen c
 * times in the seed is still present after k generations with probability 1 - exp(-c g_k), g_1 = 1,
 * g_(k+1) = 1 - exp(-g_k).
 *
 * Generalised here to M_j draws in generation j from a fit on T_(j-1) draws (M_j != T_(j-1), e.g. the
 * sentence stopping rule's overshoot, or --tokens-growth R, where M_j / T_(j-1) ~ R). Derivation:
 * generation j draws each of M_j items with probability c_(j-1) / T_(j-1), so a type's count is
 * Binomial(M_j, c_(j-1) / T_(j-1)). Each seed occurrence is taken as the root of a Galton–Watson lineage
 * whose generation-j offspring are Binomial(M_j, 1 / T_(j-1)) (each draw picks that occurrence with
 * probability 1 / T_(j-1)), offspring pgf f_j(s) = (1 - (1 - s) / T_(j-1))^M_j, and the c seed
 * occurrences as independent lineages (exact for c = 1 in generation 1, where a hapax survives with
 * probability 1 - (1 - 1/T)^M; for larger c the lineages share the draws, which this neglects while
 * c << T). A lineage is extinct by generation k with probability q_k = f_1(f_2(... f_k(0))) (the pgf of
 * a time-inhomogeneous branching process is the composition in this order), so the type survives with
 * probability 1 - q_k^c = 1 - exp(-c g_k), g_k = -ln q_k. Evaluating the composition from the inside:
 * x = -ln f_k(0) = -M_k ln(1 - 1 / T_(k-1)), then x <- -ln f_j(exp(-x)) = -M_j ln(1 - (1 - exp(-x)) /
 * T_(j-1)) for j = k-1 .. 1, and g_k = x. For large T this is Suresh et al.'s Poisson limit, f_j(s) =
 * exp(m_j (s - 1)), m_j = M_j / T_(j-1): x <- m_j (1 - exp(-x)), g_k = m_1 (1 - exp(-m_2 (1 - ... m_k))),
 * and with every m_j = 1 their forward recursion (the composition of one map with itself k times does
 * not depend on the order). With m_j = R > 1 the lineages are supercritical and g_k tends to the
 * positive root of g = R (1 - exp(-g)), not to 0: growing the data stops the loss of types that have
 * survived so far (Xu, He & Cheng 2025's argument, in this model).
 *
 * A draw is a token or a sentence end (as the drift baseline counts them: T and M are tokens +
 * sentences). Exact in the large-T limit for order-1 MLE; for higher orders the same mean-one
 * branching holds per occurrence only approximately (contexts fluctuate too). O(K^2) for K generations.
 */

import { SURVIVAL_BANDS } from './seedReference.js';
import { UsageError } from '../errors.js';
import { shownValue } from '../validation/valueRule.js';

/**
 * g_k for k = 1..K, from the draw ratios m_1..m_K (m_j = M_j / T_(j-1)) and, when given, the sizes of
 * the fits T_0..T_(K-1) (binomial offspring); without them, the large-T (Poisson) limit. A fit of
 * fewer than one draw (only an estimate can be: theoryBands scales measured sizes) has no binomial
 * offspring and takes the Poisson step.
 */
export function survivalExponents(drawRatios: readonly number[], fitDraws?: readonly number[]): Float64Array {
  const exponents = new Float64Array(drawRatios.length);
  for (let k = drawRatios.length; k >= 1; k--) {
    let x = Number.POSITIVE_INFINITY; // -ln f(0): s = 0 is exp(-Infinity)
    for (let j = k; j >= 1; j--) x = offspringStep(drawRatios[j - 1]!, fitDraws?.[j - 1], x);
    exponents[k - 1] = x;
  }
  return exponents;
}

/**
 * -ln f_j(exp(-x)): generation j's offspring pgf in the exponent's terms, for its draw ratio m_j and
 * the size of its fit T_(j-1) (undefined, or under one draw: the Poisson step).
 */
function offspringStep(ratio: number, fit: number | undefined, x: number): number {
  return fit === undefined || fit < 1 ? ratio * -Math.expm1(-x) : -ratio * fit * Math.log1p(Math.expm1(-x) / fit);
}

/** P(a type seen `seedCount` times survives) given the exponent g_k: 1 - exp(-c g_k). */
export function expectedSurvival(seedCount: number, exponent: number): number {
  return -Math.expm1(-seedCount * exponent);
}

/**
 * Mean expected survival over the seed types whose count lies in [low, high]: the theory beside a
 * survival band. Undefined when no seed count falls in the band. O(types).
 */
export function bandSurvival(seedCounts: ArrayLike<number>, low: number, high: number, exponent: number): number | undefined {
  return histogramBandSurvival(countHistogram(seedCounts), low, high, exponent);
}

/** Seed counts as distinct counts ascending, each with its number of types. */
interface CountHistogram {
  readonly counts: readonly number[];
  readonly types: readonly number[];
}

/**
 * The law depends only on the multiset of seed counts; summed by distinct count, ascending, its value
 * is the same to the last bit whatever order the counts come in (H's id order in `run`, the run
 * record's histogram in `plot` and `merge`), and a band costs O(distinct counts).
 */
function countHistogram(seedCounts: ArrayLike<number>): CountHistogram {
  const types = new Map<number, number>();
  for (let t = 0; t < seedCounts.length; t++) types.set(seedCounts[t]!, (types.get(seedCounts[t]!) ?? 0) + 1);
  const counts = [...types.keys()].sort((a, b) => a - b);
  return { counts, types: counts.map((count) => types.get(count)!) };
}

function histogramBandSurvival(histogram: CountHistogram, low: number, high: number, exponent: number): number | undefined {
  let sum = 0;
  let types = 0;
  histogram.counts.forEach((count, i) => {
    if (count < low || count > high) return;
    sum += histogram.types[i]! * expectedSurvival(count, exponent);
    types += histogram.types[i]!;
  });
  return types > 0 ? sum / types : undefined;
}

/**
 * Per generation 0..G, the law's mean survival of each band of SURVIVAL_BANDS, from H's seed counts and
 * the draws (tokens + sentences) of each generation's measured text, generation 0 being H. Rows measure
 * a text of the same size in every generation (the size-matched rule), while with `--tokens-growth R`
 * the batches the models train on grow: batch j holds about draws_j R^(j-1) draws (the measured text is
 * the first N tokens of a batch of N R^(j-1)), and with `--measure-tokens M` the rows measure M
 * tokens of (or beyond) batches of N: `batchScale` = N / M, batch j about draws_j batchScale R^(j-1),
 * or, given the `rows`' tokens and M, closer (batchDraws: the overshoot of a batch's last sentence is
 * not scaled with it).
 * Row k's text is one more draw from M(k-1), so its exponent composes the training ratios
 * m_j = B_j / B_(j-1), j < k, with the measuring ratio draws_k / B_(k-1). With R = 1 and M = N this is
 * m_g = draws_g / draws_(g-1) throughout.
 * 1 at generation 0; undefined for an empty band. The same values, bit for bit, for the same seed
 * counts in any order. O(types + G^3) for G generations (G is small).
 */
export function theoryBands(seedCounts: ArrayLike<number>, draws: readonly number[], growth = 1, batchScale = 1, rows?: RowTokens): Array<Array<number | undefined>> {
  const exponents = rowExponents(draws, growth, batchScale, rows);
  const histogram = countHistogram(seedCounts);
  return draws.map((_, generation) =>
    SURVIVAL_BANDS.map(([, low, high]) =>
      generation === 0 ? (histogramBandSurvival(histogram, low, high, 0) === undefined ? undefined : 1) : histogramBandSurvival(histogram, low, high, exponents[generation - 1]!),
    ),
  );
}

/**
 * g_k of rows k = 1..G from the measured draws of generations 0..G, the growth rate and the batch scale
 * (see theoryBands). Row k depends on draws 0..k alone, so the rows of an earlier call whose draws this
 * call's begin with are taken as they were (REMEMBERED calls are kept): a table redrawn as its rows
 * arrive asks again for every row it had, and the playground's redraws of 3,000 generations spent 0.3 s
 * each in this O(G^2) loop (audit).
 */
export function rowExponents(draws: readonly number[], growth = 1, batchScale = 1, rows?: RowTokens): Float64Array {
  const batches = batchDraws(draws, growth, batchScale, rows);
  const exponents = new Float64Array(Math.max(0, draws.length - 1));
  const earlier = longestEarlier(draws, growth, batchScale, rows);
  const known = earlier === undefined ? 0 : Math.min(exponents.length, earlier.exponents.length);
  if (earlier !== undefined) exponents.set(earlier.exponents.subarray(0, known));
  // Row k's composition alone: its innermost step is the measured text's (draws[k] over the fit
  // before), the others the batches'. O(k) a row, O(G^2) in all: it computed every row's exponents
  // for each row, O(G^3) (207 s for a summary of 3,000 generations; the page's redraws froze: audit).
  // Stryker disable next-line EqualityOperator: equivalent, a pass at k = draws.length writes past the end of the typed array (a no-op)
  for (let k = known + 1; k < draws.length; k++) {
    let x = Number.POSITIVE_INFINITY;
    for (let j = k; j >= 1; j--) x = offspringStep(j === k ? draws[k]! / batches[k - 1]! : batches[j]! / batches[j - 1]!, batches[j - 1], x);
    exponents[k - 1] = x;
  }
  remember({ draws: [...draws], growth, batchScale, ...(rows === undefined ? {} : { rows: { tokens: [...rows.tokens], measureTokens: rows.measureTokens } }), exponents }, earlier);
  return exponents.slice();
}

/**
 * What the law reads of the rows besides their draws: the mean tokens of each generation's measured
 * text (0..G, as `draws`) and the size M each row measures toward (the run's measureTokens; N where
 * the rows measure a batch's size).
 */
export interface RowTokens {
  readonly tokens: readonly number[];
  readonly measureTokens: number;
}

/**
 * The draws of the batch each model trains on, from the rows' measured draws (generation 0: H itself).
 * Rows and batches stop at the sentence that reaches their size, so each holds its last sentence's
 * overshoot, of one law whatever the size, and sentence ends in proportion to its tokens: row g, t
 * tokens measured toward M in d draws, gives batch g (N R^(g-1) + t - M) d / t draws, with N = M
 * batchScale. Without the rows' tokens: d batchScale R^(g-1), which scales the overshoot with the
 * batch (the law 4-7 standard errors off a simulation on a corpus of 20 sentences at --measure-tokens
 * 200 of N = 524, or --tokens-growth 0.6: probe). Where every batch is a row's size (batchScale and
 * growth 1) both are d.
 */
function batchDraws(draws: readonly number[], growth: number, batchScale: number, rows: RowTokens | undefined): number[] {
  return draws.map((value, generation) => {
    if (generation === 0) return value;
    const tokens = rows?.tokens[generation];
    if (rows === undefined || (batchScale === 1 && growth === 1) || tokens === undefined || !(tokens > 0)) return value * batchScale * growth ** (generation - 1);
    const batchTarget = batchScale * rows.measureTokens * growth ** (generation - 1);
    return ((batchTarget + Math.max(0, tokens - rows.measureTokens)) * value) / tokens;
  });
}

/** A call of rowExponents, remembered. */
interface EarlierRows {
  readonly draws: readonly number[];
  readonly growth: number;
  readonly batchScale: number;
  readonly rows?: RowTokens;
  readonly exponents: Float64Array;
}

/** How many calls rowExponents remembers (a page's cells, each redrawn with more rows). */
const REMEMBERED = 16;
const earlierRows: EarlierRows[] = [];

/** The remembered call with the same growth, batch scale and M whose draws (and rows' tokens) `draws` (and `rows`) begin with, the longest. */
function longestEarlier(draws: readonly number[], growth: number, batchScale: number, rows: RowTokens | undefined): EarlierRows | undefined {
  let best: EarlierRows | undefined;
  for (const earlier of earlierRows) {
    if (!Object.is(earlier.growth, growth) || !Object.is(earlier.batchScale, batchScale) || earlier.draws.length > draws.length) continue;
    // (with rows and without are two calls, whatever the rows hold: a call whose M was undefined, NaN
    // throughout, was taken for a later call without rows, and one without for a later one with: review)
    if ((earlier.rows === undefined) !== (rows === undefined) || !Object.is(earlier.rows?.measureTokens, rows?.measureTokens)) continue;
    const sameRows = rows === undefined || earlier.rows!.tokens.every((value, index) => Object.is(value, rows.tokens[index]));
    if ((best === undefined || earlier.draws.length > best.draws.length) && sameRows && earlier.draws.every((value, index) => Object.is(value, draws[index]))) best = earlier;
  }
  return best;
}

/** Keeps `call` in place of the one it extended (a cell's newest rows), else in place of the oldest when REMEMBERED are kept. */
function remember(call: EarlierRows, extended: EarlierRows | undefined): void {
  const index = extended === undefined ? -1 : earlierRows.indexOf(extended);
  if (index >= 0) earlierRows.splice(index, 1);
  else if (earlierRows.length >= REMEMBERED) earlierRows.shift();
  earlierRows.push(call);
}

/** A run's first batch (N tokens, `batchTokens`) and the size each row measures (M, `measureTokens`). */
export interface BatchSizes {
  readonly batchTokens: number;
  readonly measureTokens: number;
}

/**
 * `sizes` as BatchSizes, checked: whole numbers >= 1 (a UsageError naming `what` else: a size
 * missing or of the wrong kind made the law's rows NaN without a word: audit, review).
 */
export function checkedBatchSizes(sizes: unknown, what = 'sizes'): BatchSizes {
  const { batchTokens, measureTokens } = (typeof sizes === 'object' && sizes !== null ? sizes : {}) as Record<string, unknown>;
  if (!(Number.isInteger(batchTokens) && (batchTokens as number) >= 1 && Number.isInteger(measureTokens) && (measureTokens as number) >= 1)) {
    throw new UsageError(`${what} must be { batchTokens, measureTokens }, whole numbers >= 1, got ${shownValue(sizes)}`, "pass the run's batchTokens and measureTokens (a PreparedRun has both), or leave it out");
  }
  return { batchTokens: batchTokens as number, measureTokens: measureTokens as number };
}

/** A run's two sizes alone (a PreparedRun holds them among much else). */
export function batchSizesOf(run: BatchSizes): BatchSizes {
  return { batchTokens: run.batchTokens, measureTokens: run.measureTokens };
}

/** N / M, the batch's tokens over the measured text's (theoryBands' batchScale), from a run's two sizes. */
export function sizesBatchScale(sizes: BatchSizes): number {
  return sizes.batchTokens / sizes.measureTokens;
}

/**
 * N and M from run settings: the batch `tokens` (default: H's `humanTokens`), and `measureTokens`
 * (default: the batch's).
 */
export function lawBatchSizes(settings: { readonly tokens?: number; readonly measureTokens?: number }, humanTokens: number): BatchSizes {
  const batchTokens = settings.tokens ?? humanTokens;
  return { batchTokens, measureTokens: settings.measureTokens ?? batchTokens };
}
