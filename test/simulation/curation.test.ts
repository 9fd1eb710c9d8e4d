import { describe, expect, it } from 'vitest';
import { corpusFromSentences, sentenceCount, tokenCount, type TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { UsageError } from '../../src/errors.js';
import { flooredEvaluation } from '../../src/model/evaluate.js';
import { buildSeedReference } from '../../src/metrics/seedReference.js';
import { sentencePerplexities } from '../../src/metrics/sentencePerplexities.js';
import type { SentenceSampler } from '../../src/sampler/sampling.js';
import { trainModel } from '../../src/model/train.js';
import { candidateScores, curatedShare, DEDUP_DRAW_CAP, formatSelectRule, parseSelectRule, type CurationContext } from '../../src/simulation/curation.js';
import { hashSentence } from '../../src/metrics/sentenceSet.js';
import { fixture } from '../helpers/corpus.js';

// H: "a a", "b c": counts a 2, b 1, c 1; with --rare-threshold 1 the rare types are b and c.
const f = fixture(['a a', 'b c', 'd e f']);
const human = f.more(['a a', 'b c']);
const reference = buildSeedReference(human, 64, 1);
const model0 = trainModel(human, { order: 1, smoothing: 'mle', k: 0.01, vocab: 'observed', idSpace: 64 });
const context: CurationContext = { model0, generator: model0, reference, maxSentenceLength: 10 };
const noRandom = (): number => 0;

/** A sampler that emits the given sentences in turn, over and over. */
function scripted(sentences: readonly string[]): SentenceSampler {
  let next = 0;
  return {
    sample(_random, _maxLength, out, at) {
      const tokens = sentences[next++ % sentences.length]!.split(' ').filter(Boolean).map((token) => f.id(token));
      out.set(tokens, at);
      return tokens.length;
    },
  };
}

const texts = (corpus: TokenCorpus): string[] => Array.from({ length: sentenceCount(corpus) }, (_, s) => f.text(corpus, s));

/** The refusal's line (message and hint), or a failure when nothing was refused. */
function refusal(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return `${(error as UsageError).message} (${(error as UsageError).hint})`;
  }
  throw new Error('nothing was refused');
}

