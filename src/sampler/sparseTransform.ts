/**
 * Exact temperature / top-k / top-p sampling for interpolated models in time proportional to a history's
 * seen continuations, not to the vocabulary.
 *
 * Why it works. Take the chain of a history node X: x_0 = X, x_1 = suffix(x_0), ..., the root, then the
 * uniform distribution U over V (for add-k the chain is X, U). Let S_x be the outcomes seen after x (its
 * trie children). The trie is suffix-closed, so S_{x_0} ⊆ S_{x_1} ⊆ ... ⊆ V. A word w in S_{x_l} but not
 * in S_{x_(l-1)} (the "level l" of w) has
 *
 *     P(w | X) = gamma(x_0) gamma(x_1) ... gamma(x_(l-1)) P(w | x_l)              (interpolated.ts)
 *
 * so within one level the ranking of words is the level node's own ranking, and tempered weights are the
 * level node's own tempered weights times one factor. Per node x this file prepares, once, lazily: its
 * outcome children ranked by P(w | x) (descending, ties to the lower id), their exact probabilities (the
 * same floats `probabilityAt` gives), cumulative tempered weights, and the "holes" x leaves in the level
 * below (the ranks there of the words of S_x, with their widths). The distribution of X is then the
 * levels x_0, x_1, ..., U, each level minus the holes of the level above: a draw picks a level by its mass
 * and a word inside it by binary search, mapping past the holes (O(levels + log |S|) per draw).
 *
 * Truncation. The transformed ranking is a merge of the per-level rankings, so the kept set of top-k or
 * top-p is a prefix of every level: one cut per level. The cuts are found by selection over the levels
 * (pivot on the middle of the widest level, binary-search every level for the pivot's position, keep the
 * half that holds the target count or mass): O(levels^2 log^2 |V|) per history, however many words are
 * kept. A history's plan (its level cuts and masses) is cached per node by the sampler.
 *
 * Direct draws (`drawAt`), used when at most one truncation applies. Temperature alone needs no cut:
 * each level's mass is its node's total tempered weight minus the weight of the holes above it, both
 * kept per node, so a draw costs O(levels + log |S|) with no plan. One truncation alone (top-k or top-p)
 * draws by rejection (von Neumann 1951): draw from the tempered distribution and keep the word if the
 * truncation keeps it, else draw again; the kept draws follow the truncated distribution exactly. A word
 * is kept when the measure (count or tempered mass) ranked before it is below the target: one pass of
 * the selection's binary searches (O(levels log |V|)), and what it learns (every word ranked before a
 * kept one is kept, after a dropped one dropped) is remembered per history, so later draws there are
 * mostly decided by one comparison; for top-p, most first draws at a history are decided by a bound
 * with no search (`keptByBound`). The searches gallop from the most probable end of a ranked level
 * (Bentley and Yao 1976), where most draws and most tested words lie. Top-p keeps at least mass p, so it needs under 1 / p draws; top-k
 * may keep little mass (flat add-k distributions): after REJECTION_TRIES dropped draws `drawAt` returns
 * -1 and the sampler draws from the history's plan instead (each path yields the same distribution, so
 * tokens stay exact; only the count of uniform numbers consumed differs).
 *
 * Transforms, exactly as ./transform.ts defines them (temperature, then top-k, then top-p with the same
 * 1e-12 slack; ranking ties to the lower id), and property-tested against it on dense distributions.
 * Tempered weights are exp((log P - M) / T) with M the largest log-probability of the history's
 * distribution, as in transform.ts.
 */

import type { InterpolatedModel } from '../model/interpolated.js';
import { countAtMost, countAtMostFromStart, firstAbove, firstAboveFromStart, indexInSortedRange } from '../counts/sortedSearch.js';
import type { RandomSource } from '../random/random.js';
import type { SamplingOptions } from './sampling.js';

/** The level below the root (or below an add-k history): the uniform distribution over V. */
const UNIFORM = -1;

/**
 * The transformed next-token distribution of one history, packed in one array: [total, levels, then per
 * level (X first, UNIFORM last): node, cut (kept ranks 0 .. cut - 1, minus the holes of the level above),
 * factor (from the level's own tempered weights to this history's), kept mass in this history's scale,
 * number of the above level's holes below the cut].
 */
export type SparsePlan = Float64Array;

/** Draws `drawAt` tries before it leaves a history to its plan. */
export const REJECTION_TRIES = 4;

const INFO_WIDTH = 8;
const INFO_SIZE = 0;
const INFO_START = 1;
const INFO_TOTAL = 2;
const INFO_HOLE_MASS = 3;
const INFO_HOLE_COUNT = 4;
const INFO_DOWN = 5;
const INFO_LOWER = 6;
const INFO_KNOWLEDGE = 7;

const PLAN_HEAD = 2;
const PLAN_WIDTH = 5;

export class SparseTransformer {
  private readonly model: InterpolatedModel;
  private readonly temperature: number;
  private readonly topK: number;
  private readonly topP: number;
  /** Truncating: levels ranked by probability. Otherwise children stay in id order (no sorting). */
  private readonly ranking: boolean;
  /** One truncation alone (top-k or top-p): `drawAt` draws by rejection, selecting no cut. */
  private readonly rejecting: boolean;
  /**
   * True when `drawAt` draws the transformed distribution with no plan: temperature alone, or one
   * truncation alone. (Top-k and top-p at once: top-p's mass is taken of the top-k set, so `plan` selects.)
   */
  readonly direct: boolean;
  /** For ranks of node x's outcome children, at slots childStart[x] + r: the word, P, cumulative weight. */
  private readonly rankWord: Int32Array;
  private readonly probability: Float64Array;
  private readonly cumulative: Float64Array;
  private readonly logProbability: Float64Array;
  /** Rank of a child node among its parent's outcome children. */
  private readonly rankOf: Int32Array;
  /** Holes of node x in its lower level, at slots childStart[x] + h: rank there (ascending), start, shift. */
  private readonly holeRank: Int32Array;
  private readonly holeStart: Float64Array;
  private readonly holeShift: Float64Array;
  /** Per history node: M, the largest log-probability of its distribution. */
  private readonly logMax: Float64Array;
  /**
   * What a draw reads of a history node x, packed at x * INFO_WIDTH (a cache line's width) and written
   * when x is prepared: its ranked size (its outcome children, which are also its holes in the level
   * below), childStart, own total tempered weight, the weight and count of its holes among the ranks of
   * its lower level, its factor to the lower level, the lower level plus 2 (so 0 while x is unprepared),
   * and where `isKept` keeps what it learnt of x (at INFO_KNOWLEDGE: 1 + its offset in `pool`, 0 before
   * the first test: per level of the chain, ranks below the first number are kept and ranks from the
   * second on are dropped). One row, not an array per field: preparing a node writes this line and its M
   * (logMax), not six scattered values.
   */
  private readonly info: Float64Array;
  /** The `isKept` knowledge slot of the unseen add-k history (node -1, the uniform distribution alone). */
  private uniformKnowledge = 0;
  private pool = new Int32Array(1024);
  private poolUsed = 0;
  private readonly masses: Float64Array;
  private readonly holesKept: Int32Array;
  /** childStart of each laid-out level (0 for UNIFORM). */
  private readonly starts: Int32Array;
  private layoutTotal = 0;
  /** Where the last `chooseLevel` draw fell inside its level. */
  private rest = 0;
  /** Index of each outcome in V (ids ascending): its rank in the uniform level. */
  private readonly outcomeIndex: Int32Array;
  private readonly chain: Int32Array;
  private readonly gammas: Float64Array;
  private readonly low: Int32Array;
  private readonly high: Int32Array;
  private readonly position: Int32Array;
  private readonly logScale: Float64Array;
  private readonly logUniform: number;
  private readonly cuts: Int32Array;
  private readonly factors: Float64Array;
  /** Views of `chain` of every length (no allocation per draw). */
  private readonly levelViews: Int32Array[];
  private order = new Int32Array(64);
  private mergeBuffer = new Int32Array(64);
  private logScratch = new Float64Array(64);
  private probabilityScratch = new Float64Array(64);

