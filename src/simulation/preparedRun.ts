/**
 * PreparedRun: what every (cell, replicate) series of a run shares, computed once: the holdout split,
 * the batch size N, the measured size, the seed reference of H. Read-only after construction; it can be
 * rebuilt in a worker thread from the same corpus and settings with the same result, or handed to it as
 * plain data (`preparedRunParts`, typed arrays a caller may put in shared memory, and the word view's
 * spec) and rebuilt without recounting (`preparedRunFromParts`).
 *
 * prepareRun is where simulate, simulateAsync and the recipes validate their input: the settings
 * (validateRunSettings: UsageError naming the field, the value and the allowed range), `idSpace`
 * (a whole number >= 2) and the corpus (checkTokenCorpus: ids within the id space), before any work.
 * Then InputError when the corpus holds no tokens (only empty sentences), is too small for the holdout
 * share or the largest anchor, or its holdout split leaves H without tokens.
 */

import { checkHasTokens, checkIdSpace, checkTokenCorpus } from '../corpus/checkTokenCorpus.js';
import { sentenceCount, tokenCount, type TokenCorpus } from '../corpus/tokenCorpus.js';
import { InputError, UsageError } from '../errors.js';
import { checkAddKReserve } from '../model/addK.js';
import { overlapMetrics } from '../metrics/overlapMetrics.js';
import { buildSeedReference, seedReferenceFromParts, seedReferenceParts, type SeedReference, type SeedReferenceParts } from '../metrics/seedReference.js';
import { isSubwordTokenizer } from '../corpus/subword/subwordNames.js';
import { isTokenizerName, TOKENIZER_NAMES } from '../corpus/tokenizers.js';
import { wordSplitter } from '../corpus/subword/wordView.js';
import type { Vocabulary } from '../vocabulary/vocabulary.js';
import { wordReference, type WordView } from '../metrics/wordColumns.js';
import { splitHoldout } from './holdoutSplit.js';
import { accumulatedPoolTokens, largestBatchTokens, refuseEmptyBatches, refuseHumanShareBeyondPool, type CellSettings, type RunSettings } from './settings.js';
import { checkValue, integerRule, refuseUnknownKeys, shownValue } from '../validation/valueRule.js';
import { ownValidSettings } from './validateSettings.js';
import { largestCandidateDraw } from './curation.js';
import { formatCount } from '../validation/formatNumber.js';

export interface PreparedRun {
  readonly settings: RunSettings;
  readonly idSpace: number;
  readonly human: TokenCorpus;
  readonly heldout: TokenCorpus;
  /** Tokens per batch (N). */
  readonly batchTokens: number;
  /** Size of the text each row of generation >= 1 measures (--measure-tokens; default N). */
  readonly measureTokens: number;
  readonly reference: SeedReference;
  /** Subword runs: the word-level view (word_* columns); undefined for word-level tokenizers. */
  readonly words?: WordView & { readonly spec: WordViewSpec };
}

/**
 * What a subword run needs to rebuild words from token ids: the tokenizer's name and every id's
 * string (Vocabulary.toArray()). Plain data, so worker threads receive it as it is.
 */
export interface WordViewSpec {
  readonly tokenizer: string;
  readonly tokens: readonly string[];
}

export function prepareRun(corpus: TokenCorpus, idSpace: number, given: RunSettings, words?: WordViewSpec): PreparedRun {
  // the run keeps a frozen copy: a caller's later change of its object cannot reach the run
  const settings = ownValidSettings(given);
  checkTokenCorpus('corpus', corpus, checkIdSpace('idSpace', idSpace));
  checkWordViewSpec(words, idSpace);
  checkAddKReserveOf(settings, idSpace);
  checkHasTokens('the corpus', corpus);
  const { human, heldout } = splitHoldout(corpus, settings.holdout, settings.seed);
  checkHumanTokens(human, heldout);
  const batchTokens = settings.tokens ?? tokenCount(human);
  checkBatchSizes(settings, tokenCount(human), batchTokens);
  checkAnchors(Math.max(...settings.sweep.anchor), human);
  return {
    settings,
    idSpace,
    human,
    heldout,
    batchTokens,
    measureTokens: settings.measureTokens ?? batchTokens,
    reference: buildSeedReference(human, idSpace, settings.rareThreshold),
    ...wordViewOf(words, human, settings.rareThreshold),
  };
}

