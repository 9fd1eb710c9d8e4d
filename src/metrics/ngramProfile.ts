/**
 * ngramProfile: the bigram and trigram figures of a text in one pass: distinct_2, distinct_3 (pooled
 * distinct n-grams / n-grams, n-grams within sentences, as ./distinctNgrams.ts defines them), the
 * trigram occurrences that never occur in the human pool H (for novel_3gram_rate), and, against a
 * reference, the floored log-probability of every prediction of the text under the order-3 maximum
 * likelihood model of H (for gen0_perplexity; see ./seedPerplexity.ts).
 *
 * How: each sentence is read as its predictions, the extended trigrams of `PAD <s> w1 .. wm </s>`
 * (history a b, token c; PAD stands before `<s>`): the in-sentence bigrams are the (a, b) with both
 * real tokens, the in-sentence trigrams the (a, b, c) with all three real. The predictions are grouped
 * by a with a counting sort that moves b and c along (sequential reads, scattered writes). Inside the
 * group of a, distinct b are counted with a stamp array and distinct (b, c) with a small hash table
 * sized to the group, so the working set stays in cache, and each distinct (b, c) is looked up once
 * in the reference. H's extended trigrams are kept the same way (`TrigramSet`: one open-addressing
 * region per first token, with the count of (a, b, c) and of the history (a, b)), so the lookups of a
 * group only touch that group's region. O(tokens + ids) time; no per-n-gram allocation.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { scratchFloats, scratchInts } from '../counts/scratchBuffers.js';
import { BOS, EOS, FIRST_TOKEN_ID } from '../vocabulary/vocabulary.js';

export interface NgramProfile {
  readonly bigrams: number;
  readonly distinctBigrams: number;
  readonly trigrams: number;
  readonly distinctTrigrams: number;
  /** Trigram occurrences (not distinct) absent from the reference set; 0 without a reference. */
  readonly novelTrigrams: number;
}

/** The history item before `<s>` in an extended trigram. */
export const PAD = -1;

/**
 * The text's predictions scored under H's order-3 MLE model, floored as p' = keep p + floor:
 * `log2Sum` sums log2 p' over the predictions whose trigram occurs in H; the others (a history or a
 * continuation H never saw) are listed in `misses` as (a, b, c, occurrences) quadruples, for the
 * caller to score with the model itself (back-off).
 */
export interface SeedScore {
  readonly predictions: number;
  readonly log2Sum: number;
  readonly misses: readonly number[];
}

export interface SeedFloor {
  readonly keep: number;
  readonly floor: number;
}

/** The predictions of a text grouped by the first item of their history. */
interface Groups {
  /** Group of first item a (PAD: group idSpace): entries groupStart[a] .. groupStart[a+1]. */
  readonly groupStart: Int32Array;
  readonly second: Int32Array;
  readonly third: Int32Array;
  readonly largest: number;
}

