/**
 * MATTR and MTLD of a text read as one stream, in one forward pass (plus MTLD's backward pass).
 *
 * - MATTR, the moving-average type-token ratio (Covington & McFall 2010): the mean, over every window
 *   of `window` consecutive tokens, of types/window. A text shorter than the window gets its plain
 *   type-token ratio; an empty text, undefined. Kept with a sliding count per id.
 * - MTLD, the measure of textual lexical diversity (McCarthy & Jarvis 2010, Behavior Research Methods
 *   42(2)): a factor ends each time the running type-token ratio of the current segment falls to the
 *   threshold (0.72) or below, and the segment restarts; the remainder counts as the partial factor
 *   (1 - ttr) / (1 - threshold). MTLD = tokens / factors, the mean of a forward and a backward pass;
 *   undefined when a pass has zero factors (empty text). Segment types are kept with a stamp per id.
 * The forward pass serves both measures. O(tokens + ids); no allocation besides scratch buffers.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { scratchInts } from '../counts/scratchBuffers.js';

export const MATTR_WINDOW = 500;
export const MTLD_THRESHOLD = 0.72;

export interface LexicalDiversity {
  readonly mattr: number | undefined;
  readonly mtld: number | undefined;
}

export function lexicalDiversity(corpus: TokenCorpus, idSpace: number, window = MATTR_WINDOW, threshold = MTLD_THRESHOLD): LexicalDiversity {
  const ids = corpus.ids;
  const n = ids.length;
  if (n === 0) return { mattr: undefined, mtld: undefined };
  const counts = scratchInts('diversity.counts', idSpace, true);
  const stamp = scratchInts('diversity.stamp', idSpace);
  stamp.fill(-1);
  const size = Math.min(window, n);
  // MATTR state
  let types = 0;
  let sum = 0;
  const forward = new MtldPass(stamp, 0, threshold);
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    if (counts[id]!++ === 0) types++;
    // Stryker disable next-line ConditionalExpression: equivalent, for i < size ids[i - size] is undefined and counts[undefined] is no count
    if (i >= size) {
      if (--counts[ids[i - size]!]! === 0) types--;
    }
    if (i >= size - 1) sum += types;
    forward.push(id);
  }
  const backward = new MtldPass(stamp, forward.nextSegment, threshold);
  for (let k = n - 1; k >= 0; k--) backward.push(ids[k]!);
  const forwardMtld = forward.mtld(n);
  const backwardMtld = backward.mtld(n);
  return {
    mattr: sum / (n - size + 1) / size,
    // Stryker disable next-line LogicalOperator,ConditionalExpression: equivalent, both passes are undefined exactly when all tokens differ
    mtld: forwardMtld === undefined || backwardMtld === undefined ? undefined : (forwardMtld + backwardMtld) / 2,
  };
}

/**
 * One MTLD pass, token by token: a factor ends when the segment's type-token ratio falls to the
 * threshold or below. Segment types are marked in `stamp` with the segment's number, starting at
 * `firstSegment` (no value >= it may be in `stamp`, so the array needs no clearing between passes).
 */
class MtldPass {
  private segment: number;
  private segmentTokens = 0;
  private segmentTypes = 0;
  private factors = 0;

  constructor(private readonly stamp: Int32Array, firstSegment: number, private readonly threshold: number) {
    this.segment = firstSegment;
  }

  push(id: number): void {
    this.segmentTokens++;
    if (this.stamp[id] !== this.segment) {
      this.stamp[id] = this.segment;
      this.segmentTypes++;
    }
    if (this.segmentTypes / this.segmentTokens <= this.threshold) {
      this.factors++;
      this.segment++;
      this.segmentTokens = 0;
      this.segmentTypes = 0;
    }
  }

  /** The first segment number this pass has not used (the next pass starts there). */
  get nextSegment(): number {
    return this.segment + 1;
  }

  /** tokens / factors, the partial last factor included; undefined with no factor. */
  mtld(tokens: number): number | undefined {
    const factors = this.segmentTokens > 0 ? this.factors + (1 - this.segmentTypes / this.segmentTokens) / (1 - this.threshold) : this.factors;
    return factors > 0 ? tokens / factors : undefined;
  }
}
