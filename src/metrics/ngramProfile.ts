/**
 * ngramProfile: the bigram and trigram figures of a text in one pass: distinct_2, distinct_3 (pooled
 * distinct n-grams / n-grams, n-grams taken within sentences, boundary markers excluded: distinct-n of
 * Li et al. 2016, "A Diversity-Promoting Objective Function for Neural Conversation Models"; the tests
 * hold it to a plain hash-set count, test/helpers/distinctNgrams.ts), the
 * trigram occurrences that never occur in the human pool H (for novel_3gram_rate), and, against a
 * reference, the floored log-probability of every prediction of the text under the order-3 maximum
 * likelihood model of H (for gen0_perplexity; see ./seedPerplexity.ts).
 *
 * How: each sentence is read as its predictions, the extended trigrams of `PAD <s> w1 .. wm </s>`
 * (history a b, token c; PAD stands before `<s>`): the in-sentence bigrams are the (a, b) with both
 * real tokens, the in-sentence trigrams the (a, b, c) with all three real. The predictions are sorted
 * by (a, b, c) with three stable counting sorts (by c, then b, then a: a least-significant-digit radix
 * sort; sequential reads, scattered writes; two columns moved per pass), so equal bigrams and
 * trigrams are neighbours: distinct ones are counted by comparing each prediction with the one
 * before, with no hashing. H's distinct extended trigrams are kept sorted the same way (`TrigramSet`:
 * per first item, its (b, c) in order, with the count of (a, b, c)), so the text is compared with H by
 * one merge, a sequential walk of both lists. A text that has its own transition table (the loop's
 * model read off its sample path) gives its trigrams as that table's edges: only its contexts are
 * sorted. O(tokens + ids) time; no per-n-gram allocation.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { countingOrder } from '../counts/countingOrder.js';
import { IntRecords } from '../counts/intRecords.js';
import { COLUMN_SLOTS, scratchInts } from '../counts/scratchBuffers.js';
import { firstAbove } from '../counts/sortedSearch.js';
import type { TransitionTable } from '../counts/transitionTable.js';
import { BOS, EOS, FIRST_TOKEN_ID } from '../vocabulary/vocabulary.js';
import { FlooredLog2, type SeedFloor } from './flooredLog2.js';

export type { SeedFloor } from './flooredLog2.js';

export interface NgramProfile {
  readonly bigrams: number;
  readonly distinctBigrams: number;
  readonly trigrams: number;
  readonly distinctTrigrams: number;
  /** Trigram occurrences (not distinct) absent from the reference set; 0 without a reference. */
  readonly novelTrigrams: number;
}

/** The history item before `<s>` in an extended trigram. */
// Stryker disable next-line UnaryOperator: equivalent, any value that is never a first item serves (EOS = 1 never is one)
export const PAD = -1;

/**
 * The text's predictions scored under H's order-3 MLE model, floored as p' = keep p + floor:
 * `log2Sum` sums log2 p' over the predictions whose trigram occurs in H; the others (a history or a
 * continuation H never saw) are listed in `misses` as (a, b, c, occurrences) quadruples, for the
 * caller to score with the model itself (back-off). (A text of another model, an order-2 or smoothed
 * one, may miss hundreds of thousands of H's trigrams: they are kept as IntRecords, not a JS array.)
 */
export interface SeedScore {
  readonly predictions: number;
  readonly log2Sum: number;
  readonly misses: Int32Array;
}

/**
 * The predictions of a text sorted by (a, b, c); PAD's group is idSpace, after every token's. Either
 * one entry per prediction (`weight` undefined), or one per distinct trigram with its count (`weight`).
 * A group is a list of positions, each with its b (`second`) and its entries (the c's in `third`, in
 * ascending order): position k is entry k alone, or, with `runs`, one history (a, b) of a transition
 * table, whose entries are that context's edges, read where the table keeps them (no copy).
 */
