/**
 * measuredText: the text that row g >= 1 describes (the README's "The loop", "what a row measures").
 *
 * Contract: given the synthetic share of batch B_g (sampled from M(g-1) until it held its target),
 * returns a text of `measureTokens` tokens built by the batch's own stopping rule, as if one sampling
 * run had drawn it: whole sentences, stop at the first sentence that reaches `measureTokens` tokens,
 * at most max(measureTokens, 1) sentences in all.
 * - The share is longer than that: its shortest prefix of whole sentences that reaches the size.
 * - It is shorter: the share, then the sentences `topUp(missing tokens, sentences left)` draws, which
 *   the caller samples from the same M(g-1) with a random stream of their own, so the batch and every
 *   model stay exactly what they would be without measuring.
 * With human ratio 0 and the default size (N) the share itself is returned: same object, same bytes.
 * `shareSentences` says how many of the first sentences are the batch's (the rest are the top-up).
 * Pure apart from calling `topUp`; O(tokens) for the copy.
 *
 * @example
 *   // share of 3 tokens in 2 sentences, size 6: the top-up is asked for 3 tokens, at most 4 sentences
 *   measuredText(share, 6, (tokens, sentences) => syntheticText(sampler, tokens, 200, random, sentences).text)
 */

import { concatCorpora, sentenceCount, tokenCount, type TokenCorpus } from '../corpus/tokenCorpus.js';

export interface MeasuredText {
  readonly text: TokenCorpus;
  /** How many of the text's first sentences are the batch's synthetic share. */
  readonly shareSentences: number;
}

/** Samples whole sentences until they hold `tokens` tokens, drawing at most `sentences` of them. */
export type TopUp = (tokens: number, sentences: number) => TokenCorpus;

export function measuredText(share: TokenCorpus, measureTokens: number, topUp: TopUp): MeasuredText {
  const cap = Math.max(measureTokens, 1);
  const shareSentences = sentenceCount(share);
  const shareTokens = tokenCount(share);
  const prefix = prefixReaching(share, measureTokens, cap);
  if (prefix < shareSentences) {
    const end = share.offsets[prefix]!;
    return { text: { ids: share.ids.subarray(0, end), offsets: share.offsets.subarray(0, prefix + 1) }, shareSentences: prefix };
  }
  if (shareTokens >= measureTokens || shareSentences >= cap) return { text: share, shareSentences };
  const extra = topUp(measureTokens - shareTokens, cap - shareSentences);
  return { text: concatCorpora([share, extra]), shareSentences };
}

/** The fewest leading sentences holding >= `tokens` tokens, at most `cap` (all of them if none do). */
function prefixReaching(text: TokenCorpus, tokens: number, cap: number): number {
  if (tokens <= 0) return 0;
  const sentences = Math.min(sentenceCount(text), cap);
  for (let s = 0; s < sentences; s++) if (text.offsets[s + 1]! >= tokens) return s + 1;
  return sentences;
}
