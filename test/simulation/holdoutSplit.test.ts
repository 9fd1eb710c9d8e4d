import { describe, expect, it } from 'vitest';
import { corpusFromSentences, sentenceCount, tokenCount } from '../../src/corpus/tokenCorpus.js';
import { InputError, UsageError } from '../../src/errors.js';
import { humanSentenceMask, humanTokenCount, splitHoldout } from '../../src/simulation/holdoutSplit.js';

describe('the holdout split', () => {
  it('puts round(holdout x sentences) sentences in E, chosen by the seed alone (golden)', () => {
    // seeded golden values: (seed 42, 'split') picks these 3 of 10 sentences for E; existing runs depend on them
    expect([...humanSentenceMask(10, 0.3, 42)]).toEqual(GOLDEN_42);
    expect([...humanSentenceMask(10, 0.3, 7)]).not.toEqual(GOLDEN_42);
    expect([...humanSentenceMask(10, 0.3, 7)].filter((x) => x === 0)).toHaveLength(3);
    expect([...humanSentenceMask(10, 0, 42)]).toEqual(Array(10).fill(1));
  });

  it('rounds holdout x sentences on the share as written, halves up: 0.7 x 85 = 59.5 holds out 60 (the double 59.49999999999999 held out 59: audit)', () => {
    const mask = humanSentenceMask(85, 0.7, 42);
    expect(mask.filter((inH) => inH === 0).length).toBe(60);
    expect(humanSentenceMask(45, 0.1, 42).filter((inH) => inH === 0).length).toBe(5); // 4.5 -> 5
  });

  it("counts H's tokens without building it: the tokens of the H splitHoldout builds", () => {
    // sentences of 1..7 tokens: which ones land in H changes the count
    const corpus = corpusFromSentences(Array.from({ length: 30 }, (_, s) => Array.from({ length: 1 + (s % 7) }, (_, i) => 2 + ((s + i) % 9))));
    for (const [holdout, seed] of [[0, 1], [0.1, 1], [0.1, 2], [0.5, 3], [0.9, 4]] as const) {
      expect(humanTokenCount(corpus, holdout, seed), `${holdout} ${seed}`).toBe(tokenCount(splitHoldout(corpus, holdout, seed).human));
    }
    expect(humanTokenCount(corpus, 0, 1)).toBe(tokenCount(corpus));
  });

  it('keeps the corpus order of the sentences in both parts', () => {
    const corpus = corpusFromSentences(Array.from({ length: 10 }, (_, s) => [s + 2]));
    const { human, heldout } = splitHoldout(corpus, 0.3, 42);
    const mask = GOLDEN_42;
    expect([...human.ids]).toEqual(mask.flatMap((inHuman, s) => (inHuman === 1 ? [s + 2] : [])));
    expect([...heldout.ids]).toEqual(mask.flatMap((inHuman, s) => (inHuman === 0 ? [s + 2] : [])));
    expect(sentenceCount(heldout)).toBe(3);
  });

  it('holds nothing out at holdout 0: H is the corpus itself, not a copy, and E is empty', () => {
    const corpus = corpusFromSentences([[2, 3], [4]]);
    const { human, heldout } = splitHoldout(corpus, 0, 42);
    expect(human).toBe(corpus);
    expect([...heldout.ids]).toEqual([]);
    expect([...heldout.offsets]).toEqual([0]);
  });

  it('accepts the smallest splits: one sentence in E, one in H', () => {
    // 10 x 0.1 = 1 held out; 2 x 0.5 = 1 held out and 1 left; holdout 0 leaves a single sentence in H
    expect([...humanSentenceMask(10, 0.1, 1)].filter((x) => x === 0)).toHaveLength(1);
    expect([...humanSentenceMask(2, 0.5, 1)].sort()).toEqual([0, 1]);
    expect([...humanSentenceMask(1, 0, 1)]).toEqual([1]);
  });

  it('refuses a split that leaves H empty, or E empty although a share was asked for', () => {
    // 2 x 0.9 = 1.8 -> 2 held out, none left; 4 x 0.1 = 0.4 -> 0 held out
    for (const [sentences, holdout] of [[2, 0.9], [4, 0.1], [0, 0]] as const) {
      expect(() => humanSentenceMask(sentences, holdout, 1)).toThrow(InputError);
    }
    expect(() => humanSentenceMask(1, 0.1, 1)).toThrow('the corpus has 1 sentence(s), too few for a holdout share of 0.1');
    // no sentence: not "too few for a holdout share of 0" with a hint to pass --holdout 0 (audit of the library)
    expect(() => humanSentenceMask(0, 0, 1)).toThrow(new InputError('the corpus has no sentence', 'pass a corpus of one sentence or more'));
    expect(() => humanSentenceMask(0, 0.1, 1)).toThrow('the corpus has no sentence');
    // a share that rounds to no sentence says so, and the least share that holds one out: half a
    // sentence, 0.5 / 4 = 0.125; 0.5 / 4623 = 0.000108155... -> 0.000109 (3 digits, rounded up)
    expect(() => humanSentenceMask(4, 0.1, 1)).toThrow("a holdout share of 0.1 holds out none of the corpus's 4 sentences (it rounds to 0)");
    const least = (sentences: number, holdout: number): string => {
      try {
        humanSentenceMask(sentences, holdout, 1);
        return 'accepted';
      } catch (error) {
        return (error as InputError).hint;
      }
    };
    expect(least(4, 0.1)).toBe('pass a larger corpus, or a holdout share of at least 0.125 (one held out) or of 0 (none held out, no held-out metrics)');
    expect(least(4623, 1e-12)).toMatch(/ at least 0\.000109 \(one/u);
    // the least share at 3 digits: 0.5 / 10 = 0.05 exactly (it said 0.0501: audit), 0.5 / 1000 = 0.0005,
    // 0.5 / 10^6 written without an exponent
    expect(least(10, 0.01)).toMatch(/ at least 0\.05 \(one/u);
    expect(least(1000, 0.0001)).toMatch(/ at least 0\.0005 \(one/u);
    expect(least(1_000_000, 1e-9)).toMatch(/ at least 0\.0000005 \(one/u);
    // and the share it names holds one out, and the share a third-digit step below it none
    for (const sentences of [2, 3, 4, 7, 10, 20, 25, 125, 3125, 4623, 6250, 99_999, 100_000, 400_000]) {
      const named = /at least ([0-9.]+) \(one/u.exec(least(sentences, 1e-9))![1]!;
      const share = Number(named);
      expect([...humanSentenceMask(sentences, share, 1)].filter((bit) => bit === 0), `${sentences}`).toHaveLength(1);
      const step = 10 ** -(named.length - 2); // one step of its last decimal: 0.125 -> 0.001
      expect(Math.round((share - step) * sentences), `${sentences}: ${named} less ${step}`).toBe(0);
    }
    try {
      humanSentenceMask(2, 0.9, 1);
    } catch (error) {
      expect((error as InputError).hint).toBe('pass a larger corpus, or a holdout share of 0 (none held out, no held-out metrics)');
    }
  });

  it('refuses a holdout outside [0, 1) or a seed that is not a whole number >= 0, naming it', () => {
    expect(() => humanSentenceMask(10, 1, 1)).toThrow(UsageError);
    expect(() => humanSentenceMask(10, 1, 1)).toThrow(/^holdout must be/u);
    expect(() => humanSentenceMask(10, 0.1, -1)).toThrow(/^seed must be/u);
  });
});

const GOLDEN_42 = [1, 1, 1, 0, 0, 1, 1, 1, 1, 0];