interface Groups {
  /** Group of first item a (PAD: group idSpace): positions groupStart[a] .. groupStart[a+1]. */
  readonly groupStart: Int32Array;
  /** b of each position. */
  readonly second: Int32Array;
  readonly third: Int32Array;
  readonly weight?: Int32Array;
  /** Position k is context order[k], entries edgeStart[order[k]] .. edgeStart[order[k] + 1]. */
  readonly runs?: { readonly order: Int32Array; readonly edgeStart: Int32Array };
}

/**
 * The predictions of `corpus` sorted by (first item, second, third), in scratch buffers (valid until
 * the next call: TrigramSet's construction and a profile are never alive together).
 *
 * A least-significant-digit radix sort in three stable counting passes, each moving two columns and
 * leaving the third implied by the bucket it walks: by c, read straight from the text, carrying (a, b);
 * then by b, walking the c buckets in order, carrying (a, c); then by a, walking the b buckets,
 * carrying (b, c). The three histograms are one pass over the text (a value's count does not depend on
 * the order). Four prediction-sized columns (COLUMN_SLOTS), two per pass.
 */
function sortedPredictions(corpus: TokenCorpus, idSpace: number): Groups {
  // (only the columns' lengths: a longer view is filled as far as there are predictions)
  // Stryker disable next-line ArithmeticOperator: equivalent, see above
  const predictions = corpus.ids.length + corpus.offsets.length - 1;
  const range = idSpace + 1; // the ids, then PAD
  // Scratch buffer names only have to differ from each other's.
  // Stryker disable StringLiteral: equivalent, an empty name is as unique as the one it replaces
  const thirdStart = scratchInts('ngrams.third', range + 1, true);
  const secondStart = scratchInts('ngrams.second', range + 1, true);
  const groupStart = scratchInts('ngrams.groups', range + 1, true);
  const fill = scratchInts('ngrams.fill', range);
  // Stryker restore StringLiteral
  forEachPrediction(corpus, idSpace, (a, b, c) => {
    groupStart[a + 1]!++;
    secondStart[b + 1]!++;
    thirdStart[c + 1]!++;
  });
  // 1. by c, in text order: (a, b).
  const firstByThird = scratchInts(COLUMN_SLOTS[0], predictions);
  const secondByThird = scratchInts(COLUMN_SLOTS[1], predictions);
  startsAndFill(thirdStart, fill, range);
  forEachPrediction(corpus, idSpace, (a, b, c) => {
    const at = fill[c]!++;
    firstByThird[at] = a;
    secondByThird[at] = b;
  });
  // 2. by b, stable: (a, c).
  const firstBySecond = scratchInts(COLUMN_SLOTS[2], predictions);
  const thirdBySecond = scratchInts(COLUMN_SLOTS[3], predictions);
  startsAndFill(secondStart, fill, range);
  // Stryker disable next-line EqualityOperator: equivalent, bucket `range` has undefined bounds: no pass
  for (let c = 0; c < range; c++) {
    const to = thirdStart[c + 1]!;
    for (let i = thirdStart[c]!; i < to; i++) {
      const at = fill[secondByThird[i]!]!++;
      firstBySecond[at] = firstByThird[i]!;
      thirdBySecond[at] = c;
    }
  }
  // 3. by a, stable: (b, c); the groups are a's runs. (Passes 2 and 3 have the same shape; one
  // function for both measured about 5% slower on Brown, so they stay two loops.)
  const second = scratchInts(COLUMN_SLOTS[0], predictions);
  const third = scratchInts(COLUMN_SLOTS[1], predictions);
  startsAndFill(groupStart, fill, range);
  // Stryker disable next-line EqualityOperator: equivalent, bucket `range` has undefined bounds: no pass
  for (let b = 0; b < range; b++) {
    const to = secondStart[b + 1]!;
    for (let i = secondStart[b]!; i < to; i++) {
      const at = fill[firstBySecond[i]!]!++;
      second[at] = b;
      third[at] = thirdBySecond[i]!;
    }
  }
  return { groupStart, second, third };
}

