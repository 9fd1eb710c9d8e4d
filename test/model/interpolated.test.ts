/**
 * InterpolatedModel's own tables and lookups (src/model/interpolated.ts), on TINY (fixtures.ts), beyond
 * the probabilities the smoothing tests check: the cumulative alpha the sampler searches, the history
 * node of an add-k model, the back-off weight ARPA writes, and the support.
 */
import { describe, expect, it } from 'vitest';
import { childOf } from '../../src/counts/ngramTrie.js';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { trainAddK } from '../../src/model/addK.js';
import type { InterpolatedModel } from '../../src/model/interpolated.js';
import { trainWittenBell } from '../../src/model/wittenBell.js';
import { trainKneserNey } from '../../src/model/kneserNey.js';
import { randomFor } from '../../src/random/random.js';
import { randomCorpus } from '../helpers/sampledPath.js';
import { probabilitiesOneByOne } from '../helpers/oneByOne.js';
import { A, B, C, TINY, history, options } from './fixtures.js';

const BOS = 0;
const EOS = 1;

describe('InterpolatedModel', () => {
  it('sums alpha over each node\'s children in word order (cumulativeAlpha, what the sampler searches)', () => {
    // Witten-Bell order 2 (wittenBell.test.ts): root denominator 12, alpha </s> 3/12, a 2/12, b 2/12, c 1/12
    // (<s> is never predicted: alpha 0): cumulative </s> 3/12, a 5/12, b 7/12, c 8/12 (= 1 - gamma 1/3).
    // History <s>: denominator 5, alpha a 2/5, b 1/5: cumulative 2/5, 3/5.
    const model = trainWittenBell(TINY, options('witten-bell', 2)) as InterpolatedModel;
    const at = (node: number, word: number) => model.cumulativeAlpha[childOf(model.trie, node, word)]!;
    expect([BOS, EOS, A, B, C].map((w) => at(0, w) * 12)).toEqual([0, 3, 5, 7, 8].map((x) => expect.closeTo(x, 12)));
    const bos = childOf(model.trie, 0, BOS);
    expect([A, B].map((w) => at(bos, w) * 5)).toEqual([2, 3].map((x) => expect.closeTo(x, 12)));
  });

  it('add-k: an unseen history is uniform, not its suffix\'s distribution', () => {
    // order 2, k = 1, |V| = 4: after the unknown id 9, every outcome 1/4 (the unigram level would give
    // c: (1 + 1) / (8 + 4) = 1/6 and </s>: (3 + 1) / 12 = 1/3)
    const model = trainAddK(TINY, options('add-k', 2));
    expect([A, B, C, EOS].map((w) => model.probability(history(BOS, 9), 0, 2, w))).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('reads only history[start .. end)', () => {
    // order 3: history[1 .. 2) is <s> alone, so P(a | <s>) = (c(<s> a) + 1) / (c(<s>) + 4) = 3/7, whatever precedes it
    const model = trainAddK(TINY, options('add-k', 3));
    expect(model.probability(history(9, BOS), 1, 2, A)).toBeCloseTo(3 / 7, 12);
    // history[1 .. 3) is "<s> a": c(<s> a b) = 1, c(<s> a) = 2 (b and c once each): (1 + 1) / (2 + 4) = 1/3
    expect(model.probability(history(9, BOS, A), 1, 3, B)).toBeCloseTo(1 / 3, 12);
  });

  it('add-k: historyNode is -1 for a history never seen before a word', () => {
    const model = trainAddK(TINY, options('add-k', 3)) as InterpolatedModel;
    expect(model.historyNode(history(BOS, A), 0, 2)).toBe(childOf(model.trie, childOf(model.trie, 0, BOS), A));
    // "b </s>" was counted, but nothing ever followed it
    expect(childOf(model.trie, childOf(model.trie, 0, B), EOS)).toBeGreaterThan(0);
    expect(model.historyNode(history(BOS, B, EOS), 0, 3)).toBe(-1);
    // an empty training text: even the empty history was never followed by anything
    const empty = trainAddK(corpusFromSentences([]), options('add-k', 1)) as InterpolatedModel;
    expect(empty.historyNode(history(BOS), 0, 1)).toBe(-1);
  });

  it('nextHistoryNode is historyNode one token on, for every smoothing and order, seen histories or not', () => {
    // Random texts over ids 2..7; histories of 1 to 6 items starting with <s> (as a sampler builds
    // them), over </s> and ids 2..8 (8 never occurs in training, so some histories leave the model;
    // after </s> a node can exist without continuations)
    const trainers = [trainAddK, trainWittenBell, trainKneserNey];
    const smoothings = ['add-k', 'witten-bell', 'kneser-ney'] as const;
    let fast = 0;
    for (let trial = 0; trial < 6; trial++) {
      const corpus = randomCorpus(`next node ${trial}`, 12, 6);
      for (let order = 1; order <= 4; order++) {
        trainers.forEach((train, t) => {
          const model = train(corpus, options(smoothings[t]!, order, { idSpace: 9 })) as InterpolatedModel;
          const random = randomFor(['histories', trial, order, t]);
          // one item on from the empty history (history[2 .. 2), then history[2 .. 3))
          for (let id = 0; id < 9; id++) {
            const h = history(5, 6, id);
            expect(model.nextHistoryNode(model.historyNode(h, 2, 2), h, 2, 3)).toBe(model.historyNode(h, 2, 3));
          }
          for (let walk = 0; walk < 40; walk++) {
            const ids = [BOS];
            let node = model.historyNode(history(...ids), 0, 1);
            for (let step = 0; step < 5; step++) {
              ids.push(1 + Math.floor(random() * 8));
              const h = history(...ids);
              const next = model.nextHistoryNode(node, h, 0, ids.length);
              expect(next).toBe(model.historyNode(h, 0, ids.length));
              if (next >= 0 && next !== 0) fast++;
              node = next;
            }
          }
        });
      }
    }
    expect(fast).toBeGreaterThan(100); // the walks reach seen histories, not only the root or -1
  });

  it('gives ARPA back-off weights gamma(h) for suffix models and NaN for add-k', () => {
    // Witten-Bell order 2: gamma(root) = 1/3, gamma(<s>) = 2/5
    const wb = trainWittenBell(TINY, options('witten-bell', 2)) as InterpolatedModel;
    expect(wb.backoffWeight(0)).toBeCloseTo(1 / 3, 12);
    expect(wb.backoffWeight(childOf(wb.trie, 0, BOS))).toBeCloseTo(2 / 5, 12);
    const addK = trainAddK(TINY, options('add-k', 2)) as InterpolatedModel;
    expect(addK.backoffWeight(0)).toBeNaN();
  });

  it('takes seed types into the support only with vocab seed', () => {
    const seeds = Int32Array.of(2, 3, 4, 5, 6, 7);
    const observed = trainWittenBell(TINY, options('witten-bell', 2, { vocab: 'observed', seedTypes: seeds, idSpace: 8 }));
    expect(Array.from(observed.support)).toEqual([A, B, C]);
    expect(observed.probability(history(BOS), 0, 1, 5)).toBe(0);
    // a trainer called without seed types (trainModel refuses that) keeps the observed support
    const unseeded = trainWittenBell(TINY, options('witten-bell', 2, { vocab: 'seed', idSpace: 8 }));
    expect(Array.from(unseeded.support)).toEqual([A, B, C]);
  });
});

describe('InterpolatedModel.predictionProbabilities', () => {
  const trainers = { 'kneser-ney': trainKneserNey, 'witten-bell': trainWittenBell, 'add-k': trainAddK } as const;
  for (const [name, trainer] of Object.entries(trainers)) {
    for (const order of [1, 2, 3, 4]) {
      it(`${name} order ${order}: equals probability() call by call, bit for bit, on a text with unseen ids and histories`, () => {
        // Trained on ids 2..7; scored on ids 2..9 (8 and 9 never seen: 0, outside V), with empty sentences.
        const training = randomCorpus(`interp train ${name} ${order}`, 80, 6);
        const text = randomCorpus(`interp text ${name} ${order}`, 60, 8);
        const model = trainer(training, { ...options(name as keyof typeof trainers, order), idSpace: 10 }) as InterpolatedModel;
        const walked = Array.from(model.predictionProbabilities(text));
        expect(walked).toEqual(probabilitiesOneByOne(model, text));
        expect(walked.length).toBe(text.ids.length + text.offsets.length - 1);
        expect(walked.some((p) => p === 0)).toBe(true); // the unseen ids were scored
      });
    }
  }

  it('gives the tiny fixture\'s hand-counted Witten-Bell values (order 2)', () => {
    // TINY = "a b", "a c", "b"; V = {a, b, c, </s>}, uniform 1/4. Root: denominator 12, alpha </s> 3/12,
    // a 2/12, b 2/12, c 1/12, gamma 1/3: P(a) = P(b) = 2/12 + 1/12 = 1/4, P(</s>) = 3/12 + 1/12 = 1/3.
    // <s>: c = 3, N1+ = 2 (a, b): alpha a 2/5, gamma 2/5: P(a | <s>) = 2/5 + (2/5)(1/4) = 1/2,
    //   P(</s> | <s>) = (2/5)(1/3) = 2/15.
    // a: c = 2, N1+ = 2: alpha b 1/4, gamma 1/2: P(b | a) = 1/4 + (1/2)(1/4) = 3/8.
    // b: c = 2 (both followed by </s>), N1+ = 1: alpha </s> 2/3, gamma 1/3: P(</s> | b) = 2/3 + (1/3)(1/3) = 7/9.
    const model = trainWittenBell(TINY, options('witten-bell', 2)) as InterpolatedModel;
    const walked = Array.from(model.predictionProbabilities(corpusFromSentences([[A, B], []])));
    expect(walked).toEqual([1 / 2, 3 / 8, 7 / 9, 2 / 15].map((x) => expect.closeTo(x, 12)));
  });
});