  constructor(model: InterpolatedModel, sampling: SamplingOptions) {
    this.model = model;
    this.temperature = sampling.temperature;
    this.topK = sampling.topK;
    this.topP = sampling.topP;
    this.ranking = this.topK > 0 || this.topP < 1;
    this.rejecting = (this.topK > 0) !== (this.topP < 1);
    this.direct = !(this.topK > 0 && this.topP < 1);
    const nodes = model.trie.nodeCount;
    const histories = model.trie.levelStart[model.order]!;
    this.rankWord = new Int32Array(nodes);
    this.probability = new Float64Array(nodes);
    this.cumulative = new Float64Array(nodes);
    this.logProbability = new Float64Array(nodes);
    this.rankOf = new Int32Array(nodes);
    this.holeRank = new Int32Array(nodes);
    this.holeStart = new Float64Array(nodes);
    this.holeShift = new Float64Array(nodes);
    this.logMax = new Float64Array(histories);
    this.info = new Float64Array(histories * INFO_WIDTH);
    this.outcomeIndex = new Int32Array(model.idSpace); // read for outcomes only
    model.outcomes.forEach((id, index) => (this.outcomeIndex[id] = index));
    const depth = model.order + 2;
    this.chain = new Int32Array(depth);
    this.gammas = new Float64Array(depth);
    this.low = new Int32Array(depth);
    this.high = new Int32Array(depth);
    this.position = new Int32Array(depth);
    this.logScale = new Float64Array(depth);
    this.logUniform = Math.log(model.uniform);
    this.cuts = new Int32Array(depth);
    this.factors = new Float64Array(depth);
    this.masses = new Float64Array(depth);
    this.holesKept = new Int32Array(depth);
    this.starts = new Int32Array(depth);
    this.levelViews = Array.from({ length: depth + 1 }, (_, length) => this.chain.subarray(0, length));
  }

  // ---- levels: a node x >= 0, or UNIFORM ----

  private lower(x: number): number {
    return this.model.lower === 'uniform' ? UNIFORM : this.model.trie.suffix[x]!; // the root's suffix is -1: UNIFORM
  }

  /** Ranked items of a level with P > 0. */
  private size(level: number): number {
    // Stryker disable next-line ArithmeticOperator: equivalent, INFO_SIZE is 0
    return level === UNIFORM ? this.model.outcomes.length : this.info[level * INFO_WIDTH + INFO_SIZE]!;
  }

  /** P(w | level) of the item at rank r. */
  private probabilityAt(level: number, r: number): number {
    return level === UNIFORM ? this.model.uniform : this.probability[this.model.trie.childStart[level]! + r]!;
  }

  private idAt(level: number, r: number): number {
    return level === UNIFORM ? this.model.outcomes[r]! : this.rankWord[this.model.trie.childStart[level]! + r]!;
  }

  /** Sum of the level's own tempered weights over ranks < r. */
  private weightBelow(level: number, r: number): number {
    if (r <= 0) return 0;
    return level === UNIFORM ? r : this.cumulative[this.model.trie.childStart[level]! + r - 1]!;
  }

  private logMaxOf(level: number): number {
    return level === UNIFORM ? Math.log(this.model.uniform) : this.logMax[level]!;
  }

  // ---- holes of node x (its outcome children) in its lower level ----

  /** Holes of node x (not UNIFORM, which has none): its outcome children. */
  private holeCount(x: number): number {
    // Stryker disable next-line ArithmeticOperator: equivalent, INFO_SIZE is 0
    return this.info[x * INFO_WIDTH + INFO_SIZE]!;
  }

  /** Holes of x with rank < r in the lower level. */
  private holesBelow(x: number, r: number): number {
    if (x === UNIFORM) return 0;
    const from = this.model.trie.childStart[x]!;
    return countAtMost(this.holeRank, from, from + this.holeCount(x), r - 1);
  }

  /** holesBelow(x, r), quicker for a rank r near the start of the lower level. */
  private holesBelowNearStart(x: number, r: number): number {
    if (x === UNIFORM) return 0;
    const from = this.model.trie.childStart[x]!;
    return countAtMostFromStart(this.holeRank, from, from + this.holeCount(x), r - 1);
  }

  /** Lower-level weight of the first `h` holes of x. */
  private holeMass(x: number, h: number): number {
    return h <= 0 ? 0 : this.holeShift[this.model.trie.childStart[x]! + h - 1]!;
  }

