/**
 * Interpolated Witten–Bell smoothing (Witten & Bell 1991; interpolated form as Chen & Goodman 1998,
 * TR-10-98 §2.5, also SRILM's `-wbdiscount -interpolate`):
 *
 *     P_WB(w | h) = [ c(h w) + N1+(h •) P_WB(w | h') ] / [ c(h) + N1+(h •) ]
 *
 * with raw counts c at every order, c(h) = sum_w c(h w), N1+(h •) the number of distinct words seen after h,
 * h' the history without its first word, and at the bottom the empty history interpolated with the
 * uniform distribution over V = support plus `</s>` (P_WB(w | h') := 1 / |V| below the unigrams).
 * In the tables of interpolated.ts: alpha(h w) = c(h w) / (c(h) + N1+(h •)), gamma(h) = N1+(h •) / (c(h) +
 * N1+(h •)). The empty history counts every predicted item (tokens and `</s>`), never `<s>`.
 * With `vocab: 'seed'`, seed types absent from the training text keep gamma(root) / |V| > 0.
 *
 * Trains in O(nodes) after counting. Contract: see languageModel.ts.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { buildNgramTrie } from '../counts/ngramTrie.js';
import { BOS } from '../vocabulary/vocabulary.js';
import { InterpolatedModel, modelSupport } from './interpolated.js';
import type { LanguageModel, ModelOptions } from './languageModel.js';

export function trainWittenBell(corpus: TokenCorpus, options: ModelOptions): LanguageModel {
  const trie = buildNgramTrie(corpus, options.order, options.idSpace);
  const alpha = new Float64Array(trie.nodeCount);
  const gamma = new Float64Array(trie.nodeCount);
  for (let h = 0; h < trie.levelStart[trie.order]!; h++) {
    let total = 0;
    let distinct = 0;
    for (let c = trie.childStart[h]!; c < trie.childEnd[h]!; c++) {
      if (h === 0 && trie.word[c] === BOS) continue; // <s> is never predicted
      total += trie.count[c]!;
      distinct++;
    }
    if (total === 0) {
      gamma[h] = 1;
      continue;
    }
    const denominator = total + distinct;
    gamma[h] = distinct / denominator;
    for (let c = trie.childStart[h]!; c < trie.childEnd[h]!; c++) {
      if (h === 0 && trie.word[c] === BOS) continue;
      alpha[c] = trie.count[c]! / denominator;
    }
  }
  return new InterpolatedModel({
    smoothing: 'witten-bell',
    trie,
    support: modelSupport(trie, options.vocab, options.seedTypes),
    alpha,
    gamma,
    lower: 'suffix',
    discountFallback: false,
  });
}
