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
 * The smoothing estimators compute the counts-of-counts they need (of adjusted counts) from `count`
 * and `continuation`.
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
  // Stryker disable next-line ConditionalExpression: equivalent, time only: a search from node -1 has no bounds and gives -1 again
  for (let i = start; i < end && node >= 0; i++) node = childOf(trie, node, ids[i]!);
  return node;
}

/** Order (length) of a node: a scan of the levels, O(n) for order n. */
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
  // Stryker disable next-line EqualityOperator: equivalent, length 0 finds the root, which is the answer after the loop too
  for (let length = Math.min(maxLength, end - start); length > 0; length--) {
    const node = findNode(trie, history, end - length, end);
    // (node -1 has no bounds, so no children; node 0, the root, is what the loop ends with anyway)
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, see above
    if (node >= 0 && hasChildren(trie, node)) return node;
  }
  return ROOT;
}

/** Builds the counts of all k-grams, k = 1..order, of `corpus`. */
export function buildNgramTrie(corpus: TokenCorpus, order: number, idSpace: number): NgramTrie {
  if (!Number.isInteger(order) || order < 1) throw new RangeError(`order must be an integer >= 1, got ${order}`);
  const sentences = corpus.offsets.length - 1;
  const levels = countLevels(paddedText(corpus), order, idSpace);
  const { levelStart } = levels;
  const nodeCount = levelStart[order + 1]!;
  const word = concatInt(levels.words, nodeCount);
  const parent = concatInt(levels.parents, nodeCount);
  const suffix = concatInt(levels.suffixes, nodeCount);
  const count = new Float64Array(nodeCount);
  levels.counts.forEach((part, k) => count.set(part, levelStart[k]!));
  count[ROOT] = corpus.ids.length + sentences; // predicted items: tokens and one </s> per sentence
  return Object.freeze({
    order,
    idSpace,
    nodeCount,
    levelStart,
    word,
    parent,
    suffix,
    count,
    continuation: continuationCounts(suffix, levelStart),
    beginsWithBos: bosFlags(word, parent, levelStart),
    ...childRanges(parent),
    unigramNode: unigramNodes(word, levelStart, idSpace),
    sentences,
    tokens: corpus.ids.length,
  });
}

/** The corpus as `<s> w1 .. wm </s>` per sentence, and for each position the end of its sentence. */
interface PaddedText {
  readonly padded: Int32Array;
  readonly sentenceEnd: Int32Array;
}

function paddedText(corpus: TokenCorpus): PaddedText {
  const sentences = corpus.offsets.length - 1;
  const padded = new Int32Array(corpus.ids.length + 2 * sentences);
  const sentenceEnd = new Int32Array(padded.length);
  let at = 0;
  // Stryker disable next-line EqualityOperator: equivalent, sentence `sentences` has no bounds: its writes land past the arrays' ends, which typed arrays ignore
  for (let s = 0; s < sentences; s++) {
    const from = at;
    padded[at++] = BOS;
    for (let i = corpus.offsets[s]!; i < corpus.offsets[s + 1]!; i++) padded[at++] = corpus.ids[i]!;
    padded[at++] = EOS;
    sentenceEnd.fill(at, from, at);
  }
  return { padded, sentenceEnd };
}

/** Per level k = 0..order: the nodes' last word, parent, suffix and count; and where each level starts. */
interface Levels {
  readonly levelStart: Int32Array;
  readonly words: Int32Array[];
  readonly parents: Int32Array[];
  readonly suffixes: Int32Array[];
  readonly counts: Float64Array[];
}

/** The reusable columns of one level's radix sort (one entry per position of the padded text). */
interface SortColumns {
  readonly byWordAt: Int32Array;
  readonly byWordParent: Int32Array;
  readonly sortedAt: Int32Array;
  readonly sortedWord: Int32Array;
  readonly wordStart: Int32Array;
  readonly wordFill: Int32Array;
}

/** The nodes of every level, 0 (the root) to `order`, each level numbered after the one before. */
function countLevels(text: PaddedText, order: number, idSpace: number): Levels {
  const length = text.padded.length;
  // Level 0 is the root: no word, parent or suffix (-1); its count is set once the levels are joined.
  const levels = { levelStart: new Int32Array(order + 2), words: [new Int32Array([-1])], parents: [new Int32Array([-1])], suffixes: [new Int32Array([-1])], counts: [new Float64Array(1)] };
  levels.levelStart[1] = 1;
  // Columns of the k-grams as they are sorted: start position and parent node, then the last word
  // once it is no longer implied by a bucket.
  const column = (): Int32Array => new Int32Array(length);
  const columns: SortColumns = { byWordAt: column(), byWordParent: column(), sortedAt: column(), sortedWord: column(), wordStart: new Int32Array(idSpace + 1), wordFill: new Int32Array(idSpace) };
  // nodeAt[pos] = node of the (k-1)-gram starting at pos, or -1 when it would cross the sentence end
  // (then so would the k-gram there, which is skipped).
  let nodeAt: Int32Array = new Int32Array(length); // order 0: the root everywhere
  for (let k = 1; k <= order; k++) nodeAt = countLevel(text, k, nodeAt, levels, columns, idSpace);
  return levels;
}