  /**
   * Prepares node x (and the levels below it) once: its outcome children ranked with their exact
   * probabilities (rankOutcomes), their running transformed weights (cumulate), the holes they leave in
   * the lower level (placeHoles), then x's summary in `info`, whose INFO_LOWER written last marks x prepared.
   */
  private prepare(x: number): void {
    // Stryker disable next-line ConditionalExpression: equivalent, preparing again writes the same values (the flag only spares the work)
    if (x === UNIFORM || this.info[x * INFO_WIDTH + INFO_LOWER] !== 0) return;
    const lower = this.lower(x);
    this.prepare(lower);
    const from = this.model.trie.childStart[x]!;
    const gamma = this.model.gamma[x]!;
    const { n, ownMax } = this.rankOutcomes(x, lower, from, gamma);
    const lowerMax = Math.log(gamma) + this.logMaxOf(lower); // gamma 0: -Infinity
    const max = Math.max(ownMax, lowerMax);
    // Stryker disable next-line ConditionalExpression: equivalent, max is finite: a history has positive continuations, or gamma > 0
    const logMax = Number.isFinite(max) ? max : 0;
    this.cumulate(from, n, logMax);
    this.placeHoles(lower, from, n);
    this.logMax[x] = logMax;
    const info = this.info;
    const at = x * INFO_WIDTH;
    // every rank counts (a child of P = 0, which the smoothings never give, would have zero width)
    // Stryker disable next-line ArithmeticOperator: equivalent, INFO_SIZE is 0
    info[at + INFO_SIZE] = n; // before holesBelow, which reads it
    const holesInLower = this.holesBelow(x, this.size(lower));
    info[at + INFO_START] = from;
    info[at + INFO_TOTAL] = this.weightBelow(x, n);
    info[at + INFO_HOLE_MASS] = this.holeMass(x, holesInLower);
    info[at + INFO_HOLE_COUNT] = holesInLower;
    info[at + INFO_DOWN] = Math.exp((lowerMax - logMax) / this.temperature); // gamma 0: exp(-Infinity) = 0
    info[at + INFO_LOWER] = lower + 2; // last: x is prepared
  }