/**
 * Every prediction of the text as its extended trigram (a, b, c), PAD as `idSpace`, in text order.
 * Small enough to be inlined into each loop that calls it.
 */
function forEachPrediction(corpus: TokenCorpus, idSpace: number, visit: (a: number, b: number, c: number) => void): void {
  const { ids, offsets } = corpus;
  // (one sentence more than there are: past the last offset, undefined bounds and no prediction)
  // Stryker disable next-line ArithmeticOperator: equivalent, see above
  const sentences = offsets.length - 1;
  // Stryker disable next-line EqualityOperator: equivalent, see above
  for (let s = 0; s < sentences; s++) {
    let a = idSpace; // PAD
    let b = BOS;
    const to = offsets[s + 1]!;
    for (let i = offsets[s]!; i <= to; i++) {
      const c = i < to ? ids[i]! : EOS;
      visit(a, b, c);
      a = b;
      b = c;
    }
  }
}

/** Histogram counts (at value + 1) made running starts in place; `fill` gets a copy to insert with. */
function startsAndFill(start: Int32Array, fill: Int32Array, range: number): void {
  // the extra pass of `<=` writes past a typed array: a no-op
  // Stryker disable next-line EqualityOperator: equivalent, see above
  for (let k = 0; k < range; k++) start[k + 1]! += start[k]!;
  fill.set(start.subarray(0, range));
}

/**
 * Slot layout of TrigramSet: second, third, count of (a, b, c). (A history's count is the sum over its
 * run, summed where needed: a fourth slot with it took a quarter of the set, 23 MB at 10M tokens.)
 */
const SLOT = 3;

/** The arrays of a TrigramSet, to hand it to another thread without rebuilding it. */
export interface TrigramSetParts {
  readonly regionStart: Int32Array;
  readonly slots: Int32Array;
  readonly size: number;
}

/**
 * TrigramSet: the distinct extended trigrams of a reference text (see the header), for membership
 * tests, their maximum-likelihood probabilities and merging with a sorted text. Per first item a
 * (PAD: idSpace), entries regionStart[a] .. regionStart[a+1] hold its (b, c) in ascending order with
 * their counts. `size` counts the in-sentence trigrams (three real tokens). Built in O(tokens + ids).
 */
export class TrigramSet {
  private readonly regionStart: Int32Array;
  private readonly slots: Int32Array;
  readonly size: number;

  constructor(corpus: TokenCorpus, idSpace: number) {
    const { groupStart, second, third } = sortedPredictions(corpus, idSpace);
    let distinct = 0;
    for (let a = 0; a <= idSpace; a++) {
      const from = groupStart[a]!;
      for (let i = from; i < groupStart[a + 1]!; i++) if (i === from || second[i] !== second[i - 1] || third[i] !== third[i - 1]) distinct++;
    }
    const slots = new Int32Array(SLOT * distinct);
    const regionStart = new Int32Array(idSpace + 2);
    let size = 0;
    let e = -1;
    for (let a = 0; a <= idSpace; a++) {
      regionStart[a] = e + 1;
      const real = a >= FIRST_TOKEN_ID && a < idSpace;
      for (let i = groupStart[a]!; i < groupStart[a + 1]!; i++) {
        const b = second[i]!;
        const c = third[i]!;
        if (i === groupStart[a] || b !== second[i - 1] || c !== third[i - 1]) {
          e++;
          slots[SLOT * e] = b;
          slots[SLOT * e + 1] = c;
          if (real && c !== EOS) size++;
        }
        slots[SLOT * e + 2]!++;
      }
    }
    regionStart[idSpace + 1] = e + 1;
    this.regionStart = regionStart;
    this.slots = slots;
    this.size = size;
  }

  get parts(): TrigramSetParts {
    return { regionStart: this.regionStart, slots: this.slots, size: this.size };
  }

