/**
 * chao1: the Chao1 species-richness estimate of a text: how many types its source holds, seen or not.
 *
 * S = types + f1^2 / (2 f2) when f2 > 0 (Chao 1984, "Nonparametric estimation of the number of classes
 * in a population", Scand. J. Statist. 11), and the bias-corrected form S = types + f1 (f1 - 1) / 2 when
 * f2 = 0 (Chao 1987, "Estimating the population size for capture-recapture data with unequal
 * catchability", Biometrics 43; the form EstimateS and scikit-bio use), f1 and f2 the number of types
 * seen exactly once and twice. Undefined for an empty text. O(types).
 *
 * @example
 *   // counts a:3 b:1 c:1 d:2 -> types 4, f1 2, f2 1: 4 + 4 / 2 = 6
 *   chao1(countUnigrams(text, idSpace)) // 6
 */

import type { UnigramCounts } from './unigramCounts.js';

export function chao1(unigrams: UnigramCounts): number | undefined {
  const { counts, types, tokens } = unigrams;
  if (tokens === 0) return undefined;
  let f1 = 0;
  let f2 = 0;
  // Stryker disable next-line EqualityOperator: equivalent, types[types.length] is undefined and counts[undefined] is no count
  for (let t = 0; t < types.length; t++) {
    const count = counts[types[t]!]!;
    if (count === 1) f1++;
    else if (count === 2) f2++;
  }
  return chao1FromCounts(types.length, f1, f2);
}

/** The estimate from the number of types, singletons f1 and doubletons f2. */
export function chao1FromCounts(types: number, f1: number, f2: number): number {
  return f2 > 0 ? types + (f1 * f1) / (2 * f2) : types + (f1 * (f1 - 1)) / 2;
}
