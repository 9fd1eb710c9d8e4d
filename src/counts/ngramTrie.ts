/**
 * NgramTrie: every k-gram count (k = 1..n) of a TokenCorpus, built once and frozen.
 *
 * Contract (ARPA convention, as SRILM and KenLM): each sentence is read as `<s> w1 .. wm </s>` with exactly
 * one `<s>` and one `</s>`; k-grams never cross a sentence boundary. Every distinct k-gram is a node:
 *
 * - node 0 is the root (the empty k-gram, order 0); the nodes of order k are numbered after those of order
 *   k-1, and the children of a node (its one-word right extensions) are contiguous and sorted by word id,
 *   so `childStart[x] .. childEnd[x]` is a node range and child lookup is a binary search.
 * - `count[x]` is the raw count of the k-gram; `suffix[x]` is the node of the k-gram without its first word
 *   (the back-off node; the root for unigrams); `continuation[x]` is N1+(• x), the number of distinct words
 *   seen right before it (Kneser & Ney 1995; Chen & Goodman 1998 §2.7), i.e. the number of (k+1)-gram nodes
 *   whose suffix is x. Continuation counts of order-n nodes are 0 (no (n+1)-grams are stored).
 * - `beginsWithBos[x]` is 1 when the k-gram's first word is `<s>`.
 * - `countsOfCounts[k][r]`, r = 0..4, is the number of k-grams with raw count r (r = 4 means 4 exactly;
 *   index 0 is unused and stays 0). The smoothing estimators compute their own counts-of-counts of
 *   adjusted counts from `count` and `continuation`.
 *
 * Building costs O(T + V + nodes) per order for T padded tokens: the k-grams' start positions are put
 * in the order of their nodes, (parent node, last word), by two stable counting sorts (by word, then by
 * parent: a radix sort), so each k-gram's node is read off its run, with no comparison sort and no
 * search per position. Lookups cost O(n log b) for branching b (O(1) for a unigram: `unigramNode`).
 * Nothing is mutated after `buildNgramTrie` returns.
 */

import { runningStarts } from './countingOrder.js';
import { indexInSortedRange } from './sortedSearch.js';
import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { BOS, EOS } from '../vocabulary/vocabulary.js';

export interface NgramTrie {
  /** Highest order stored (n). */
  readonly order: number;
  /** Size of the id space the counts were built for (ids are < idSpace). */
  readonly idSpace: number;
  /** Number of nodes, the root included. */
  readonly nodeCount: number;
  /** Nodes of order k are `levelStart[k] .. levelStart[k+1]`; levelStart[0] = 0 (the root). Length n+2. */
  readonly levelStart: Int32Array;
  readonly word: Int32Array;
  readonly parent: Int32Array;
  readonly suffix: Int32Array;
  readonly count: Float64Array;
  readonly continuation: Float64Array;
  readonly beginsWithBos: Uint8Array;
  readonly childStart: Int32Array;
  readonly childEnd: Int32Array;
  /** The root's child (unigram node) of each id, -1 for an id never counted: one read instead of a search over up to |V| children. */
  readonly unigramNode: Int32Array;
  /** countsOfCounts[k][r] for k = 1..n (index 0 unused), r = 0..4. */
  readonly countsOfCounts: ReadonlyArray<Float64Array>;
  /** Number of sentences and of real tokens counted. */
  readonly sentences: number;
  readonly tokens: number;
}

const ROOT = 0;

/** The node of `word` right after node `node`, or -1. O(log branching); O(1) from the root. */
export function childOf(trie: NgramTrie, node: number, word: number): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: equivalent, time only: a search of the root's children finds the same node
  if (node === ROOT) {
    // an id outside the id space reads undefined: no such child
    const unigram = trie.unigramNode[word];
    return unigram === undefined ? -1 : unigram;
  }
  return indexInSortedRange(trie.word, trie.childStart[node]!, trie.childEnd[node]!, word);
}

/** The node of the k-gram `ids[start..end)`, or -1 if it was never seen. O(k log branching). */
export function findNode(trie: NgramTrie, ids: ArrayLike<number>, start: number, end: number): number {
  let node = ROOT;
  for (let i = start; i < end && node >= 0; i++) node = childOf(trie, node, ids[i]!);
  return node;
}

/** Order (length) of a node. O(log n). */
export function orderOf(trie: NgramTrie, node: number): number {
  let k = 0;
  while (node >= trie.levelStart[k + 1]!) k++;
  return k;
}

