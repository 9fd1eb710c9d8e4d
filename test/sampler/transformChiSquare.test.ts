/**
 * Transformed draws from smoothed models follow the defined distribution on a large vocabulary:
 * chi-square goodness of fit of 60,000 seeded draws against `transformDistribution` applied to the
 * model's dense distribution (./transform.ts, the README's definition), for every smoothing x transform.
 *
 * The corpus: 4,000 seeded sentences over 1,500 token ids drawn Zipf-like (rank^-1.1), so a history's
 * distribution spans the whole chain (seen continuations, lower orders, and with `vocab: 'seed'` unseen
 * seed types). Bins with expected count < 5 are pooled. The critical value is chi-square's upper 0.1%
 * point (Wilson–Hilferty approximation); each test also checks the statistic's power: the same draws
 * against the untransformed distribution must fail.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import type { InterpolatedModel } from '../../src/model/interpolated.js';
import { trainModel } from '../../src/model/train.js';
import { samplerFor } from '../../src/sampler/samplerFor.js';
import { SparseTransformer } from '../../src/sampler/sparseTransform.js';
import { transformDistribution } from './truncatedDistribution.js';
import type { SamplingOptions } from '../../src/sampler/sampling.js';
import { BOS, EOS } from '../../src/vocabulary/vocabulary.js';

const TYPES = 1500;
const ID_SPACE = TYPES + 2;
const DRAWS = 60_000;

function zipfCorpus() {
  const random = seedrandom('zipf');
  const weights = Array.from({ length: TYPES }, (_, r) => (r + 1) ** -1.1);
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  weights.reduce((sum, w, r) => (cumulative[r] = sum + w / total), 0);
  const draw = () => {
    const u = random();
    const rank = cumulative.findIndex((c) => c > u);
    return 2 + (rank < 0 ? TYPES - 1 : rank);
  };
  const sentences = Array.from({ length: 4000 }, () => Array.from({ length: 3 + Math.floor(random() * 12) }, draw));
  return corpusFromSentences(sentences);
}

/** Upper 0.1% point of chi-square with k degrees of freedom (Wilson & Hilferty 1931). */
function critical(k: number): number {
  const z = 3.0902;
  return k * (1 - 2 / (9 * k) + z * Math.sqrt(2 / (9 * k))) ** 3;
}

/** Pearson's statistic over bins pooled until each expects >= 5; returns [statistic, degrees of freedom]. */
function chiSquare(counts: Map<number, number>, expected: Map<number, number>, n: number): [number, number] {
  let statistic = 0;
  let bins = 0;
  let pooledObserved = 0;
  let pooledExpected = 0;
  const ids = [...new Set([...counts.keys(), ...expected.keys()])].sort((a, b) => (expected.get(b) ?? 0) - (expected.get(a) ?? 0) || a - b);
  for (const id of ids) {
    const e = (expected.get(id) ?? 0) * n;
    const o = counts.get(id) ?? 0;
    if (e === 0 && o > 0) return [Number.POSITIVE_INFINITY, 1]; // drew a word outside the kept set
    pooledObserved += o;
    pooledExpected += e;
    if (pooledExpected >= 5) {
      statistic += (pooledObserved - pooledExpected) ** 2 / pooledExpected;
      bins++;
      pooledObserved = 0;
      pooledExpected = 0;
    }
  }
  if (pooledExpected > 0) statistic += (pooledObserved - pooledExpected) ** 2 / Math.max(pooledExpected, 1e-9);
  return [statistic, Math.max(1, bins - 1)];
}

function defined(model: InterpolatedModel, node: number, sampling: SamplingOptions): Map<number, number> {
  const dense = new Float64Array(model.idSpace);
  model.fillDistribution(node, dense);
  const d = transformDistribution(model.outcomes, Float64Array.from(model.outcomes, (id) => dense[id]!), sampling);
  return new Map(Array.from(d.ids, (id, i) => [id, d.cumulative[i]! - (i > 0 ? d.cumulative[i - 1]! : 0)]));
}

const CORPUS = zipfCorpus();
const TRANSFORMS: SamplingOptions[] = [
  { temperature: 0.8, topK: 0, topP: 1 },
  { temperature: 1, topK: 0, topP: 0.9 },
  { temperature: 1, topK: 50, topP: 1 },
  { temperature: 1.3, topK: 200, topP: 0.8 },
];
const PLAIN: SamplingOptions = { temperature: 1, topK: 0, topP: 1 };

describe.each(['add-k', 'witten-bell', 'kneser-ney'] as const)('%s transformed draws', (smoothing) => {
  const model = trainModel(CORPUS, { order: 3, smoothing, k: 0.05, idSpace: ID_SPACE }) as InterpolatedModel;

  it.each(TRANSFORMS.map((t) => [t.temperature, t.topK, t.topP]))('first tokens through the sampler follow the definition (T %s, k %s, p %s)', (temperature, topK, topP) => {
    const sampling = { temperature: temperature!, topK: topK!, topP: topP! };
    const sampler = samplerFor(model, sampling);
    const random = seedrandom(`chi ${smoothing}`);
    const out = new Int32Array(1);
    const counts = new Map<number, number>();
    for (let i = 0; i < DRAWS; i++) {
      const id = sampler.sample(random, 1, out, 0) === 0 ? EOS : out[0]!;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const node = model.historyNode(Int32Array.of(BOS), 0, 1);
    const [statistic, k] = chiSquare(counts, defined(model, node, sampling), DRAWS);
    expect(statistic).toBeLessThan(critical(k));
    const [against, kPlain] = chiSquare(counts, defined(model, node, PLAIN), DRAWS);
    expect(against).toBeGreaterThan(critical(kPlain));
  });

  it('draws at a two-word history with unseen seed types follow the definition', () => {
    const seeded = trainModel(CORPUS, { order: 3, smoothing, k: 0.05, idSpace: ID_SPACE + 300, vocab: 'seed', seedTypes: Int32Array.from({ length: TYPES + 300 }, (_, i) => i + 2) }) as InterpolatedModel;
    const history = Int32Array.from([BOS, CORPUS.ids[0]!, CORPUS.ids[1]!]);
    const node = seeded.historyNode(history, 0, history.length);
    for (const sampling of TRANSFORMS) {
      const transformer = new SparseTransformer(seeded, sampling);
      const plan = transformer.plan(node);
      const random = seedrandom(`deep ${smoothing} ${sampling.temperature}`);
      const counts = new Map<number, number>();
      for (let i = 0; i < DRAWS; i++) {
        const id = transformer.draw(plan, random);
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      const [statistic, k] = chiSquare(counts, defined(seeded, node, sampling), DRAWS);
      expect(statistic).toBeLessThan(critical(k));
    }
  });
});
