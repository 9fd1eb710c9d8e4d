/**
 * The smoothed sampler draws exactly the model's distribution (plain), or exactly the transformed one
 * (temperature, top-k, top-p as ./transform.ts defines them on the dense distribution), at every step of
 * a sentence: checked on a grid of draws, not on seeded samples.
 *
 * The grid: the steps before the one under test get fixed draws (whatever numbers they consume); the
 * step under test gets u = (i + 1/2) / GRID for i < GRID as its first number. Each token owns one
 * interval of u (per level of the interpolation chain), so its share of the grid is within a few
 * 1/GRID of its probability. A single truncation (top-k or top-p alone) is drawn by rejection
 * (sparseTransform.ts): u draws from the tempered distribution and the word is kept or the step draws
 * again. Rejected tries are independent restarts, so the step's distribution is that of the first
 * tries that were kept: the grid points whose step consumed exactly one number, renormalised.
 */

import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import type { InterpolatedModel } from '../../src/model/interpolated.js';
import type { ModelOptions, SmoothingName } from '../../src/model/languageModel.js';
import { trainModel } from '../../src/model/train.js';
import { samplerFor } from '../../src/sampler/samplerFor.js';
import type { SamplingOptions } from '../../src/sampler/sampling.js';
import { transformDistribution as truncatedDistribution } from './truncatedDistribution.js';
import { transformDistribution } from '../../src/sampler/transform.js';
import { BOS, EOS } from '../../src/vocabulary/vocabulary.js';
import { A, B, C, TINY, options } from '../model/fixtures.js';

const GRID = 1000;
const SLACK = 3 / GRID;
const plain: SamplingOptions = { temperature: 1, topK: 0, topP: 1 };

function scripted(values: readonly number[]): () => number {
  let i = 0;
  return () => (i < values.length ? values[i++]! : 0.5);
}

/** `random` with a count of the numbers it has given. */
function counted(random: () => number): { random: () => number; calls: () => number } {
  let calls = 0;
  return {
    random: () => {
      calls++;
      return random();
    },
    calls: () => calls,
  };
}

/**
 * The history the fixed draws lead to, and each next token's share of the grid points whose first
 * try was kept (EOS for an ended sentence); `kept` is the share of such points.
 */
function gridStep(model: InterpolatedModel, sampling: SamplingOptions, prefix: number[]): { history: number[]; shares: Map<number, number>; kept: number } {
  const sampler = samplerFor(model, sampling);
  const out = new Int32Array(prefix.length + 1);
  const before = counted(scripted(prefix));
  const reached = sampler.sample(before.random, prefix.length, out, 0);
  const history = Array.from(out.subarray(0, reached));
  const shares = new Map<number, number>();
  if (reached < prefix.length) return { history, shares, kept: 0 }; // the sentence ended early: no such step
  // the numbers the steps before consumed: the prefix, then the fixed 0.5 of `scripted`
  const lead = Array.from({ length: before.calls() }, (_, i) => (i < prefix.length ? prefix[i]! : 0.5));
  const firstTry = (u: number): number | undefined => {
    // a fresh sampler: one that fell back to a history's plan keeps drawing from it (a different map of u)
    const draws = counted(scripted([...lead, u]));
    const length = samplerFor(model, sampling).sample(draws.random, prefix.length + 1, out, 0);
    expect(Array.from(out.subarray(0, prefix.length))).toEqual(history);
    if (draws.calls() !== lead.length + 1) return undefined; // u was dropped: the step drew again
    return length > prefix.length ? out[prefix.length]! : EOS;
  };
  let kept = 0;
  for (let i = 0; i < GRID; i++) {
    const token = firstTry((i + 0.5) / GRID);
    if (token === undefined) continue;
    kept++;
    shares.set(token, (shares.get(token) ?? 0) + 1);
  }
  for (const [token, count] of shares) shares.set(token, count / kept);
  // no truncation, or both together (drawn from a plan): every first number picks the token
  const oneTruncation = ((sampling.topK ?? 0) > 0) !== ((sampling.topP ?? 1) < 1);
  if (!oneTruncation) expect(kept).toBe(GRID);
  // the extreme draws 0 and 1 - 2^-53 (rounding at the ends of the levels) must give tokens of the
  // distribution too: listed with no share, so expectClose checks that they are kept tokens
  for (const u of [0, 1 - 2 ** -53]) {
    const token = firstTry(u);
    if (token !== undefined) shares.set(token, shares.get(token) ?? 0);
  }
  return { history, shares, kept: kept / GRID };
}