/** H must hold tokens: a corpus with text can still leave none in H if its holdout split holds out every sentence that has some. */
function checkHumanTokens(human: TokenCorpus, heldout: TokenCorpus): void {
  if (tokenCount(human) > 0) return;
  throw new InputError(
    `the holdout split left the human pool without tokens: its ${sentenceCount(human)} sentence(s) are empty, the corpus's ${tokenCount(heldout)} token(s) all held out`,
    'use a smaller holdout share or another seed',
  );
}

/** The anchor sentences a cell asks for must be in the human pool. */
function checkAnchors(anchor: number, human: TokenCorpus): void {
  const humanSentences = human.offsets.length - 1;
  if (anchor > humanSentences) {
    throw new InputError(`anchor ${anchor} needs that many human sentences, but the human pool has ${humanSentences}`, 'pass a smaller anchor or a larger corpus');
  }
}

/**
 * Refuses (before any work) a run and cell that prepareRun would not have let through together: a
 * run built or changed by hand (its texts and sizes) or a cell outside the run's sweep (runSeries takes
 * any cell) gets the same checks as the sweep's cells: the texts are token corpora over the id space,
 * the sizes whole numbers >= 1, the cell's growth keeps its batches between 1 token and
 * MAX_LOOP_TOKENS, and its anchors are in the human pool.
 */
export function checkCellFitsRun(run: PreparedRun, cell: { readonly settings: CellSettings }): void {
  checkIdSpace('run.idSpace', run.idSpace);
  // (a pass over H and E in every series, 4-12 ms on Brown's: a text a caller changed between two series is caught)
  checkTokenCorpus('run.human', run.human, run.idSpace);
  checkTokenCorpus('run.heldout', run.heldout, run.idSpace);
  checkValue('run.batchTokens', run.batchTokens, integerRule(1));
  checkValue('run.measureTokens', run.measureTokens, integerRule(1));
  const { settings } = run;
  const { strategy, tokensGrowth, select, humanRatio } = cell.settings;
  checkBatchSizes({ ...settings, measureTokens: run.measureTokens, sweep: { ...settings.sweep, strategy: [strategy], tokensGrowth: [tokensGrowth], select: [select], humanRatio: [humanRatio] } }, tokenCount(run.human), run.batchTokens);
  checkAnchors(cell.settings.anchor, run.human);
}

/**
 * The most tokens one generation's text, or the pool an accumulating strategy keeps, may hold: the loop keeps a
 * text's ids, and a prediction path, in single typed arrays (the CLI's own guard, --max-tokens, is
 * 200M by default). Far beyond what fits in memory anyway (100M tokens a generation peak at 4.6 GiB).
 */
export const MAX_LOOP_TOKENS = 1_000_000_000;

/**
 * Refuses, before any work, a run whose generation text, select candidate draw or accumulated
 * pool (H and every batch, accumulatedPoolTokens) passes MAX_LOOP_TOKENS, whose batch shrinks to nothing under a tokensGrowth below 1 (a model trained
 * on 0 tokens), or whose human share of a batch needs more tokens than H holds. Worded with the
 * library's names (`select`); the CLI prints the flags (cliTerms.ts).
 */
function checkBatchSizes(settings: RunSettings, humanTokens: number, batchTokens: number): void {
  refuseEmptyBatches(settings, batchTokens);
  const largestBatch = largestBatchTokens(settings, batchTokens);
  const largest = Math.max(largestBatch, settings.measureTokens ?? 0, largestCandidateDraw(settings.sweep.select, largestBatch).tokens);
  const size = Math.max(largest, accumulatedPoolTokens(settings, humanTokens, batchTokens));
  if (size > MAX_LOOP_TOKENS) {
    throw new InputError(`the run would hold ${formatCount(size)} tokens in one text (a generation's batch, its select candidates, or the pool an accumulating strategy keeps: H and every batch), more than ${MAX_LOOP_TOKENS}`, 'pass fewer tokens, generations or growth');
  }
  refuseHumanShareBeyondPool(settings, humanTokens, batchTokens);
}

/**
 * Add-k reserves k |V| of every history's mass (model/addK.ts); a k near the largest double makes that
 * Infinity and every probability NaN. Refused before any work, with |V| bounded by the id space.
 */
function checkAddKReserveOf(settings: RunSettings, idSpace: number): void {
  // |V| <= the word types (ids 2 .. idSpace - 1) and </s>, as `train` counts it for the same corpus.
  if (settings.sweep.smoothing.includes('add-k')) checkAddKReserve(settings.k, idSpace - 1);
}

/** The WordViewSpec of a corpus read with `tokenizer`: undefined for word-level tokenizers. */
export function wordViewSpec(tokenizer: string, vocabulary: Vocabulary): WordViewSpec | undefined {
  return isSubwordTokenizer(tokenizer) ? { tokenizer, tokens: vocabulary.toArray() } : undefined;
}

