/**
 * runSeries: one (cell, replicate) through generations 0..G, exactly as the README's "The loop" says.
 *
 * - Generation 0: M0 is trained on H (or taken, with its row, from the task before in the same thread
 *   that trained alike: hooks.generation0, ./generationZero.ts); its row describes H itself.
 * - Generation g >= 1: batch B_g of N_g = round(N R^(g-1)) tokens (R = tokens_growth, default 1):
 *   round(alpha N_g) human tokens (whole sentences from H; `fixed`: the same sentences every generation,
 *   drawn once at the largest share and used from the start, `fresh`: a new sample each time) plus
 *   synthetic sentences sampled from M(g-1) up to N_g tokens, curated by the cell's `select` rule
 *   (curation.ts; `none` keeps them all). M_g trains on B_g (`replace`), on H + B_1..B_g (`accumulate`) or on
 *   a sample of N_g tokens of whole sentences from H + B_1..B_g (`accumulate-subsample`); the K anchor
 *   sentences (chosen once) are added on top. Row g describes the measured text (./measuredText.ts):
 *   the unselected synthetic share of B_g (with --select: the candidates in draw order up to the
 *   share's size, sentencePicks.firstTokens) topped up to `measureTokens` (default N) with further
 *   sentences from M(g-1), plus M_g's model-level figures (held-out perplexity, support, discount
 *   fallback) and the share `--select` kept.
 * Every random draw of the trajectory comes from one generator seeded by (--seed, the cell's full
 * settings, replicate), consumed in a fixed order: anchors, fixed pool, then per generation the human
 * share, the synthetic text (with --select: its candidates, curation.ts), the subsample. The top-up of
 * generation g draws from a stream of its own, seeded by (--seed, cell, replicate, 'measure', g), so
 * measuring never moves the trajectory. Rows are handed to `emit` as soon as each generation is measured.
 * Arguments are checked first (validateSeriesArguments): a hand-built cell or a replicate < 1 is a
 * UsageError before any row.
 */

import { concatCorpora, sentenceCount, tokenCount, type TokenCorpus } from '../corpus/tokenCorpus.js';
import type { MetricValues } from '../metrics/columns.js';
import { driftExpectedTypes } from '../metrics/driftBaseline.js';
import { measureTrusted } from '../metrics/measureText.js';
import { flooredPerplexity, oovRate } from '../metrics/perplexity.js';
import { supportMetrics } from '../metrics/supportMetrics.js';
import { seedModelPerplexity, type SeedModel } from '../metrics/seedPerplexity.js';
import { countUnigrams, type UnigramCounts } from '../metrics/unigramCounts.js';
import { wordColumns } from '../metrics/wordColumns.js';
import type { LanguageModel } from '../model/languageModel.js';
import { MleModel } from '../model/mle.js';
import { trainModel, trainOnSampledPath } from '../model/train.js';
import { randomFor, type RandomSource } from '../random/random.js';
import { pathSamplerFor, samplerFor } from '../sampler/samplerFor.js';
import type { TransitionTable } from '../counts/transitionTable.js';
import { forgetRecords } from '../counts/transitionRecords.js';
import { releaseColumns } from '../counts/scratchBuffers.js';
import { resolveSampling, samplingOf } from '../sampler/sampling.js';
import { isIdentitySampling } from '../sampler/transform.js';
import { tableFromPath } from '../counts/sampledTable.js';
import type { Cell } from './cells.js';
import { checkCellFitsRun, type PreparedRun } from './preparedRun.js';
import { DegenerateNotices } from './degenerateNotices.js';
import { curatedShare, DEDUP_DRAW_CAP, parseSelectRule, type CuratedShare, type CurationContext, type SelectRule } from './curation.js';
import { GenerationProgress, type GenerationWork, type ProgressReport } from './generationProgress.js';
import { generation0Key, modelOptions, type Generation0, type Generation0Sharing } from './generationZero.js';
import { firstTokens, pickSentences, pickTokens } from './sentencePicks.js';
import { measuredText, type MeasuredText } from './measuredText.js';
import { batchTokensAt } from './settings.js';
import { roundedCount } from './decimalCounts.js';
import { syntheticText } from './syntheticText.js';
import { validateSeriesArguments } from './validateSettings.js';