  /** The predictions of the text the set was built from (its entries' counts summed): O(entries). */
  get predictions(): number {
    let total = 0;
    for (let at = 2; at < this.slots.length; at += SLOT) total += this.slots[at]!;
    return total;
  }

  /** The set whose arrays are `parts` (as `parts` returned them), no rebuilding. */
  static fromParts(parts: TrigramSetParts): TrigramSet {
    return Object.assign(Object.create(TrigramSet.prototype) as TrigramSet, parts);
  }

  /** Entries of first item a (PAD allowed): [from, to), or [0, 0) for an id outside the set. */
  region(a: number): [number, number] {
    const padGroup = this.regionStart.length - 2;
    // Stryker disable next-line UnaryOperator,ConditionalExpression: equivalent, see below (a negative id other than PAD is a negative group)
    const group = a === PAD ? padGroup : a >= 0 && a < padGroup ? a : -1;
    // group -1 (or +1, EOS's, never a first item) and [] give undefined or empty bounds: no entry either way
    // Stryker disable next-line ConditionalExpression,ArrayDeclaration: equivalent, see above
    if (group < 0) return [0, 0];
    return [this.regionStart[group]!, this.regionStart[group + 1]!];
  }

  /** Index of the entry (a, b, c), or -1: binary search in a's region. O(log) */
  private find(a: number, b: number, c: number): number {
    let [low, high] = this.region(a);
    while (low < high) {
      const middle = (low + high) >>> 1;
      const mb = this.slots[SLOT * middle]!;
      const mc = this.slots[SLOT * middle + 1]!;
      if (mb < b || (mb === b && mc < c)) low = middle + 1;
      else high = middle;
    }
    const [, end] = this.region(a);
    return low < end && this.slots[SLOT * low] === b && this.slots[SLOT * low + 1] === c ? low : -1;
  }

  /** True if the trigram (a, b, c) occurs in the reference. */
  has(a: number, b: number, c: number): boolean {
    return this.find(a, b, c) >= 0;
  }

  /**
   * count(a b ·): how many predictions of the reference have the history (a, b), PAD allowed as a; 0
   * if none. O(log entries + the history's continuations): the counts of its run are summed.
   */
  historyCount(a: number, b: number): number {
    const [first, end] = this.historyStart(a, b);
    return historyTotal(this.slots, first, end, b);
  }

  /** True if the reference has the history (a, b) (PAD allowed as a). O(log): no sum. */
  hasHistory(a: number, b: number): boolean {
    const [first, end] = this.historyStart(a, b);
    return first < end && this.slots[SLOT * first] === b;
  }

  /**
   * The first entry of a's region whose b is not below `b` (or one whose b is below it, when none is:
   * firstAbove's answer then, which no caller takes for b's), and the region's end. O(log)
   */
  private historyStart(a: number, b: number): [number, number] {
    const [from, end] = this.region(a);
    // ids are whole numbers: "above b - 1" is "at least b"
    return [firstAbove(this.slots, from, end, b - 1, 0, SLOT), end];
  }

  /**
   * count(b c) in the reference (predictions of c right after b, whatever came before b) for each pair
   * (pairs[2i], pairs[2i+1]): the counts of (a, b, c) summed over every a, in one pass over all
   * entries. O(entries + pairs).
   */
  bigramCounts(pairs: Int32Array): Int32Array {
    const counts = new Int32Array(pairs.length >> 1);
    const wanted = new Map<number, number[]>();
    const range = this.regionStart.length; // ids, then PAD's group: every b and c is below it
    // Stryker disable next-line EqualityOperator: equivalent, pair `counts.length` is undefined: a NaN key no entry has
    for (let i = 0; i < counts.length; i++) {
      const key = pairs[2 * i]! * range + pairs[2 * i + 1]!;
      const same = wanted.get(key);
      if (same === undefined) wanted.set(key, [i]);
      else same.push(i);
    }
    const isWanted = new Uint8Array(range);
    // Stryker disable next-line EqualityOperator: equivalent, marks isWanted[undefined]: no id
    for (let i = 0; i < counts.length; i++) isWanted[pairs[2 * i]!] = 1;
    const entries = this.regionStart[range - 1]!;
    // Stryker disable next-line EqualityOperator: equivalent, entry `entries` reads undefined: not wanted
    for (let e = 0; e < entries; e++) {
      const b = this.slots[SLOT * e]!;
      // Stryker disable next-line ConditionalExpression: equivalent, a shortcut: the look-up below finds no pair for an unwanted b
      if (isWanted[b] !== 1) continue;
      const found = wanted.get(b * range + this.slots[SLOT * e + 1]!);
      if (found !== undefined) for (const i of found) counts[i]! += this.slots[SLOT * e + 2]!;
    }
    return counts;
  }

