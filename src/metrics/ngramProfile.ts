/**
 * ngramProfile: the bigram and trigram figures of a text in one pass: distinct_2, distinct_3 (pooled
 * distinct n-grams / n-grams, n-grams within sentences, as ./distinctNgrams.ts defines them) and the
 * trigram occurrences that never occur in the human pool H (for novel_3gram_rate).
 *
 * How: the n-gram start positions are grouped by their first token with a counting sort that moves
 * the following two tokens along (sequential reads, scattered writes). Inside the group of first
 * token a, distinct second tokens are counted with a stamp array and distinct (second, third) pairs
 * with a small hash table sized to the group, so the working set stays in cache. H's trigrams are
 * kept the same way (`TrigramSet`: one open-addressing region per first token), so the membership
 * test of a group only touches that group's region. O(tokens + ids) time; no per-n-gram allocation.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { scratchInts } from '../counts/scratchBuffers.js';

export interface NgramProfile {
  readonly bigrams: number;
  readonly distinctBigrams: number;
  readonly trigrams: number;
  readonly distinctTrigrams: number;
  /** Trigram occurrences (not distinct) absent from the reference set; 0 without a reference. */
  readonly novelTrigrams: number;
}

/** The in-sentence n-grams of a text grouped by first token. */
interface Groups {
  /** Group of first token a: positions groupStart[a] .. groupStart[a+1]. */
  readonly groupStart: Int32Array;
  readonly second: Int32Array;
  /** Third token, or -1 when the bigram ends its sentence. */
  readonly third: Int32Array;
  readonly largest: number;
}

function groupByFirstToken(corpus: TokenCorpus, idSpace: number): Groups {
  const { ids, offsets } = corpus;
  const sentences = offsets.length - 1;
  const groupStart = scratchInts('ngrams.groupStart', idSpace + 1, true);
  for (let s = 0; s < sentences; s++) {
    const last = offsets[s + 1]! - 1;
    for (let p = offsets[s]!; p < last; p++) groupStart[ids[p]! + 1]!++;
  }
  let largest = 0;
  for (let a = 0; a < idSpace; a++) {
    largest = Math.max(largest, groupStart[a + 1]!);
    groupStart[a + 1]! += groupStart[a]!;
  }
  const total = groupStart[idSpace]!;
  const fill = scratchInts('ngrams.fill', idSpace);
  fill.set(groupStart.subarray(0, idSpace));
  const second = scratchInts('ngrams.second', total);
  const third = scratchInts('ngrams.third', total);
  for (let s = 0; s < sentences; s++) {
    const last = offsets[s + 1]! - 1;
    for (let p = offsets[s]!; p < last; p++) {
      const at = fill[ids[p]!]!++;
      second[at] = ids[p + 1]!;
      third[at] = p + 1 < last ? ids[p + 2]! : -1;
    }
  }
  return { groupStart, second, third, largest };
}