export interface SeriesRow {
  readonly cell: Cell;
  readonly replicate: number;
  readonly generation: number;
  readonly values: MetricValues;
}

/** What a series reports besides rows: degenerate situations worth a warning. */
export type SeriesWarning = (message: string) => void;

/** The texts of one generation, for exporters that keep them (--save-corpora). */
export interface GenerationTexts {
  readonly generation: number;
  readonly synthetic: TokenCorpus;
  /** What row g describes: the synthetic share first, then the top-up (see measuredText). */
  readonly measured: TokenCorpus;
  /** How many of `measured`'s first sentences are the synthetic share. */
  readonly shareSentences: number;
  readonly human: TokenCorpus;
  /** What M_g was trained on (anchors included). */
  readonly training: TokenCorpus;
  /** M0, the model trained on H (optional: for exporters that score texts under it). */
  readonly model0?: LanguageModel;
}

export interface SeriesHooks {
  readonly emit: (row: SeriesRow) => void;
  readonly warn?: SeriesWarning;
  readonly onTexts?: (texts: GenerationTexts) => void;
  /** M0, right after it is trained (before the generation-0 row). */
  readonly onModel0?: (model0: LanguageModel) => void;
  /** How far the series is through a generation (0..1, 1 once its row is out): see GenerationProgress. */
  readonly onProgress?: ProgressReport;
  /** Generation 0 from (and for) the other tasks of this thread (./generationZero.ts); none: trained here. */
  readonly generation0?: Generation0Sharing;
}

export function seriesRandom(run: PreparedRun, cell: Cell, replicate: number): RandomSource {
  return randomFor([run.settings.seed, cell.key, replicate]);
}

/** The stream the top-up of generation g draws from: separate from the trajectory's. */
export function measureRandom(run: PreparedRun, cell: Cell, replicate: number, generation: number): RandomSource {
  return randomFor([run.settings.seed, cell.key, replicate, 'measure', generation]);
}

export function runSeries(run: PreparedRun, cell: Cell, replicate: number, hooks: SeriesHooks): void {
  for (const _generation of seriesSteps(run, cell, replicate, hooks));
}

/**
 * The same series as runSeries, one generation per step: the generator yields each generation's
 * number right after its row was emitted, so an async caller can give the event loop a turn (signals,
 * progress, flushing) between generations, or stop early. Results are identical to runSeries. The
 * arguments are checked when it is called, before any step (UsageError).
 */
export function seriesSteps(run: PreparedRun, cell: Cell, replicate: number, hooks: SeriesHooks): Generator<number, void, void> {
  // (checked when called, as the README's table says: a generator's body waits for the first step: audit)
  validateSeriesArguments(run, cell, replicate, hooks);
  checkCellFitsRun(run, cell);
  return seriesGenerations(run, cell, replicate, hooks);
}

/** seriesSteps' generations, on arguments already checked. */
function* seriesGenerations(run: PreparedRun, cell: Cell, replicate: number, hooks: SeriesHooks): Generator<number, void, void> {
  const model0 = new Model0Holder();
  const series = seriesContext(run, cell, replicate, hooks, model0);
  emitGenerationZero(series, model0);
  yield 0;
  // The drift baseline reads only the previous training text's unigram counts and sentence count: keep
  // those, not the text (with `accumulate` the training text is H plus every batch so far).
  const carried: Carried = { model: model0.current, previousTraining: trainingCounts(run, run.human), batches: [] };
  for (let generation = 1; generation <= run.settings.generations; generation++) {
    // One generation per call: its texts and models live in that call's frame, which is gone when it
    // returns (a generator's own locals would hold them into the next generation, beside its texts).
    stepGeneration(series, carried, generation);
    yield generation;
  }
}

/**
 * M0 of a series, held where the series can let it go: an order-3 MLE M0 scores texts from H's counts,
 * its back-off included (metrics/seedPerplexity.ts), so unless a hook wants it, it goes once generation
 * 1 is sampled and its tables do not stay in memory for the whole series (`seed.model()` rebuilds it:
 * training is deterministic).
 */
class Model0Holder {
  current: LanguageModel | undefined;
}