  /**
   * The reference's maximum-likelihood P(c | a b) = count(a b c) / count(a b ·), or -1 when (a, b, c)
   * never occurs (then the history or the continuation is unseen: the model's back-off decides).
   */
  probability(a: number, b: number, c: number): number {
    const e = this.find(a, b, c);
    return e < 0 ? -1 : this.slots[SLOT * e + 2]! / this.historyCount(a, b);
  }
}

/**
 * The count of history (a, b) in a TrigramSet's slots: the sum of the counts of its entries, the run
 * of b that starts at entry `first` (the first entry of a's region, up to `end`, whose b is not below
 * b), or 0 if that entry has another b.
 */
function historyTotal(slots: Int32Array, first: number, end: number, b: number): number {
  let total = 0;
  for (let e = first; e < end && slots[SLOT * e] === b; e++) total += slots[SLOT * e + 2]!;
  return total;
}

/** distinct bigrams and trigrams of `corpus`, and its trigram occurrences missing from `reference`. */
export function ngramProfile(corpus: TokenCorpus, idSpace: number, reference?: TrigramSet): NgramProfile {
  return profileWith(sortedPredictions(corpus, idSpace), idSpace, reference, undefined).profile;
}

/**
 * What a caller may already hold of a text: its distinct extended trigrams with their counts, as its
 * own transition table of history length 2, or as a TrigramSet built from it (the loop's generation 0
 * measures H, whose set the seed reference holds).
 */
export type TextTrigrams = TransitionTable | TrigramSet;

/** How often each id is predicted (the third item of an extended trigram) and predicts (the second), by id. */
export interface TrigramMargins {
  readonly predicted: Int32Array;
  readonly predicting: Int32Array;
}

/**
 * The margins of a text's extended trigrams with their counts (TextTrigrams), over ids below
 * `idSpace`, or undefined when an item lies outside (another id space). A text's own trigrams give,
 * for each token, its count in both margins, and `</s>` predicted and `<s>` predicting once a sentence
 * (each sentence w1..wn makes (PAD, <s>, w1), (<s>, w1, w2), ..., (w(n-1), wn, </s>)). O(entries + idSpace).
 */
export function trigramMargins(own: TextTrigrams, idSpace: number): TrigramMargins | undefined {
  const predicted = new Int32Array(idSpace);
  const predicting = new Int32Array(idSpace);
  const add = (into: Int32Array, id: number, count: number): boolean => {
    if (!(id >= 0 && id < idSpace)) return false;
    into[id]! += count;
    return true;
  };
  if (own instanceof TrigramSet) {
    const { slots } = own.parts;
    for (let at = 0; at < slots.length; at += SLOT) {
      if (!add(predicting, slots[at]!, slots[at + 2]!) || !add(predicted, slots[at + 1]!, slots[at + 2]!)) return undefined;
    }
    return { predicted, predicting };
  }
  for (let c = 0; c < own.contextTotal.length; c++) if (!add(predicting, own.contexts.keyAt(c, 1), own.contextTotal[c]!)) return undefined;
  for (let e = 0; e < own.edgeToken.length; e++) if (!add(predicted, own.edgeToken[e]!, own.edgeCount[e]!)) return undefined;
  return { predicted, predicting };
}

