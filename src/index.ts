/**
 * ngram-collapse: the library API.
 *
 * Load a corpus, run the collapse loop, measure texts, train and sample models: everything the CLI
 * does is importable and typed from here. Only the corpus loader and the exporters touch files (the
 * CLI writes the rest); imports run one way along the layers of README's "Architecture", a test
 * (test/architecture/layers.test.ts) reads them. The entries of README's table ("The library checks
 * what it is given": simulate, trainModel, loadCorpus, ...) check their arguments first and throw a
 * UsageError naming the field, the value and the allowed range, worded as the CLI words its flags
 * (the rules: CELL_RULES, SHARED_RULES, LOAD_RULES, ...); the numeric helpers README names compute on
 * what they are given, unchecked, as a math library does. Types a program compiles against are
 * checked by test/build/libraryTypes.test.ts.
 *
 * @example
 *   import { loadCorpus, simulate, DEFAULT_RUN } from 'ngram-collapse';
 *   const { vocabulary, corpus } = await loadCorpus(['brown:news']);
 *   simulate(corpus, vocabulary.size, { ...DEFAULT_RUN, generations: 5 }, {
 *     emit: (row) => console.log(row.cell.id, row.generation, row.values.vocab_retention),
 *   });
 */

export { InputError, UsageError, describeError } from './errors.js';
export { Vocabulary, BOS, EOS, BOS_TOKEN, EOS_TOKEN, FIRST_TOKEN_ID, MAX_ID_SPACE } from './vocabulary/vocabulary.js';
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
export { LOAD_RULES, validateLoadOptions, type LoadOptionValues } from './corpus/loadOptions.js';
export { prepareTokenizer, tokenizerFor, TOKENIZER_NAMES, type TokenizerName, type WordTokenizerName, type Tokenize } from './corpus/tokenizers.js';
export type { PublishedEncodingName } from './corpus/subword/subwordNames.js';
export type { Merge } from './corpus/subword/bpeMerges.js';
export { sentenceSplitter, SENTENCE_MODES, type SentenceMode } from './corpus/sentenceSplitter.js';
export { splitSentences } from './corpus/sentenceSegmenter.js';
export {
  readCorpusText,
  readCorpusSources,
  DEFAULT_TEXT_OPTIONS,
  type ReadTextResult,
  type TextOptions,
  type TextFormat,
  type TextSource,
  type Normalization,
} from './corpus/readText.js';
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
export { CELL_RULES, SHARED_RULES, WORKERS_RULE, validateRunSettings, validateCellSettings } from './simulation/validateSettings.js';
export { type ValueRule, checkValue } from './validation/valueRule.js';
export { expandCells, cellNames, type Cell } from './simulation/cells.js';
export { prepareRun, heldoutOverlap, heldoutOverlapWarning, HELDOUT_OVERLAP_WARNING, MAX_LOOP_TOKENS, type PreparedRun, type WordViewSpec } from './simulation/preparedRun.js';
export { humanSentenceMask } from './simulation/holdoutSplit.js';
export { measuredText, type MeasuredText, type TopUp } from './simulation/measuredText.js';
export { runSeries, type SeriesRow, type SeriesHooks, type SeriesWarning, type GenerationTexts } from './simulation/series.js';
export type { ProgressReport } from './simulation/generationProgress.js';
export { simulate, seriesTasks, type SeriesTask } from './simulation/simulate.js';
export { splitHoldout, type HoldoutSplit } from './simulation/holdoutSplit.js';
export { METRIC_COLUMNS, type MetricName, type MetricValues } from './metrics/columns.js';
export { measureText, type TextMeasurement } from './metrics/measureText.js';
export { TrigramSet, type TextTrigrams, type TrigramSetParts } from './metrics/ngramProfile.js';
export type { SentenceSet, SentenceSetParts } from './metrics/sentenceSet.js';
export type { TransitionTable } from './counts/transitionTable.js';
export type { ContextIndex } from './counts/tupleTable.js';
export type { WordView, WordReference } from './metrics/wordColumns.js';
export type { WordSplitter } from './corpus/subword/wordView.js';
export { supportMetrics } from './metrics/supportMetrics.js';
export { buildSeedReference, RARE_THRESHOLD_RULE, type SeedReference } from './metrics/seedReference.js';
export { flooredPerplexity, oovRate } from './metrics/perplexity.js';
export { driftExpectedTypes } from './metrics/driftBaseline.js';
export { CURVE_COLUMNS, curveRecord } from './export/curveRecord.js';
export { formatNumber } from './validation/formatNumber.js';
export { openCsv, type CsvWriter, type CsvOptions } from './export/csvFile.js';

