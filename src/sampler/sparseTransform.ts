/**
 * Fast exact temperature / top-k / top-p sampling for interpolated models, without building the dense
 * distribution of every history.
 *
 * Why it works: for a history node X with chain X = x_m, ..., x_1 above the base level, every word w that
 * is not a seen continuation of any x_i ("S", the sparse set) has P(w | X) = G * base(w), where
 * G = gamma(x_m) ... gamma(x_1) and base is the distribution below the chain: P(. | root) for back-off
 * (`suffix`) models, the uniform distribution for add-k. So outside S the ranking of words is the fixed
 * ranking of `base`, computed once per sampler, and tempered weights are G^(1/T) base(w)^(1/T), whose
 * prefix sums along that ranking are also computed once. Per history only S is explicit (O(|S| log |S|)
 * plus the length of the kept prefix for top-k / top-p); a draw costs O(log |S| + log |V|).
 *
 * The transforms are exactly those of smoothedSampler.ts `transformDistribution` (temperature, then
 * top-k, then top-p; ranking ties to the lower id) and the property tests compare the two.
 */

import { countAtMost, firstAbove, indexInSortedRange } from '../counts/sortedSearch.js';
import type { InterpolatedModel } from '../model/interpolated.js';
import type { RandomSource } from '../random/random.js';
import type { SamplingOptions } from './sampling.js';

/** The transformed next-token distribution of one history, in sparse form. */
export interface SparsePlan {
  /** Kept words of S, most probable first, with cumulative tempered weights. */
  readonly sparseIds: Int32Array;
  readonly sparseCumulative: Float64Array;
  /** Non-S words kept: base ranks 0 .. keptRanks-1 except the holes. */
  readonly keptRanks: number;
  /** Ranks (ascending) of S words among the kept base ranks, and their base tempered weights. */
  readonly holeRanks: Int32Array;
  readonly holeWidths: Float64Array;
  /** holeStarts[h] = start of hole h in non-hole coordinates; holeShift[h] = total width of holes 0..h. */
  readonly holeStarts: Float64Array;
  readonly holeShift: Float64Array;
  /** Multiplier from base tempered weights to this history's tempered weights. */
  readonly scale: number;
  readonly sparseMass: number;
  readonly baseMass: number;
  /** Entries held (for cache accounting). */
  readonly size: number;
}

export class SparseTransformer {
  private readonly model: InterpolatedModel;
  private readonly sampling: SamplingOptions;
  /** V ids ranked by base probability, descending, ties to the lower id. */
  readonly ranked: Int32Array;
  private readonly rankOf: Int32Array;
  /** log base(w) by id. */
  private readonly logBase: Float64Array;
  private readonly logBaseMax: number;
  /** prefix[r] = sum over ranks < r of exp((log base - log baseMax) / T). */
  private readonly prefix: Float64Array;
  private readonly stamp: Int32Array;
  private readonly accumulated: Float64Array;
  private readonly logP: Float64Array;
  private generation = 0;
  private readonly chain: Int32Array;

  constructor(model: InterpolatedModel, sampling: SamplingOptions) {
    this.model = model;
    this.sampling = sampling;
    const base = new Float64Array(model.idSpace);
    if (model.lower === 'suffix') model.fillDistribution(0, base);
    else for (const id of model.outcomes) base[id] = model.uniform;
    this.ranked = Int32Array.from(model.outcomes).sort();
    const order = Array.from(this.ranked).sort((a, b) => base[b]! - base[a]! || a - b);
    this.ranked = Int32Array.from(order);
    this.rankOf = new Int32Array(model.idSpace).fill(-1);
    this.ranked.forEach((id, r) => (this.rankOf[id] = r));
    this.logBase = new Float64Array(model.idSpace).fill(Number.NEGATIVE_INFINITY);
    for (const id of model.outcomes) this.logBase[id] = Math.log(base[id]!);
    this.logBaseMax = this.ranked.length > 0 ? this.logBase[this.ranked[0]!]! : 0;
    this.prefix = new Float64Array(this.ranked.length + 1);
    for (let r = 0; r < this.ranked.length; r++) {
      this.prefix[r + 1] = this.prefix[r]! + this.tempered(this.logBase[this.ranked[r]!]!, this.logBaseMax);
    }
    this.stamp = new Int32Array(model.idSpace);
    this.accumulated = new Float64Array(model.idSpace);
    this.logP = new Float64Array(model.idSpace);
    this.chain = new Int32Array(model.order + 1);
  }