/**
 * The profile and, with `floor`, the text's predictions scored under the reference's order-3 MLE
 * model (see SeedScore). One pass. `own`: the text's own trigrams (TextTrigrams), read instead of
 * sorting the text's predictions: a table's edges are the text's distinct extended trigrams with their
 * counts, so only its contexts are sorted (tableGroups; the loop has it when a model was read off its
 * sample's path, counts/sampledTable.ts); a set's entries are sorted already (setGroups). The same
 * values, to the last bit (tested).
 */
export function scoredProfile(
  corpus: TokenCorpus,
  idSpace: number,
  reference: TrigramSet,
  floor: SeedFloor,
  own?: TextTrigrams,
): { profile: NgramProfile; score: SeedScore } {
  const groups = own === undefined ? sortedPredictions(corpus, idSpace) : own instanceof TrigramSet ? setGroups(own, idSpace) : tableGroups(own, idSpace);
  const { profile, score } = profileWith(groups, idSpace, reference, floor);
  return { profile, score: score! };
}

/**
 * The distinct extended trigrams of a text with their counts, sorted by (a, b, c), from a TrigramSet
 * built from the text: its entries are in that order already, so they are only copied out of the
 * set's interleaved slots into three column slots (an n-gram pass: see ../counts/scratchBuffers.ts).
 * O(entries). A set of another id space is refused (RangeError).
 */
function setGroups(set: TrigramSet, idSpace: number): Groups {
  const { regionStart, slots } = set.parts;
  // Stryker disable next-line StringLiteral,ArithmeticOperator: equivalent, the message is not part of the contract (the RangeError is, tested)
  if (regionStart.length !== idSpace + 2) throw new RangeError(`a trigram set of id space ${regionStart.length - 2} cannot give the n-grams of a text of id space ${idSpace}`);
  const entries = regionStart[idSpace + 1]!;
  const second = scratchInts(COLUMN_SLOTS[0], entries);
  const third = scratchInts(COLUMN_SLOTS[1], entries);
  const weight = scratchInts(COLUMN_SLOTS[2], entries);
  // Stryker disable next-line EqualityOperator: equivalent, entry `entries` writes past the views: nowhere
  for (let e = 0; e < entries; e++) {
    second[e] = slots[SLOT * e]!;
    third[e] = slots[SLOT * e + 1]!;
    weight[e] = slots[SLOT * e + 2]!;
  }
  return { groupStart: regionStart, second, third, weight };
}

/**
 * The distinct extended trigrams of a text with their counts, sorted by (a, b, c), from the text's
 * transition table of history length 2: its contexts (a, b) are sorted by two stable counting sorts
 * (by b, then a); each context is one position, whose entries are its edges (already sorted by c),
 * read in the table's own arrays, not copied. O(C + ids); contexts-sized arrays only.
 */
function tableGroups(table: TransitionTable, idSpace: number): Groups {
  // Stryker disable next-line StringLiteral: equivalent, the message is not part of the contract (the RangeError is, tested)
  if (table.historyLength !== 2) throw new RangeError(`an n-gram profile reads a table of history length 2, not ${table.historyLength}`);
  const contexts = table.contextTotal.length;
  const range = idSpace + 1; // the ids, then PAD
  const first = new Int32Array(contexts);
  const second = new Int32Array(contexts);
  // Stryker disable next-line EqualityOperator: equivalent, context `contexts` is written past both arrays: nowhere
  for (let c = 0; c < contexts; c++) {
    const a = table.contexts.keyAt(c, 0);
    first[c] = a === PAD ? idSpace : a;
    second[c] = table.contexts.keyAt(c, 1);
  }
  // contexts by b, then (stable) by a: the positions' order
  const order = countingOrder(contexts, range, first, countingOrder(contexts, range, second, undefined));
  const groupStart = new Int32Array(range + 1);
  // Stryker disable next-line EqualityOperator: equivalent, position `contexts` reads an undefined context: a count to nowhere
  for (let k = 0; k < contexts; k++) groupStart[first[order[k]!]! + 1]!++;
  // Stryker disable next-line EqualityOperator: equivalent, one more running sum past the last group is never read
  for (let a = 0; a < range; a++) groupStart[a + 1]! += groupStart[a]!;
  // each position's b, in position order (into `first`, whose keys are read no more)
  const positionSecond = first;
  // Stryker disable next-line EqualityOperator: equivalent, position `contexts` reads an undefined context: a write to nowhere
  for (let k = 0; k < contexts; k++) positionSecond[k] = second[order[k]!]!;
  return { groupStart, second: positionSecond, third: table.edgeToken, weight: table.edgeCount, runs: { order, edgeStart: table.edgeStart } };
}

