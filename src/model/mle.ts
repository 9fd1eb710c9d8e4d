/**
 * MLE: the maximum-likelihood n-gram model, the classic setting for model collapse.
 *
 * P(w | h) = c(h w) / c(h), counted in the ARPA convention (one `<s>`, one `</s>` per sentence,
 * shorter histories at sentence start: for MLE the same as padding with n-1 `<s>`). A token absent from
 * the training data has probability 0, so once lost it is lost for good. For a history never seen in
 * training (only possible when scoring other text), the model uses the longest suffix of it that was
 * seen, down to the unigram distribution; so every history has a distribution that sums to 1.
 *
 * Training builds only the order-n transition table (what sampling needs); the lower orders are built
 * on the first `probability` call that needs them. `vocab: 'seed'` changes nothing for MLE: a
 * maximum-likelihood model cannot give mass to what it never saw.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { buildTransitionTable, PAD, type TransitionTable } from '../counts/transitionTable.js';
import { createTableSampler } from '../sampler/tableSampler.js';
import { FIRST_TOKEN_ID } from '../vocabulary/vocabulary.js';
import type { LanguageModel, ModelOptions, SamplingOptions, SentenceSampler } from './languageModel.js';

export function trainMle(corpus: TokenCorpus, options: ModelOptions): LanguageModel {
  return new MleModel(corpus, options);
}

class MleModel implements LanguageModel {
  readonly order: number;
  readonly smoothing = 'mle' as const;
  readonly idSpace: number;
  readonly discountFallback = false;
  readonly support: Int32Array;
  private readonly levels: Array<TransitionTable | undefined>;
  private readonly key: Int32Array;

  constructor(
    private readonly corpus: TokenCorpus,
    options: ModelOptions,
  ) {
    this.order = options.order;
    this.idSpace = options.idSpace;
    this.levels = new Array<TransitionTable | undefined>(options.order).fill(undefined);
    this.levels[options.order - 1] = buildTransitionTable(corpus, options.order - 1, options.idSpace);
    this.support = observedTypes(corpus, options.idSpace);
    this.key = new Int32Array(Math.max(1, options.order - 1));
  }

  createSampler(sampling: SamplingOptions): SentenceSampler {
    return createTableSampler(this.level(this.order - 1), sampling);
  }

  probability(history: Int32Array, start: number, end: number, token: number): number {
    for (let length = this.order - 1; length >= 0; length--) {
      const table = this.level(length);
      const context = table.contexts.find(this.historyKey(history, start, end, length), 0);
      if (context >= 0) return edgeCount(table, context, token) / table.contextTotal[context]!;
    }
    return 0;
  }

  /** The table for histories of `length` items, built on first use. */
  private level(length: number): TransitionTable {
    let table = this.levels[length];
    if (table === undefined) {
      table = buildTransitionTable(this.corpus, length, this.idSpace);
      this.levels[length] = table;
    }
    return table;
  }

  /** The last `length` items of the history, left-padded with PAD as the tables store them. */
  private historyKey(history: Int32Array, start: number, end: number, length: number): Int32Array {
    const available = Math.min(length, end - start);
    for (let i = 0; i < length - available; i++) this.key[i] = PAD;
    for (let i = 0; i < available; i++) this.key[length - available + i] = history[end - available + i]!;
    return this.key;
  }
}

/** Count of `token` after `context`, by binary search over the context's sorted edges. */
export function edgeCount(table: TransitionTable, context: number, token: number): number {
  let low = table.edgeStart[context]!;
  let high = table.edgeStart[context + 1]! - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = table.edgeToken[middle]!;
    if (found === token) return table.edgeCount[middle]!;
    if (found < token) low = middle + 1;
    else high = middle - 1;
  }
  return 0;
}

/** Ids of the real tokens that occur in `corpus`, ascending. O(tokens + idSpace). */
export function observedTypes(corpus: TokenCorpus, idSpace: number): Int32Array {
  const seen = new Uint8Array(idSpace);
  for (let i = 0; i < corpus.ids.length; i++) seen[corpus.ids[i]!] = 1;
  const types: number[] = [];
  for (let id = FIRST_TOKEN_ID; id < idSpace; id++) if (seen[id] === 1) types.push(id);
  return Int32Array.from(types);
}