/** What every generation of the series reads: its settings' derived values, streams and hooks. */
function seriesContext(run: PreparedRun, cell: Cell, replicate: number, hooks: SeriesHooks, model0: Model0Holder): SeriesContext {
  const { settings, human, batchTokens } = run;
  const cellSettings = cell.settings;
  const random = seriesRandom(run, cell, replicate);
  const rule = parseSelectRule(cellSettings.select);
  warnNothingToSelect(cell, rule, hooks);
  const batchAt = (generation: number): number => batchTokensAt(batchTokens, cellSettings.tokensGrowth, generation);
  const anchors = pickSentences(human, cellSettings.anchor, random);
  const humanTargetAt = (generation: number): number => roundedCount(batchAt(generation), cellSettings.humanRatio);
  const fixedPool = cellSettings.humanPool === 'fixed' ? pickTokens(human, largestHumanShare(settings.generations, humanTargetAt), random) : undefined;
  const train = (corpus: TokenCorpus): LanguageModel => trainModel(corpus, modelOptions(run, cell));
  return {
    run,
    cell,
    replicate,
    hooks,
    random,
    rule,
    seed: { order: cellSettings.order, smoothing: cellSettings.smoothing, model: () => (model0.current ??= train(human)) },
    anchors,
    fixedPool,
    // (Not with --select: its m0 rules score every generation's candidates under M0.)
    releaseModel0: cellSettings.order === 3 && cellSettings.smoothing === 'mle' && hooks.onTexts === undefined && cellSettings.select === 'none',
    letModel0Go: () => void (model0.current = undefined),
    notices: new DegenerateNotices(`cell ${cell.id} replicate ${replicate}`, run.reference, hooks.warn),
    batchAt,
    humanTargetAt,
    train,
    row: (generation: number, values: MetricValues): void => hooks.emit({ cell, replicate, generation, values }),
  };
}

/**
 * Generation 0: M0 trained on H (or taken from the thread's keeper, which another series of the same
 * model left), its row emitted and both passed on to the keeper for the next series.
 */
function emitGenerationZero(series: SeriesContext, model0: Model0Holder): void {
  const { run, cell, hooks } = series;
  const { human } = run;
  const sharing = hooks.generation0;
  const generation0Of = sharing === undefined ? undefined : generation0Key(run, cell);
  // (a local of this call, gone when it returns: a generator's local held M0 for the whole series)
  const taken = generation0Of === undefined ? undefined : sharing!.keeper.take(run, generation0Of);
  const start = new GenerationProgress(0, { sample: 0, train: tokenCount(human), measure: tokenCount(human) }, hooks.onProgress);
  const trained = taken?.model0 ?? series.train(human);
  model0.current = trained;
  start.trained();
  hooks.onModel0?.(trained);
  const values0 = taken?.values ?? generationZeroValues(run, trained, series.seed);
  series.row(0, { ...values0 });
  if (sharing !== undefined) passGeneration0On(sharing, run, generation0Of!, { model0: trained, values: values0 });
  // From here on every model and measured text is read off sample paths (order-3 MLE, default sampling,
  // no --select, replace): no pass over a text's predictions is left, so the column buffers go.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, memory only: a released slot is allocated again on its next use (the test checks a path-read series does release)
  if (series.releaseModel0 && cell.settings.strategy === 'replace' && isIdentitySampling(resolveSampling(samplingOf(cell.settings)))) releaseColumns();
  start.finish();
}

/**
 * Said by every series of a cell that selects at human ratio 1 (a shard or a resume may not run
 * replicate 1), in the same words: the CLI and the page say it once.
 */
function warnNothingToSelect(cell: Cell, rule: ReturnType<typeof parseSelectRule>, hooks: SeriesHooks): void {
  if (rule.kind === 'none' || cell.settings.humanRatio !== 1) return;
  hooks.warn?.(`cell ${cell.id}: select ${cell.settings.select} curates nothing at human ratio 1 (every batch is human text: nothing to select, though the rule enters the seed of the cell: its draws are not those of a cell without it)`);
}

/** Generation 0 left for the next task of this thread that shares it, or the keeper cleared (so it holds no M0 this series lets go). */
function passGeneration0On(sharing: NonNullable<SeriesHooks['generation0']>, run: PreparedRun, key: string, generation0: Generation0): void {
  if (sharing.keep) sharing.keeper.keep(run, key, generation0);
  else sharing.keeper.clear();
}