/**
 * Level k: its k-grams sorted into the order of the level's node numbers (sortLevel), then each run of
 * equal (parent, word) made one node. Appends the level to `levels`; returns the node of the k-gram at
 * each position (-1: none).
 */
function countLevel(text: PaddedText, k: number, nodeAt: Int32Array, levels: Levels, columns: SortColumns, idSpace: number): Int32Array {
  const { levelStart } = levels;
  const { sortedAt, sortedWord } = columns;
  // Stryker disable next-line ArithmeticOperator: equivalent, a histogram from a lower first node only has more empty buckets
  const parentFirst = levelStart[k - 1]!;
  const { parentStart, grams } = sortLevel(text, k, nodeAt, parentFirst, levelStart[k]!, columns, idSpace);
  // Each run of equal (parent, word) is one node, numbered in that order.
  const first = levelStart[k]!;
  const levelWord = new Int32Array(grams);
  const levelParent = new Int32Array(grams);
  const levelSuffix = new Int32Array(grams);
  const levelCount = new Float64Array(grams);
  // (a position without a k-gram is never read: the (k+1)-gram there is skipped)
  // Stryker disable next-line UnaryOperator: equivalent, see above
  const nextNodeAt = new Int32Array(text.padded.length).fill(-1);
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
  levels.words.push(levelWord.subarray(0, distinct));
  levels.parents.push(levelParent.subarray(0, distinct));
  levels.suffixes.push(levelSuffix.subarray(0, distinct));
  levels.counts.push(levelCount.subarray(0, distinct));
  return nextNodeAt;
}

/**
 * The k-grams of the text (those within a sentence) in `columns.sortedAt` (start position) and
 * `sortedWord` (last word), ordered by (parent node, last word): a stable counting sort by last word,
 * then one by parent (the nodes parentFirst .. parentEnd of the level above; the root for unigrams), a
 * radix sort. Each pass reads its input in order and carries the columns along (the sorted-by key is
 * the bucket walked). Returns where each parent's k-grams start and how many k-grams there are.
 */
function sortLevel(text: PaddedText, k: number, nodeAt: Int32Array, parentFirst: number, parentEnd: number, columns: SortColumns, idSpace: number): { parentStart: Int32Array; grams: number } {
  const { padded, sentenceEnd } = text;
  const { byWordAt, byWordParent, sortedAt, sortedWord, wordStart, wordFill } = columns;
  // Stryker disable next-line ArithmeticOperator: equivalent, a longer histogram only has more empty buckets
  const parentStart = new Int32Array(parentEnd - parentFirst + 1);
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
  return { parentStart, grams };
}

/** Each node's children, a contiguous range (children are numbered in parent order): [childStart, childEnd). */
function childRanges(parent: Int32Array): { childStart: Int32Array; childEnd: Int32Array } {
  const childStart = new Int32Array(parent.length);
  const childEnd = new Int32Array(parent.length);
  // Stryker disable next-line ArithmeticOperator: equivalent, nodes past the last have no parent: their writes go nowhere
  for (let x = parent.length - 1; x >= 1; x--) {
    const p = parent[x]!;
    childStart[p] = x;
    if (childEnd[p] === 0) childEnd[p] = x + 1;
  }
  return { childStart, childEnd };
}

/** The unigram node of each id, -1 for an id never counted. */
function unigramNodes(word: Int32Array, levelStart: Int32Array, idSpace: number): Int32Array {
  const unigramNode = new Int32Array(idSpace).fill(-1);
  for (let x = levelStart[1]!; x < levelStart[2]!; x++) unigramNode[word[x]!] = x;
  return unigramNode;
}

/** N1+(• x) for every node: the (k+1)-gram nodes whose suffix is x (0 for the root). */
function continuationCounts(suffix: Int32Array, levelStart: Int32Array): Float64Array {
  const continuation = new Float64Array(suffix.length);
  // Stryker disable next-line EqualityOperator: equivalent, a node past the last has no suffix: its count goes nowhere
  for (let x = levelStart[2]!; x < suffix.length; x++) continuation[suffix[x]!]!++;
  continuation[ROOT] = 0;
  return continuation;
}

/** 1 for a k-gram whose first word is `<s>` (a unigram's own word; a longer k-gram's parent's flag). */
function bosFlags(word: Int32Array, parent: Int32Array, levelStart: Int32Array): Uint8Array {
  const beginsWithBos = new Uint8Array(word.length);
  // Stryker disable next-line EqualityOperator: equivalent, a write past the end of a typed array is ignored
  for (let x = 1; x < word.length; x++) {
    beginsWithBos[x] = x < levelStart[2]! ? (word[x] === BOS ? 1 : 0) : beginsWithBos[parent[x]!]!;
  }
  return beginsWithBos;
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
