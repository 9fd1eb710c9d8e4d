/**
 * Curation: selecting the synthetic share of a batch before training (`--select RULE`).
 *
 * Rules (the cell setting `select`, canonical text as written to the CSV):
 * - `none`: the synthetic share is sampled as the README's "The loop" says (syntheticText), nothing is dropped.
 * - `m0:low:Q`, `m0:high:Q`, `self:low:Q`, `self:high:Q` (0 < Q <= 1): candidates are scored by their
 *   per-token floored perplexity (the floor of the README's "The curves CSV", each sentence alone with its `</s>`) under M0
 *   (a verifier that knows real data: Feng et al., "Beyond Model Collapse: Scaling Up with Synthesized
 *   Data Requires Verification", ICLR 2025) or under the generating model M(g-1) (a model judging itself);
 *   `low` keeps the lowest first, `high` the highest.
 * - `tail:Q`: candidates are scored by the share of their tokens that are seed-rare types (count in H
 *   <= --rare-threshold; 0 for an empty sentence), the highest first (a tail-preserving curator).
 * - `dedup`: a candidate is dropped when it occurs verbatim in H or earlier in this batch's kept text.
 *
 * The procedure, for a synthetic share of `target` tokens:
 * 1. Candidates. Scored rules draw whole sentences from the sampler exactly as syntheticText does, up to
 *    ceil(target / Q) tokens (the same stopping rule: the last sentence may overshoot). `dedup` draws
 *    in rounds of (target - kept tokens) tokens, each round filtered before the next, until the kept
 *    text holds `target` tokens; it stops drawing at DEDUP_DRAW_CAP x target candidate tokens and then
 *    fills the share with dropped candidates in draw order, and says so in `capped` (the series
 *    warns). A sampler exhausted first (syntheticText's sentence cap) stops the draw as it is: the
 *    share holds the kept candidates, short of `target`.
 * 2. Order. Scored candidates are ranked by score (ascending for `low`, descending for `high` and
 *    `tail`), ties by draw order (a stable sort), so the order is a function of the seeded draws alone.
 * 3. Stopping. Candidates are kept in that order until the kept ones hold at least `target` tokens
 *    (whole sentences: the last may overshoot, as everywhere else). The kept text lists them in draw
 *    order.
 * `selectedShare` = kept candidates' tokens / candidates' tokens drawn (undefined for `none` or when
 * nothing was drawn). `measured` is the unselected model output the row describes: the candidates in
 * draw order up to `target` tokens (sentencePicks.firstTokens), which for the same random stream is
 * exactly the text `none` would have sampled.
 * Cost: the sampler draws 1/Q times the share (dedup: as many rounds as duplicates need), plus one
 * scoring pass over the candidates' ids (one table walk for MLE: sentencePerplexities).
 */

import { concatCorpora, gatherSentences, sentenceCount, tokenCount, type TokenCorpus } from '../corpus/tokenCorpus.js';
import { UsageError } from '../errors.js';
import { decimalValue, readAs, typedValue, writtenExactly } from '../validation/valueRule.js';
import { formatNumber } from '../validation/formatNumber.js';
import { sentencePerplexities } from '../metrics/sentencePerplexities.js';
import type { SeedReference } from '../metrics/seedReference.js';
import { hashSentence, sameSentence } from '../metrics/sentenceSet.js';
import type { LanguageModel } from '../model/languageModel.js';
import type { RandomSource } from '../random/random.js';
import type { SentenceSampler } from '../sampler/sampling.js';
import { firstTokens } from './sentencePicks.js';
import { syntheticText } from './syntheticText.js';
import { ceilQuotient } from './decimalCounts.js';

export type SelectRule =
  | { readonly kind: 'none' }
  | { readonly kind: 'dedup' }
  | { readonly kind: 'perplexity'; readonly judge: 'm0' | 'self'; readonly keep: 'low' | 'high'; readonly share: number }
  | { readonly kind: 'tail'; readonly share: number };

/** A rule that ranks candidates by a score. */
type ScoredRule = Extract<SelectRule, { readonly share: number }>;

/** The forms a rule may take, for help texts and errors. */
export const SELECT_FORMS = 'none, dedup, m0:low:Q, m0:high:Q, self:low:Q, self:high:Q, tail:Q (0 < Q <= 1)';

/** dedup draws at most this many times the share's tokens as candidates before filling with duplicates. */
export const DEDUP_DRAW_CAP = 10;

/**
 * The most candidate tokens a rule draws for a synthetic share of `share` tokens: ceil(share / Q) for
 * a scored rule; (DEDUP_DRAW_CAP + 1) x share for dedup (it draws while under the cap, and its last
 * round may add up to the share); the share itself for none (before the last sentence's overshoot).
 * What the memory guards compare.
 */
export function candidateTokens(rule: SelectRule, share: number): number {
  if (rule.kind === 'none') return share;
  return rule.kind === 'dedup' ? (DEDUP_DRAW_CAP + 1) * share : ceilQuotient(share, rule.share);
}

