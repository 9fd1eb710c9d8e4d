/**
 * The holdout split of SPEC section 2: the seed corpus S is split once, by a seeded shuffle of its
 * sentences, into the human pool H and the held-out set E.
 *
 * Contract: E gets round(holdout * sentences) sentences; both parts keep the corpus order of their
 * sentences. The shuffle is seeded by (--seed, 'split') only, so every cell and replicate of a run
 * shares the same H and E. Throws InputError when H would be empty.
 */

import { gatherSentences, sentenceCount, type TokenCorpus } from '../corpus/tokenCorpus.js';
import { InputError } from '../errors.js';
import { randomFor, shuffledIndexes } from '../random/random.js';

export interface HoldoutSplit {
  readonly human: TokenCorpus;
  readonly heldout: TokenCorpus;
}

export function splitHoldout(corpus: TokenCorpus, holdout: number, seed: number): HoldoutSplit {
  const sentences = sentenceCount(corpus);
  const heldoutCount = Math.round(holdout * sentences);
  if (sentences - heldoutCount < 1 || (holdout > 0 && heldoutCount < 1)) {
    throw new InputError(
      `the corpus has ${sentences} sentence(s), too few for a holdout share of ${holdout}`,
      'pass a larger corpus, or --holdout 0 to disable held-out metrics',
    );
  }
  const inHeldout = new Uint8Array(sentences);
  const order = shuffledIndexes(randomFor([seed, 'split']), sentences);
  for (let i = 0; i < heldoutCount; i++) inHeldout[order[i]!] = 1;
  const human: Array<[number, number]> = [];
  const heldout: Array<[number, number]> = [];
  for (let s = 0; s < sentences; s++) (inHeldout[s] === 1 ? heldout : human).push([0, s]);
  return { human: gatherSentences([corpus], human), heldout: gatherSentences([corpus], heldout) };
}