function profileWith(groups: Groups, idSpace: number, reference: TrigramSet | undefined, floor: SeedFloor | undefined): { profile: NgramProfile; score: SeedScore | undefined } {
  const merge = new TrigramMerge(groups, reference, floor);
  for (let group = 0; group <= idSpace; group++) merge.group(group === idSpace ? PAD : group, groups.groupStart[group]!, groups.groupStart[group + 1]!);
  const { bigrams, distinctBigrams, trigrams, distinctTrigrams, novel, predictions, log2Sum, misses } = merge;
  const profile = { bigrams, distinctBigrams, trigrams, distinctTrigrams, novelTrigrams: novel };
  // Stryker disable next-line ConditionalExpression: equivalent, ngramProfile (no floor) drops the score
  return { profile, score: floor === undefined ? undefined : { predictions, log2Sum, misses: misses.filled() } };
}

/**
 * The counts of one pass over a text's sorted predictions (`Groups`), merged with the reference's
 * sorted trigrams: the in-sentence bigrams and trigrams and their distinct ones, the trigram occurrences
 * the reference lacks, and, with a floor, the floored log2 score of every prediction whose trigram the
 * reference holds (the others listed in `misses`). Fed group by group in ascending first item.
 */
class TrigramMerge {
  bigrams = 0;
  distinctBigrams = 0;
  trigrams = 0;
  distinctTrigrams = 0;
  novel = 0;
  log2Sum = 0;
  predictions = 0;
  readonly misses = new IntRecords(4, 1024);
  private readonly entries: Int32Array;
  private readonly log2Of: FlooredLog2 | undefined;
  // The walk of the reference's entries of the group's first item (both sorted by (b, c)): at r, before end.
  private r = 0;
  private end = 0;
  // Whether the current trigram is the reference's, and its score (set at each group's first
  // prediction, always a new trigram, before any use)
  // Stryker disable next-line BooleanLiteral: equivalent, see above
  private known = false;
  private score = 0;
  // the count of the current history in the reference (set at its first entry, a new bigram)
  private total = 0;
  // the current trigram's place in `misses` (set with it)
  // Stryker disable next-line UnaryOperator: equivalent, see above
  private missAt = -1;
  // c of the entry before (set at each group's first entry, a new bigram, before any use)
  // Stryker disable next-line UnaryOperator: equivalent, see above
  private previousThird = -1;

  constructor(
    private readonly groups: Groups,
    private readonly reference: TrigramSet | undefined,
    private readonly floor: SeedFloor | undefined,
  ) {
    this.entries = reference === undefined ? new Int32Array(0) : reference.parts.slots;
    this.log2Of = floor === undefined ? undefined : new FlooredLog2(floor);
  }

