/**
 * InterpolatedModel: the interpolation recursion, written once (as NLTK's
 * `InterpolatedLanguageModel.unmasked_score`), for every smoothing of the form
 *
 *     P(w | h) = alpha(h w) + gamma(h) * P_lower(w | h)     (the interpolated form, Chen & Goodman 1998, TR-10-98 §3)
 *
 * where alpha(h w) is the share of the history's own estimate (0 when `h w` was never seen) and gamma(h) the
 * mass passed to the lower distribution. Each smoothing is an estimator (estimator.ts) whose one shared loop fills two tables over the nodes of an
 * NgramTrie: `alpha[x]` for a k-gram x = h w (as a continuation of its parent h) and `gamma[x]` for a node
 * seen as a history. The lower distribution is one of:
 *
 * - `suffix` (Witten–Bell, Kneser–Ney): P(w | h') for the history h' without its first word, recursively,
 *   down to the empty history (the root), whose lower distribution is the uniform one over the vocabulary.
 *   A history never seen in training is replaced by its longest seen suffix (it gets all of its mass from
 *   the lower orders: P(w | h) = P(w | h')).
 * - `uniform` (add-k): the uniform distribution directly; an unseen history gets the uniform distribution.
 *
 * The vocabulary V is the model's support plus `</s>`; uniform(w) = 1 / |V|. A token outside V (including
 * `<s>` and ids the model never heard of) has probability 0. For every history the probabilities over V
 * sum to 1 provided that, for each history node, gamma + sum of its children's alpha = 1 (the smoothing
 * files guarantee it; property-tested).
 *
 * Costs: `probability` O(n^2 log b) lookups; `fillDistribution` O(n |V|). Frozen after construction.
 */

import { childOf, findNode, hasChildren, longestSeenHistory, type NgramTrie } from '../counts/ngramTrie.js';
import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { BOS, EOS } from '../vocabulary/vocabulary.js';
import type { LanguageModel, SmoothingName } from './languageModel.js';

export type LowerDistribution = 'suffix' | 'uniform';

export interface InterpolationTables {
  readonly smoothing: SmoothingName;
  readonly trie: NgramTrie;
  /** Sorted real-token ids the model can emit (markers excluded). */
  readonly support: Int32Array;
  readonly alpha: Float64Array;
  readonly gamma: Float64Array;
  readonly lower: LowerDistribution;
  readonly discountFallback: boolean;
}

export class InterpolatedModel implements LanguageModel {
  readonly order: number;
  readonly smoothing: SmoothingName;
  readonly support: Int32Array;
  readonly idSpace: number;
  readonly discountFallback: boolean;
  readonly trie: NgramTrie;
  readonly alpha: Float64Array;
  readonly gamma: Float64Array;
  readonly lower: LowerDistribution;
  /** V = support plus `</s>`, sorted by id. */
  readonly outcomes: Int32Array;
  /** 1 for ids in V. */
  readonly inOutcomes: Uint8Array;
  /** 1 / |V|. */
  readonly uniform: number;
  /** cumulativeAlpha[x] = sum of alpha over x's siblings up to and including x (for mixture sampling). */
  readonly cumulativeAlpha: Float64Array;
  private readonly chain: Int32Array;

  constructor(tables: InterpolationTables) {
    this.trie = tables.trie;
    this.order = tables.trie.order;
    this.smoothing = tables.smoothing;
    this.support = tables.support;
    this.idSpace = tables.trie.idSpace;
    this.discountFallback = tables.discountFallback;
    this.alpha = tables.alpha;
    this.gamma = tables.gamma;
    this.lower = tables.lower;
    this.outcomes = new Int32Array(tables.support.length + 1);
    this.outcomes[0] = EOS;
    this.outcomes.set(tables.support, 1);
    this.inOutcomes = new Uint8Array(this.idSpace);
    for (const id of this.outcomes) this.inOutcomes[id] = 1;
    this.uniform = 1 / this.outcomes.length;
    this.cumulativeAlpha = new Float64Array(this.trie.nodeCount);
    // Stryker disable next-line EqualityOperator: equivalent, `x <= nodeCount` adds a node with no children
    for (let x = 0; x < this.trie.nodeCount; x++) {
      let sum = 0;
      // Stryker disable next-line EqualityOperator: equivalent, `c <= end` writes the next node's first child, which its own pass overwrites (or past the array)
      for (let c = this.trie.childStart[x]!; c < this.trie.childEnd[x]!; c++) {
        sum += this.alpha[c]!;
        this.cumulativeAlpha[c] = sum;
      }
    }
    this.chain = new Int32Array(this.order + 1);
    Object.freeze(this);
  }