  private tempered(logP: number, logMax: number): number {
    return logP === Number.NEGATIVE_INFINITY ? 0 : Math.exp((logP - logMax) / this.sampling.temperature);
  }

  /** Builds the plan of a history node (as returned by `model.historyNode`). */
  plan(node: number): SparsePlan {
    const model = this.model;
    const trie = model.trie;
    // chain above the base level, and G
    let depth = 0;
    if (model.lower === 'uniform') {
      if (node >= 0) this.chain[depth++] = node;
    } else {
      for (let x = node; x > 0; x = trie.suffix[x]!) this.chain[depth++] = x;
    }
    // S and its exact probabilities: P(w | X) = sum_i (gamma(x_1..x_{i-1})) alpha(x_i w) + G base(w)
    this.generation++;
    const sparse: number[] = [];
    let coefficient = 1;
    for (let i = 0; i < depth; i++) {
      const x = this.chain[i]!;
      for (let c = trie.childStart[x]!; c < trie.childEnd[x]!; c++) {
        const w = trie.word[c]!;
        if (!model.isOutcome(w)) continue;
        if (this.stamp[w] !== this.generation) {
          this.stamp[w] = this.generation;
          this.accumulated[w] = 0;
          sparse.push(w);
        }
        this.accumulated[w] += coefficient * model.alpha[c]!;
      }
      coefficient *= model.gamma[x]!;
    }
    const logG = Math.log(coefficient);
    const logP = this.logP;
    for (const w of sparse) logP[w] = Math.log(this.accumulated[w]! + coefficient * Math.exp(this.logBase[w]!));
    const { topK, topP } = this.sampling;
    const truncating = topK > 0 || topP < 1;
    if (truncating) sparse.sort((a, b) => logP[b]! - logP[a]! || a - b);
    // reference maximum M, tempered weights relative to it
    let logM = logG + this.logBaseMax;
    for (const w of sparse) if (logP[w]! > logM) logM = logP[w]!;
    if (!Number.isFinite(logM)) logM = 0;
    const scale = this.tempered(logG + this.logBaseMax, logM);
    const sparseWeights = sparse.map((w) => this.tempered(logP[w]!, logM));
    const inS = (id: number) => this.stamp[id] === this.generation;

    let sparseKept = sparse.length;
    let keptRanks = this.ranked.length;
    if (truncating) {
      // walk the merged ranking: S (sorted) and the base ranking without S members
      const walk = (limit: number, visit: (weight: number) => boolean): [number, number] => {
        let i = 0;
        let r = 0;
        let taken = 0;
        while (taken < limit) {
          while (r < this.ranked.length && inS(this.ranked[r]!)) r++;
          const hasS = i < sparse.length;
          const hasBase = r < this.ranked.length && scale > 0;
          if (!hasS && !hasBase) break;
          let takeS = hasS;
          if (hasS && hasBase) {
            const id = this.ranked[r]!;
            const logBaseP = logG + this.logBase[id]!;
            const logSP = logP[sparse[i]!]!;
            takeS = logSP > logBaseP || (logSP === logBaseP && sparse[i]! < id);
          }
          const weight = takeS ? sparseWeights[i]! : scale * this.tempered(this.logBase[this.ranked[r]!]!, this.logBaseMax);
          if (takeS) i++;
          else r++;
          taken++;
          if (visit(weight)) break;
        }
        return [i, r];
      };
      const limit = topK > 0 ? topK : Number.POSITIVE_INFINITY;
      let total = 0;
      if (topK > 0) {
        [sparseKept, keptRanks] = walk(limit, (weight) => {
          total += weight;
          return false;
        });
      } else {
        // no top-k: the total tempered mass in closed form (S explicitly, the rest by prefix sums)
        let sparseBase = 0;
        for (const w of sparse) sparseBase += this.tempered(this.logBase[w]!, this.logBaseMax);
        for (const weight of sparseWeights) total += weight;
        total += scale * Math.max(this.prefix[this.ranked.length]! - sparseBase, 0);
      }
      if (topP < 1) {
        let mass = 0;
        [sparseKept, keptRanks] = walk(limit, (weight) => {
          mass += weight / total;
          return mass >= topP - 1e-12;
        });
      }
    }

    const sparseIds = Int32Array.from(sparse.slice(0, sparseKept));
    const sparseCumulative = new Float64Array(sparseKept);
    let sparseMass = 0;
    for (let i = 0; i < sparseKept; i++) sparseCumulative[i] = sparseMass += sparseWeights[i]!;
    const holeRanks = Int32Array.from(sparse.map((w) => this.rankOf[w]!).filter((r) => r < keptRanks)).sort();
    const holes = holeRanks;
    const holeWidths = Float64Array.from(holes, (r) => this.prefix[r + 1]! - this.prefix[r]!);
    const holeStarts = new Float64Array(holes.length);
    const holeShift = new Float64Array(holes.length);
    let holeMass = 0;
    holes.forEach((rank, h) => {
      holeStarts[h] = this.prefix[rank]! - holeMass;
      holeMass += holeWidths[h]!;
      holeShift[h] = holeMass;
    });
    const baseMass = scale > 0 ? scale * Math.max(this.prefix[keptRanks]! - holeMass, 0) : 0;
    return {
      sparseIds,
      sparseCumulative,
      keptRanks,
      holeRanks,
      holeWidths,
      holeStarts,
      holeShift,
      scale,
      sparseMass,
      baseMass: keptRanks - holes.length > 0 ? baseMass : 0,
      size: sparseKept + 3 * holes.length + 8,
    };
  }