  /** The positions from .. to of first item `a` (PAD for the group before `<s>`). */
  group(a: number, from: number, to: number): void {
    // Stryker disable next-line ConditionalExpression: equivalent, an empty group's loop does nothing
    if (to === from) return;
    const real = a >= FIRST_TOKEN_ID;
    // Stryker disable next-line ConditionalExpression: equivalent, without a floor the groups of PAD and <s> count nothing (no real bigram)
    if (!real && this.floor === undefined) return;
    // Stryker disable next-line ArrayDeclaration: equivalent, without a reference no walk reads r or end
    [this.r, this.end] = this.reference === undefined ? [0, 0] : this.reference.region(a);
    const { second, third, weight, runs } = this.groups;
    for (let k = from; k < to; k++) {
      const b = second[k]!;
      // (a table's contexts are distinct histories: each of its positions starts a new one)
      const newHistory = k === from || b !== second[k - 1];
      let i = k;
      let last = k + 1;
      if (runs !== undefined) {
        const context = runs.order[k]!;
        i = runs.edgeStart[context]!;
        last = runs.edgeStart[context + 1]!;
      }
      for (const firstEntry = i; i < last; i++) this.entry(a, b, third[i]!, weight === undefined ? 1 : weight[i]!, newHistory && i === firstEntry, real);
    }
  }

  /** One entry: trigram (a, b, c), `occurrences` times; `newBigram` when (a, b) is not the entry before's. */
  private entry(a: number, b: number, c: number, occurrences: number, newBigram: boolean, real: boolean): void {
    const newTrigram = newBigram || c !== this.previousThird;
    this.previousThird = c;
    const trigram = real && c !== EOS;
    if (real) {
      this.bigrams += occurrences;
      if (newBigram) this.distinctBigrams++;
      if (trigram) {
        this.trigrams += occurrences;
        if (newTrigram) this.distinctTrigrams++;
      }
    }
    // A new history's count for the scores: the reference's run of b (the walk is not past it yet).
    // Stryker disable next-line ConditionalExpression: equivalent, without a floor the total is unused and the walk below moves r there anyway
    if (newBigram && this.floor !== undefined) this.total = this.historyTotal(b);
    // Stryker disable next-line ConditionalExpression: equivalent, without a reference r = end = 0: no walk, and nothing reads `known`
    if (newTrigram && this.reference !== undefined) this.findTrigram(a, b, c);
    if (trigram && this.reference !== undefined && !this.known) this.novel += occurrences;
    // Stryker disable next-line ConditionalExpression: equivalent, without a floor log2Sum and misses are not returned
    if (this.floor !== undefined) {
      // one addition per occurrence, in sorted order: the same sum, bit for bit, whichever form the entries have
      if (this.known) for (let n = 0; n < occurrences; n++) this.log2Sum += this.score;
      else this.misses.values[this.missAt + 3]! += occurrences;
    }
    this.predictions += occurrences;
  }

  /** The reference's count of history (a, b), its walk moved to b's run. */
  private historyTotal(b: number): number {
    const entries = this.entries;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, past `end` the walk reads the next group's entries and stops
    while (this.r < this.end && entries[SLOT * this.r]! < b) this.r++;
    return historyTotal(entries, this.r, this.end, b);
  }

  /** Moves the walk to (b, c): `known` if the reference holds (a, b, c), with its score, else a new miss. */
  private findTrigram(a: number, b: number, c: number): void {
    const entries = this.entries;
    let r = this.r;
    const end = this.end;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, past `end` the walk reads the next group's entries and stops; `known` checks r < end
    while (r < end && (entries[SLOT * r]! < b || (entries[SLOT * r] === b && entries[SLOT * r + 1]! < c))) r++;
    this.r = r;
    this.known = r < end && entries[SLOT * r] === b && entries[SLOT * r + 1] === c;
    if (this.floor === undefined) return;
    if (this.known) this.score = this.log2Of!.score(entries[SLOT * r + 2]!, this.total);
    else {
      const at = (this.missAt = this.misses.add());
      const values = this.misses.values;
      values[at] = a;
      values[at + 1] = b;
      values[at + 2] = c;
      values[at + 3] = 0;
    }
  }
}