/** The largest candidate draw of a sweep's --select rules, for batches of up to `largestBatch` tokens (the synthetic share is at most the batch). */
export function largestCandidateDraw(selects: readonly string[], largestBatch: number): { readonly select: string; readonly tokens: number } {
  return selects.map((select) => ({ select, tokens: candidateTokens(parseSelectRule(select), largestBatch) })).reduce((a, b) => (b.tokens > a.tokens ? b : a));
}

/** Parses a rule's text; throws UsageError naming `flag` (the CLI's `--select`; the library's `select`, as parseShard names `shard`) and the value. */
export function parseSelectRule(text: string, flag = 'select'): SelectRule {
  const wrong = (): never => {
    // (shown as given: a value that is no text, parseSelectRule(null), was a raw TypeError from its split: audit)
    throw new UsageError(`${flag} must be one of ${SELECT_FORMS}, got ${typeof text === 'string' ? `'${text}'` : typedValue(text, 'name')}`, `e.g. ${flag.startsWith('--') ? `${flag} none,m0:low:0.8` : "'m0:low:0.8'"}`);
  };
  if (typeof text !== 'string') return wrong();
  if (text === 'none') return { kind: 'none' };
  if (text === 'dedup') return { kind: 'dedup' };
  const parts = text.split(':');
  const share = (raw: string | undefined): number => {
    const value = decimalValue(raw ?? ''); // written in decimal (not 0x1), and not blank
    // (tail:0.80000000000000001 ran as tail:0.8: the digits past a double's were dropped without a word: audit)
    const other = readAs(raw ?? '');
    if (other !== undefined && value > 0 && value <= 1) throw new UsageError(`${flag} ${text} has more digits than a number holds: its share would be read as ${other}`, `write ${other}, or a share with fewer digits`);
    // (in the digits the CSV writes: tail:1e-7 named a cell `select=tail:1e-7`, tail:0.1234567 one the CSV could not tell from tail:0.123457: audit)
    return Number.isFinite(value) && value > 0 && value <= 1 ? writtenExactly(`${flag} ${text}`, value) : wrong();
  };
  if (parts.length === 2 && parts[0] === 'tail') return { kind: 'tail', share: share(parts[1]) };
  if (parts.length === 3 && (parts[0] === 'm0' || parts[0] === 'self') && (parts[1] === 'low' || parts[1] === 'high')) {
    return { kind: 'perplexity', judge: parts[0], keep: parts[1], share: share(parts[2]) };
  }
  return wrong();
}

/** The canonical text of a rule (`m0:low:0.8`, `tail:0.0000001`), as cells and the CSV write it. */
export function formatSelectRule(rule: SelectRule): string {
  checkSelectRule(rule);
  switch (rule.kind) {
    case 'none':
    case 'dedup':
      return rule.kind;
    case 'tail':
      return `tail:${formatNumber(rule.share)}`;
    case 'perplexity':
      return `${rule.judge}:${rule.keep}:${formatNumber(rule.share)}`;
  }
}

/**
 * Refuses, with a UsageError, a `rule` that is no rule parseSelectRule gives (a rule's text, or an object of
 * another kind, made curatedShare return undefined and formatSelectRule 'undefined' or 'tail:': review).
 */
function checkSelectRule(rule: unknown): void {
  const { kind, share, judge, keep } = (typeof rule === 'object' && rule !== null ? rule : {}) as Record<string, unknown>;
  const shareOk = typeof share === 'number' && share > 0 && share <= 1;
  const ok =
    kind === 'none' || kind === 'dedup' || (kind === 'tail' && shareOk) || (kind === 'perplexity' && shareOk && (judge === 'm0' || judge === 'self') && (keep === 'low' || keep === 'high'));
  if (!ok) throw new UsageError(`a selection rule must be one parseSelectRule gives, got ${typedValue(rule, 'text')}`, "pass parseSelectRule('tail:0.5'), not the rule's text");
}

/** What a scoring rule needs besides the sampler: the judges and H's reference. */
export interface CurationContext {
  readonly model0: LanguageModel;
  /** M(g-1), the model that generated the candidates. */
  readonly generator: LanguageModel;
  readonly reference: SeedReference;
  readonly maxSentenceLength: number;
}

export interface CuratedShare {
  /** The synthetic share that enters the batch (trains M_g). */
  readonly kept: TokenCorpus;
  /** The unselected model output of the share's size: what the row measures. */
  readonly measured: TokenCorpus;
  /** True if the sampler's sentence cap stopped it before the share was full. */
  readonly exhausted: boolean;
  /** Kept candidates' tokens / candidates' tokens drawn; undefined for `none`. */
  readonly selectedShare: number | undefined;
  /** dedup only: the draw cap was reached and duplicates filled the share. */
  readonly capped: boolean;
}

