/**
 * Add-k (Lidstone) smoothing (Lidstone 1920; Chen & Goodman 1998, TR-10-98 §2.1 "additive smoothing"):
 *
 *     P(w | h) = ( c(h w) + k ) / ( c(h) + k |V| )
 *
 * for the history h of the last min(n-1, available) items (ARPA convention: at a sentence start the history
 * is the shorter `<s> ...`, counted at its own order), c(h) = sum_w c(h w), V = support plus `</s>`. A history
 * never seen in training gets c(h) = 0, i.e. the uniform distribution 1/|V| (the textbook definition: add-k
 * does not back off). k = 1 is Laplace. In the tables of interpolated.ts: alpha(h w) = c(h w) / (c(h) + k|V|),
 * gamma(h) = k|V| / (c(h) + k|V|), lower distribution uniform.
 *
 * With `vocab: 'seed'` every seed type keeps probability >= k / (c(h) + k|V|) > 0: the "prior".
 * Add-k is not a back-off model, so it has no exact ARPA form (arpa.ts refuses it).
 *
 * @throws UsageError when k is not a positive finite number.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { buildNgramTrie } from '../counts/ngramTrie.js';
import { UsageError } from '../errors.js';
import { BOS } from '../vocabulary/vocabulary.js';
import { InterpolatedModel, modelSupport } from './interpolated.js';
import type { LanguageModel, ModelOptions } from './languageModel.js';

export function trainAddK(corpus: TokenCorpus, options: ModelOptions): LanguageModel {
  const k = options.k;
  if (!(Number.isFinite(k) && k > 0)) {
    throw new UsageError(`add-k needs k > 0, got ${k}`, 'pass --k with a positive number such as 0.01 or 1');
  }
  const trie = buildNgramTrie(corpus, options.order, options.idSpace);
  const support = modelSupport(trie, options.vocab, options.seedTypes);
  const pseudo = k * (support.length + 1);
  const alpha = new Float64Array(trie.nodeCount);
  const gamma = new Float64Array(trie.nodeCount);
  for (let h = 0; h < trie.levelStart[trie.order]!; h++) {
    let total = 0;
    for (let c = trie.childStart[h]!; c < trie.childEnd[h]!; c++) {
      if (h === 0 && trie.word[c] === BOS) continue; // <s> is never predicted
      total += trie.count[c]!;
    }
    const denominator = total + pseudo;
    gamma[h] = pseudo / denominator;
    for (let c = trie.childStart[h]!; c < trie.childEnd[h]!; c++) {
      if (h === 0 && trie.word[c] === BOS) continue;
      alpha[c] = trie.count[c]! / denominator;
    }
  }
  return new InterpolatedModel({
    smoothing: 'add-k',
    trie,
    support,
    alpha,
    gamma,
    lower: 'uniform',
    discountFallback: false,
  });
}
