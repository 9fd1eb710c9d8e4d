/**
 * forgettingLaw: the survival law set beside the measured forgetting of seed types, seed count by seed
 * count (Suresh, Thangaraj & Khandavally, "Rate of Model Collapse in Recursive Training", AISTATS 2025;
 * the drift recipe's fifth check and the law line of its forgetting chart).
 *
 * Under pure order-1 MLE resampling a type once missing never returns, so of the types seen c times in
 * H, the share missing by generation k is the law's P(forgotten by k) = exp(-c g_k), g_k its exponent for
 * the draws (tokens + sentences) of each generation (metrics/survivalTheory.ts, rowExponents).
 *
 * Contract: `forgettingAgainstLaw(survival, exponents, counts)` gives, for each seed count asked, the
 * types with that count pooled over the series, the law's median (the first generation k with
 * exp(-c g_k) >= 1/2, undefined if none of those given), and the generation where the measured share
 * strays furthest from the law in binomial standard errors, z = (share - p) / sqrt(p (1 - p) / n).
 * At generation k the pool holds the types of the series observed that far (a series that stopped
 * sooner says nothing of later generations), and a generation is compared only where the normal
 * approximation applies (normalBandApplies: 10 expected either way). Types of one series are lost
 * nearly independently: under multinomial draws their losses are negatively correlated, so the binomial
 * spread, if anything, overstates theirs. `exponents[k - 1]` is g_k; generations past its end are not
 * compared. O(types x series + counts x generations).
 */

import { binomialStandardError, normalBandApplies } from './binomialBand.js';
import type { SeriesSurvival } from './tokenSurvival.js';

/** One seed count's forgetting against the law. */
export interface CountAgainstLaw {
  readonly count: number;
  /** Seed types with this count, summed over the series. */
  readonly types: number;
  /** The law's median generation forgotten; undefined when more than half are expected to remain at the last generation given. */
  readonly lawMedian: number | undefined;
  /** How many generations were compared (where the normal approximation applies). */
  readonly compared: number;
  /** The compared generation with the largest |z|; undefined when none was compared. */
  readonly worst: LawGap | undefined;
}

/** The measured share forgotten at one generation against the law's. */
export interface LawGap {
  readonly generation: number;
  /** Share of the pooled types missing by this generation. */
  readonly measured: number;
  /** exp(-c g_k). */
  readonly law: number;
  /** (measured - law) in binomial standard errors. */
  readonly z: number;
}

export function forgettingAgainstLaw(survival: readonly SeriesSurvival[], exponents: ArrayLike<number>, counts: readonly number[]): CountAgainstLaw[] {
  const last = exponents.length;
  return counts.map((count) => {
    const { forgottenBy, observedAt } = pooledForgetting(survival, count, last);
    const law = (k: number): number => Math.exp(-count * exponents[k - 1]!);
    let lawMedian: number | undefined;
    let worst: LawGap | undefined;
    let compared = 0;
    for (let k = 1; k <= last; k++) {
      const p = law(k);
      if (lawMedian === undefined && p >= 0.5) lawMedian = k;
      const n = observedAt[k]!;
      if (!normalBandApplies(p, n)) continue;
      compared++;
      const measured = forgottenBy[k]! / n;
      const z = (measured - p) / binomialStandardError(p, n);
      if (worst === undefined || Math.abs(z) > Math.abs(worst.z)) worst = { generation: k, measured, law: p, z };
    }
    return { count, types: observedAt[0]!, lawMedian, compared, worst };
  });
}

/**
 * For generations 0..last: the pooled types of `count` in the series observed to that generation
 * (observedAt; at 0 every series), and how many of them were missing by it (forgottenBy).
 */
function pooledForgetting(survival: readonly SeriesSurvival[], count: number, last: number): { forgottenBy: Float64Array; observedAt: Float64Array } {
  const forgottenBy = new Float64Array(last + 1);
  const observedAt = new Float64Array(last + 1);
  for (const series of survival) {
    const firstMissing = new Float64Array(last + 2);
    let types = 0;
    for (let i = 0; i < series.types.length; i++) {
      if (series.seedCounts[i] !== count) continue;
      types++;
      const first = series.firstAbsent[i]!;
      if (first >= 1 && first <= last) firstMissing[first]!++;
    }
    let missing = 0;
    for (let k = 0; k <= Math.min(last, series.generations); k++) {
      missing += firstMissing[k]!;
      observedAt[k]! += types;
      forgottenBy[k]! += missing;
    }
  }
  return { forgottenBy, observedAt };
}
