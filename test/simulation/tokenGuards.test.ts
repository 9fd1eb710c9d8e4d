/**
 * The --max-tokens guards of `run` (src/cli/tokenGuards.ts), on hand-counted sizes: each refuses a size
 * one token above the guard and accepts one at it, names the flags and sizes, and none applies without
 * a guard.
 */

import { describe, expect, it } from 'vitest';
import { checkAccumulatedSize, checkCandidateDraw, checkGrowth, checkTokenGuards } from '../../src/simulation/tokenGuards.js';
import { UsageError } from '../../src/errors.js';
import { DEFAULT_RUN, type RunSettings, type SweepSettings } from '../../src/simulation/settings.js';

/** The refusal as the CLI prints it: message (hint); 'accepted' if none. */
function refusal(check: () => void): string {
  try {
    check();
  } catch (error) {
    if (error instanceof UsageError) return `${error.message} (${error.hint})`;
    throw error;
  }
  return 'accepted';
}

function settings(shared: Partial<RunSettings>, sweep: Partial<SweepSettings> = {}): RunSettings {
  return { ...DEFAULT_RUN, ...shared, sweep: { ...DEFAULT_RUN.sweep, ...sweep } };
}

describe('checkTokenGuards', () => {
  it('refuses --tokens and --measure-tokens one above the guard, accepts them at it', () => {
    expect(() => checkTokenGuards(settings({ tokens: 100 }), 100)).not.toThrow();
    expect(refusal(() => checkTokenGuards(settings({ tokens: 101 }), 100))).toBe('--tokens 101 is above the --max-tokens guard (100) (pass a smaller --tokens, or raise --max-tokens if the machine has the memory)');
    expect(() => checkTokenGuards(settings({ measureTokens: 100 }), 100)).not.toThrow();
    expect(refusal(() => checkTokenGuards(settings({ measureTokens: 101 }), 100))).toBe('--measure-tokens 101 is above the --max-tokens guard (100) (pass a smaller --measure-tokens, or raise --max-tokens if the machine has the memory)');
  });

  it('checks the growth of --tokens, not of a batch it does not know yet', () => {
    // 10 tokens growing 2x: generation 5's batch is 10 * 2^4 = 160.
    expect(() => checkTokenGuards(settings({ tokens: 10, generations: 5 }, { tokensGrowth: [2] }), 159)).toThrow(/generation 5's batch 160 tokens/u);
    expect(() => checkTokenGuards(settings({ tokens: 10, generations: 5 }, { tokensGrowth: [2] }), 160)).not.toThrow();
    // without --tokens the batch is the human pool's size, checked once the corpus is read
    expect(() => checkTokenGuards(settings({ generations: 50 }, { tokensGrowth: [2] }), 100)).not.toThrow();
  });

  it('applies no guard when there is none', () => {
    expect(() => checkTokenGuards(settings({ tokens: 1e12, measureTokens: 1e12, generations: 50 }, { tokensGrowth: [2] }), undefined)).not.toThrow();
  });
});

describe('checkGrowth', () => {
  it("names the sweep's largest growth and the generation of the largest batch", () => {
    // growths 1 and 3 over 4 generations: the largest batch is 7 * 3^3 = 189 at generation 4.
    const growing = settings({ generations: 4 }, { tokensGrowth: [1, 3] });
    expect(refusal(() => checkGrowth(growing, 7, 188))).toBe("--tokens-growth 3 makes generation 4's batch 189 tokens, above the --max-tokens guard (188) (use fewer --generations, a smaller --tokens-growth or --tokens, or raise --max-tokens)");
    expect(() => checkGrowth(growing, 7, 189)).not.toThrow();
    // shrinking 0.5x: generation 1's batch (100) is the largest, generation 4's is 100 / 8 = 12.5 -> 13.
    const shrinking = settings({ generations: 4 }, { tokensGrowth: [0.5] });
    expect(() => checkGrowth(shrinking, 100, 99)).toThrow(/^--tokens-growth 0\.5 makes generation 1's batch 100 tokens/u);
    expect(() => checkGrowth(shrinking, 100, 100)).not.toThrow();
    expect(() => checkGrowth(growing, 1e12, undefined)).not.toThrow();
  });
});

describe('checkCandidateDraw', () => {
  it("refuses a --select draw past the guard: ceil(share / Q) for a scored rule, 10 x the share for dedup, the largest batch's", () => {
    // batch 100: m0:low:0.3 draws ceil(100 / 0.3) = 334 tokens of candidates; dedup at most (10 + 1) x 100 = 1100
    const scored = settings({ generations: 2 }, { select: ['none', 'm0:low:0.3'] });
    expect(refusal(() => checkCandidateDraw(scored, 100, 333))).toBe('--select m0:low:0.3 draws up to 334 candidate tokens a generation (the synthetic share / Q), above the --max-tokens guard (333) (use a larger Q, a smaller --tokens, or raise --max-tokens)');
    expect(() => checkCandidateDraw(scored, 100, 334)).not.toThrow();
    const dedup = settings({ generations: 2 }, { select: ['tail:0.5', 'dedup'] });
    expect(refusal(() => checkCandidateDraw(dedup, 100, 1099))).toBe('--select dedup draws up to 1100 candidate tokens a generation (up to 11 x the synthetic share), above the --max-tokens guard (1099) (use a smaller --tokens or raise --max-tokens)');
    expect(() => checkCandidateDraw(dedup, 100, 1100)).not.toThrow();
    // growing 2x over 3 generations: the largest batch is 100 * 4 = 400, so tail:0.5 draws 800
    const growing = settings({ generations: 3 }, { select: ['tail:0.5'], tokensGrowth: [2] });
    // (the generation named, and less growth offered: "a generation", and no growth in the hint: audit)
    expect(refusal(() => checkCandidateDraw(growing, 100, 799))).toBe('--select tail:0.5 draws up to 800 candidate tokens in generation 3 (the synthetic share / Q), above the --max-tokens guard (799) (use a larger Q, a smaller --tokens, a smaller --tokens-growth, or raise --max-tokens)');
    // shrinking: the first batch is the largest
    expect(refusal(() => checkCandidateDraw(settings({ generations: 3 }, { select: ['dedup'], tokensGrowth: [0.5] }), 100, 1099))).toBe('--select dedup draws up to 1100 candidate tokens in generation 1 (up to 11 x the synthetic share), above the --max-tokens guard (1099) (use a smaller --tokens or raise --max-tokens)');
    expect(() => checkCandidateDraw(growing, 100, 800)).not.toThrow();
    expect(() => checkCandidateDraw(scored, 1e12, undefined)).not.toThrow();
    // with --tokens, before the corpus is read
    expect(() => checkTokenGuards(settings({ tokens: 100 }, { select: ['m0:low:0.000001'] }), 1000)).toThrow(/^--select m0:low:0\.000001 draws up to 100000000 candidate tokens/u);
    // a tiny share as 1e-300, not in the 300 decimals of its cell's name, and the draw as a power of ten (audit)
    expect(refusal(() => checkTokenGuards(settings({ tokens: 100 }, { select: [`tail:0.${'0'.repeat(299)}1`] }), 1000))).toBe(
      '--select tail:1e-300 draws up to about 1 x 10^302 candidate tokens a generation (the synthetic share / Q), above the --max-tokens guard (1000) (use a larger Q, a smaller --tokens, or raise --max-tokens)',
    );
    expect(() => checkTokenGuards(settings({ tokens: 100 }, { select: ['m0:low:0.0000001'] }), 1000)).toThrow(/^--select m0:low:1e-7 draws up to 1000000000 candidate tokens/u);
  });
});

describe('checkAccumulatedSize', () => {
  it('refuses accumulate and accumulate-subsample (each holds H and every batch) when that pool passes the guard; replace keeps one size', () => {
    // H 100 tokens, batches of 10 growing 2x over 3 generations: 100 + 10 + 20 + 40 = 170.
    const accumulate = settings({ generations: 3 }, { strategy: ['replace', 'accumulate'], tokensGrowth: [2] });
    expect(refusal(() => checkAccumulatedSize(accumulate, 100, 10, 169))).toBe('--strategy accumulate would train on 170 tokens by generation 3 (H and every batch), above the --max-tokens guard (169) (use fewer --generations, a smaller --tokens-growth or a smaller --tokens, or raise --max-tokens)');
    expect(() => checkAccumulatedSize(accumulate, 100, 10, 170)).not.toThrow();
    expect(() => checkAccumulatedSize(accumulate, 100, 10, undefined)).not.toThrow();
    // accumulate-subsample trains on a batch-sized draw, but draws it from the same 170 tokens it keeps
    const subsample = settings({ generations: 3 }, { strategy: ['replace', 'accumulate-subsample'], tokensGrowth: [2] });
    expect(refusal(() => checkAccumulatedSize(subsample, 100, 10, 169))).toBe('--strategy accumulate-subsample would draw from 170 tokens by generation 3 (H and every batch), above the --max-tokens guard (169) (use fewer --generations, a smaller --tokens-growth or a smaller --tokens, or raise --max-tokens)');
    expect(() => checkAccumulatedSize(subsample, 100, 10, 170)).not.toThrow();
    const replace = settings({ generations: 3 }, { strategy: ['replace'], tokensGrowth: [2] });
    expect(() => checkAccumulatedSize(replace, 100, 10, 41)).not.toThrow();
  });
});