/** The model's next-token distribution after `<s> history`, transformed as transform.ts defines it. */
function expected(model: InterpolatedModel, history: number[], sampling: SamplingOptions): Map<number, number> {
  const context = Int32Array.from([BOS, ...history]);
  const ids = Array.from(model.outcomes);
  const p = ids.map((id) => model.probability(context, 0, context.length, id));
  return new Map(transformDistribution(ids, p, sampling).map(([i, q]) => [ids[i]!, q]));
}

/** Shares within SLACK of the wanted probabilities (SLACK / kept when only a share `kept` of the grid counts). */
function expectClose(actual: Map<number, number>, wanted: Map<number, number>, kept = 1): void {
  expect(kept, 'no grid point was kept at its first try').toBeGreaterThan(0);
  for (const [id] of actual) expect(wanted.has(id), `token ${id} drawn but not in the distribution`).toBe(true);
  for (const [id, q] of wanted) expect(Math.abs((actual.get(id) ?? 0) - q), `token ${id}`).toBeLessThanOrEqual(SLACK / kept + 1e-12);
}

describe('smoothed sampler on TINY (hand-counted first step)', () => {
  it('Kneser-Ney order 2: first tokens take exactly (21, 15, 5, 7)/48 of the draws', () => {
    // P(a|<s>) = 21/48, P(b|<s>) = 15/48, P(c|<s>) = 5/48, P(</s>|<s>) = 7/48 (test/model/fixtures.ts counts)
    const model = trainModel(TINY, options('kneser-ney', 2)) as InterpolatedModel;
    expectClose(gridStep(model, plain, []).shares, new Map([[A, 21 / 48], [B, 15 / 48], [C, 5 / 48], [EOS, 7 / 48]]));
  });

  it('add-k order 2 after a seed type never seen in training: the uniform distribution over V', () => {
    // vocab seed 2..7: V = {</s>, 2..7}, 7 outcomes. The history "6" never occurred, so add-k (k = 1) gives
    // (0 + 1) / (0 + 7) to each. Token 6 is reached with the first draw: after <s> the seen a, b take
    // alpha = 2/10 + 1/10 = 0.3 of u; u = 0.85 goes on to the uniform part at (0.85 - 0.3) / 0.7 = 0.786,
    // index floor(0.786 * 7) = 5 of the outcomes (1, 2, .., 7): id 6.
    const model = trainModel(TINY, options('add-k', 2, { vocab: 'seed', seedTypes: Int32Array.from([2, 3, 4, 5, 6, 7]), idSpace: 8 })) as InterpolatedModel;
    const { history, shares } = gridStep(model, plain, [0.85]);
    expect(history).toEqual([6]);
    expectClose(shares, new Map([1, 2, 3, 4, 5, 6, 7].map((id) => [id, 1 / 7])));
  });
});

/** 60 seeded sentences over 12 types (ids 2..13), some types rare: histories with short and long chains. */
function smallCorpus() {
  const random = seedrandom('smoothed-exact');
  const sentences = Array.from({ length: 60 }, () => Array.from({ length: 1 + Math.floor(random() * 6) }, () => 2 + Math.floor(random() ** 2 * 12)));
  return corpusFromSentences(sentences);
}

const SAMPLINGS: SamplingOptions[] = [
  plain,
  { temperature: 0.6, topK: 0, topP: 1 },
  { temperature: 1, topK: 3, topP: 1 },
  { temperature: 1, topK: 0, topP: 0.7 },
  { temperature: 0.8, topK: 5, topP: 0.9 },
];

describe.each(['add-k', 'witten-bell', 'kneser-ney'] as SmoothingName[])('%s: every step draws the (transformed) model distribution', (smoothing) => {
  for (const order of [1, 2, 3]) {
    for (const vocab of ['observed', 'seed'] as const) {
      it(`order ${order}, vocab ${vocab}`, () => {
        const modelOptions: ModelOptions = { order, smoothing, k: 0.5, vocab, idSpace: 17, seedTypes: Int32Array.from({ length: 15 }, (_, i) => 2 + i) };
        const model = trainModel(smallCorpus(), modelOptions) as InterpolatedModel;
        for (const sampling of SAMPLINGS) {
          for (const prefix of [[], [0.3, 0.6]]) {
            const { history, shares, kept } = gridStep(model, sampling, prefix);
            if (history.length < prefix.length) continue;
            expectClose(shares, expected(model, history, sampling), kept);
          }
        }
      });
    }
  }
});