export function curatedShare(rule: SelectRule, sampler: SentenceSampler, target: number, context: CurationContext, random: RandomSource): CuratedShare {
  checkSelectRule(rule);
  switch (rule.kind) {
    case 'none': {
      const { text, exhausted } = syntheticText(sampler, target, context.maxSentenceLength, random);
      return { kept: text, measured: text, exhausted, selectedShare: undefined, capped: false };
    }
    case 'dedup':
      return dedupShare(sampler, target, context, random);
    case 'perplexity':
      return scoredShare(rule, sampler, target, context, random, rule.keep === 'low');
    case 'tail':
      return scoredShare(rule, sampler, target, context, random, false); // the rarest first
  }
}

/** A scored rule: candidates up to ceil(target / Q) tokens, ranked by score (`ascending` or descending), kept until the share is full. */
function scoredShare(rule: ScoredRule, sampler: SentenceSampler, target: number, context: CurationContext, random: RandomSource, ascending: boolean): CuratedShare {
  const { text: candidates } = syntheticText(sampler, ceilQuotient(target, rule.share), context.maxSentenceLength, random);
  const keep = keepByRank(candidates, rankByScore(candidateScores(rule, candidates, context), ascending), target);
  return finish(candidates, keep, target);
}

/** Per-candidate score: floored perplexity under the judge, or the seed-rare share of its tokens. */
export function candidateScores(rule: SelectRule, candidates: TokenCorpus, context: CurationContext): Float64Array {
  const seedTypes = context.reference.unigrams.types.length;
  if (rule.kind === 'perplexity') {
    return sentencePerplexities(rule.judge === 'm0' ? context.model0 : context.generator, candidates, seedTypes);
  }
  const rare = context.reference.rare;
  return Float64Array.from({ length: sentenceCount(candidates) }, (_, s) => {
    const from = candidates.offsets[s]!;
    const to = candidates.offsets[s + 1]!;
    let count = 0;
    for (let i = from; i < to; i++) count += rare[candidates.ids[i]!]!;
    return to > from ? count / (to - from) : 0;
  });
}

/** Candidate indexes by score (ascending or descending), ties by draw order. */
export function rankByScore(scores: Float64Array, ascending: boolean): Int32Array {
  const order = Int32Array.from(scores.keys());
  const sign = ascending ? 1 : -1;
  return order.sort((a, b) => sign * (scores[a]! - scores[b]!) || a - b);
}

/** Marks candidates in `order` until the marked ones hold at least `target` tokens. */
function keepByRank(candidates: TokenCorpus, order: Int32Array, target: number, keep = new Uint8Array(sentenceCount(candidates)), already = 0): Uint8Array {
  let tokens = already;
  for (const s of order) {
    if (tokens >= target) break;
    if (keep[s] === 1) continue;
    keep[s] = 1;
    tokens += candidates.offsets[s + 1]! - candidates.offsets[s]!;
  }
  return keep;
}

function finish(candidates: TokenCorpus, keep: Uint8Array, target: number, capped = false): CuratedShare {
  const picks: Array<[number, number]> = [];
  keep.forEach((kept, s) => {
    if (kept === 1) picks.push([0, s]);
  });
  const kept = gatherSentences([candidates], picks);
  const drawn = tokenCount(candidates);
  return {
    kept,
    measured: firstTokens(candidates, target),
    exhausted: tokenCount(kept) < target,
    selectedShare: drawn > 0 ? tokenCount(kept) / drawn : undefined,
    capped,
  };
}

/** dedup: rounds of draws, each filtered against H and the kept text, then the cap's fill. */
function dedupShare(sampler: SentenceSampler, target: number, context: CurationContext, random: RandomSource): CuratedShare {
  const rounds: TokenCorpus[] = [];
  const keptSeen = new Map<number, Array<[TokenCorpus, number]>>();
  const marks: number[] = [];
  let keptTokens = 0;
  let drawn = 0;
  let exhausted = false;
  while (keptTokens < target && drawn < DEDUP_DRAW_CAP * target && !exhausted) {
    const round = syntheticText(sampler, target - keptTokens, context.maxSentenceLength, random);
    exhausted = round.exhausted;
    const text = round.text;
    rounds.push(text);
    drawn += tokenCount(text);
    for (let s = 0; s < sentenceCount(text); s++) {
      const hash = hashSentence(text, s);
      const bucket = keptSeen.get(hash);
      const duplicate = context.reference.sentences.has(text, s) || (bucket !== undefined && bucket.some(([other, r]) => sameSentence(text, s, other, r)));
      marks.push(duplicate ? 0 : 1);
      if (duplicate) continue;
      keptTokens += text.offsets[s + 1]! - text.offsets[s]!;
      if (bucket === undefined) keptSeen.set(hash, [[text, s]]);
      else bucket.push([text, s]);
    }
  }
  const candidates = concatCorpora(rounds);
  const keep = Uint8Array.from(marks);
  const capped = keptTokens < target && !exhausted;
  if (capped) keepByRank(candidates, Int32Array.from(keep.keys()), target, keep, keptTokens);
  return finish(candidates, keep, target, capped);
}
