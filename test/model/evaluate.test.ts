import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { evaluateModel, flooredEvaluation, flooredSentenceLog10 } from '../../src/model/evaluate.js';
import { trainWittenBell } from '../../src/model/wittenBell.js';
import { A, B, TINY, options } from './fixtures.js';

describe('evaluateModel (KenLM / SRILM convention)', () => {
  // Witten-Bell order 2 on TINY (see wittenBell.test.ts): P(a|<s>) = 1/2, P(b|a) = 3/8,
  // P(</s>|b): history b: c = 2, N1+ = 1, gamma 1/3: 2/3 + 1/3 * 1/3 = 7/9
  // built inside each test (a fixture built here would make the mutants it reaches static)
  const model = () => trainWittenBell(TINY, options('witten-bell', 2));

  it('scores every token and </s>, <s> never', () => {
    // "a b": log10(1/2 * 3/8 * 7/9) over 3 predictions
    const result = evaluateModel(model(), corpusFromSentences([[A, B]]));
    const logP = Math.log10((1 / 2) * (3 / 8) * (7 / 9));
    expect(result.predictions).toBe(3);
    expect(result.log10Probability).toBeCloseTo(logP, 12);
    expect(result.perplexity).toBeCloseTo(Math.pow(10, -logP / 3), 10);
    expect(result.crossEntropyBits).toBeCloseTo(-Math.log2((1 / 2) * (3 / 8) * (7 / 9)) / 3, 10);
    expect(result.oov).toBe(0);
  });

  it('excludes OOV tokens from the perplexity and counts them', () => {
    // "a z b" with z = 7 unknown: scored P(a|<s>), P(b | <s> a z) = P(b) (history backs off past z), P(</s>|b)
    // P(b) = 1/4 (unigram level, see wittenBell.test.ts)
    const result = evaluateModel(model(), corpusFromSentences([[A, 7, B]]));
    expect(result.oov).toBe(1);
    expect(result.oovRate).toBeCloseTo(1 / 3, 12);
    expect(result.predictions).toBe(3);
    expect(result.log10Probability).toBeCloseTo(Math.log10((1 / 2) * (1 / 4) * (7 / 9)), 12);
  });

  it('scores sentences of different lengths each from its own <s>, and keeps each floored sum apart', () => {
    // "a b" then "b": P(a|<s>) P(b|a) P(</s>|b) = 1/2 * 3/8 * 7/9, then P(b|<s>) P(</s>|b) = 3/10 * 7/9
    // floored (seed types 3 -> V = 4, eps = 1e-4): p' = (1 - eps) p + eps / 4, summed per sentence
    const eps = 1e-4;
    const floor = (p: number) => Math.log10((1 - eps) * p + eps / 4);
    const text = corpusFromSentences([[A, B], [B]]);
    const perSentence = Array.from(flooredSentenceLog10(model(), text, 3));
    expect(perSentence).toEqual([
      expect.closeTo(floor(1 / 2) + floor(3 / 8) + floor(7 / 9), 12),
      expect.closeTo(floor(3 / 10) + floor(7 / 9), 12),
    ]);
    const result = evaluateModel(model(), text);
    expect(result.sentences).toBe(2);
    expect(result.predictions).toBe(5);
    expect(result.log10Probability).toBeCloseTo(Math.log10((1 / 2) * (3 / 8) * (7 / 9) * (3 / 10) * (7 / 9)), 12);
  });

  it('counts a token of the id space that the model never saw as OOV', () => {
    // the model's id space is 8 but it saw only a, b, c: token 5 is OOV, not scored
    const wide = trainWittenBell(TINY, options('witten-bell', 2, { idSpace: 8 }));
    const result = evaluateModel(wide, corpusFromSentences([[A, 5]]));
    expect(result.oov).toBe(1);
    expect(result.predictions).toBe(2);
  });

  it('floors every prediction, OOV included, in the simulator variant', () => {
    // seed types 3 -> V = 4, eps = 1e-4: p' = (1 - eps) p + eps / 4; the OOV token z gets eps / 4
    const eps = 1e-4;
    const floor = (p: number) => (1 - eps) * p + eps / 4;
    const result = flooredEvaluation(model(), corpusFromSentences([[A, 7, B]]), 3);
    expect(result.predictions).toBe(4);
    expect(result.log10Probability).toBeCloseTo(
      Math.log10(floor(1 / 2) * floor(0) * floor(1 / 4) * floor(7 / 9)),
      12,
    );
    expect(result.oov).toBe(1);
  });
});