  /**
   * x's outcome children with their exact probabilities, alpha + gamma * P(w | lower) as probabilityAt
   * gives them, ranked as transform.ts ranks (by log-probability, 1-ulp differences the logarithm
   * merges being ties, then the lower id) into rankWord, rankOf, probability and logProbability from
   * `from`; `order` holds them ranked. Returns their number and their largest log-probability.
   */
  private rankOutcomes(x: number, lower: number, from: number, gamma: number): { n: number; ownMax: number } {
    const model = this.model;
    const trie = model.trie;
    const range = trie.childEnd[x]! - from;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, growing the buffers when they are large enough is harmless
    if (this.order.length < range) {
      this.order = new Int32Array(2 * range);
      this.logScratch = new Float64Array(2 * range);
      this.probabilityScratch = new Float64Array(2 * range);
    }
    const logs = this.logScratch;
    const probabilities = this.probabilityScratch;
    // Stryker disable next-line ConditionalExpression: equivalent, for UNIFORM lowerFrom is not read (below is model.uniform)
    const lowerFrom = lower === UNIFORM ? 0 : trie.childStart[lower]!;
    let n = 0;
    for (let c = from; c < from + range; c++) {
      if (!model.isOutcome(trie.word[c]!)) continue;
      const below = lower === UNIFORM ? model.uniform : this.probability[lowerFrom + this.rankOf[trie.suffix[c]!]!]!;
      const probability = model.alpha[c]! + gamma * below;
      probabilities[c - from] = probability;
      logs[c - from] = Math.log(probability);
      this.order[n++] = c;
    }
    // (children are in id order, so a stable sort by log-probability alone would do)
    const ranked = this.order;
    if (this.ranking) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, growing the buffer when it is large enough is harmless
      if (this.mergeBuffer.length < n) this.mergeBuffer = new Int32Array(2 * n);
      sortByKeyDescending(ranked, n, this.mergeBuffer, logs, from);
    }
    let ownMax = Number.NEGATIVE_INFINITY;
    for (let r = 0; r < n; r++) {
      const c = ranked[r]!;
      this.rankWord[from + r] = trie.word[c]!;
      this.rankOf[c] = r;
      this.probability[from + r] = probabilities[c - from]!;
      this.logProbability[from + r] = logs[c - from]!;
      ownMax = Math.max(ownMax, logs[c - from]!);
    }
    return { n, ownMax };
  }

  /** The running sums of the ranked children's transformed weights, p^(1/T) scaled by exp(logMax), into `cumulative` from `from`. */
  private cumulate(from: number, n: number, logMax: number): void {
    const temperature = this.temperature;
    const scale = Math.exp(logMax);
    let sum = 0;
    for (let r = 0; r < n; r++) {
      // P = 0 adds 0 either way (exp(-Infinity) = 0)
      sum += temperature === 1 ? this.probability[from + r]! / scale : Math.exp((this.logProbability[from + r]! - logMax) / temperature);
      this.cumulative[from + r] = sum;
    }
  }

  /** The holes the `n` ranked children (in `order`) leave in the lower level: their lower ranks ascending, with their lower-level widths. */
  private placeHoles(lower: number, from: number, n: number): void {
    const trie = this.model.trie;
    const ranked = this.order;
    const holes = this.order;
    // Stryker disable next-line EqualityOperator: equivalent, the extra pass writes holes[n], which nothing reads
    for (let r = 0; r < n; r++) {
      const c = ranked[r]!; // holes is ranked, mapped in place
      holes[r] = lower === UNIFORM ? this.outcomeIndex[trie.word[c]!]! : this.rankOf[trie.suffix[c]!]!;
    }
    // Stryker disable next-line ConditionalExpression: equivalent, in id order they are ascending already (the trie is suffix-closed): sorting changes nothing
    if (this.ranking) sortAscending(holes, n); // in id order they are ascending already (the trie is suffix-closed)
    let shift = 0;
    for (let h = 0; h < n; h++) {
      const rank = holes[h]!;
      const before = this.weightBelow(lower, rank);
      this.holeRank[from + h] = rank;
      this.holeStart[from + h] = before - shift;
      shift += this.weightBelow(lower, rank + 1) - before;
      this.holeShift[from + h] = shift;
    }
  }

  // ---- plans ----

  /** Fills chain, gammas, factors and cuts (every rank) for the levels of a history node; returns the depth. */
  private levelsOf(node: number): number {
    this.prepare(node);
    const { chain, gammas, cuts, factors } = this;
    let depth = 0;
    let factor = 1;
    for (let x = node; ; x = this.lower(x)) {
      chain[depth] = x;
      // Stryker disable next-line ConditionalExpression: equivalent, UNIFORM is the last level, whose gamma nothing reads
      gammas[depth] = x === UNIFORM ? 1 : this.model.gamma[x]!;
      factors[depth] = factor;
      cuts[depth] = this.size(x);
      depth++;
      // Stryker disable next-line ConditionalExpression: equivalent, past UNIFORM down[-1] is undefined, the factor NaN, and the next test breaks
      if (x === UNIFORM) break;
      factor *= this.info[x * INFO_WIDTH + INFO_DOWN]!;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, levels of factor 0 have mass 0 (never drawn) and take no part in select (log scale -Infinity)
      if (!(factor > 0)) break; // gamma 0: nothing below carries mass
    }
    return depth;
  }

  /** Builds the plan of a history node (as returned by `model.historyNode`): the transformed distribution. */
  plan(node: number): SparsePlan {
    const depth = this.levelsOf(node);
    const { chain, cuts, factors } = this;
    const levels = chain.subarray(0, depth);
    if (this.topK > 0) this.select(levels, cuts, factors, this.topK, false);
    if (this.topP < 1) {
      const total = this.keptMass(levels, cuts, factors);
      this.select(levels, cuts, factors, this.topPTarget(total), true);
    }
    const plan = new Float64Array(PLAN_HEAD + PLAN_WIDTH * depth);
    let total = 0;
    for (let l = 0; l < depth; l++) {
      const mass = this.measure(levels, l, cuts[l]!, factors, true);
      const at = PLAN_HEAD + PLAN_WIDTH * l;
      plan[at] = levels[l]!;
      plan[at + 1] = cuts[l]!;
      plan[at + 2] = factors[l]!;
      plan[at + 3] = mass;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, for level 0 levels[-1] is undefined, whose hole count (NaN) draws as none
      plan[at + 4] = this.holesBelow(l > 0 ? levels[l - 1]! : UNIFORM, cuts[l]!);
      total += mass;
    }
    plan[0] = total;
    plan[1] = depth;
    return plan;
  }

  /** The mass the top-p prefix must reach, from the mass it is taken of (transform.ts: p - 1e-12, relative). */
  private topPTarget(total: number): number {
    return Math.max((this.topP - 1e-12) * total, Number.MIN_VALUE);
  }

  /** Total kept mass over the levels, in this history's scale. */
  private keptMass(levels: Int32Array, cuts: Int32Array, factors: Float64Array): number {
    let total = 0;
    for (let l = 0; l < levels.length; l++) total += this.measure(levels, l, cuts[l]!, factors, true);
    return total;
  }

  /**
   * Count (or mass) of the kept items of level l below rank r; `nearStart` counts the holes by galloping
   * (for the ranks `isKept` measures, mostly near the start of a ranked level; `select`'s pivots, and
   * any rank of the uniform level, whose words are in id order and equally probable, fall anywhere).
   */
  private measure(levels: Int32Array, l: number, r: number, factors: Float64Array, byMass: boolean, nearStart = false): number {
    const level = levels[l]!;
    const above = l > 0 ? levels[l - 1]! : UNIFORM;
    // Stryker disable next-line ConditionalExpression: equivalent, both count the same holes
    const holes = nearStart && level !== UNIFORM ? this.holesBelowNearStart(above, r) : this.holesBelow(above, r);
    if (!byMass) return r - holes;
    return factors[l]! * Math.max(this.weightBelow(level, r) - this.holeMass(above, holes), 0);
  }

  /** log P(w | X) of the item at rank r of level l, P as the dense distribution computes it. */
  private valueAt(levels: Int32Array, l: number, r: number): number {
    const level = levels[l]!;
    let v = this.probabilityAt(level, r);
    for (let j = l - 1; j >= 0; j--) v *= this.gammas[j]!;
    return Math.log(v);
  }

  /** Measure of the prefix that keeps ranks below bounds[l] at each level (`nearStart`: see measure). */
  private measureOf(levels: Int32Array, bounds: Int32Array, factors: Float64Array, byMass: boolean, nearStart = false): number {
    let sum = 0;
    for (let l = 0; l < levels.length; l++) sum += this.measure(levels, l, bounds[l]!, factors, byMass, nearStart);
    return sum;
  }

  /** log P(w | level) of the item at rank r (the level's own scale). */
  private ownLog(level: number, r: number): number {
    return level === UNIFORM ? this.logUniform : this.logProbability[this.model.trie.childStart[level]! + r]!;
  }

  /** True when the item (v, id) comes no later than (pivotValue, pivotId) in the ranking. */
  private static notAfter(v: number, id: number, pivotValue: number, pivotId: number): boolean {
    return v > pivotValue || (v === pivotValue && id <= pivotId);
  }

  /**
   * Lowers `cuts` to the shortest prefix of the merged ranking whose measure (count, or mass in this
   * history's scale) reaches `target`; leaves them when the whole reaches less.
   */
  private select(levels: Int32Array, cuts: Int32Array, factors: Float64Array, target: number, byMass: boolean): void {
    if (!this.startBounds(levels, cuts, factors, target, byMass)) return;
    this.fillLogScale(levels.length);
    let narrowing = true;
    while (narrowing) narrowing = this.narrowBounds(levels, factors, target, byMass);
    this.cutAtCandidates(levels, cuts, factors, target, byMass);
  }

  /**
   * Each level's search range [low, high): all its kept ranks (none for a level whose kept ranks are all
   * holes); false when even all of them do not reach the target (the cuts stay as they are).
   */
  private startBounds(levels: Int32Array, cuts: Int32Array, factors: Float64Array, target: number, byMass: boolean): boolean {
    const { low, high } = this;
    // Stryker disable next-line EqualityOperator: equivalent, the extra pass writes low[n] and high[n], which nothing reads
    for (let l = 0; l < levels.length; l++) {
      low[l] = 0;
      // a level whose kept ranks are all holes (U under a model whose support is all seen) takes no part
      // (only spares the search: any position there measures 0, as in isKept)
      // Stryker disable next-line ConditionalExpression,EqualityOperator,BooleanLiteral: equivalent, see above
      high[l] = this.measure(levels, l, cuts[l]!, factors, false) > 0 ? cuts[l]! : 0;
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the search below then never reaches the target and leaves the cuts (the test only spares it)
    return this.measureOf(levels, high, factors, byMass) >= target;
  }

  /** logScale[l]: the log of the gammas of the levels above l (each level's values are its own times those). */
  private fillLogScale(n: number): void {
    const logScale = this.logScale;
    // Stryker disable next-line EqualityOperator: equivalent, the extra pass writes logScale[n], which nothing reads
    for (let l = 0, sum = 0; l < n; l++) {
      logScale[l] = sum;
      sum += Math.log(this.gammas[l]!);
    }
  }

  /**
   * One step of the search: the pivot is the middle of the widest level with two ranks or more; every
   * level's range is cut at the pivot's place in it, kept below if the ranks before the pivot reach the
   * target, above if not. False when no level has two ranks left.
   */
  private narrowBounds(levels: Int32Array, factors: Float64Array, target: number, byMass: boolean): boolean {
    const { low, high, position, logScale } = this;
    const n = levels.length;
    const widest = this.widestLevel(n);
    if (widest < 0) return false;
    const middle = (low[widest]! + high[widest]! - 1) >>> 1;
    const pivotValue = this.valueAt(levels, widest, middle);
    const pivotId = this.idAt(levels[widest]!, middle);
    const pivotApprox = this.ownLog(levels[widest]!, middle) + logScale[widest]!;
    // Stryker disable next-line EqualityOperator: equivalent, the extra pass writes position[n], which nothing reads
    for (let l = 0; l < n; l++) {
      position[l] = l === widest ? middle + 1 : this.firstAfter(levels, l, low[l]!, high[l]!, pivotValue, pivotId, pivotApprox - logScale[l]!);
    }
    const reached = this.measureOf(levels, position, factors, byMass) >= target;
    // Stryker disable next-line EqualityOperator: equivalent, the extra pass writes low[n] or high[n], which nothing reads
    for (let l = 0; l < n; l++) {
      if (reached) high[l] = position[l]!;
      else low[l] = position[l]!;
    }
    return true;
  }

  /** The level with the most ranks left, two or more (any such level would do as the pivot's: the answer does not depend on the pivots, only the speed); -1 if none. */
  private widestLevel(n: number): number {
    const { low, high } = this;
    let widest = -1;
    // Stryker disable next-line EqualityOperator: equivalent, the extra pass reads high[n] - low[n], never wider
    for (let l = 0; l < n; l++) {
      const width = high[l]! - low[l]!;
      if (width < 2) continue;
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent, which level gives the pivot (see above)
      if (widest < 0 || width > high[widest]! - low[widest]!) widest = l;
    }
    return widest;
  }

  /** At most one candidate per level remains: the cuts take them in ranking order until the target is reached. */
  private cutAtCandidates(levels: Int32Array, cuts: Int32Array, factors: Float64Array, target: number, byMass: boolean): void {
    const { low, high } = this;
    const n = levels.length;
    // Stryker disable next-line ArrayDeclaration: equivalent, a string candidate indexes the typed arrays as a property: ignored
    const candidates: number[] = [];
    // Stryker disable next-line EqualityOperator: equivalent, a candidate n (from stale low[n], high[n]) sets cuts[n], past the levels
    for (let l = 0; l < n; l++) if (high[l]! > low[l]!) candidates.push(l);
    candidates.sort((a, b) => {
      const va = this.valueAt(levels, a, low[a]!);
      const vb = this.valueAt(levels, b, low[b]!);
      return vb - va || this.idAt(levels[a]!, low[a]!) - this.idAt(levels[b]!, low[b]!);
    });
    // Stryker disable next-line EqualityOperator: equivalent, cuts[n] is past the levels
    for (let l = 0; l < n; l++) cuts[l] = low[l]!;
    for (const l of candidates) {
      cuts[l] = low[l]! + 1;
      if (this.measureOf(levels, cuts, factors, byMass) >= target) return;
    }
  }

  /**
   * The first rank in [a, b) of level l that comes after the pivot (log value `pivotValue`, id `pivotId`)
   * in the ranking; `threshold` is the pivot's approximate log value in the level's own scale. With
   * `nearStart`, gallops from a first (probing a, a + 1, a + 3, ...: quicker when the answer is near a, as
   * for the draws `isKept` tests, most of them probable words), then searches between the last two probes.
   */
  private firstAfter(levels: Int32Array, l: number, a: number, b: number, pivotValue: number, pivotId: number, threshold: number, nearStart = false): number {
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: equivalent, the gallop only narrows [a, b) around the same answer
    if (nearStart) {
      const start = a;
      for (let step = 1; start + step - 1 < b; step *= 2) {
        const probe = start + step - 1;
        if (!this.notAfterPivot(levels, l, probe, pivotValue, pivotId, threshold)) {
          b = probe;
          break;
        }
        a = probe + 1;
      }
    }
    while (a < b) {
      const m = (a + b) >>> 1;
      if (this.notAfterPivot(levels, l, m, pivotValue, pivotId, threshold)) a = m + 1;
      else b = m;
    }
    return a;
  }

  /** True when rank m of level l comes no later than the pivot in the ranking (see firstAfter). */
  private notAfterPivot(levels: Int32Array, l: number, m: number, pivotValue: number, pivotId: number, threshold: number): boolean {
    const level = levels[l]!;
    // the sum of logarithms decides unless within 1e-9 of the pivot; then the exact value does (the band
    // only spares exact values: they decide the same outside it)
    const gap = this.ownLog(level, m) - threshold;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, see above
    return gap > 1e-9 || (gap >= -1e-9 && SparseTransformer.notAfter(this.valueAt(levels, l, m), this.idAt(level, m), pivotValue, pivotId));
  }

  // ---- drawing ----

  /** Draws one word id from a plan with one uniform number. */
  draw(plan: SparsePlan, random: RandomSource): number {
    const chosen = this.chooseLevel(plan, PLAN_HEAD + 3, PLAN_WIDTH, plan[1]!, random() * plan[0]!);
    const at = PLAN_HEAD + PLAN_WIDTH * chosen;
    const s = this.rest;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, level 0 keeps no holes above it (plan[at + 4] = 0), so `above` is never read
    const above = chosen > 0 ? plan[at - PLAN_WIDTH]! : UNIFORM;
    const level = plan[at]!;
    const childStart = this.model.trie.childStart;
    // Stryker disable next-line ConditionalExpression: equivalent, UNIFORM's start is never read
    const from = level === UNIFORM ? 0 : childStart[level]!;
    // Stryker disable next-line ConditionalExpression: equivalent, for UNIFORM (level 0) no holes are kept, so holeFrom is not read
    const holeFrom = above === UNIFORM ? 0 : childStart[above]!;
    return this.idAt(level, this.drawInLevel(level, from, above, holeFrom, plan[at + 1]!, s / plan[at + 2]!, plan[at + 4]!));
  }

  /**
   * The level a draw t in [0, total mass) falls in, the masses read at values[offset + stride l] for
   * l < depth (levels without mass skipped), and in `rest` the draw's place inside it (the level's whole
   * mass when rounding ran past the end: its last kept word). Some level always has mass: the most
   * probable word has tempered weight 1 (M is its log-probability), and every truncation keeps it; a model
   * trained on nothing still has the uniform level over {</s>}. Shared by `draw` (a plan's masses) and
   * `drawAt` (the laid-out masses).
   */
  private chooseLevel(values: Float64Array, offset: number, stride: number, depth: number, t: number): number {
    // Stryker disable next-line UnaryOperator: equivalent, some level has mass, so chosen is always set
    let chosen = -1;
    let last = 0;
    for (let l = 0; l < depth; l++) {
      const mass = values[offset + stride * l]!;
      if (!(mass > 0)) continue;
      chosen = l;
      last = mass;
      if (t < mass) {
        this.rest = t;
        return l;
      }
      t -= mass;
    }
    this.rest = last;
    return chosen;
  }

  /**
   * Lays out the levels of history `node` with every rank (a plan before truncation) in chain, factors,
   * cuts, masses and holesKept, and their total tempered mass in layoutTotal, summed as `plan` sums it;
   * returns the depth. O(levels) once the node is prepared.
   */
  private layOut(node: number): number {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, prepare() makes the same test first (the guard spares a call per draw)
    if (node !== UNIFORM && this.info[node * INFO_WIDTH + INFO_LOWER] === 0) this.prepare(node);
    const { chain, factors, cuts, masses, holesKept, starts, info } = this;
    let depth = 0;
    let factor = 1;
    let total = 0;
    let aboveHoleMass = 0;
    let aboveHoleCount = 0;
    for (let x = node; ; ) {
      const at = x * INFO_WIDTH;
      // Stryker disable next-line ArithmeticOperator: equivalent, INFO_SIZE is 0
      const size = x === UNIFORM ? this.model.outcomes.length : info[at + INFO_SIZE]!;
      const own = x === UNIFORM ? size : info[at + INFO_TOTAL]!; // weightBelow(x, size)
      const mass = factor * Math.max(own - aboveHoleMass, 0);
      chain[depth] = x;
      // Stryker disable next-line ConditionalExpression: equivalent, UNIFORM's start is never read (and info[-7] is undefined, stored as 0)
      starts[depth] = x === UNIFORM ? 0 : info[at + INFO_START]!;
      factors[depth] = factor;
      cuts[depth] = size;
      masses[depth] = mass;
      holesKept[depth] = aboveHoleCount;
      total += mass;
      depth++;
      // Stryker disable next-line ConditionalExpression: equivalent, past UNIFORM info[-3] is undefined, the factor NaN, and the next test breaks
      if (x === UNIFORM) break;
      factor *= info[at + INFO_DOWN]!;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, levels of factor 0 have mass 0 (never drawn) and take no part in isKept (log scale -Infinity: position 0)
      if (!(factor > 0)) break; // gamma 0: nothing below carries mass
      aboveHoleMass = info[at + INFO_HOLE_MASS]!;
      aboveHoleCount = info[at + INFO_HOLE_COUNT]!;
      x = info[at + INFO_LOWER]! - 2;
    }
    this.layoutTotal = total;
    return depth;
  }

  /**
   * Draws one word id from the transformed distribution of history `node` (as `model.historyNode` gives
   * it) without a plan, when `direct`. Temperature alone: one draw from the tempered distribution, whose
   * level masses need no search once the levels are prepared. One truncation alone: by rejection, draws
   * from the tempered distribution until `isKept` keeps the word. Exact: the kept draws follow the
   * tempered distribution restricted to the kept set, renormalised, which is the truncated distribution
   * (von Neumann 1951). Top-p keeps at least mass p, so top-p alone needs fewer than 1 / p draws on
   * average; top-k may keep little mass (a flat add-k distribution), so after REJECTION_TRIES draws that
   * were all dropped it gives up and returns -1: the caller then draws from `plan(node)` with fresh
   * numbers, which leaves every token's distribution exact (each path yields the truncated distribution).
   * Consumes one uniform number per draw.
   */
  drawAt(node: number, random: RandomSource): number {
    const depth = this.layOut(node);
    const { chain, factors, cuts, masses, holesKept, starts } = this;
    const total = this.layoutTotal;
    for (let tries = 0; tries < REJECTION_TRIES; tries++) {
      const chosen = this.chooseLevel(masses, 0, 1, depth, random() * total);
      const level = chain[chosen]!;
      const s = this.rest;
      const from = starts[chosen]!;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, level 0 has no holes above it (holesKept[0] = 0), so `above` is never read
      const r = chosen > 0
        ? this.drawInLevel(level, from, chain[chosen - 1]!, starts[chosen - 1]!, cuts[chosen]!, s / factors[chosen]!, holesKept[chosen]!)
        : this.drawInLevel(level, from, UNIFORM, 0, cuts[0]!, s, 0);
      if (!this.rejecting || this.isKept(node, depth, total, chosen, r)) return level === UNIFORM ? this.model.outcomes[r]! : this.rankWord[from + r]!;
    }
    return -1;
  }

  /**
   * True when the truncation keeps the item at rank r of level l of history `node`, whose levels `drawAt`
   * has just laid out (depth levels, total tempered mass `total`): for top-p, when the mass ranked before
   * it is below the target (the shortest prefix reaching the target is kept), for top-k when fewer than
   * k items rank before it; prefixes measured exactly as `select` measures them. What a test learns is
   * kept per history (every item ranked before a kept item is kept, every item ranked after a dropped
   * one is dropped), so most draws at a history seen before are decided by one comparison; and most
   * first draws at a history by `keptByBound`, without a search.
   */
  private isKept(node: number, depth: number, total: number, l: number, r: number): boolean {
    let at = (node === UNIFORM ? this.uniformKnowledge : this.info[node * INFO_WIDTH + INFO_KNOWLEDGE]!) - 1;
    // The knowledge only spares the search below, which decides the same: reading less of it is equivalent.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: equivalent, see above
    if (at >= 0) {
      // Stryker disable next-line ConditionalExpression: equivalent, see above
      if (r < this.pool[at + 2 * l]!) return true;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, see above (r equal to the bound: the search drops it too)
      if (r >= this.pool[at + 2 * l + 1]!) return false;
    }
    if (this.keptByBound(total, l, r)) {
      // Stryker disable next-line ConditionalExpression: equivalent, a history that keeps no slot only learns less
      if (at < 0) at = this.knowledgeSlot(node, depth);
      // Stryker disable next-line MethodExpression: equivalent, learning less (the kept bound stays)
      this.pool[at + 2 * l] = Math.max(this.pool[at + 2 * l]!, r + 1);
      return true;
    }
    const levels = this.levelViews[depth]!;
    this.fillScales(levels, depth);
    this.positionsOf(levels, depth, l, r);
    const { factors, position } = this;
    const kept = this.topK > 0 ? this.measureOf(levels, position, factors, false, true) < this.topK : this.measureOf(levels, position, factors, true, true) < this.topPTarget(total);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a history that keeps no slot (or a fresh one each time) only learns less
    if (at < 0) at = this.knowledgeSlot(node, depth);
    this.learn(at, depth, l, r, kept);
    return kept;
  }

  /** gammas[k] and logScale[k] of the history's first `depth` levels (as laid out in `levels`). */
  private fillScales(levels: Int32Array, depth: number): void {
    const { gammas, logScale } = this;
    // Stryker disable next-line EqualityOperator: equivalent, the extra pass writes gammas[depth] and logScale[depth], which nothing reads
    for (let k = 0, sum = 0; k < depth; k++) {
      // Stryker disable next-line ConditionalExpression: equivalent, UNIFORM is the last level, whose gamma nothing reads
      gammas[k] = levels[k] === UNIFORM ? 1 : this.model.gamma[levels[k]!]!;
      logScale[k] = sum;
      sum += Math.log(gammas[k]!);
    }
  }

  /** position[k]: how many ranks of level k come before the item at rank r of level l in the ranking (r itself in level l). */
  private positionsOf(levels: Int32Array, depth: number, l: number, r: number): void {
    const { cuts, holesKept, position, logScale } = this;
    const value = this.valueAt(levels, l, r);
    const id = this.idAt(levels[l]!, r);
    const approx = this.ownLog(levels[l]!, r) + logScale[l]!;
    // Stryker disable next-line EqualityOperator: equivalent, the extra pass writes position[depth], which nothing reads
    for (let k = 0; k < depth; k++) {
      if (k === l) {
        position[k] = r;
        continue;
      }
      // as in select: a level whose ranks are all holes takes no part (only spares the search: every rank
      // of such a level, counted or weighed, is a hole, so any position there measures 0; and an item of
      // zero tempered weight, the only kind a weighed-empty level has, ranks after every item drawn); as
      // layOut left them, a level's ranks number cuts[k] and the holes of the level above among them holesKept[k]
      // Stryker disable next-line ConditionalExpression,EqualityOperator,BooleanLiteral: equivalent, see above
      // (galloping in a ranked level; the uniform level's words are in id order, the word anywhere among them)
      position[k] = cuts[k]! > holesKept[k]! ? this.firstAfter(levels, k, 0, cuts[k]!, value, id, approx - logScale[k]!, levels[k] !== UNIFORM) : 0;
    }
  }

  /** Keeps in the history's knowledge slot `at` what the test of rank r of level l found: every item before a kept one is kept, every item from a dropped one's place on is dropped. */
  private learn(at: number, depth: number, l: number, r: number, kept: boolean): void {
    const { pool, position } = this;
    // Stryker disable BlockStatement: equivalent, emptying the loop or a branch learns nothing
    // Stryker disable next-line ConditionalExpression: equivalent, learning nothing
    for (let k = 0; k < depth; k++) {
      if (kept) {
        // Stryker disable next-line MethodExpression,ConditionalExpression: equivalent, learning less (the kept bound stays, or rises to r only)
        pool[at + 2 * k] = Math.max(pool[at + 2 * k]!, k === l ? r + 1 : position[k]!);
      } else {
        // Stryker disable next-line MethodExpression: equivalent, learning nothing (the dropped bound stays)
        pool[at + 2 * k + 1] = Math.min(pool[at + 2 * k + 1]!, position[k]!);
      }
    }
    // Stryker restore BlockStatement
  }

  /**
   * True when top-p surely keeps the item at rank r of level l of the history `drawAt` has laid out, by a
   * bound that needs no search: the items ranked before it in the other levels weigh at most those levels'
   * whole mass (total - masses[l]), and in its own level at most the weight of the ranks before it (holes
   * included), so when that sum is below top-p's target by more than rounding could err (1e-9 of the
   * total), the exact measure `isKept` would take is below it too. Decides most first draws at a history.
   */
  private keptByBound(total: number, l: number, r: number): boolean {
    if (this.topK > 0) return false; // a count bound would take every other level whole: it rarely decides
    const before = total - this.masses[l]! + this.factors[l]! * this.weightBelow(this.chain[l]!, r);
    return before + 1e-9 * total < this.topPTarget(total);
  }

  /** Gives history `node` a slot of knowledge in `pool` (ranks kept below 0, dropped from each level's size). */
  private knowledgeSlot(node: number, depth: number): number {
    const at = this.poolUsed;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator,BlockStatement: equivalent, writes past the pool are no-ops and reads there give undefined, which decides nothing
    if (at + 2 * depth > this.pool.length) {
      // Stryker disable next-line ArithmeticOperator: equivalent for depth <= 128 (order <= 127): 2 (at - 2 depth) and 2 (at + 2 / depth) still hold at + 2 depth once at > 1024 - 2 depth
      const grown = new Int32Array(2 * (at + 2 * depth));
      grown.set(this.pool);
      this.pool = grown;
    }
    // Stryker disable next-line EqualityOperator: equivalent, the extra write is the next slot's, which its owner sets when it takes it
    for (let k = 0; k < depth; k++) this.pool[at + 2 * k + 1] = this.cuts[k]!;
    this.poolUsed += 2 * depth;
    // Stryker disable next-line ConditionalExpression: equivalent, writing info[-1] is a no-op: the unseen history keeps no knowledge
    if (node === UNIFORM) this.uniformKnowledge = at + 1;
    else this.info[node * INFO_WIDTH + INFO_KNOWLEDGE] = at + 1;
    return at;
  }

  /** The rank of the word at level-own weight `s` among the ranks 0 .. cut - 1 of `level` that are not holes of `above`. */
  private drawInLevel(level: number, from: number, above: number, holeFrom: number, cut: number, s: number, holesKept: number): number {
    // level 0 (above UNIFORM) has no holes kept: holesKept is 0
    let target = s;
    const holes = countAtMost(this.holeStart, holeFrom, holeFrom + holesKept, target);
    if (holes > 0) target += this.holeShift[holeFrom + holes - 1]!;
    let r: number;
    let zeroWidth = false;
    if (level === UNIFORM) r = Math.min(Math.floor(target), cut - 1);
    else {
      // ranked most probable first (truncating), draws land near the start: a gallop from there; in id
      // order (temperature alone) anywhere: a bisection
      r = (this.ranking ? firstAboveFromStart(this.cumulative, from, from + cut, target) : firstAbove(this.cumulative, from, from + cut, target)) - from;
      zeroWidth = !(this.cumulative[from + r]! > (r > 0 ? this.cumulative[from + r - 1]! : 0));
    }
    // the rank can only be a hole next to the ones skipped; rounding may land there or on a zero width:
    // then move to the nearest kept rank
    const onHole = (holes > 0 && this.holeRank[holeFrom + holes - 1] === r) || (holes < holesKept && this.holeRank[holeFrom + holes] === r);
    if (onHole || zeroWidth) {
      let up = r;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, an up walk past the cut is discarded by the next test
      while (up < cut && !this.keptAt(level, above, up)) up++;
      if (up < cut) r = up;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a level with mass has a kept rank, which the walk down reaches before 0 (and r = -1 returns 0)
      else while (r > 0 && !this.keptAt(level, above, r)) r--;
    }
    return Math.max(r, 0);
  }

  /** True when rank r of `level` has positive weight and is not a hole of `above`. */
  private keptAt(level: number, above: number, r: number): boolean {
    return this.weightBelow(level, r + 1) > this.weightBelow(level, r) && !this.isHole(above, r);
  }

  private isHole(above: number, r: number): boolean {
    // Stryker disable next-line ConditionalExpression: equivalent, for UNIFORM the search runs over childStart[-1] (undefined): found nowhere
    if (above === UNIFORM) return false;
    const from = this.model.trie.childStart[above]!;
    // Stryker disable next-line EqualityOperator: equivalent, child slots start at 1 (slot 0 is the root): a found slot is never 0
    return indexInSortedRange(this.holeRank, from, from + this.holeCount(above), r) >= 0;
  }

  /** The plan as an explicit distribution (for tests): ids ascending, probabilities. */
  materialize(plan: SparsePlan): { ids: Int32Array; probabilities: Float64Array } {
    const entries: Array<[number, number]> = [];
    // Stryker disable next-line EqualityOperator: equivalent, the extra pass reads past the plan: undefined cut, no ranks
    for (let l = 0; l < plan[1]!; l++) {
      const at = PLAN_HEAD + PLAN_WIDTH * l;
      const level = plan[at]!;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, for level 0 plan[-3] is undefined, whose holes are none, as UNIFORM's
      const above = l > 0 ? plan[at - PLAN_WIDTH]! : UNIFORM;
      for (let r = 0; r < plan[at + 1]!; r++) {
        if (this.isHole(above, r)) continue;
        const width = this.width(level, r);
        if (width > 0) entries.push([this.idAt(level, r), (plan[at + 2]! * width) / plan[0]!]);
      }
    }
    entries.sort((a, b) => a[0] - b[0]);
    return { ids: Int32Array.from(entries, (e) => e[0]), probabilities: Float64Array.from(entries, (e) => e[1]) };
  }

  /**
   * The distribution `drawAt` draws at history `node`, made explicit (for tests): every item of the
   * tempered distribution (a pair of level and rank) is put to `isKept`, in the order `reorder` leaves
   * them in when given (so what the history has learnt before each question varies), the kept ones
   * renormalised; ids ascending.
   */
  materializeDirect(node: number, reorder?: (items: Array<[number, number]>) => void): { ids: Int32Array; probabilities: Float64Array } {
    const depth = this.layOut(node);
    const total = this.layoutTotal;
    const items: Array<[number, number]> = [];
    for (let l = 0; l < depth; l++) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, for level 0 chain[-1] is undefined, whose holes are none, as UNIFORM's
      const above = l > 0 ? this.chain[l - 1]! : UNIFORM;
      if (!(this.masses[l]! > 0)) continue;
      for (let r = 0; r < this.cuts[l]!; r++) if (!this.isHole(above, r) && this.width(this.chain[l]!, r) > 0) items.push([l, r]);
    }
    reorder?.(items);
    const entries: Array<[number, number]> = [];
    for (const [l, r] of items) {
      if (this.rejecting && !this.isKept(node, depth, total, l, r)) continue;
      entries.push([this.idAt(this.chain[l]!, r), this.factors[l]! * this.width(this.chain[l]!, r)]);
    }
    const kept = entries.reduce((sum, [, weight]) => sum + weight, 0);
    entries.sort((a, b) => a[0] - b[0]);
    return { ids: Int32Array.from(entries, (e) => e[0]), probabilities: Float64Array.from(entries, (e) => e[1] / kept) };
  }

  /** The level's own tempered weight of the item at rank r. */
  private width(level: number, r: number): number {
    return this.weightBelow(level, r + 1) - this.weightBelow(level, r);
  }
}