/** What every generation >= 1 of a series reads (set once, before generation 1). */
interface SeriesContext {
  readonly run: PreparedRun;
  readonly cell: Cell;
  readonly replicate: number;
  readonly hooks: SeriesHooks;
  /** The series' stream (human shares, synthetic texts, subsamples). */
  readonly random: RandomSource;
  readonly rule: SelectRule;
  readonly seed: SeedModel;
  readonly anchors: TokenCorpus;
  readonly fixedPool: TokenCorpus | undefined;
  /** M0 goes once generation 1 is sampled (seed.model() would rebuild it). */
  readonly releaseModel0: boolean;
  readonly letModel0Go: () => void;
  readonly notices: DegenerateNotices;
  readonly batchAt: (generation: number) => number;
  readonly humanTargetAt: (generation: number) => number;
  readonly train: (corpus: TokenCorpus) => LanguageModel;
  readonly row: (generation: number, values: MetricValues) => void;
}

/**
 * What one generation hands to the next, updated in place: no frame but the current generation's
 * holds a model or a text of the one before.
 */
interface Carried {
  /** M(g-1) while generation g samples (undefined from then until M(g) is trained). */
  model: LanguageModel | undefined;
  /** The previous training text's unigram counts and sentence count (the drift baseline). */
  previousTraining: TrainingCounts;
  /** The batches the strategy trains on (`replace`: the newest alone). */
  readonly batches: TokenCorpus[];
}

/** Generation g >= 1 of the series (see runSeries): samples, trains M(g), emits the row. */
function stepGeneration(series: SeriesContext, carried: Carried, generation: number): void {
  const { run, cell, replicate, hooks, random, anchors, fixedPool, batchAt } = series;
  const cellSettings = cell.settings;
  // `replace` trains on the newest batch alone: the last one goes before this generation samples.
  if (cellSettings.strategy === 'replace') carried.batches.length = 0;
  const humanTarget = series.humanTargetAt(generation);
  const humanShare = fixedPool === undefined ? pickTokens(run.human, humanTarget, random) : firstTokens(fixedPool, humanTarget);
  const target = Math.max(0, batchAt(generation) - tokenCount(humanShare));
  const progress = new GenerationProgress(generation, expectedWork(run, cell, generation, target, batchAt), hooks.onProgress);
  // `let`: `sampled` (M(g-1)'s table and the share's path) is dropped once M(g) is trained; the others are not reassigned.
  // eslint-disable-next-line prefer-const
  let { synthetic, measured, sampled } = drawTexts(carried, target, { cell, replicate, generation, run, rule: series.rule, seed: series.seed, progress, random });
  if (synthetic.exhausted) series.notices.shortShare('short-share', generation, `the model produced only ${tokenCount(synthetic.kept)} of ${target} tokens`);
  if (synthetic.capped) series.notices.shortShare('dedup-capped', generation, `select dedup found too few new sentences in ${DEDUP_DRAW_CAP} x ${target} candidate tokens; duplicates fill the rest`);
  series.notices.cutSentences(generation, synthetic.kept, run.settings.maxSentenceLength);
  carried.batches.push(concatCorpora([humanShare, synthetic.kept]));
  const training = concatCorpora([trainingData(run, cell, carried.batches, batchAt(generation), random), anchors]);
  const text = measured.text;
  // M(g-1)'s records served its sampling; M(g) is built from its table alone (M0's stay if M0 does).
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent, memory and time only: forgotten records are rebuilt, the same, on their next use
  if (sampled !== undefined && (generation > 1 || series.releaseModel0)) forgetRecords(sampled.table);
  // M(g-1) has drawn its texts: let it go before M(g) is built, so the two are never both in memory.
  carried.model = undefined;
  if (series.releaseModel0) series.letModel0Go();
  hooks.onTexts?.({ generation, synthetic: synthetic.measured, measured: text, shareSentences: measured.shareSentences, human: humanShare, training, model0: series.seed.model() });
  // Trained on this batch alone (replace): its synthetic share's table follows from M(g-1)'s walk, the human share and anchors are counted in.
  const fromPath = sampled !== undefined && cellSettings.strategy === 'replace' ? trainOnSampledPath(training, sampled.table, sampled.path, modelOptions(run, cell), [humanShare, anchors]) : undefined;
  const next = fromPath ?? series.train(training);
  // The measured text's own table, for its n-gram columns (order 3) and gen0_perplexity under an MLE M0 (other orders): M(g)'s if M(g) was read off exactly that text, else read off its path.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, time only: the table read off the measured text's path equals M(g)'s when M(g) trained on that text
  const ownTable = fromPath !== undefined && text === training ? fromPath.transitions : undefined;
  // Stryker disable next-line LogicalOperator: equivalent, time only: with no table the text is sorted (order 3) or walked (other orders), to the same values
  const textTable = sampled === undefined ? undefined : (ownTable ?? tableFromPath(sampled.table, sampled.measuredPath));
  sampled = undefined; // M(g-1)'s table goes too
  progress.trained();
  const { previousTraining } = carried;
  const drift = driftExpectedTypes(previousTraining.counts, previousTraining.sentences, tokenCount(text) + text.offsets.length - 1);
  series.row(generation, { ...measureTrusted(text, run.reference, cellSettings.order === 3 ? textTable : undefined).values, drift_expected_types: drift, ...modelColumns(run, next, series.seed, text, textTable), selected_share: synthetic.selectedShare, ...wordLevel(run, text) });
  progress.finish();
  series.notices.observe(generation, text);
  carried.model = next;
  carried.previousTraining = trainingCounts(run, training);
}

