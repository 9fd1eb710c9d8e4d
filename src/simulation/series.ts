/**
 * runSeries: one (cell, replicate) through generations 0..G, exactly as SPEC section 2.
 *
 * - Generation 0: M0 is trained on H; its row describes H itself.
 * - Generation g >= 1: batch B_g = round(alpha N) human tokens (whole sentences from H; `fixed`: the
 *   same sentences every generation, `fresh`: a new sample each time) plus synthetic sentences sampled
 *   from M(g-1) up to N tokens. M_g trains on B_g (`replace`), on H + B_1..B_g (`accumulate`) or on
 *   a sample of N tokens of whole sentences from H + B_1..B_g (`accumulate-subsample`); the K anchor
 *   sentences (chosen once) are added on top. Row g describes the synthetic share of B_g, plus
 *   M_g's held-out perplexity and discount fallback.
 * Every random draw comes from one generator seeded by (--seed, the cell's full settings, replicate),
 * consumed in a fixed order: anchors, fixed pool, then per generation the human share, the synthetic
 * text, the subsample. Rows are handed to `emit` as soon as each generation is measured.
 */

import { concatCorpora, tokenCount, type TokenCorpus } from '../corpus/tokenCorpus.js';
import type { MetricValues } from '../metrics/columns.js';
import { driftExpectedTypes } from '../metrics/driftBaseline.js';
import { measureText } from '../metrics/measureText.js';
import { flooredPerplexity, oovRate } from '../metrics/perplexity.js';
import { seedModelPerplexity, type SeedModel } from '../metrics/seedPerplexity.js';
import { countUnigrams } from '../metrics/unigramCounts.js';
import type { LanguageModel, RandomSource } from '../model/languageModel.js';
import { trainModel } from '../model/train.js';
import { randomFor } from '../random/random.js';
import type { Cell } from './cells.js';
import type { PreparedRun } from './preparedRun.js';
import { DegenerateNotices } from './degenerateNotices.js';
import { pickSentences, pickTokens } from './sentencePicks.js';
import { syntheticText } from './syntheticText.js';

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
}

export function seriesRandom(run: PreparedRun, cell: Cell, replicate: number): RandomSource {
  return randomFor([run.settings.seed, cell.key, replicate]);
}

export function runSeries(run: PreparedRun, cell: Cell, replicate: number, hooks: SeriesHooks): void {
  for (const _generation of seriesSteps(run, cell, replicate, hooks));
}

/**
 * The same series as runSeries, one generation per step: the generator yields each generation's
 * number right after its row was emitted, so an async caller can give the event loop a turn (signals,
 * progress, flushing) between generations, or stop early. Results are identical to runSeries.
 */
export function* seriesSteps(run: PreparedRun, cell: Cell, replicate: number, hooks: SeriesHooks): Generator<number, void, void> {
  const { settings, human, batchTokens } = run;
  const cellSettings = cell.settings;
  const random = seriesRandom(run, cell, replicate);
  const anchors = pickSentences(human, cellSettings.anchor, random);
  const humanTarget = Math.round(cellSettings.humanRatio * batchTokens);
  const fixedPool = cellSettings.humanPool === 'fixed' ? pickTokens(human, humanTarget, random) : undefined;
  const train = (corpus: TokenCorpus): LanguageModel => trainModel(corpus, modelOptions(run, cell));

  let model0: LanguageModel | undefined = train(human);
  hooks.onModel0?.(model0);
  // An order-3 MLE M0 scores texts from H's counts (metrics/seedPerplexity.ts), so unless a hook wants
  // it, it is let go once generation 1 is sampled and rebuilt (training is deterministic) only if a
  // text ever leaves H: its tables do not stay in memory for the whole series.
  const seed = { order: cellSettings.order, smoothing: cellSettings.smoothing, model: () => (model0 ??= train(human)) };
  const releaseModel0 = cellSettings.order === 3 && cellSettings.smoothing === 'mle' && hooks.onTexts === undefined;
  const row = (generation: number, values: MetricValues): void => hooks.emit({ cell, replicate, generation, values });
  row(0, { ...measureText(human, run.reference).values, ...modelColumns(run, model0, seed, human) });
  yield 0;

  let model = model0;
  let previousTraining = human;
  const notices = new DegenerateNotices(`cell ${cell.id} replicate ${replicate}`, run.reference, hooks.warn);
  const batches: TokenCorpus[] = [];
  for (let generation = 1; generation <= settings.generations; generation++) {
    const humanShare = fixedPool ?? pickTokens(human, humanTarget, random);
    const target = Math.max(0, batchTokens - tokenCount(humanShare));
    const synthetic = syntheticText(model.createSampler(cellSettings), target, settings.maxSentenceLength, random);
    if (synthetic.exhausted) {
      hooks.warn?.(`cell ${cell.id} replicate ${replicate} generation ${generation}: the model produced only ${tokenCount(synthetic.text)} of ${target} tokens`);
    }
    if (releaseModel0) model0 = undefined;
    const batch = concatCorpora([humanShare, synthetic.text]);
    batches.push(batch);
    const training = concatCorpora([trainingData(run, cell, batches, random), anchors]);
    hooks.onTexts?.({ generation, synthetic: synthetic.text, human: humanShare, training, model0: seed.model() });
    const next = train(training);
    const text = synthetic.text;
    const drift = driftExpectedTypes(countUnigrams(previousTraining, run.idSpace), previousTraining.offsets.length - 1, tokenCount(text) + text.offsets.length - 1);
    row(generation, { ...measureText(text, run.reference).values, drift_expected_types: drift, ...modelColumns(run, next, seed, text) });
    notices.observe(generation, text);
    model = next;
    previousTraining = training;
    yield generation;
  }
}

function trainingData(run: PreparedRun, cell: Cell, batches: TokenCorpus[], random: RandomSource): TokenCorpus {
  switch (cell.settings.strategy) {
    case 'replace':
      return batches[batches.length - 1]!;
    case 'accumulate':
      return concatCorpora([run.human, ...batches]);
    case 'accumulate-subsample':
      return pickTokens(concatCorpora([run.human, ...batches]), run.batchTokens, random);
  }
}

function modelOptions(run: PreparedRun, cell: Cell) {
  return {
    order: cell.settings.order,
    smoothing: cell.settings.smoothing,
    k: run.settings.k,
    vocab: cell.settings.vocab,
    idSpace: run.idSpace,
    seedTypes: run.reference.unigrams.types,
  };
}

/** Model-level columns: held-out figures of `model`, the text under M0, the discount fallback. */
function modelColumns(run: PreparedRun, model: LanguageModel, seed: SeedModel, text: TokenCorpus): MetricValues {
  const seedTypes = run.reference.unigrams.types.length;
  return {
    heldout_perplexity: flooredPerplexity(model, run.heldout, seedTypes),
    heldout_oov_rate: oovRate(model, run.heldout),
    gen0_perplexity: seedModelPerplexity(seed, text, run.reference),
    discount_fallback: model.discountFallback ? 1 : 0,
  };
}