/** Sorts items[0 .. n) ascending: by insertion for a few (no view made per history), else the built-in sort. */
function sortAscending(items: Int32Array, n: number): void {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: equivalent, either sort gives the same order
  if (n > 24) {
    items.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const item = items[i]!;
    let j = i - 1;
    // Stryker disable next-line ConditionalExpression: equivalent, at j = -1 the item read is undefined, which compares false
    while (j >= 0 && items[j]! > item) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = item;
  }
}

/**
 * Stable merge sort of the child nodes items[0 .. n) by `keys[node - offset]`, descending (children come in id order, so
 * ties keep the lower id first, as transform.ts ranks). Typed arrays only, no comparator calls.
 */
function sortByKeyDescending(items: Int32Array, n: number, buffer: Int32Array, keys: Float64Array, offset: number): void {
  // insertion sort for a few items, else merge sort: both stable, so the threshold only picks the faster
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: equivalent, either sort gives the same stable order
  if (n <= 24) {
    for (let i = 1; i < n; i++) {
      const item = items[i]!;
      const key = keys[item - offset]!;
      let j = i - 1;
      // Stryker disable next-line ConditionalExpression: equivalent, at j = -1 the key read is undefined, which compares false
      while (j >= 0 && keys[items[j]! - offset]! < key) {
        items[j + 1] = items[j]!;
        j--;
      }
      items[j + 1] = item;
    }
    return;
  }
  let from = items;
  let to = buffer.subarray(0, n);
  // Stryker disable next-line EqualityOperator: equivalent, one more pass copies the sorted run (the last line copies it back)
  for (let width = 1; width < n; width *= 2) {
    // Stryker disable next-line EqualityOperator: equivalent, a run starting at n is empty
    for (let start = 0; start < n; start += 2 * width) {
      const middle = Math.min(start + width, n);
      const end = Math.min(start + 2 * width, n);
      let i = start;
      let j = middle;
      let k = start;
      while (i < middle && j < end) to[k++] = keys[from[j]! - offset]! > keys[from[i]! - offset]! ? from[j++]! : from[i++]!;
      while (i < middle) to[k++] = from[i++]!;
      // Stryker disable next-line EqualityOperator: equivalent, the extra copy writes the next run's first slot (rewritten by its merge) or past the subarray (a no-op)
      while (j < end) to[k++] = from[j++]!;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  // Stryker disable next-line ConditionalExpression: equivalent, items.set(items) is a no-op
  if (from !== items) items.set(from);
}