describe('--select rules', () => {
  it('reads every documented form and writes it back canonically', () => {
    expect(['none', 'dedup', 'm0:low:0.8', 'm0:high:0.5', 'self:low:0.80', 'tail:1'].map((text) => formatSelectRule(parseSelectRule(text)))).toEqual([
      'none', 'dedup', 'm0:low:0.8', 'm0:high:0.5', 'self:low:0.8', 'tail:1',
    ]);
    expect(parseSelectRule('self:low:0.8')).toEqual({ kind: 'perplexity', judge: 'self', keep: 'low', share: 0.8 });
  });

  it('refuses a share with more digits than a number holds (tail:0.80000000000000001 ran as tail:0.8: audit)', () => {
    expect(() => parseSelectRule('tail:0.80000000000000001')).toThrow(new UsageError('select tail:0.80000000000000001 has more digits than a number holds: its share would be read as 0.8', 'write 0.8, or a share with fewer digits'));
    expect(parseSelectRule('m0:low:0.800000')).toEqual({ kind: 'perplexity', judge: 'm0', keep: 'low', share: 0.8 });
  });

  it.each(['', 'm0', 'm0:low', 'm0:low:0', 'm0:low:1.2', 'm0:mid:0.5', 'tail:', 'tail: ', 'tail:x', 'dedup:0.5', 'self:low:0.5:1', 'tail:0.5:1', 'mo:low:0.5', 'low:m0:0.5', 'tail:0x1', 'tail:0b1', 'm0:low:0o1', 'tail:Infinity'])('refuses %j', (text) => {
    expect(() => parseSelectRule(text, '--select')).toThrow(UsageError);
  });

  it("names the setting (default the library's select; the CLI passes --select) and the forms in the refusal", () => {
    expect(refusal(() => parseSelectRule('tail:2'))).toBe("select must be one of none, dedup, m0:low:Q, m0:high:Q, self:low:Q, self:high:Q, tail:Q (0 < Q <= 1), got 'tail:2' (e.g. 'm0:low:0.8')");
    expect(refusal(() => parseSelectRule('tail:2', '--select'))).toBe("--select must be one of none, dedup, m0:low:Q, m0:high:Q, self:low:Q, self:high:Q, tail:Q (0 < Q <= 1), got 'tail:2' (e.g. --select none,m0:low:0.8)");
    expect(refusal(() => parseSelectRule('x', 'sweep.select'))).toMatch(/^sweep\.select must be one of none, dedup, /u);
    // a value that is no text, named with its type (it was shown as the text '5': review)
    expect(refusal(() => parseSelectRule(5 as never))).toMatch(/, got the number '5' \(/u);
  });

  it('refuses a rule object parseSelectRule does not give, in formatSelectRule and curatedShare (the rule\'s text gave undefined: review)', () => {
    const said = "(pass parseSelectRule('tail:0.5'), not the rule's text)";
    for (const [rule, shown] of [
      ['tail:0.5', "'tail:0.5'"],
      [{ kind: 'bogus' }, '{"kind":"bogus"}'],
      [{ kind: 'tail', share: Number.NaN }, '{"kind":"tail","share":null}'],
      [{ kind: 'tail', share: 1.5 }, '{"kind":"tail","share":1.5}'],
      [{ kind: 'perplexity', judge: 'm1', keep: 'low', share: 0.5 }, '{"kind":"perplexity","judge":"m1","keep":"low","share":0.5}'],
      [{ kind: 'perplexity', judge: 'm0', keep: 'mid', share: 0.5 }, '{"kind":"perplexity","judge":"m0","keep":"mid","share":0.5}'],
      [undefined, 'undefined'],
    ] as const) {
      const refused = `a selection rule must be one parseSelectRule gives, got ${shown} ${said}`;
      expect(refusal(() => formatSelectRule(rule as never)), shown).toBe(refused);
      expect(refusal(() => curatedShare(rule as never, scripted(['a a']), 2, context, noRandom)), shown).toBe(refused);
    }
    // every rule parseSelectRule gives is taken
    for (const text of ['none', 'dedup', 'tail:1', 'self:high:0.5', 'm0:low:0.8']) expect(formatSelectRule(parseSelectRule(text))).toBe(text);
  });
});

describe('curation of the synthetic share', () => {
  // Candidates, drawn in turn: "a a" (rare share 0), "b a" (1/2), "c" (1), "a b" (1/2), ...
  const candidates = ['a a', 'b a', 'c', 'a b'];

  it('none keeps the sampled text as it is and records no selected share', () => {
    const share = curatedShare(parseSelectRule('none'), scripted(candidates), 3, context, noRandom);
    expect(texts(share.kept)).toEqual(['a a', 'b a']);
    expect(share.measured).toBe(share.kept);
    expect(share.selectedShare).toBeUndefined();
  });

  it('tail:0.5 draws ceil(3 / 0.5) = 6 tokens of candidates and keeps the rarest first, ties in draw order', () => {
    // Draws until >= 6 tokens: "a a" (2), "b a" (4), "c" (5), "a b" (7). Ranked by rare share, descending:
    // "c" 1, "b a" 0.5 (drawn before "a b"), "a b" 0.5, "a a" 0. Kept until >= 3 tokens: "c" (1) + "b a" (3).
    const share = curatedShare(parseSelectRule('tail:0.5'), scripted(candidates), 3, context, noRandom);
    expect(texts(share.kept)).toEqual(['b a', 'c']); // in draw order
    expect(share.selectedShare).toBe(3 / 7);
    // The row measures the unselected output: candidates in draw order up to 3 tokens.
    expect(texts(share.measured)).toEqual(['a a', 'b a']);
    expect(share.exhausted).toBe(false);
  });

  it('m0:low keeps the candidates M0 finds most likely, m0:high the least likely', () => {
    // Unigram MLE on H ("a a", "b c"): P(a) = 2/6, P(b) = P(c) = P(</s>) = 1/6, so per-token perplexity
    // of "a a" = (3 * 3 * 6)^(1/3) = 3.78 < "b a" = (6 * 3 * 6)^(1/3) = 4.76 < "c" = (6 * 6)^(1/2) = 6.
    const pool = ['c', 'b a', 'a a', 'c'];
    // ceil(2 / 0.5) = 4 tokens: "c" (1), "b a" (3), "a a" (5).
    const low = curatedShare(parseSelectRule('m0:low:0.5'), scripted(pool), 2, context, noRandom);
    expect(texts(low.kept)).toEqual(['a a']);
    expect(low.selectedShare).toBe(2 / 5);
    const high = curatedShare(parseSelectRule('m0:high:0.5'), scripted(pool), 2, context, noRandom);
    expect(texts(high.kept)).toEqual(['c', 'b a']); // "c" (1 token) then "b a": 3 >= 2
    expect(high.selectedShare).toBe(3 / 5);
  });

  it('tail scores each candidate by its share of seed-rare tokens (0 for an empty one), not by perplexity', () => {
    // rare types b, c (count 1 in H); "d" is no seed type at all: share 0, though M0 finds it the least likely
    const scores = candidateScores(parseSelectRule('tail:0.5'), f.more(['a a', 'b a', 'c', '', 'a b c', 'd']), context);
    expect([...scores]).toEqual([0, 1 / 2, 1, 0, 2 / 3, 0]);
    const share = curatedShare(parseSelectRule('tail:0.5'), scripted(['d', 'a b', 'a a', 'd']), 2, context, noRandom);
    // ceil(2 / 0.5) = 4 tokens: "d" (1), "a b" (3), "a a" (5); "a b" (1/2) fills the share alone
    expect(texts(share.kept)).toEqual(['a b']);
    expect(share.capped).toBe(false);
  });

  it('a scored rule says when the sampler ran out before the share was full; nothing drawn has no selected share', () => {
    // ceil(3 / 0.5) = 6 tokens, at most 6 sentences: "", "", "a", "", "", "a" hold 2 tokens, all kept: 2 < 3
    const share = curatedShare(parseSelectRule('tail:0.5'), scripted(['', '', 'a']), 3, context, noRandom);
    expect(tokenCount(share.kept)).toBe(2);
    expect(share.exhausted).toBe(true);
    const nothing = curatedShare(parseSelectRule('tail:0.5'), scripted(['a']), 0, context, noRandom);
    expect(tokenCount(nothing.kept)).toBe(0);
    expect(nothing.selectedShare).toBeUndefined();
    expect(nothing.exhausted).toBe(false);
  });

  it('the row measures the candidates in draw order up to the share: a sentence that reaches it exactly ends the text', () => {
    // candidates "a a" (2), "b a" (4), "c" (5), "a b" (7) for target 2 (tail:0.25 draws 8 tokens): "a a" holds 2
    const share = curatedShare(parseSelectRule('tail:0.25'), scripted(candidates), 2, context, noRandom);
    expect(texts(share.measured)).toEqual(['a a']);
  });

  it('self judges with the generating model, not M0', () => {
    // The generator saw only "c c": under it "c" is likely and "a a" nearly impossible, the reverse of M0.
    const generator = trainModel(f.more(['c c']), { order: 1, smoothing: 'mle', k: 0.01, vocab: 'observed', idSpace: 64 });
    const share = curatedShare(parseSelectRule('self:low:0.5'), scripted(['a a', 'c', 'a a']), 2, { ...context, generator }, noRandom);
    // Candidates "a a" (2), "c" (3), "a a" (5). Ranked: "c", then the first "a a" (draw order) fills the share;
    // listed in draw order. M0 would have kept the first "a a" alone.
    expect(texts(share.kept)).toEqual(['a a', 'c']);
    expect(texts(curatedShare(parseSelectRule('m0:low:0.5'), scripted(['a a', 'c', 'a a']), 2, { ...context, generator }, noRandom).kept)).toEqual(['a a']);
  });

  it('dedup drops sentences of H and repeats within the batch, drawing more until the share is full', () => {
    // Round 1 (3 tokens): "a b" (new), "a a" (in H: dropped); kept 2. Round 2 (1 token): "a b" (repeat: dropped);
    // round 3 (1 token): "d e" (new). Kept "a b" + "d e" = 4 of 8 tokens drawn.
    const share = curatedShare(parseSelectRule('dedup'), scripted(['a b', 'a a', 'a b', 'd e']), 3, context, noRandom);
    expect(texts(share.kept)).toEqual(['a b', 'd e']);
    expect(share.selectedShare).toBe(4 / 8);
    expect(texts(share.measured)).toEqual(['a b', 'a a']);
    expect(share.capped).toBe(false);
  });

  it('dedup stops drawing as soon as the kept text holds the share exactly', () => {
    // "a b" (2) + "d e" (4) = 4 = target in the first round: no second round, not capped
    const share = curatedShare(parseSelectRule('dedup'), scripted(['a b', 'd e', 'a a']), 4, context, noRandom);
    expect(texts(share.kept)).toEqual(['a b', 'd e']);
    expect(share.selectedShare).toBe(1);
    expect(share.capped).toBe(false);
  });

  it('dedup fills after its cap with the first dropped candidates, on top of those kept', () => {
    // Round 1 (6 tokens): "a b" (2), "d e" (4), "f" (5), "a b" (7): three kept (5 tokens), the repeat dropped.
    // Then rounds of 1 token: "d e", "f", "a b", ... all repeats, until 7 + 2 + 1 + 2 + ... reaches 10 x 6 = 60.
    // The fill takes the first dropped candidate (the second "a b"): 5 + 2 = 7 >= 6.
    const share = curatedShare(parseSelectRule('dedup'), scripted(['a b', 'd e', 'f']), 6, context, noRandom);
    expect(share.capped).toBe(true);
    expect(texts(share.kept)).toEqual(['a b', 'd e', 'f', 'a b']);
    expect(share.selectedShare).toBe(7 / 60);
  });

  it('dedup does not fill with duplicates when the sampler ran out (exhausted, not capped)', () => {
    // at most 3 sentences for 3 tokens: "", "" (a repeat), "a a" (in H): 2 tokens drawn, only the first "" kept
    const share = curatedShare(parseSelectRule('dedup'), scripted(['', '', 'a a']), 3, context, noRandom);
    expect(texts(share.kept)).toEqual(['']);
    expect(share.exhausted).toBe(true);
    expect(share.capped).toBe(false);
  });

  it('dedup tells apart different sentences whose hashes collide', () => {
    // FNV-1a (metrics/sentenceSet.ts): after [x] the state is imul(h0 ^ x, P); [2, 3] and [x, y] collide when
    // y cancels the difference of the states after 2 and after x: x = 258 is the first from 4 up whose y
    // (437,507) is a token id below MAX_ID_SPACE, 2^24 (x = 4 gave an id past it).
    const after = (x: number): number => Math.imul((0x811c9dc5 | 0) ^ x, 0x01000193);
    const y = after(2) ^ 3 ^ after(258);
    expect(y).toBe(437_507);
    const sentences = [[2, 3], [258, y], [258, y], [2, 3], [5, 5]];
    const both = corpusFromSentences(sentences.slice(0, 2));
    expect(hashSentence(both, 0)).toBe(hashSentence(both, 1));
    let next = 0;
    const sampler: SentenceSampler = {
      sample(_random, _maxLength, out, at) {
        const ids = sentences[next++ % sentences.length]!;
        out.set(ids, at);
        return ids.length;
      },
    };
    // Round 1 (6 tokens): [2 3] new, [258 y] new (same hash, other ids), [258 y] a repeat: 4 kept.
    // Round 2 (2 tokens): [2 3] a repeat (the first of its hash). Round 3 (2 tokens): [5 5] new: 6 kept of 10 drawn.
    const share = curatedShare(parseSelectRule('dedup'), sampler, 6, context, noRandom);
    const kept = Array.from({ length: sentenceCount(share.kept) }, (_, s) => [...share.kept.ids.subarray(share.kept.offsets[s], share.kept.offsets[s + 1])]);
    expect(kept).toEqual([[2, 3], [258, y], [5, 5]]);
    expect(share.selectedShare).toBe(6 / 10);
  });

  it('dedup stops at its draw cap and fills the share with duplicates, in draw order', () => {
    // Every candidate is "b c", a sentence of H: 10 x 2 = 20 tokens are drawn, then the first fills the share.
    const share = curatedShare(parseSelectRule('dedup'), scripted(['b c']), 2, context, noRandom);
    expect(share.capped).toBe(true);
    expect(texts(share.kept)).toEqual(['b c']);
    expect(share.selectedShare).toBe(2 / (DEDUP_DRAW_CAP * 2));
    expect(tokenCount(share.kept)).toBe(2);
  });

  it.each(['mle', 'kneser-ney'] as const)('scores candidates in one pass with the values of sentence-by-sentence scoring (%s)', (smoothing) => {
    const model = trainModel(f.more(['a a b', 'b c a', 'c a a b']), { order: 2, smoothing, k: 0.01, vocab: 'observed', idSpace: 64 });
    const text = f.more(['a a', 'b a c', '', 'd e f', 'c']);
    const fast = sentencePerplexities(model, text, reference.unigrams.types.length);
    // each sentence scored alone, as a text of one sentence, by the general scoring
    const slow = Array.from({ length: 5 }, (_, s) => {
      const ids = text.ids.subarray(text.offsets[s]!, text.offsets[s + 1]!);
      return flooredEvaluation(model, { ids, offsets: Int32Array.from([0, ids.length]) }, reference.unigrams.types.length).perplexity;
    });
    expect(fast.length).toBe(5);
    fast.forEach((value, s) => expect(value / slow[s]!).toBeCloseTo(1, 9));
  });
});
