/**
 * Sentence sampler for smoothed (interpolated) models: draws from the model's whole vocabulary
 * V = support plus `</s>`, not only from continuations seen in training.
 *
 * Untransformed sampling (temperature 1, top-k off, top-p 1) is exact mixture sampling down the
 * interpolation chain: P(w | h) = alpha(h w) + gamma(h) P_lower(w | h) is a mixture of "one of h's seen
 * continuations, in proportion to alpha" (total weight 1 - gamma(h)) and "the lower distribution" (weight
 * gamma(h)). One uniform draw u picks the component: u < 1 - gamma(h) selects a continuation by binary
 * search over cumulative alphas; otherwise u is rescaled to (u - (1 - gamma)) / gamma and the same step runs
 * on the lower distribution, down to the uniform distribution over V. One random number per token;
 * O(n log b) per token.
 *
 * With a transform (temperature T != 1, top-k > 0 or top-p < 1) tokens come from sparseTransform.ts, which
 * draws exactly from `transformDistribution` applied to the full distribution without materialising it:
 * with temperature and at most one of top-k and top-p, directly (`drawAt`: the tempered distribution, by
 * rejection when truncated; several uniform numbers per token when words are dropped); otherwise, or when
 * `drawAt` gives up on a history whose truncation keeps little mass, from the history's plan, cached per
 * history node (the distribution depends on the history only through its node); the cache is dropped
 * when it holds more than CACHE_LIMIT entries in total. A history with a plan draws from it without
 * `drawAt`, so the histories a sampler has planned decide how many random numbers a token takes there
 * (never its distribution): a new sampler with one seed draws the same sentences, but one sampler
 * asked again does not repeat itself. (Dropping the plans at each new random source, or trying `drawAt`
 * at every visit, would make a reused sampler repeat itself: the first changed the loop's top-ups,
 * drawn on the generation's sampler with another source, and `samplerFor` wraps a caller's own source
 * anew at every call; the second cost add-k with top-k 50 a third of its speed: audits, 7 December.)
 * Transforms, in this order (as Hugging Face transformers' generate):
 * - temperature T > 0: q_w = p_w^(1/T) / sum_v p_v^(1/T), computed as exp((ln p_w - max ln p) / T);
 * - top-k (k >= 1): keep the k most probable tokens (ties: lower id first), renormalise;
 * - top-p (0 < p <= 1): rank by probability (ties: lower id first) and keep the shortest prefix whose mass
 *   reaches p (Holtzman et al. 2020), renormalise. Top-k 1 is greedy and deterministic.
 *
 * Sentences follow the ARPA convention: the history starts as `<s>`; tokens are drawn until `</s>` or
 * `maxLength` tokens. Randomness is the `random` argument only, so a new sampler with one seed gives one output.
 */

import { firstAbove } from '../counts/sortedSearch.js';
import type { InterpolatedModel } from '../model/interpolated.js';
import type { RandomSource } from '../random/random.js';
import type { SamplingOptions, SentenceSampler } from './sampling.js';
import { SparseTransformer, type SparsePlan } from './sparseTransform.js';
import { isIdentitySampling } from './transform.js';
import { BOS, EOS } from '../vocabulary/vocabulary.js';

/** Most plan entries (numbers) kept in a sampler's cache before it is cleared (32 MiB of doubles). */
export const CACHE_LIMIT = 1 << 22;

export function createSmoothedSampler(model: InterpolatedModel, sampling: SamplingOptions): SentenceSampler {
  const transformer = isIdentitySampling(sampling) ? undefined : new SparseTransformer(model, sampling);
  const direct = transformer?.direct === true;
  const plans = transformer === undefined ? undefined : new PlanCache(transformer, model.trie.levelStart[model.order]! + 1);
  let history = new Int32Array(64);
  /** The next token after history node `node`. */
  const draw = (node: number, random: RandomSource): number => {
    if (transformer === undefined) return drawMixture(model, node, random());
    const plan = plans!.known(node);
    const token = plan === undefined && direct ? transformer.drawAt(node, random) : -1;
    return token >= 0 ? token : transformer.draw(plan ?? plans!.planFor(node), random);
  };
  return {
    sample(random: RandomSource, maxLength: number, out: Int32Array, at: number): number {
      if (history.length < maxLength + 1) history = new Int32Array(maxLength + 1);
      history[0] = BOS;
      let length = 0;
      let node = model.historyNode(history, 0, 1);
      while (length < maxLength) {
        const token = draw(node, random);
        if (token === EOS) break;
        out[at + length] = token;
        history[++length] = token;
        node = model.nextHistoryNode(node, history, 0, length + 1);
      }
      return length;
    },
  };
}

/**
 * A draw from the untransformed mixture at history node `node` with the uniform number u: walk down
 * the back-off chain; at each level the seen words take 1 - gamma of what is left (u below it picks one
 * by the cumulative alphas), else u is rescaled into the rest; past the last level, the uniform share.
 */
function drawMixture(model: InterpolatedModel, node: number, u: number): number {
  const trie = model.trie;
  let x = node;
  for (;;) {
    if (x < 0) break; // unseen history of a `uniform` model: straight to the uniform distribution
    const g = model.gamma[x]!;
    const seenMass = 1 - g;
    if (u < seenMass && trie.childEnd[x]! > trie.childStart[x]!) {
      const c = firstAbove(model.cumulativeAlpha, trie.childStart[x]!, trie.childEnd[x]!, u);
      return trie.word[c]!;
    }
    u = g > 0 ? Math.min((u - seenMass) / g, 1 - Number.EPSILON) : 0;
    if (model.lower === 'uniform' || x === 0) break;
    x = trie.suffix[x]!;
  }
  const index = Math.min(Math.floor(u * model.outcomes.length), model.outcomes.length - 1);
  return model.outcomes[index]!;
}

/** The transformer's plans by node + 1 (an unseen add-k history is node -1), dropped together when they hold more than CACHE_LIMIT numbers. */
class PlanCache {
  private readonly plans: Array<SparsePlan | undefined>;
  private entries = 0;

  // Stryker disable next-line all: equivalent, only the array's initial size or kind changes; a plain array grows when a plan is stored
  constructor(private readonly transformer: SparseTransformer, nodes: number) {
    this.plans = new Array<SparsePlan | undefined>(nodes).fill(undefined);
  }

  /** The plan of `node` if made and kept. */
  known(node: number): SparsePlan | undefined {
    return this.plans[node + 1];
  }

  /** The plan of `node`, made now if it is not kept. */
  planFor(node: number): SparsePlan {
    const known = this.plans[node + 1];
    if (known !== undefined) return known;
    const plan = this.transformer.plan(node);
    // Stryker disable next-line all: equivalent for the tests, which hold fewer plans: when the cache is cleared decides where drawAt is tried again (the same way for the same calls), never a draw's distribution
    if (this.entries + plan.length > CACHE_LIMIT) {
      this.plans.fill(undefined);
      this.entries = 0;
    }
    this.plans[node + 1] = plan;
    // Stryker disable next-line AssignmentOperator: equivalent, the count only decides when the cache is cleared (see above)
    this.entries += plan.length;
    return plan;
  }
}
