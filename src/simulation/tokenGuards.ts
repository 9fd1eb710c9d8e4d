/**
 * The --max-tokens guard of `run` (and of the playground's runs), applied to what the run will hold in memory: --tokens and
 * --measure-tokens (before the corpus is read), the largest batch under --tokens-growth, the --select
 * candidates drawn for it (the synthetic share / Q), and the last pool of `accumulate` and `accumulate-subsample` (H and every batch). Each throws a UsageError naming the flags and the sizes, before any
 * work; none applies when maxTokens is undefined. checkTokenGuards also refuses, when --tokens is
 * given, a growth that shrinks a batch to nothing (settings.ts refuseEmptyBatches, an InputError), and
 * checkCorpusGuards a corpus of empty sentences alone (checkHasTokens, an InputError, whatever maxTokens).
 */

import { checkHasTokens } from '../corpus/checkTokenCorpus.js';
import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { UsageError } from '../errors.js';
import { humanTokenCount } from './holdoutSplit.js';
import { accumulatedPoolTokens, largestBatchTokens, refuseEmptyBatches, type RunSettings } from './settings.js';
import { largestCandidateDraw } from './curation.js';
import { formatCount } from '../validation/formatNumber.js';

/** Default of --max-tokens: the memory guard of the CLI and the playground (the library has none by default). */
export const DEFAULT_MAX_TOKENS = 200_000_000;

/** --tokens and --measure-tokens against the --max-tokens guard, before the corpus is read. */
export function checkTokenGuards(settings: RunSettings, maxTokens: number | undefined): void {
  // Not a --max-tokens guard, but known here too when --tokens is given: a growth that shrinks a batch to nothing.
  if (settings.tokens !== undefined) refuseEmptyBatches(settings, settings.tokens);
  if (settings.tokens !== undefined && maxTokens !== undefined && settings.tokens > maxTokens) {
    throw new UsageError(`--tokens ${settings.tokens} is above the --max-tokens guard (${maxTokens})`, 'pass a smaller --tokens, or raise --max-tokens if the machine has the memory');
  }
  if (settings.measureTokens !== undefined && maxTokens !== undefined && settings.measureTokens > maxTokens) {
    throw new UsageError(`--measure-tokens ${settings.measureTokens} is above the --max-tokens guard (${maxTokens})`, 'pass a smaller --measure-tokens, or raise --max-tokens if the machine has the memory');
  }
  if (settings.tokens !== undefined) checkGrowth(settings, settings.tokens, maxTokens);
  if (settings.tokens !== undefined) checkCandidateDraw(settings, settings.tokens, maxTokens);
  // (the batches alone may pass it already: H, not read yet, only adds to the pool)
  if (settings.tokens !== undefined) checkAccumulatedSize(settings, undefined, settings.tokens, maxTokens);
}

/**
 * The guards that need the corpus, once it is read and before the run is prepared (the library's own
 * limit, 1e9 tokens, would speak first): the largest batch under --tokens-growth, and the last training
 * set of `accumulate`, both from the size of H the holdout split gives. `run` and the playground's runs.
 */
export function checkCorpusGuards(settings: RunSettings, corpus: TokenCorpus, maxTokens: number | undefined): void {
  // (prepareRun refuses it too; first here, before the holdout split's size is read)
  checkHasTokens('the corpus', corpus);
  const humanTokens = humanTokenCount(corpus, settings.holdout, settings.seed);
  checkGrowth(settings, settings.tokens ?? humanTokens, maxTokens);
  checkAccumulatedSize(settings, humanTokens, settings.tokens ?? humanTokens, maxTokens);
  checkCandidateDraw(settings, settings.tokens ?? humanTokens, maxTokens);
}

/** --select draws share / Q candidate tokens (dedup up to 11 x the share, curation.ts candidateTokens): refuse a draw past the --max-tokens guard. */
export function checkCandidateDraw(settings: RunSettings, batchTokens: number, maxTokens: number | undefined): void {
  if (maxTokens === undefined) return;
  const { select, tokens } = largestCandidateDraw(settings.sweep.select, largestBatchTokens(settings, batchTokens));
  if (tokens > maxTokens) {
    // (with a growth, the generation whose batch is the largest: it said "a generation": audit)
    const growth = Math.max(...settings.sweep.tokensGrowth);
    const when = growth === 1 ? 'a generation' : `in generation ${growth > 1 ? settings.generations : 1}`;
    throw new UsageError(
      `--select ${shortShare(select)} draws up to ${formatCount(tokens)} candidate tokens ${when} (${select === 'dedup' ? 'up to 11 x the synthetic share' : 'the synthetic share / Q'}), above the --max-tokens guard (${maxTokens})`,
      // (less growth helps only a growth above 1: below it, the largest batch is the first, N whatever the growth: audit)
      `use ${candidateRemedies(select === 'dedup', growth > 1)} or raise --max-tokens`,
    );
  }
}

/** A rule's share as a message writes it: 0.0000001 and smaller as 1e-7, not the hundreds of zeros the cell names hold (audit). */
function shortShare(select: string): string {
  return select.replace(/\b0\.0{6,}\d+/u, (share) => String(Number(share)));
}

/** --tokens-growth: refuse a run whose last (largest) batch would pass the --max-tokens guard. */
export function checkGrowth(settings: RunSettings, batchTokens: number, maxTokens: number | undefined): void {
  if (maxTokens === undefined) return;
  const growth = Math.max(...settings.sweep.tokensGrowth);
  const generation = growth >= 1 ? settings.generations : 1;
  const largest = largestBatchTokens(settings, batchTokens);
  if (largest > maxTokens) {
    throw new UsageError(
      `--tokens-growth ${growth} makes generation ${generation}'s batch ${formatCount(largest)} tokens, above the --max-tokens guard (${maxTokens})`,
      'use fewer --generations, a smaller --tokens-growth or --tokens, or raise --max-tokens',
    );
  }
}

/** What makes a --select draw smaller: a larger Q (a scored rule), fewer tokens, less growth (a series of them ends in a comma). */
function candidateRemedies(dedup: boolean, grows: boolean): string {
  const remedies = [...(dedup ? [] : ['a larger Q']), 'a smaller --tokens', ...(grows ? ['a smaller --tokens-growth'] : [])];
  return remedies.length > 1 ? `${remedies.join(', ')},` : remedies[0]!;
}

/**
 * accumulate and accumulate-subsample keep every batch: refuse a run whose last pool (H and every
 * batch) would pass the --max-tokens guard. `humanTokens` undefined: H not read yet, the batches alone.
 */
export function checkAccumulatedSize(settings: RunSettings, humanTokens: number | undefined, batchTokens: number, maxTokens: number | undefined): void {
  if (maxTokens === undefined) return;
  const last = accumulatedPoolTokens(settings, humanTokens ?? 0, batchTokens);
  if (last > maxTokens) {
    const strategy = settings.sweep.strategy.includes('accumulate') ? 'accumulate' : 'accumulate-subsample';
    throw new UsageError(
      `--strategy ${strategy} would ${strategy === 'accumulate' ? 'train on' : 'draw from'} ${formatCount(last)} tokens by generation ${settings.generations} (${humanTokens === undefined ? 'its batches alone, H besides' : 'H and every batch'}), above the --max-tokens guard (${maxTokens})`,
      // (a growth above 1 makes the pool larger too: the hint left it out: audit)
      `use fewer --generations${settings.sweep.tokensGrowth.some((growth) => growth > 1) ? ', a smaller --tokens-growth' : ''} or a smaller --tokens, or raise --max-tokens`,
    );
  }
}
