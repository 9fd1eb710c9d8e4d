/**
 * Jensen–Shannon divergence between two unigram distributions, in bits (so 0 <= JS <= 1)
 * (Lin 1991, "Divergence measures based on the Shannon entropy"):
 * JS(P, Q) = H(M) - (H(P) + H(Q)) / 2 with M = (P + Q) / 2, summed here term by term as
 * 1/2 sum p log2(p/m) + 1/2 sum q log2(q/m). Undefined if either text is empty. O(types of both).
 */

import type { UnigramCounts } from './unigramCounts.js';

export function jsDivergence(p: UnigramCounts, q: UnigramCounts): number | undefined {
  if (p.tokens === 0 || q.tokens === 0) return undefined;
  let divergence = 0;
  for (const id of p.types) {
    const pi = p.counts[id]! / p.tokens;
    const qi = q.counts[id]! / q.tokens;
    divergence += 0.5 * pi * Math.log2(pi / ((pi + qi) / 2));
  }
  for (const id of q.types) {
    const qi = q.counts[id]! / q.tokens;
    const pi = p.counts[id]! / p.tokens;
    divergence += 0.5 * qi * Math.log2(qi / ((pi + qi) / 2));
  }
  return Math.min(1, Math.max(0, divergence));
}
