/**
 * A seeded synthetic corpus whose vocabulary grows as real text does, for the scaling table of
 * `npm run bench` (Brown repeated in shuffles keeps its 49,815 types and adds almost no new n-grams,
 * so its cost per token at 10M is an artifact).
 *
 * The process, token by token (one Int32Array, O(tokens), seeded by `seed`):
 * - a new word with probability dV/dn of Heaps' law V(n) = K n^beta (Heaps 1978; Herdan 1960),
 *   K = 11.5 and beta = 0.6, which gives 50.1k types at 1.16M tokens (Brown has 49.8k), about 182k at 10M
 *   and 725k at 100M;
 * - otherwise the text copies itself: a copy run starts at a uniformly random earlier position and
 *   continues for a geometric number of tokens (mean 3). Copying a uniformly random earlier token is
 *   preferential attachment (Simon 1955), which gives Zipf-like frequencies; copying runs gives the
 *   repeated bigrams and trigrams of real text (phrases), so n-gram models see repeated contexts.
 * Sentences: lengths drawn from a gamma distribution with shape 2 and mean 22.5 tokens (Brown: 51.6k
 * sentences of mean 22.5, long right tail), at least 1 token.
 * Ids start at 2 (ids 0 and 1 are `<s>` and `</s>` in the library's vocabulary).
 */

import seedrandom from 'seedrandom';

const HEAPS_K = 11.5;
const HEAPS_BETA = 0.6;
const MEAN_COPY = 3;
const MEAN_SENTENCE = 22.5;
const FIRST_TOKEN_ID = 2;

/** About `target` tokens of whole sentences; returns { ids, offsets, idSpace, types }. */
export function heapsCorpus(target, seed = 'heaps') {
  const random = seedrandom.alea(String(seed)); // alea: seedrandom's fastest generator
  const ids = new Int32Array(target);
  let types = 0;
  let copyFrom = -1;
  let copyLeft = 0;
  let newWordChance = 1;
  for (let i = 0; i < target; i++) {
    // dV/dn changes slowly: recomputed every 256 tokens.
    if ((i & 255) === 1) newWordChance = HEAPS_K * HEAPS_BETA * Math.pow(i, HEAPS_BETA - 1);
    const newWord = i === 0 || random() < newWordChance;
    if (newWord) {
      ids[i] = FIRST_TOKEN_ID + types++;
      copyLeft = 0;
      continue;
    }
    if (copyLeft === 0) {
      copyFrom = Math.floor(random() * i);
      copyLeft = 1 + Math.floor(Math.log(1 - random()) / Math.log(1 - 1 / MEAN_COPY));
    }
    ids[i] = ids[copyFrom++];
    copyLeft--;
  }
  const lengths = [];
  for (let total = 0; total < target; ) {
    const length = Math.min(target - total, Math.max(1, Math.round(gamma2(random) * (MEAN_SENTENCE / 2))));
    lengths.push(length);
    total += length;
  }
  const offsets = new Int32Array(lengths.length + 1);
  lengths.forEach((length, s) => {
    offsets[s + 1] = offsets[s] + length;
  });
  return { ids, offsets, idSpace: FIRST_TOKEN_ID + types, types };
}

/** A gamma(shape 2, scale 1) draw: the sum of two exponentials. */
function gamma2(random) {
  return -Math.log(1 - random()) - Math.log(1 - random());
}