function pairHash(b: number, c: number): number {
  let h = Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

function capacityFor(items: number): number {
  let capacity = 8;
  while (capacity < items * 2) capacity *= 2;
  return capacity;
}

/**
 * A scratch set of (b, c) pairs for one group at a time, cleared in O(1) by a stamp: a slot is in use
 * only if its stamp equals the current group's.
 */
class GroupPairSet {
  private readonly stamp: Int32Array;
  private readonly first: Int32Array;
  private readonly second: Int32Array;
  /** Per slot, a value the caller attaches to the pair (here: 1 if novel). */
  readonly value: Int32Array;
  private mask = 0;
  private group = 0;

  constructor(largestGroup: number) {
    const capacity = capacityFor(largestGroup);
    this.stamp = scratchInts('pairs.stamp', capacity, true);
    this.first = scratchInts('pairs.first', capacity);
    this.second = scratchInts('pairs.second', capacity);
    this.value = scratchInts('pairs.value', capacity);
  }

  /** Starts an empty set for a new group of at most `items` pairs. */
  reset(items: number): void {
    this.group++;
    this.mask = capacityFor(items) - 1;
  }

  /** The slot of (b, c); a new slot is returned as ~slot (negative). */
  slotOf(b: number, c: number): number {
    let slot = pairHash(b, c) & this.mask;
    for (;;) {
      if (this.stamp[slot] !== this.group) {
        this.stamp[slot] = this.group;
        this.first[slot] = b;
        this.second[slot] = c;
        return ~slot;
      }
      if (this.first[slot] === b && this.second[slot] === c) return slot;
      slot = (slot + 1) & this.mask;
    }
  }
}

/**
 * TrigramSet: the distinct in-sentence trigrams of a reference text, for membership tests.
 * Trigrams are stored per first token, each first token owning a power-of-two region of an
 * open-addressing table of (second, third) pairs. Built in O(tokens + ids).
 */
export class TrigramSet {
  /** Region of first token a: regionStart[a] .. + regionMask[a] + 1 slots (none if mask is -1). */
  private readonly regionStart: Int32Array;
  private readonly regionMask: Int32Array;
  /** Per slot: second and third token; second = -1 marks an empty slot. */
  private readonly pairs: Int32Array;
  readonly size: number;

  constructor(corpus: TokenCorpus, idSpace: number) {
    const groups = groupByFirstToken(corpus, idSpace);
    const scratch = new GroupPairSet(groups.largest);
    this.regionStart = new Int32Array(idSpace);
    this.regionMask = new Int32Array(idSpace).fill(-1);
    let distinct: number[] = [];
    let pairs = new Int32Array(1024).fill(-1);
    let used = 0;
    let size = 0;
    for (let a = 0; a < idSpace; a++) {
      const from = groups.groupStart[a]!;
      const to = groups.groupStart[a + 1]!;
      if (to === from) continue;
      scratch.reset(to - from);
      distinct = [];
      for (let i = from; i < to; i++) {
        const c = groups.third[i]!;
        if (c < 0) continue;
        const b = groups.second[i]!;
        if (scratch.slotOf(b, c) < 0) distinct.push(b, c);
      }
      if (distinct.length === 0) continue;
      const capacity = capacityFor(distinct.length / 2);
      while (2 * (used + capacity) > pairs.length) {
        const bigger = new Int32Array(pairs.length * 2).fill(-1);
        bigger.set(pairs.subarray(0, 2 * used));
        pairs = bigger;
      }
      this.regionStart[a] = used;
      this.regionMask[a] = capacity - 1;
      for (let k = 0; k < distinct.length; k += 2) {
        const b = distinct[k]!;
        const c = distinct[k + 1]!;
        let slot = pairHash(b, c) & (capacity - 1);
        while (pairs[2 * (used + slot)] !== -1) slot = (slot + 1) & (capacity - 1);
        pairs[2 * (used + slot)] = b;
        pairs[2 * (used + slot) + 1] = c;
      }
      used += capacity;
      size += distinct.length / 2;
    }
    this.pairs = pairs.slice(0, 2 * used);
    this.size = size;
  }

  /** True if the trigram (a, b, c) occurs in the reference. O(1) expected. */
  has(a: number, b: number, c: number): boolean {
    if (a < 0 || a >= this.regionMask.length) return false;
    const mask = this.regionMask[a]!;
    if (mask < 0) return false;
    const base = this.regionStart[a]!;
    let slot = pairHash(b, c) & mask;
    for (;;) {
      const at = 2 * (base + slot);
      const found = this.pairs[at]!;
      if (found === -1) return false;
      if (found === b && this.pairs[at + 1] === c) return true;
      slot = (slot + 1) & mask;
    }
  }
}

/** distinct bigrams and trigrams of `corpus`, and its trigram occurrences missing from `reference`. */
export function ngramProfile(corpus: TokenCorpus, idSpace: number, reference?: TrigramSet): NgramProfile {
  const groups = groupByFirstToken(corpus, idSpace);
  const { groupStart, second, third } = groups;
  const seenSecond = scratchInts('ngrams.seenSecond', idSpace);
  seenSecond.fill(-1);
  const pairs = new GroupPairSet(groups.largest);
  let bigrams = 0;
  let distinctBigrams = 0;
  let trigrams = 0;
  let distinctTrigrams = 0;
  let novel = 0;
  for (let a = 0; a < idSpace; a++) {
    const from = groupStart[a]!;
    const to = groupStart[a + 1]!;
    if (to === from) continue;
    pairs.reset(to - from);
    bigrams += to - from;
    for (let i = from; i < to; i++) {
      const b = second[i]!;
      if (seenSecond[b] !== a) {
        seenSecond[b] = a;
        distinctBigrams++;
      }
      const c = third[i]!;
      if (c < 0) continue;
      trigrams++;
      let slot = pairs.slotOf(b, c);
      if (slot < 0) {
        slot = ~slot;
        distinctTrigrams++;
        pairs.value[slot] = reference === undefined || reference.has(a, b, c) ? 0 : 1;
      }
      novel += pairs.value[slot]!;
    }
  }
  return { bigrams, distinctBigrams, trigrams, distinctTrigrams, novelTrigrams: novel };
}