/** `words`, when given: a tokenizer name and every id's string (WordViewSpec), one per id. */
function checkWordViewSpec(words: unknown, idSpace: number): void {
  if (words === undefined) return;
  const spec = (typeof words === 'object' && words !== null ? words : {}) as Partial<WordViewSpec>;
  const hint = 'pass { tokenizer, tokens: vocabulary.toArray() }, or leave it out for a word-level tokenizer';
  if (typeof spec.tokenizer !== 'string' || !Array.isArray(spec.tokens)) {
    throw new UsageError(`words must be a WordViewSpec (a tokenizer name and the string of every id), got ${shownValue(words)}`, hint, 'words');
  }
  // (one bad entry among 50,000 was reported by quoting the whole list, without its place: audit)
  if (spec.tokens.length < idSpace) throw new UsageError(`words.tokens must hold the string of every id below idSpace ${idSpace}, got ${spec.tokens.length}`, hint, 'words.tokens');
  const bad = spec.tokens.findIndex((token) => typeof token !== 'string');
  if (bad >= 0) throw new UsageError(`words.tokens[${bad}] must be the string of id ${bad}, got ${shownValue(spec.tokens[bad])}`, hint, 'words.tokens');
  refuseUnknownKeys(spec, ['tokenizer', 'tokens'], 'words key');
  // (a misspelt name, 'GPT2', silently left the word_* columns out: audit; a word-level one has no word view, its tokens are words)
  if (!isTokenizerName(spec.tokenizer)) {
    throw new UsageError(`words.tokenizer must be a tokenizer name (${TOKENIZER_NAMES.join(', ')}), got ${shownValue(spec.tokenizer)}`, 'name the tokenizer the corpus was read with', 'words.tokenizer');
  }
}

/** The word view of a subword run (nothing for a word-level tokenizer). */
function wordViewOf(spec: WordViewSpec | undefined, human: TokenCorpus, rareThreshold: number): { words?: PreparedRun['words'] } {
  if (spec === undefined) return {};
  const split = wordSplitter(spec.tokenizer);
  if (split === undefined) return {};
  return { words: { spec, tokens: spec.tokens, split, reference: wordReference(human, spec.tokens, split, rareThreshold) } };
}

/**
 * Share of the held-out sentences that occur verbatim in H (undefined without a held-out set). A
 * corpus holding the same text twice puts copies of H's sentences in E, and held-out perplexity then
 * measures memory, not generalisation. O(held-out tokens).
 */
export function heldoutOverlap(run: PreparedRun): number | undefined {
  return overlapMetrics(run.heldout, run.reference).copy_rate;
}

/**
 * Above this share of held-out sentences found verbatim in H, a run is warned. Natural text repeats a
 * few short sentences ("Yes .", "No ."): 0.6% on brown:news, 2.1% on all of Brown; a corpus holding
 * the same text twice gives most of E.
 */
export const HELDOUT_OVERLAP_WARNING = 0.05;

/**
 * The warning a run gets (the CLI's `run` and the playground alike) when more than
 * HELDOUT_OVERLAP_WARNING of its held-out sentences occur verbatim in H (`overlap`, heldoutOverlap's
 * share); undefined otherwise.
 */
export function heldoutOverlapWarning(overlap: number | undefined): string | undefined {
  if (overlap === undefined || overlap <= HELDOUT_OVERLAP_WARNING) return undefined;
  return `${(overlap * 100).toFixed(1)}% of the held-out sentences also occur verbatim in the human pool (duplicated text in the corpus?), so heldout_perplexity partly measures memory; de-duplicate the corpus to measure generalisation`;
}

/**
 * A PreparedRun as plain data: typed arrays and numbers (settings travel separately), and of the word
 * view only its spec (the splitter is a function; the word reference is rebuilt from H).
 */
export type PreparedRunParts = Omit<PreparedRun, 'settings' | 'reference' | 'words'> & {
  readonly reference: SeedReferenceParts;
  readonly words?: WordViewSpec;
};

export function preparedRunParts(run: PreparedRun): PreparedRunParts {
  const { settings: _settings, reference, words, ...rest } = run;
  return { ...rest, reference: seedReferenceParts(reference), ...(words === undefined ? {} : { words: words.spec }) };
}

export function preparedRunFromParts(parts: PreparedRunParts, settings: RunSettings): PreparedRun {
  const { words, reference, ...rest } = parts;
  return { ...rest, settings, reference: seedReferenceFromParts(reference), ...wordViewOf(words, parts.human, settings.rareThreshold) };
}
