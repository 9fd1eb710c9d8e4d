/**
 * The holdout split of the README's "The loop": the seed corpus S is split once, by a seeded shuffle of its
 * sentences, into the human pool H and the held-out set E.
 *
 * Contract: E gets round(holdout * sentences) sentences; both parts keep the corpus order of their
 * sentences. The shuffle is seeded by (--seed, 'split') only, so every cell and replicate of a run
 * shares the same H and E. With nothing held out, H is the corpus object itself (no copy). Throws UsageError for a holdout outside [0, 1) or a seed that is not a whole
 * number >= 0, InputError when H would be empty or a holdout above 0 would hold out no sentence.
 * `learningOnHuman(tokenizer, split)` gives the loader's `subwordTraining` that learns `bpe:K`'s merges
 * on H, and nothing for any other tokenizer (which refuses the option).
 */

import { parseSubword } from '../corpus/subword/subwordNames.js';
import { corpusFromSentences, gatherSentences, sentenceCount, type TokenCorpus } from '../corpus/tokenCorpus.js';
import { InputError } from '../errors.js';
import { randomFor, shuffledIndexes } from '../random/random.js';
import { checkValue, integerRule } from '../validation/valueRule.js';
import { SHARED_RULES } from './validateSettings.js';
import { roundedCount } from './decimalCounts.js';

export interface HoldoutSplit {
  readonly human: TokenCorpus;
  readonly heldout: TokenCorpus;
}

export function splitHoldout(corpus: TokenCorpus, holdout: number, seed: number): HoldoutSplit {
  const inHuman = humanSentenceMask(sentenceCount(corpus), holdout, seed);
  // Nothing held out: H is the corpus itself, not a copy of it (the whole corpus's size less memory).
  if (inHuman.every((bit) => bit === 1)) return { human: corpus, heldout: corpusFromSentences([]) };
  const human: Array<[number, number]> = [];
  const heldout: Array<[number, number]> = [];
  for (let s = 0; s < inHuman.length; s++) (inHuman[s] === 1 ? human : heldout).push([0, s]);
  return { human: gatherSentences([corpus], human), heldout: gatherSentences([corpus], heldout) };
}

/**
 * The loader's option that learns a `bpe:K` tokenizer's merges on the sentences of H (`run`'s, a
 * recipe's, the playground's), and none for another tokenizer (default `wordpunct`), which does not
 * learn: loadCorpus refuses `subwordTraining` with it.
 */
export function learningOnHuman(
  tokenizer: string | undefined,
  split: { readonly holdout: number; readonly seed: number },
): { subwordTraining?: (sentences: number) => Uint8Array } {
  if (tokenizer === undefined || parseSubword(tokenizer)?.kind !== 'learned') return {};
  return { subwordTraining: (sentences) => humanSentenceMask(sentences, split.holdout, split.seed) };
}

/** The tokens of H, without building it (the --max-tokens guards know the batch size before the run is prepared). */
export function humanTokenCount(corpus: TokenCorpus, holdout: number, seed: number): number {
  const inHuman = humanSentenceMask(sentenceCount(corpus), holdout, seed);
  let tokens = 0;
  for (let s = 0; s < inHuman.length; s++) if (inHuman[s] === 1) tokens += corpus.offsets[s + 1]! - corpus.offsets[s]!;
  return tokens;
}

/**
 * A number of sentences: a whole number from 0 to 2^31 - 1 (the shuffle numbers them in an Int32Array,
 * as a TokenCorpus's offsets do: 2^32 - 1 was taken, and the indexes past 2^31 - 1 wrapped to negative
 * ones, which held out nothing: audit).
 */
const SENTENCE_COUNT = integerRule(0, 2 ** 31 - 1);

/**
 * Which of `sentences` sentences the split puts in H (1) rather than E (0): it depends on the number
 * of sentences, the share and the seed only, so it can be known before the corpus's tokens are final
 * (`bpe:K` learns its merges on H's words: LoadOptions.subwordTraining). Throws as splitHoldout, and a
 * UsageError for a number of sentences that is no whole number from 0 to 2^31 - 1.
 */
export function humanSentenceMask(sentences: number, holdout: number, seed: number): Uint8Array {
  // (a library entry since bpe:K's merges are learned on H through it: LoadOptions.subwordTraining)
  checkValue('sentences', sentences, SENTENCE_COUNT);
  checkValue('holdout', holdout, SHARED_RULES.holdout);
  checkValue('seed', seed, SHARED_RULES.seed);
  const heldoutCount = roundedCount(sentences, holdout);
  // (a corpus of no sentence was told to try --holdout 0 when that was the share given: audit of the library)
  if (sentences === 0) throw new InputError('the corpus has no sentence', 'pass a corpus of one sentence or more');
  // (one sentence cannot be split whatever the share)
  if (sentences - heldoutCount < 1 || (holdout > 0 && sentences < 2)) {
    throw new InputError(
      `the corpus has ${sentences} sentence(s), too few for a holdout share of ${holdout}`,
      'pass a larger corpus, or a holdout share of 0 (none held out, no held-out metrics)',
    );
  }
  // (a share too small to hold out one sentence was said to find the corpus too small: audit)
  if (holdout > 0 && heldoutCount < 1) {
    throw new InputError(
      `a holdout share of ${holdout} holds out none of the corpus's ${sentences} sentences (it rounds to 0)`,
      `pass a larger corpus, or a holdout share of at least ${leastShare(sentences)} (one held out) or of 0 (none held out, no held-out metrics)`,
    );
  }
  const inHuman = new Uint8Array(sentences).fill(1);
  const order = shuffledIndexes(randomFor([seed, 'split']), sentences);
  for (let i = 0; i < heldoutCount; i++) inHuman[order[i]!] = 0;
  return inHuman;
}

/**
 * The least share of 3 significant digits that holds out a sentence of `sentences` (round(share x
 * sentences) >= 1, computed as the split computes it: about half a sentence's share), written without
 * an exponent (0.0000005, not 5e-7). Found from a guess by whole steps of the third digit, so a guess
 * one step off in floating point (0.0501 for 10 sentences, where 0.05 holds one out: audit) is mended.
 */
function leastShare(sentences: number): string {
  const half = 0.5 / sentences;
  const exponent = Math.floor(Math.log10(half)) - 2;
  const share = (units: number): number => Number((units * 10 ** exponent).toPrecision(3));
  const holdsOne = (units: number): boolean => roundedCount(sentences, share(units)) >= 1;
  let units = Math.ceil(half / 10 ** exponent);
  while (units > 1 && holdsOne(units - 1)) units--;
  while (!holdsOne(units)) units++;
  return share(units).toFixed(Math.max(0, -exponent)).replace(/\.?0+$/u, '');
}