  /**
   * The node whose distribution applies after `history[start..end)`: for `suffix` the longest seen
   * history suffix (at most n-1 items; the root if none); for `uniform` the node of exactly the last
   * min(n-1, length) items, or -1 when that history was never seen.
   */
  historyNode(history: ArrayLike<number>, start: number, end: number): number {
    const maxLength = this.order - 1;
    if (this.lower === 'suffix') return longestSeenHistory(this.trie, history, start, end, maxLength);
    const length = Math.min(maxLength, end - start);
    const node = findNode(this.trie, history, end - length, end);
    // Stryker disable next-line ConditionalExpression: equivalent, `node >= 0` -> true: hasChildren(-1) reads undefined > undefined, false
    return node >= 0 && hasChildren(this.trie, node) ? node : -1;
  }

  /**
   * historyNode(history, start, end), given `previous` = historyNode(history, start, end - 1): a
   * sampler moving one token at a time looks up one child instead of the whole history. The child
   * `history[end - 1]` of `previous` (of its suffix when `previous` is already n-1 items long) is the
   * answer when it has continuations: no longer suffix can be seen, since a seen history u w (one with
   * continuations) needs u seen, and `previous` is the longest seen suffix of the history before (for
   * `uniform`, exactly its node). Otherwise the whole look-up decides. Same result, always, for any
   * end - start >= 1 (the empty history's node is the root, or -1 when the model saw nothing).
   */
  nextHistoryNode(previous: number, history: ArrayLike<number>, start: number, end: number): number {
    const trie = this.trie;
    // Every mutant of this fast path that only misses it more often is equivalent (time only): the whole
    // look-up below gives the same node. The test checks the node it returns against historyNode.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: equivalent, time only (see above)
    if (previous >= 0) {
      // the child of an n-1-item node is an n-gram, which has no continuations: the whole look-up decides
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent, time only (see above)
      const base = previous >= trie.levelStart[this.order - 1]! ? trie.suffix[previous]! : previous;
      // Stryker disable next-line ConditionalExpression,EqualityOperator,UnaryOperator,ArithmeticOperator: equivalent, time only (see above; childOf of -1 or of an undefined word finds nothing)
      const child = base < 0 ? -1 : childOf(trie, base, history[end - 1]!);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, time only (see above; node 0 is the root, never a child)
      if (child >= 0 && hasChildren(trie, child)) return child;
    }
    return this.historyNode(history, start, end);
  }

  /** True when `token` is in V (support plus `</s>`). */
  isOutcome(token: number): boolean {
    return this.inOutcomes[token] === 1; // an id outside the id space reads undefined
  }

  probability(history: Int32Array, start: number, end: number, token: number): number {
    if (!this.isOutcome(token)) return 0;
    return this.probabilityAt(this.historyNode(history, start, end), token);
  }

  /**
   * P(token | history) of every prediction of `corpus` (each token, then `</s>`, sentence by sentence),
   * in text order: the values `probability` gives, bit for bit. The history's node moves one token at a
   * time (nextHistoryNode: one child looked up, not the whole history), as the sampler's does. A new
   * array. O(predictions * n log branching).
   */
  predictionProbabilities(corpus: TokenCorpus): Float64Array {
    const { ids, offsets } = corpus;
    const sentences = offsets.length - 1;
    const out = new Float64Array(ids.length + sentences);
    let longest = 0;
    // Stryker disable next-line ArithmeticOperator: equivalent, memory only: a longer buffer than the longest sentence needs
    for (let s = 0; s < sentences; s++) longest = Math.max(longest, offsets[s + 1]! - offsets[s]!);
    // `<s> w1 .. wj`: the history of prediction j
    const history = new Int32Array(longest + 1);
    history[0] = BOS;
    const start = this.historyNode(history, 0, 1);
    let p = 0;
    // Stryker disable next-line EqualityOperator: equivalent, a sentence past the last has an undefined length: no prediction
    for (let s = 0; s < sentences; s++) {
      const from = offsets[s]!;
      const length = offsets[s + 1]! - from;
      let node = start;
      for (let j = 0; j <= length; j++, p++) {
        if (j > 0) {
          history[j] = ids[from + j - 1]!;
          node = this.nextHistoryNode(node, history, 0, j + 1);
        }
        const token = j < length ? ids[from + j]! : EOS;
        out[p] = this.isOutcome(token) ? this.probabilityAt(node, token) : 0;
      }
    }
    return out;
  }