describe.each(['add-k', 'witten-bell', 'kneser-ney'] as SmoothingName[])('%s: histories with many continuations and ties', (smoothing) => {
  it('cuts top-k and top-p inside runs of equally probable tokens by id, as the dense transform does', () => {
    // 40 types, each sentence two uniform tokens: <s> and most tokens have more than 24 continuations,
    // many with equal counts, so top-k and top-p cut through ties (broken to the lower id)
    const random = seedrandom('wide');
    const sentences = Array.from({ length: 400 }, () => [2 + Math.floor(random() * 40), 2 + Math.floor(random() * 40)]);
    const model = trainModel(corpusFromSentences(sentences), { order: 2, smoothing, k: 0.5, vocab: 'observed', idSpace: 42 }) as InterpolatedModel;
    for (const sampling of [{ ...plain, topK: 10 }, { ...plain, topK: 27 }, { ...plain, topP: 0.5 }, { temperature: 0.7, topK: 30, topP: 0.8 }]) {
      for (const prefix of [[], [0.41]]) {
        const { history, shares, kept } = gridStep(model, sampling, prefix);
        if (history.length < prefix.length) continue; // the fixed draws ended the sentence
        expectClose(shares, expected(model, history, sampling), kept);
      }
    }
  });

  it('a history with exactly 24 continuations (the largest ranked by insertion) ranks them exactly', () => {
    // one-token sentences over ids 2..25, id w written 1 + (7 w mod 5) times: <s> has 24 continuations with
    // counts 1..5 in no id order (ties among them), the root 25 (with </s>)
    const sentences: number[][] = [];
    for (let w = 2; w <= 25; w++) for (let c = 0; c < 1 + ((7 * w) % 5); c++) sentences.push([w]);
    const model = trainModel(corpusFromSentences(sentences), { order: 2, smoothing, k: 0.5, vocab: 'observed', idSpace: 26 }) as InterpolatedModel;
    for (const sampling of [{ ...plain, topK: 5 }, { ...plain, topK: 12 }, { ...plain, topP: 0.4 }]) {
      const { history, shares, kept } = gridStep(model, sampling, []);
      expectClose(shares, expected(model, history, sampling), kept);
    }
  });

  it('histories with more continuations than the first scratch buffers (64) draw exactly too', () => {
    // 120 types, 1,500 two-token sentences, half of them starting with id 2: <s> and the root have about
    // 120 continuations each. Temperature 0.0005 (all mass on id 2 after <s>) takes weights relative to the
    // largest probability: 0.5^(1/T) itself underflows
    const random = seedrandom('wider');
    const word = () => 2 + Math.floor(random() * 120);
    const sentences = Array.from({ length: 1500 }, () => [random() < 0.5 ? 2 : word(), word()]);
    const model = trainModel(corpusFromSentences(sentences), { order: 2, smoothing, k: 0.5, vocab: 'observed', idSpace: 122 }) as InterpolatedModel;
    for (const sampling of [{ ...plain, temperature: 0.0005 }, { ...plain, topK: 70 }, { temperature: 1.5, topK: 0, topP: 0.6 }]) {
      for (const prefix of [[], [0.77]]) {
        const { history, shares, kept } = gridStep(model, sampling, prefix);
        if (history.length < prefix.length) continue; // the fixed draws ended the sentence
        expectClose(shares, expected(model, history, sampling), kept);
      }
    }
  });
});

describe('smoothed sampler, long sentences', () => {
  it('keeps the history of sentences longer than its first buffer (64 tokens)', () => {
    // order 3 on one sentence of the cycle a b c a b c ... (90 tokens): with top-k 1 the sampler follows the
    // cycle (after "a b" comes c 30 times, after "b c" comes a 29 times and </s> once, after "c a" b), past
    // the training sentence's length, whatever the draws
    const cycle = Array.from({ length: 90 }, (_, i) => [A, B, C][i % 3]!);
    const model = trainModel(corpusFromSentences([cycle]), { order: 3, smoothing: 'witten-bell' });
    for (const maxLength of [64, 65, 66, 100]) {
      const out = new Int32Array(maxLength);
      const length = samplerFor(model, { topK: 1 }).sample(seedrandom('long'), maxLength, out, 0);
      expect(length).toBe(maxLength);
      expect(Array.from(out)).toEqual(Array.from({ length: maxLength }, (_, i) => [A, B, C][i % 3]));
    }
  });
});