// Experiments: worker threads, shards, summaries, extinctions, resume and merge.
export { simulateAsync, type SimulateAsyncOptions } from './simulation/simulate.js';
export { seriesSteps } from './simulation/series.js';
export { Generation0Keeper, type Generation0Sharing, type Generation0 } from './simulation/generationZero.js';
export { type TaskExtras } from './simulation/seriesTask.js';
export {
  runTasks,
  defaultWorkers,
  poolSize,
  seriesTokens,
  SMALL_SERIES_TOKENS,
  type RunTasksOptions,
  type RunTasksResult,
  type TaskHandlers,
  type TaskOutcome,
} from './simulation/workerPool.js';
export { type Shard, parseShard, formatShard, shardTasks } from './simulation/shard.js';
export { ExtinctionTracker, type ExtinctionTable } from './simulation/extinctionTracker.js';
export { EXTINCTION_COLUMNS, extinctionRecords } from './export/extinctionRecords.js';
export { SummaryTable, type MetricSummary, SUMMARY_COLUMNS } from './export/summaryTable.js';
export { summarize, type SampleSummary } from './stats/sampleSummary.js';
export { studentTQuantile, studentTCdf } from './stats/studentT.js';
export { kaplanMeier, type SurvivalStep } from './stats/kaplanMeier.js';
export { chao1, chao1FromCounts } from './metrics/chao1.js';
export type { UnigramCounts } from './metrics/unigramCounts.js';
export { survivalExponents, expectedSurvival, bandSurvival, theoryBands } from './metrics/survivalTheory.js';
export { parseSelectRule, formatSelectRule, curatedShare, SELECT_FORMS, type SelectRule, type CuratedShare, type CurationContext } from './simulation/curation.js';
export { batchTokensAt } from './simulation/settings.js';
export { SurvivalCurves, SURVIVAL_CURVE_COLUMNS } from './export/survivalCurves.js';
export type { BatchSizes, RowTokens } from './metrics/survivalTheory.js';
export { mergeCurves, type MergeInput, type MergeResult } from './export/mergeCurves.js';
export { type RunRecord, type RunIdentity, type RunProvenance, makeRunRecord, readRunRecord, corpusDigest } from './export/runRecord.js';
export { planResume, type ExpectedTask, type ResumeFile, type ResumePlan, type ResumeShortfall, type RowMisfit } from './export/resumePlan.js';
export { detokenize, corpusFilePath } from './export/corpusFiles.js';
export { OutputWriteError, RunIncompleteError } from './errors.js';

// Language models: evaluation and ARPA.
export { evaluateModel, flooredEvaluation, type Evaluation } from './model/evaluate.js';
export { arpaLines } from './model/arpa.js';
export { readArpa, type ArpaModel } from './model/readArpa.js';

// Reports: charts and tables from curves (Vega-Lite; Vega is loaded at the first SVG rendered, not on import).
export {
  readCurves,
  curveTableFromRecords,
  seriesCurveTable,
  readSummary,
  writeReport,
  renderReportHtml,
  renderSvgCharts,
  formatFinalTable,
  type CurveRow,
  type CurveValue,
  type CurveTable,
  type ReportOptions,
  type WriteReportOptions,
  type SvgChart,
  type SummaryRow,
} from './export/report/index.js';
export type { SeriesPoint } from './export/report/aggregateCurves.js';
export type { LawInput } from './export/survivalLaw.js';