/**
 * Generation 0 of a series of `cell`, as the series computes it when no keeper hands it one: M0
 * trained on H, and the row's values. For a caller that computes it once for several threads
 * (workerPool.ts); the same values as the series' own (tested).
 */
export function generationZero(run: PreparedRun, cell: Cell): Generation0 {
  const model0 = trainModel(run.human, modelOptions(run, cell));
  const seed = { order: cell.settings.order, smoothing: cell.settings.smoothing, model: () => model0 };
  return { model0, values: generationZeroValues(run, model0, seed) };
}

/** The generation-0 row's values: H itself, and M0's model-level columns. */
function generationZeroValues(run: PreparedRun, model0: LanguageModel, seed: SeedModel): MetricValues {
  // H's n-gram columns come from the reference's trigram set, built from H (no second sort of H).
  // H's own table is M0's (MLE), which gen0_perplexity reads instead of walking H through M0.
  const humanTable = model0 instanceof MleModel ? model0.transitions : undefined;
  return { ...measureTrusted(run.human, run.reference, run.reference.trigrams).values, ...modelColumns(run, model0, seed, run.human, humanTable), ...wordLevel(run, run.human) };
}

/** What drawTexts needs besides the model (one generation's coordinates and its random streams). */
interface DrawSetup {
  readonly run: PreparedRun;
  readonly cell: Cell;
  readonly replicate: number;
  readonly generation: number;
  readonly rule: SelectRule;
  /** M0, built only if a --select rule reads it. */
  readonly seed: SeedModel;
  readonly progress: GenerationProgress;
  readonly random: RandomSource;
}

/** What drawTexts gives: the share, the measured text and, for a table walk, the share's and the measured text's paths. */
interface DrawnTexts {
  readonly synthetic: CuratedShare;
  readonly measured: MeasuredText;
  /** The table the share was walked on and the walk (one entry per prediction of `synthetic.kept`). */
  readonly sampled?: { readonly table: TransitionTable; readonly path: Int32Array; readonly measuredPath: Int32Array };
}

/**
 * Generation g's synthetic share (curated by the cell's --select rule, drawn with the series' stream)
 * and the text its row measures (topped up to the measured size from its own stream, measureRandom).
 * The sampler lives only in this call, so the model (`from.model`, M(g-1)) can be freed as soon as it returns.
 */