  /** P(token | history) given the history's node (from `historyNode`); token must be in V. */
  probabilityAt(node: number, token: number): number {
    const depth = this.collectChain(node);
    let p = this.uniform;
    for (let i = depth - 1; i >= 0; i--) {
      const x = this.chain[i]!;
      const child = childOf(this.trie, x, token);
      // Stryker disable next-line EqualityOperator: equivalent, `child > 0`: node 0 is the root, never a child
      p = (child >= 0 ? this.alpha[child]! : 0) + this.gamma[x]! * p;
    }
    // (a sum of rounded terms can come out 1 ulp above 1 where one outcome holds all the mass: add-k on
    // two empty sentences, 2/2.01 + 0.01/2.01; the exact value is at most 1: library audit)
    return p > 1 ? 1 : p;
  }

  /**
   * Writes P(w | history node) for every w in V into `out[w]` (a dense array over the id space; other
   * entries are set to 0). O(n |V| + children).
   */
  fillDistribution(node: number, out: Float64Array): void {
    out.fill(0);
    for (const id of this.outcomes) out[id] = this.uniform;
    const depth = this.collectChain(node);
    for (let i = depth - 1; i >= 0; i--) {
      const x = this.chain[i]!;
      const g = this.gamma[x]!;
      for (const id of this.outcomes) out[id] = (out[id] ?? 0) * g;
      for (let c = this.trie.childStart[x]!; c < this.trie.childEnd[x]!; c++) {
        const word = this.trie.word[c]!;
        out[word] = (out[word] ?? 0) + this.alpha[c]!;
      }
    }
    // (as probabilityAt: no value above 1)
    for (const id of this.outcomes) if (out[id]! > 1) out[id] = 1;
  }

  /**
   * The back-off weight of a history node in ARPA terms: with `suffix` interpolation, P(w | h) =
   * gamma(h) P(w | h') for every w never seen after h, so the ARPA back-off weight is exactly gamma(h).
   * Undefined (returns NaN) for `uniform` models, which are not back-off models.
   */
  backoffWeight(node: number): number {
    return this.lower === 'suffix' ? this.gamma[node]! : Number.NaN;
  }

  /** Fills `chain` with node, its suffix, ..., the root (for `suffix`), or just node; returns the length. */
  private collectChain(node: number): number {
    if (node < 0) return 0;
    let depth = 0;
    if (this.lower === 'uniform') {
      this.chain[depth++] = node;
      return depth;
    }
    for (let x = node; x > 0; x = this.trie.suffix[x]!) this.chain[depth++] = x;
    this.chain[depth++] = 0;
    return depth;
  }
}

/**
 * The support of a model: for `observed` the real tokens that occur in the training counts; for `seed`
 * those plus `seedTypes`. Sorted ascending. O(idSpace).
 */
export function modelSupport(trie: NgramTrie, vocab: 'observed' | 'seed', seedTypes?: Int32Array): Int32Array {
  const present = new Uint8Array(trie.idSpace);
  // Stryker disable next-line EqualityOperator: equivalent, `x <= end` adds the first bigram's last word, which follows <s> and so is a unigram too
  for (let x = trie.levelStart[1]!; x < trie.levelStart[2]!; x++) present[trie.word[x]!] = 1;
  if (vocab === 'seed' && seedTypes !== undefined) for (const id of seedTypes) present[id] = 1;
  const ids: number[] = [];
  // Stryker disable next-line EqualityOperator: equivalent, `id <= idSpace` reads past the typed array (undefined)
  for (let id = 2; id < trie.idSpace; id++) if (present[id] === 1) ids.push(id);
  return Int32Array.from(ids);
}