function groupPredictions(corpus: TokenCorpus, idSpace: number): Groups {
  const { ids, offsets } = corpus;
  const sentences = offsets.length - 1;
  const padGroup = idSpace;
  const groupStart = scratchInts('ngrams.groupStart', idSpace + 2, true);
  groupStart[padGroup + 1] = sentences;
  for (let s = 0; s < sentences; s++) {
    const to = offsets[s + 1]!;
    if (to === offsets[s]!) continue;
    // Heads: <s> (of <s> w1 w2), then w1 .. w_{m-1}; w_m heads none ((w_{m-1}, w_m, </s>) is w_{m-1}'s).
    groupStart[BOS + 1]!++;
    for (let p = offsets[s]!; p < to - 1; p++) groupStart[ids[p]! + 1]!++;
  }
  let largest = 0;
  for (let a = 0; a <= padGroup; a++) {
    largest = Math.max(largest, groupStart[a + 1]!);
    groupStart[a + 1]! += groupStart[a]!;
  }
  const total = groupStart[padGroup + 1]!;
  const fill = scratchInts('ngrams.fill', idSpace + 1);
  fill.set(groupStart.subarray(0, idSpace + 1));
  const second = scratchInts('ngrams.second', total);
  const third = scratchInts('ngrams.third', total);
  for (let s = 0; s < sentences; s++) {
    const from = offsets[s]!;
    const to = offsets[s + 1]!;
    let at = fill[padGroup]!++;
    second[at] = BOS;
    third[at] = to > from ? ids[from]! : EOS;
    let a = BOS;
    let b = to > from ? ids[from]! : EOS;
    for (let p = from; p < to; p++) {
      const c = p + 1 < to ? ids[p + 1]! : EOS;
      at = fill[a]!++;
      second[at] = b;
      third[at] = c;
      a = b;
      b = c;
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
 * only if its stamp equals the current group's. Each slot carries an integer and a float value the
 * caller attaches to the pair (here: 1 if novel; its floored log-probability).
 */
class GroupPairSet {
  private readonly stamp: Int32Array;
  private readonly first: Int32Array;
  private readonly second: Int32Array;
  readonly value: Int32Array;
  readonly score: Float64Array;
  private group = 0;
  private mask = 0;

  constructor(largestGroup: number) {
    const capacity = capacityFor(largestGroup);
    this.stamp = scratchInts('pairs.stamp', capacity, true);
    this.first = scratchInts('pairs.first', capacity);
    this.second = scratchInts('pairs.second', capacity);
    this.value = scratchInts('pairs.value', capacity);
    this.score = scratchFloats('pairs.score', capacity);
  }

  /** The pair stored in a slot. */
  keyFirst(slot: number): number {
    return this.first[slot]!;
  }

  keySecond(slot: number): number {
    return this.second[slot]!;
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

/** Slots for a region of `items` pairs: the smallest power of two >= 1.5 items. */
function regionCapacity(items: number): number {
  let capacity = 2;
  while (capacity < items * 1.5) capacity *= 2;
  return capacity;
}

/** Slot layout of TrigramSet: second, third, count of (a, b, c), count of the history (a, b). */
const SLOT = 4;

/**
 * TrigramSet: the distinct extended trigrams of a reference text (see the header), for membership
 * tests and their maximum-likelihood probabilities. Trigrams are stored per first item, each owning a
 * power-of-two region of an open-addressing table. `size` counts the in-sentence trigrams (three real
 * tokens). Built in O(tokens + ids).
 */
/** The arrays of a TrigramSet, to hand it to another thread without rebuilding it. */
export interface TrigramSetParts {
  readonly regionStart: Int32Array;
  readonly regionMask: Int32Array;
  readonly slots: Int32Array;
  readonly size: number;
}

export class TrigramSet {
  /** Region of first item a (PAD: idSpace): regionStart[a] .. + regionMask[a] + 1 slots (none if mask is -1). */
  private readonly regionStart: Int32Array;
  private readonly regionMask: Int32Array;
  /** Per slot, SLOT ints; second = PAD marks an empty slot. */
  private readonly slots: Int32Array;
  readonly size: number;

  constructor(corpus: TokenCorpus, idSpace: number) {
    const groups = groupPredictions(corpus, idSpace);
    const { groupStart, second, third } = groups;
    // 1. Distinct (b, c) per group, so that every region is sized once (no growth, no staging).
    const scratch = new GroupPairSet(groups.largest);
    this.regionStart = new Int32Array(idSpace + 1);
    this.regionMask = new Int32Array(idSpace + 1).fill(-1);
    let used = 0;
    let size = 0;
    for (let a = 0; a <= idSpace; a++) {
      const from = groupStart[a]!;
      const to = groupStart[a + 1]!;
      if (to === from) continue;
      scratch.reset(to - from);
      let kinds = 0;
      const real = a >= FIRST_TOKEN_ID && a < idSpace;
      for (let i = from; i < to; i++) {
        if (scratch.slotOf(second[i]!, third[i]!) >= 0) continue;
        kinds++;
        if (real && third[i] !== EOS) size++;
      }
      const capacity = regionCapacity(kinds);
      this.regionStart[a] = used;
      this.regionMask[a] = capacity - 1;
      used += capacity;
    }
    // 2. Each group counted straight into its region; then each slot gets its history's count.
    const slots = new Int32Array(SLOT * used).fill(PAD);
    const historyTotal = scratchInts('trigrams.historyTotal', idSpace, true);
    for (let a = 0; a <= idSpace; a++) {
      const from = groupStart[a]!;
      const to = groupStart[a + 1]!;
      if (to === from) continue;
      const base = this.regionStart[a]!;
      const mask = this.regionMask[a]!;
      for (let i = from; i < to; i++) {
        const b = second[i]!;
        const c = third[i]!;
        historyTotal[b]!++;
        let slot = pairHash(b, c) & mask;
        for (;;) {
          const at = SLOT * (base + slot);
          if (slots[at] === PAD) {
            slots[at] = b;
            slots[at + 1] = c;
            slots[at + 2] = 1;
            break;
          }
          if (slots[at] === b && slots[at + 1] === c) {
            slots[at + 2]!++;
            break;
          }
          slot = (slot + 1) & mask;
        }
      }
      for (let at = SLOT * base, end = SLOT * (base + mask + 1); at < end; at += SLOT) {
        if (slots[at] !== PAD) slots[at + 3] = historyTotal[slots[at]!]!;
      }
      for (let i = from; i < to; i++) historyTotal[second[i]!] = 0;
    }
    this.slots = slots;
    this.size = size;
  }

  get parts(): TrigramSetParts {
    return { regionStart: this.regionStart, regionMask: this.regionMask, slots: this.slots, size: this.size };
  }

  /** The set whose arrays are `parts` (as `parts` returned them), no rebuilding. */
  static fromParts(parts: TrigramSetParts): TrigramSet {
    return Object.assign(Object.create(TrigramSet.prototype) as TrigramSet, parts);
  }

  /** Position of the trigram (a, b, c) in the table, or -1. O(1) expected. */
  private find(a: number, b: number, c: number): number {
    const padRegion = this.regionMask.length - 1;
    const region = a === PAD ? padRegion : a >= 0 && a < padRegion ? a : -1;
    if (region < 0) return -1;
    const mask = this.regionMask[region]!;
    if (mask < 0) return -1;
    const base = this.regionStart[region]!;
    let slot = pairHash(b, c) & mask;
    for (;;) {
      const at = SLOT * (base + slot);
      const found = this.slots[at]!;
      if (found === PAD) return -1;
      if (found === b && this.slots[at + 1] === c) return at;
      slot = (slot + 1) & mask;
    }
  }

  /** True if the trigram (a, b, c) occurs in the reference. O(1) expected. */
  has(a: number, b: number, c: number): boolean {
    return this.find(a, b, c) >= 0;
  }

  /**
   * The reference's maximum-likelihood P(c | a b) = count(a b c) / count(a b ·), or -1 when (a, b, c)
   * never occurs (then the history or the continuation is unseen: the model's back-off decides).
   */
  probability(a: number, b: number, c: number): number {
    const at = this.find(a, b, c);
    return at < 0 ? -1 : this.slots[at + 2]! / this.slots[at + 3]!;
  }
}

/** distinct bigrams and trigrams of `corpus`, and its trigram occurrences missing from `reference`. */
export function ngramProfile(corpus: TokenCorpus, idSpace: number, reference?: TrigramSet): NgramProfile {
  return profileWith(corpus, idSpace, reference, undefined).profile;
}

/**
 * The profile and, with `floor`, the text's predictions scored under the reference's order-3 MLE
 * model (see SeedScore). One pass.
 */
export function scoredProfile(corpus: TokenCorpus, idSpace: number, reference: TrigramSet, floor: SeedFloor): { profile: NgramProfile; score: SeedScore } {
  const { profile, score } = profileWith(corpus, idSpace, reference, floor);
  return { profile, score: score! };
}

function profileWith(corpus: TokenCorpus, idSpace: number, reference: TrigramSet | undefined, floor: SeedFloor | undefined): { profile: NgramProfile; score: SeedScore | undefined } {
  const groups = groupPredictions(corpus, idSpace);
  const { groupStart, second, third } = groups;
  const seenSecond = scratchInts('ngrams.seenSecond', idSpace);
  seenSecond.fill(-1);
  const pairs = new GroupPairSet(groups.largest);
  const misses: number[] = [];
  let bigrams = 0;
  let distinctBigrams = 0;
  let trigrams = 0;
  let distinctTrigrams = 0;
  let novel = 0;
  let log2Sum = 0;
  for (let group = 0; group <= idSpace; group++) {
    const from = groupStart[group]!;
    const to = groupStart[group + 1]!;
    if (to === from) continue;
    const a = group === idSpace ? PAD : group;
    const real = a >= FIRST_TOKEN_ID;
    if (!real && floor === undefined) continue;
    pairs.reset(to - from);
    for (let i = from; i < to; i++) {
      const b = second[i]!;
      const c = third[i]!;
      const trigram = real && c !== EOS;
      if (real) {
        bigrams++;
        if (seenSecond[b] !== a) {
          seenSecond[b] = a;
          distinctBigrams++;
        }
        if (trigram) trigrams++;
      }
      if (!trigram && floor === undefined) continue;
      let slot = pairs.slotOf(b, c);
      if (slot < 0) {
        slot = ~slot;
        if (trigram) distinctTrigrams++;
        if (floor === undefined) pairs.value[slot] = reference !== undefined && !reference.has(a, b, c) ? 1 : 0;
        else {
          // One lookup serves both: a trigram H never saw is novel and has no MLE probability.
          const p = reference!.probability(a, b, c);
          pairs.value[slot] = trigram && p < 0 ? 1 : 0;
          if (p >= 0) pairs.score[slot] = Math.log2(floor.keep * p + floor.floor);
          else {
            // Unseen in H: remembered as a miss; the slot keeps where its quadruple starts.
            pairs.score[slot] = misses.length;
            pairs.value[slot]! |= 2;
            misses.push(a, b, c, 0);
          }
        }
      }
      const value = pairs.value[slot]!;
      if (trigram) novel += value & 1;
      if (floor !== undefined) {
        if ((value & 2) === 0) log2Sum += pairs.score[slot]!;
        else misses[pairs.score[slot]! + 3]!++;
      }
    }
  }
  const profile = { bigrams, distinctBigrams, trigrams, distinctTrigrams, novelTrigrams: novel };
  const predictions = corpus.ids.length + corpus.offsets.length - 1;
  return { profile, score: floor === undefined ? undefined : { predictions, log2Sum, misses } };
}