/** True when the node has at least one right extension (it can serve as a history). */
export function hasChildren(trie: NgramTrie, node: number): boolean {
  return trie.childEnd[node]! > trie.childStart[node]!;
}

/**
 * The longest suffix of `history[start..end)`, at most `maxLength` items long, that was seen as a history
 * (a node with right extensions); the root when none was. O(maxLength^2 log branching).
 */
export function longestSeenHistory(
  trie: NgramTrie,
  history: ArrayLike<number>,
  start: number,
  end: number,
  maxLength: number,
): number {
  for (let length = Math.min(maxLength, end - start); length > 0; length--) {
    const node = findNode(trie, history, end - length, end);
    if (node >= 0 && hasChildren(trie, node)) return node;
  }
  return ROOT;
}

/** Builds the counts of all k-grams, k = 1..order, of `corpus`. */
export function buildNgramTrie(corpus: TokenCorpus, order: number, idSpace: number): NgramTrie {
  if (!Number.isInteger(order) || order < 1) throw new RangeError(`order must be an integer >= 1, got ${order}`);
  const sentences = corpus.offsets.length - 1;
  const padded = new Int32Array(corpus.ids.length + 2 * sentences);
  const sentenceEnd = new Int32Array(padded.length);
  let at = 0;
  for (let s = 0; s < sentences; s++) {
    const from = at;
    padded[at++] = BOS;
    for (let i = corpus.offsets[s]!; i < corpus.offsets[s + 1]!; i++) padded[at++] = corpus.ids[i]!;
    padded[at++] = EOS;
    sentenceEnd.fill(at, from, at);
  }

  // Per level: parent node (the k-gram without its last word), last word, suffix node and count.
  const words: Int32Array[] = [new Int32Array([-1])];
  const parents: Int32Array[] = [new Int32Array([-1])];
  const suffixes: Int32Array[] = [new Int32Array([-1])];
  const counts: Float64Array[] = [new Float64Array([padded.length])];
  const levelStart = new Int32Array(order + 2);
  levelStart[1] = 1;

  // nodeAt[pos] = node of the (k-1)-gram starting at pos, or -1 when it would cross the sentence end
  // (then so would the k-gram there, which is skipped).
  let nodeAt = new Int32Array(padded.length); // order 0: the root everywhere
  // Columns of the k-grams as they are sorted: start position and parent node, then the last word
  // once it is no longer implied by a bucket.
  const column = (): Int32Array => new Int32Array(padded.length);
  const [byWordAt, byWordParent, sortedAt, sortedWord] = [column(), column(), column(), column()];
  const wordStart = new Int32Array(idSpace + 1);
  const wordFill = new Int32Array(idSpace);
  for (let k = 1; k <= order; k++) {
    // A stable counting sort of the k-grams by last word, then one by parent (the level above's nodes,
    // parentFirst .. of that level; the root for unigrams): a radix sort into the order of the level's
    // node numbers, (parent node, last word). Each pass reads its input in order and carries the
    // columns along (the sorted-by key is the bucket walked); only a new node reads its suffix at random.
    // (a histogram from a lower first node, or a longer one, only has more empty buckets)
    // Stryker disable next-line ArithmeticOperator: equivalent, see above
    const parentFirst = levelStart[k - 1]!;
    // Stryker disable next-line ArithmeticOperator: equivalent, see above
    const parentStart = new Int32Array(levelStart[k]! - parentFirst + 1);
    wordStart.fill(0);
    let grams = 0;
    // (past the text, bounds read undefined: buckets NaN, nowhere; `grams` only sizes arrays cut to the nodes)
    // Stryker disable next-line ArithmeticOperator: equivalent, see above
    for (let pos = 0; pos + k <= padded.length; pos++) {
      if (pos + k > sentenceEnd[pos]!) continue;
      wordStart[padded[pos + k - 1]! + 1]!++;
      parentStart[nodeAt[pos]! - parentFirst + 1]!++;
      grams++;
    }
    runningStarts(wordStart);
    runningStarts(parentStart);
    wordFill.set(wordStart.subarray(0, idSpace));
    // Stryker disable next-line ArithmeticOperator: equivalent, see above
    for (let pos = 0; pos + k <= padded.length; pos++) {
      if (pos + k > sentenceEnd[pos]!) continue;
      const at = wordFill[padded[pos + k - 1]!]!++;
      byWordAt[at] = pos;
      byWordParent[at] = nodeAt[pos]!;
    }
    // Stryker disable next-line ArithmeticOperator: equivalent, a longer copy has one more bucket, never filled
    const parentFill = parentStart.slice(0, parentStart.length - 1);
    // Stryker disable next-line EqualityOperator: equivalent, word idSpace has undefined bounds: no pass
    for (let word = 0; word < idSpace; word++) {
      for (let i = wordStart[word]!; i < wordStart[word + 1]!; i++) {
        const at = parentFill[byWordParent[i]! - parentFirst]!++;
        sortedAt[at] = byWordAt[i]!;
        sortedWord[at] = word;
      }
    }
    // Each run of equal (parent, word) is one node, numbered in that order.
    const first = levelStart[k]!;
    const levelWord = new Int32Array(grams);
    const levelParent = new Int32Array(grams);
    const levelSuffix = new Int32Array(grams);
    const levelCount = new Float64Array(grams);
    // (a position without a k-gram is never read: the (k+1)-gram there is skipped)
    // Stryker disable next-line UnaryOperator: equivalent, see above
    const nextNodeAt = new Int32Array(padded.length).fill(-1);
    let index = -1;
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: equivalent, a parent past the last has undefined bounds: no pass
    for (let parent = 0; parent + 1 < parentStart.length; parent++) {
      for (let i = parentStart[parent]!; i < parentStart[parent + 1]!; i++) {
        if (i === parentStart[parent] || sortedWord[i] !== sortedWord[i - 1]) {
          index++;
          levelParent[index] = parentFirst + parent;
          levelWord[index] = sortedWord[i]!;
          // The suffix of the k-gram at pos is the (k-1)-gram at pos+1 (the root for unigrams: order 0's
          // nodeAt is 0 everywhere, and past its end undefined, stored as 0).
          levelSuffix[index] = nodeAt[sortedAt[i]! + 1]!;
        }
        levelCount[index]!++;
        nextNodeAt[sortedAt[i]!] = first + index;
      }
    }
    const distinct = index + 1;
    levelStart[k + 1] = first + distinct;
    words.push(levelWord.subarray(0, distinct));
    parents.push(levelParent.subarray(0, distinct));
    suffixes.push(levelSuffix.subarray(0, distinct));
    counts.push(levelCount.subarray(0, distinct));
    nodeAt = nextNodeAt;
  }

  const nodeCount = levelStart[order + 1]!;
  const word = concatInt(words, nodeCount);
  const parent = concatInt(parents, nodeCount);
  const suffix = concatInt(suffixes, nodeCount);
  const count = new Float64Array(nodeCount);
  counts.forEach((part, k) => count.set(part, levelStart[k]!));
  count[ROOT] = corpus.ids.length + sentences; // predicted items: tokens and one </s> per sentence

  const childStart = new Int32Array(nodeCount);
  const childEnd = new Int32Array(nodeCount);
  for (let x = nodeCount - 1; x >= 1; x--) {
    const p = parent[x]!;
    childStart[p] = x;
    if (childEnd[p] === 0) childEnd[p] = x + 1;
  }

  const unigramNode = new Int32Array(idSpace).fill(-1);
  for (let x = levelStart[1]!; x < levelStart[2]!; x++) unigramNode[word[x]!] = x;

  const continuation = new Float64Array(nodeCount);
  for (let x = levelStart[2]!; x < nodeCount; x++) continuation[suffix[x]!]!++;
  continuation[ROOT] = 0;

  const beginsWithBos = new Uint8Array(nodeCount);
  for (let x = 1; x < nodeCount; x++) {
    beginsWithBos[x] = x < levelStart[2]! ? (word[x] === BOS ? 1 : 0) : beginsWithBos[parent[x]!]!;
  }

  const countsOfCounts: Float64Array[] = [new Float64Array(5)];
  for (let k = 1; k <= order; k++) {
    const table = new Float64Array(5);
    for (let x = levelStart[k]!; x < levelStart[k + 1]!; x++) if (count[x]! <= 4) table[count[x]!]!++;
    countsOfCounts.push(table);
  }

  return Object.freeze({
    order,
    idSpace,
    nodeCount,
    levelStart,
    word,
    parent,
    suffix,
    count,
    continuation,
    beginsWithBos,
    childStart,
    childEnd,
    unigramNode,
    countsOfCounts,
    sentences,
    tokens: corpus.ids.length,
  });
}

function concatInt(parts: Int32Array[], total: number): Int32Array {
  const out = new Int32Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
