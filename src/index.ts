/**
 * ngram-collapse: the library API.
 *
 * Load a corpus, run the collapse loop, measure texts, train and sample models: everything the CLI
 * does is importable and typed from here. Only the corpus loader and the exporters touch files.
 *
 * @example
 *   import { loadCorpus, simulate, DEFAULT_RUN } from 'ngram-collapse';
 *   const { vocabulary, corpus } = await loadCorpus(['brown:news']);
 *   simulate(corpus, vocabulary.size, { ...DEFAULT_RUN, generations: 5 }, {
 *     emit: (row) => console.log(row.cell.id, row.generation, row.values.vocab_retention),
 *   });
 */

export { InputError, UsageError, describeError } from './errors.js';
export { Vocabulary, BOS, EOS, BOS_TOKEN, EOS_TOKEN, FIRST_TOKEN_ID } from './vocabulary/vocabulary.js';
export {
  type TokenCorpus,
  corpusFromSentences,
  concatCorpora,
  gatherSentences,
  sentenceAt,
  sentenceCount,
  tokenCount,
} from './corpus/tokenCorpus.js';
export { loadCorpus, DEFAULT_LOAD_OPTIONS, type LoadOptions, type LoadedCorpus } from './corpus/loadCorpus.js';
export { tokenizerFor, sentenceSplitter, TOKENIZER_NAMES, type TokenizerName, type SentenceMode } from './corpus/tokenizers.js';
export { BROWN_CATEGORIES } from './corpus/brown.js';
export {
  type LanguageModel,
  type ModelOptions,
  type SmoothingName,
  type VocabMode,
  SMOOTHING_NAMES,
} from './model/languageModel.js';
export { trainModel } from './model/train.js';
export { type TrainOptions, DEFAULT_K, resolveTrainOptions } from './model/trainOptions.js';
export { type SamplingOptions, type SentenceSampler, DEFAULT_SAMPLING, resolveSampling } from './sampler/sampling.js';
export { samplerFor } from './sampler/samplerFor.js';
export { randomFor, type RandomSource } from './random/random.js';
export {
  type RunSettings,
  type SweepSettings,
  type SharedSettings,
  type CellSettings,
  type Strategy,
  type HumanPool,
  DEFAULT_RUN,
  DEFAULT_SWEEP,
  DEFAULT_SHARED,
  STRATEGIES,
  HUMAN_POOLS,
} from './simulation/settings.js';
export { expandCells, type Cell } from './simulation/cells.js';
export { prepareRun, type PreparedRun } from './simulation/preparedRun.js';
export { runSeries, type SeriesRow, type SeriesHooks, type GenerationTexts } from './simulation/series.js';
export { simulate, seriesTasks, type SeriesTask } from './simulation/simulate.js';
export { splitHoldout } from './simulation/holdoutSplit.js';
export { METRIC_COLUMNS, type MetricName, type MetricValues } from './metrics/columns.js';
export { measureText, type TextMeasurement } from './metrics/measureText.js';
export { buildSeedReference, type SeedReference } from './metrics/seedReference.js';
export { flooredPerplexity, oovRate } from './metrics/perplexity.js';
export { driftExpectedTypes } from './metrics/driftBaseline.js';
export { CURVE_COLUMNS, curveRecord } from './export/curveRecord.js';
export { formatNumber } from './export/formatNumber.js';
export { openCsv, type CsvWriter } from './export/csvFile.js';

// Experiments: worker threads, shards, summaries, extinctions, resume and merge.
export { simulateAsync, type SimulateAsyncOptions } from './simulation/simulate.js';
export { seriesSteps } from './simulation/series.js';
export { type TaskExtras } from './simulation/seriesTask.js';
export {
  runTasks,
  defaultWorkers,
  type RunTasksOptions,
  type RunTasksResult,
  type TaskHandlers,
  type TaskOutcome,
} from './simulation/workerPool.js';
export { type Shard, parseShard, formatShard, shardTasks } from './simulation/shard.js';
export { ExtinctionTracker, type ExtinctionTable } from './simulation/extinctionTracker.js';
export { EXTINCTION_COLUMNS, extinctionRecords } from './export/extinctionRecords.js';
export { SummaryTable, summarize, type MetricSummary, SUMMARY_COLUMNS } from './export/summaryTable.js';
export { studentTQuantile, studentTCdf } from './stats/studentT.js';
export { mergeCurves, type MergeInput, type MergeResult } from './export/mergeCurves.js';
export { type RunRecord, type RunIdentity, makeRunRecord, readRunRecord, corpusDigest } from './export/runRecord.js';
export { planResume } from './export/resumePlan.js';
export { detokenize, corpusFilePath } from './export/corpusFiles.js';
export { RunIncompleteError } from './errors.js';

// Language models: evaluation and ARPA.
export { evaluateModel, flooredEvaluation, type Evaluation } from './model/evaluate.js';
export { arpaLines, readArpa } from './model/arpa.js';

// Reports: charts and tables from curves (Vega-Lite; loads Vega when imported).
export {
  readCurves,
  curveTableFromRecords,
  readSummary,
  writeReport,
  renderReportHtml,
  renderSvgCharts,
  formatFinalTable,
} from './export/report/index.js';