  /** Draws one word id from a plan with one uniform number. */
  draw(plan: SparsePlan, random: RandomSource): number {
    const t = random() * (plan.sparseMass + plan.baseMass);
    if (t < plan.sparseMass || plan.baseMass === 0) {
      return plan.sparseIds[firstAbove(plan.sparseCumulative, 0, plan.sparseIds.length, t)]!;
    }
    let target = (t - plan.sparseMass) / plan.scale;
    // skip the holes that start at or before the target (binary search on their starts)
    const lo = countAtMost(plan.holeStarts, 0, plan.holeStarts.length, target);
    if (lo > 0) target += plan.holeShift[lo - 1]!;
    let r = firstAbove(this.prefix, 1, plan.keptRanks + 1, target) - 1;
    // rounding may land on a hole: move to the nearest kept non-S rank
    const isHole = (rank: number) => indexInSortedRange(plan.holeRanks, 0, plan.holeRanks.length, rank) >= 0;
    let up = r;
    while (up < plan.keptRanks && isHole(up)) up++;
    if (up < plan.keptRanks) r = up;
    else while (r > 0 && isHole(r)) r--;
    return this.ranked[r]!;
  }

  /** The plan as an explicit distribution (for tests): ids ascending, probabilities. */
  materialize(plan: SparsePlan): { ids: Int32Array; probabilities: Float64Array } {
    const entries: Array<[number, number]> = [];
    const total = plan.sparseMass + plan.baseMass;
    for (let i = 0; i < plan.sparseIds.length; i++) {
      entries.push([plan.sparseIds[i]!, (plan.sparseCumulative[i]! - (i > 0 ? plan.sparseCumulative[i - 1]! : 0)) / total]);
    }
    if (plan.baseMass > 0) {
      for (let r = 0; r < plan.keptRanks; r++) {
        if (indexInSortedRange(plan.holeRanks, 0, plan.holeRanks.length, r) >= 0) continue;
        entries.push([this.ranked[r]!, (plan.scale * (this.prefix[r + 1]! - this.prefix[r]!)) / total]);
      }
    }
    entries.sort((a, b) => a[0] - b[0]);
    return { ids: Int32Array.from(entries, (e) => e[0]), probabilities: Float64Array.from(entries, (e) => e[1]) };
  }
}

