/**
 * syntheticText: the synthetic share of a batch, sampled sentence by sentence from a model.
 *
 * Contract (the README's "The loop"): sentences are drawn from `<s>` until `</s>` or `maxSentenceLength`
 * tokens, until the text holds at least `target` tokens (boundary markers not counted). A model
 * that keeps producing empty sentences cannot loop forever: at most `sentenceCap` sentences are
 * drawn (default max(target, 1)), and the caller is told through `exhausted`. The token buffer is
 * sized once (target + maxSentenceLength), the sentence table grows by doubling; no per-token allocation.
 * The text's ids are a view of that buffer (at most maxSentenceLength ids unused past its end), not
 * a copy of a reused one: the text is the generation's largest array, and a reused buffer would stay in
 * memory beside every text (38 MB at 10M tokens per generation). An exhausted text is copied to its size.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { scratchInts } from '../counts/scratchBuffers.js';
import type { RandomSource } from '../random/random.js';
import type { SentenceSampler } from '../sampler/sampling.js';

export interface SyntheticText {
  readonly text: TokenCorpus;
  /** True if the sentence cap stopped sampling before the target was reached. */
  readonly exhausted: boolean;
}

export function syntheticText(
  sampler: SentenceSampler,
  target: number,
  maxSentenceLength: number,
  random: RandomSource,
  sentenceCap = Math.max(target, 1),
): SyntheticText {
  // `ids` never needs to grow: a sentence is drawn only while tokens < target, and adds at most
  // maxSentenceLength. The sentence table is a reused buffer, copied at the end (it is small).
  const ids = new Int32Array(target + maxSentenceLength);
  // Stryker disable next-line StringLiteral,MethodExpression,ArithmeticOperator: equivalent, the start size of a buffer that grows on demand (below)
  let offsets: Int32Array = scratchInts('synthetic.offsets', Math.max(1024, (target >> 3) + 2));
  offsets[0] = 0;
  let tokens = 0;
  let sentences = 0;
  while (tokens < target && sentences < sentenceCap) {
    tokens += sampler.sample(random, maxSentenceLength, ids, tokens);
    sentences++;
    // Stryker disable next-line EqualityOperator: equivalent, `>=` only grows the buffer one sentence earlier
    if (sentences + 1 > offsets.length) offsets = grow(offsets, offsets.length * 2);
    offsets[sentences] = tokens;
  }
  return {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, memory and time only: a copy holds the same ids (the test checks an exhausted text is copied)
    text: { ids: tokens < target ? ids.slice(0, tokens) : ids.subarray(0, tokens), offsets: offsets.slice(0, sentences + 1) },
    exhausted: tokens < target,
  };
}

function grow(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}
