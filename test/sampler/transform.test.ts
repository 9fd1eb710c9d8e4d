import { describe, expect, it } from 'vitest';
import { isIdentitySampling, transformDistribution } from '../../src/sampler/transform.js';

const tokens = [10, 11, 12, 13];
const p = [0.1, 0.2, 0.3, 0.4];
const plain = { temperature: 1, topK: 0, topP: 1 };

describe('sampling transforms', () => {
  it('temperature 1, top-k 0 and top-p 1 leave the distribution unchanged', () => {
    expect(isIdentitySampling(plain)).toBe(true);
    const out = transformDistribution(tokens, p, plain);
    expect(out.map(([, q]) => q)).toEqual(p.map((x) => x / 1));
  });

  it('temperature 0.5 squares and renormalises: q_i = p_i^2 / sum p^2', () => {
    // sum p^2 = 0.01 + 0.04 + 0.09 + 0.16 = 0.30
    const out = transformDistribution(tokens, p, { ...plain, temperature: 0.5 });
    [0.01, 0.04, 0.09, 0.16].forEach((square, i) => expect(out[i]![1]).toBeCloseTo(square / 0.3, 12));
  });

  it('temperature 2 flattens: q_i = sqrt(p_i) / sum sqrt(p)', () => {
    const roots = p.map(Math.sqrt);
    const sum = roots.reduce((a, b) => a + b, 0);
    const out = transformDistribution(tokens, p, { ...plain, temperature: 2 });
    roots.forEach((root, i) => expect(out[i]![1]).toBeCloseTo(root / sum, 12));
  });

  it('top-k 2 keeps the two most probable and renormalises (0.3/0.7, 0.4/0.7)', () => {
    const out = transformDistribution(tokens, p, { ...plain, topK: 2 });
    expect(out.map(([i]) => i)).toEqual([2, 3]);
    expect(out[0]![1]).toBeCloseTo(3 / 7, 12);
    expect(out[1]![1]).toBeCloseTo(4 / 7, 12);
  });

  it('top-k 1 is greedy; ties go to the lower token id', () => {
    expect(transformDistribution(tokens, p, { ...plain, topK: 1 })).toEqual([[3, 1]]);
    expect(transformDistribution([5, 4], [0.5, 0.5], { ...plain, topK: 1 })).toEqual([[1, 1]]);
  });

  it('top-p 0.65 keeps the shortest most-probable prefix reaching 0.65: 0.4 + 0.3', () => {
    const out = transformDistribution(tokens, p, { ...plain, topP: 0.65 });
    expect(out.map(([i]) => i)).toEqual([2, 3]);
  });

  it('top-p 0.7 reaches its mass exactly with 0.4 + 0.3 and stops there', () => {
    expect(transformDistribution(tokens, p, { ...plain, topP: 0.7 }).map(([i]) => i)).toEqual([2, 3]);
  });

  it('temperature, then top-k, then top-p, each renormalised (T = 0.5, k = 3, p = 0.8)', () => {
    // T = 0.5: weights 0.01, 0.04, 0.09, 0.16 (sum 0.30); top-k 3 drops token 10 (0.01): 0.04, 0.09, 0.16
    // over 0.29; top-p 0.8 ranks 0.16/0.29 = 0.552, + 0.09/0.29 = 0.862 >= 0.8: keeps 12 and 13,
    // renormalised 0.09/0.25 = 0.36 and 0.16/0.25 = 0.64.
    const out = transformDistribution(tokens, p, { temperature: 0.5, topK: 3, topP: 0.8 });
    expect(out.map(([i]) => i)).toEqual([2, 3]);
    expect(out[0]![1]).toBeCloseTo(0.36, 12);
    expect(out[1]![1]).toBeCloseTo(0.64, 12);
  });

  it('top-p just above a prefix mass takes one more token: 0.7 + 1e-9 needs 0.4 + 0.3 + 0.2', () => {
    const out = transformDistribution(tokens, p, { ...plain, topP: 0.7 + 1e-9 });
    expect(out.map(([i]) => i)).toEqual([1, 2, 3]);
    [2 / 9, 3 / 9, 4 / 9].forEach((q, i) => expect(out[i]![1]).toBeCloseTo(q, 12));
  });

  it('top-p reaches p within 1e-12: p = 0.5 + 1e-12 is reached by the 0.5 of the first token alone', () => {
    // (0.5 + 1e-12) - 1e-12 is 0.5 exactly in doubles, and the first ranked mass is 0.5: reached, cut there
    expect(transformDistribution([10, 11, 12], [0.5, 0.3, 0.2], { ...plain, topP: 0.5 + 1e-12 })).toEqual([[0, 1]]);
    // 2e-12 above is not within the slack: the next token is needed
    expect(transformDistribution([10, 11, 12], [0.5, 0.3, 0.2], { ...plain, topP: 0.5 + 2e-12 }).map(([i]) => i)).toEqual([0, 1]);
  });

  it('temperature never revives a zero probability, and top-k larger than the support keeps all', () => {
    const out = transformDistribution([1, 2, 3], [0, 0.25, 0.75], { temperature: 3, topK: 10, topP: 1 });
    expect(out.map(([i]) => i)).toEqual([1, 2]);
    // T = 3: 0.25^(1/3) = 0.62996, 0.75^(1/3) = 0.90856; sum 1.53852
    expect(out[0]![1]).toBeCloseTo(0.62996 / 1.53852, 4);
  });

  it('the identity test: any of T != 1, k > 0, p < 1 is a transform', () => {
    expect(isIdentitySampling({ ...plain, temperature: 0.999 })).toBe(false);
    expect(isIdentitySampling({ ...plain, topK: 1 })).toBe(false);
    expect(isIdentitySampling({ ...plain, topP: 0.999 })).toBe(false);
  });

  it('temperature works on log-probabilities: tiny probabilities do not underflow', () => {
    // T = 0.5 on (1e-200, 3e-200): squares 1e-400 and 9e-400 underflow as doubles, but relative to the
    // largest they are (1/3)^2 = 1/9 and 1: q = (1/10, 9/10)
    const out = transformDistribution([1, 2], [1e-200, 3e-200], { ...plain, temperature: 0.5 });
    expect(out[0]![1]).toBeCloseTo(0.1, 12);
    expect(out[1]![1]).toBeCloseTo(0.9, 12);
  });

  it('top-p 1 is off even inside top-k: a token of probability 1e-13 among the k kept stays', () => {
    // top-k 3 keeps all three; top-p 1 must not cut the last one although 0.5 + (0.5 - 1e-13) is within
    // the 1e-12 rounding tolerance of 1
    const out = transformDistribution([1, 2, 3], [0.5, 0.5 - 1e-13, 1e-13], { ...plain, topK: 3 });
    expect(out.map(([i]) => i)).toEqual([0, 1, 2]);
  });
});