describe('smoothed sampler, boundaries of a draw', () => {
  it('a draw of exactly the seen mass 1 - gamma(h) belongs to the lower distribution', () => {
    // u < 1 - gamma picks one of h's seen continuations; u = 1 - gamma rescales to 0 in the lower
    // distribution. Kneser-Ney on TINY: below <s> is the root, whose first outcome in id order with mass
    // is </s> (continuation count 2: "b </s>", "c </s>"), so the sentence ends at once.
    const model = trainModel(TINY, options('kneser-ney', 2)) as InterpolatedModel;
    const node = model.historyNode(Int32Array.from([BOS]), 0, 1);
    const out = new Int32Array(4);
    expect(samplerFor(model).sample(scripted([1 - model.gamma[node]!]), 4, out, 0)).toBe(0);
    // and just below it, the last seen continuation of <s> (b)
    expect(samplerFor(model).sample(scripted([(1 - model.gamma[node]!) * (1 - 1e-12), 0.99]), 1, out, 0)).toBe(1);
    expect(out[0]).toBe(B);
  });

  it('the largest draw below 1 on an unseen add-k history gives the last outcome of V', () => {
    // add-k (k = 1) on the one sentence "a", vocab seed {a, b}: V = {</s>, a, b}. After <s>: alpha(a) = 1/4,
    // gamma = 3/4; u = 0.9 -> (0.9 - 0.25) / 0.75 = 0.867 of the uniform part, index 2: b, never seen, so
    // its history is unseen: straight to the uniform distribution, where u = 1 - 2^-53 gives
    // floor(u * 3) = floor(2.9999999999999996) = 2: the last outcome, b.
    const model = trainModel(corpusFromSentences([[A]]), { order: 2, smoothing: 'add-k', k: 1, vocab: 'seed', seedTypes: Int32Array.from([A, B]), idSpace: 4 });
    const out = new Int32Array(2);
    expect(samplerFor(model).sample(scripted([0.9, 1 - 2 ** -53]), 2, out, 0)).toBe(2);
    expect(Array.from(out)).toEqual([B, B]);
  });

  it('a model trained on no sentences only ends sentences', () => {
    for (const smoothing of ['add-k', 'witten-bell', 'kneser-ney'] as const) {
      const model = trainModel(corpusFromSentences([]), { order: 2, smoothing });
      for (const sampling of [plain, { temperature: 0.5, topK: 2, topP: 0.9 }]) {
        expect(samplerFor(model, sampling).sample(scripted([0.2, 0.7]), 5, new Int32Array(5), 0)).toBe(0);
      }
    }
  });
});

describe('transformDistribution for the smoothed sampler', () => {
  it('returns the kept ids in ascending id order, whatever order the candidates come in', () => {
    // top-k 2 of ids (5, 3, 4) with p (0.5, 0.2, 0.3): keeps 5 and 4, renormalised 0.5/0.8 and 0.3/0.8,
    // listed as 4, 5 with cumulative 0.375, 1
    const d = truncatedDistribution(Int32Array.from([5, 3, 4]), Float64Array.from([0.5, 0.2, 0.3]), { ...plain, topK: 2 });
    expect(Array.from(d.ids)).toEqual([4, 5]);
    expect(d.cumulative[0]).toBeCloseTo(0.375, 12);
    expect(d.cumulative[1]).toBe(1);
  });

  it('ends its cumulative probabilities at exactly 1 although the running sum does not', () => {
    // seven times 1/7: the floats 1/7 / (7 * 1/7) summed in order reach 1.0000000000000002
    const seven = Float64Array.from({ length: 7 }, () => 1 / 7);
    let running = 0;
    for (const p of seven) running += p / seven.reduce((a, b) => a + b, 0);
    expect(running).not.toBe(1);
    const d = truncatedDistribution(Int32Array.from([2, 3, 4, 5, 6, 7, 8]), seven, plain);
    expect(d.cumulative[6]).toBe(1);
    expect(d.cumulative[5]).toBeCloseTo(6 / 7, 12);
  });
});