function drawTexts(from: { readonly model: LanguageModel | undefined }, target: number, setup: DrawSetup): DrawnTexts {
  const { run, cell, replicate, generation, progress } = setup;
  // Read from the holder, so that the caller's frame, still running while M(g) trains, never holds M(g-1).
  const model = from.model!;
  // Without --select the share is the sampler's whole output, so the path it records is the share's.
  const sampling = samplingOf(cell.settings);
  // Stryker disable next-line MethodExpression: equivalent, a size hint: the path grows as needed
  const recorder = setup.rule.kind === 'none' ? pathSamplerFor(model, sampling, Math.max(target, run.measureTokens)) : undefined;
  const sampler = progress.counting(recorder ?? samplerFor(model, sampling));
  // A getter, not a value: M0 (released after generation 1 when it can be) is rebuilt only if the rule scores with it.
  const context: CurationContext = { get model0() { return setup.seed.model(); }, generator: model, reference: run.reference, maxSentenceLength: run.settings.maxSentenceLength };
  const synthetic = curatedShare(setup.rule, sampler, target, context, setup.random);
  const sharePath = recorder?.path();
  const topUpRandom = measureRandom(run, cell, replicate, generation);
  const measured = measuredText(synthetic.measured, run.measureTokens, (tokens, sentences) =>
    syntheticText(sampler, tokens, run.settings.maxSentenceLength, topUpRandom, sentences).text,
  );
  // The measured text is the share (or its first sentences) and then the top-up: its path is a prefix of the whole walk's.
  const measuredPath = recorder?.path().subarray(0, tokenCount(measured.text) + sentenceCount(measured.text));
  const sampled = recorder === undefined ? undefined : { table: recorder.table, path: sharePath!, measuredPath: measuredPath! };
  return { synthetic, measured, sampled };
}

/**
 * The tokens generation g samples, trains on and measures, as expected before it starts (for progress):
 * `accumulate` trains on H and batches 1..g (each at its size under --tokens-growth; anchors left out).
 */
function expectedWork(run: PreparedRun, cell: Cell, generation: number, target: number, batchAt: (generation: number) => number): GenerationWork {
  let train = batchAt(generation);
  if (cell.settings.strategy === 'accumulate') {
    train = run.human.ids.length;
    for (let g = 1; g <= generation; g++) train += batchAt(g);
  }
  return { sample: Math.max(target, run.measureTokens), train, measure: run.measureTokens };
}

/** The largest human share of any generation (the fixed pool is drawn once at this size). */
function largestHumanShare(generations: number, humanTargetAt: (generation: number) => number): number {
  let largest = humanTargetAt(1);
  for (let generation = 2; generation <= generations; generation++) largest = Math.max(largest, humanTargetAt(generation));
  return largest;
}

/** What the next generation's drift baseline reads of a training text. */
interface TrainingCounts {
  readonly counts: UnigramCounts;
  readonly sentences: number;
}

function trainingCounts(run: PreparedRun, training: TokenCorpus): TrainingCounts {
  return { counts: countUnigrams(training, run.idSpace), sentences: sentenceCount(training) };
}

function trainingData(run: PreparedRun, cell: Cell, batches: TokenCorpus[], batchSize: number, random: RandomSource): TokenCorpus {
  switch (cell.settings.strategy) {
    case 'replace':
      return batches[batches.length - 1]!;
    case 'accumulate':
      return concatCorpora([run.human, ...batches]);
    case 'accumulate-subsample':
      return pickTokens(concatCorpora([run.human, ...batches]), batchSize, random);
  }
}

/** The word_* columns of a subword run (empty otherwise). */
function wordLevel(run: PreparedRun, text: TokenCorpus): MetricValues {
  return run.words === undefined ? {} : wordColumns(text, run.words);
}

/**
 * Model-level columns: held-out figures of `model`, the text under M0, the discount fallback (Kneser–Ney
 * only: empty where there are no discounts), what `model` can emit (its support against H's types).
 */
function modelColumns(run: PreparedRun, model: LanguageModel, seed: SeedModel, text: TokenCorpus, textTable: TransitionTable | undefined): MetricValues {
  const seedTypes = run.reference.unigrams.types.length;
  return {
    heldout_perplexity: flooredPerplexity(model, run.heldout, seedTypes),
    heldout_oov_rate: oovRate(model, run.heldout),
    gen0_perplexity: seedModelPerplexity(seed, text, run.reference, textTable),
    discount_fallback: model.smoothing === 'kneser-ney' ? (model.discountFallback ? 1 : 0) : undefined,
    ...supportMetrics(model.support, run.reference),
  };
}
