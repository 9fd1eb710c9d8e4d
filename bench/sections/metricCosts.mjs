/**
 * Bench section: what each part of a metrics row costs on Brown (order 3, MLE), in this process.
 *
 * A text of Brown's size is sampled from M0 (the order-3 MLE model of Brown); then each part of the
 * row is timed on it (best of `repeat` runs, each on a fresh text object so that nothing remembered
 * per text is reused): unigram counts and the frequency metrics; the grouped n-gram pass (distinct_2,
 * distinct_3, novel trigrams and gen0_perplexity from H's counts); MATTR and MTLD (a pass each); the
 * copy rate; the whole row (measureText + gen0_perplexity). For comparison, gen0_perplexity by M0's
 * own scoring of the text (the general path, used for other orders and smoothings: the text's
 * (history, token) pairs looked up in M0's table, then read in its order).
 */
import { performance } from 'node:perf_hooks';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brownFile } from '../benchInput.mjs';

const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist');
const load = (path) => import(resolve(dist, path));

export default async function section({ repeat }) {
  const { loadCorpus } = await load('corpus/loadCorpus.js');
  const { trainModel } = await load('model/train.js');
  const { syntheticText } = await load('simulation/syntheticText.js');
  const { measureText } = await load('metrics/measureText.js');
  const { buildSeedReference } = await load('metrics/seedReference.js');
  const { flooredPerplexity } = await load('metrics/perplexity.js');
  const { seedModelPerplexity, seedProfile } = await load('metrics/seedPerplexity.js');
  const { lexicalDiversity } = await load('metrics/lexicalDiversity.js');
  const { countUnigrams } = await load('metrics/unigramCounts.js');
  const { frequencyMetrics } = await load('metrics/frequencyMetrics.js');
  const { overlapMetrics } = await load('metrics/overlapMetrics.js');
  const { randomFor } = await load('random/random.js');
  const { samplerFor } = await load('sampler/samplerFor.js');

  const { corpus, vocabulary } = await loadCorpus([await brownFile()], { tokenizer: 'whitespace', sentences: 'line', lowercase: false });
  const idSpace = vocabulary.size;
  let started = performance.now();
  const reference = buildSeedReference(corpus, idSpace, 1);
  const referenceSeconds = (performance.now() - started) / 1000;
  const model0 = trainModel(corpus, { order: 3, smoothing: 'mle', k: 0.01, vocab: 'observed', idSpace });
  const seedTypes = reference.unigrams.types.length;
  const sampled = syntheticText(samplerFor(model0), corpus.ids.length, 200, randomFor(['bench-metrics'])).text;
  const tokens = sampled.ids.length;
  const fresh = () => ({ ids: sampled.ids, offsets: sampled.offsets });
  const time = (work) => {
    let best = Infinity;
    for (let round = 0; round < Math.max(2, repeat); round++) {
      const text = fresh();
      const t0 = performance.now();
      work(text);
      best = Math.min(best, (performance.now() - t0) / 1000);
    }
    return best;
  };
  const parts = [
    ['unigram counts + frequency metrics (types .. zipf_slope)', (t) => frequencyMetrics(countUnigrams(t, idSpace))],
    ['n-gram pass: distinct_2/3, novel trigrams, gen0 scores from counts', (t) => seedProfile(t, reference)],
    ['MATTR + MTLD (one pass each, without branches)', (t) => lexicalDiversity(t, idSpace)],
    ['copy_rate (sentence hashing)', (t) => overlapMetrics(t, reference, { trigrams: 0, novelTrigrams: 0 })],
    ['whole row: measureText + gen0_perplexity', (t) => { measureText(t, reference); seedModelPerplexity(model0, t, reference); }],
    ['gen0_perplexity by M0\'s own scoring (general path)', (t) => flooredPerplexity(model0, t, seedTypes)],
  ];
  const rows = parts.map(([name, work]) => {
    const seconds = time(work);
    return [name, seconds.toFixed(3), ((seconds * 1e9) / tokens).toFixed(0)];
  });
  rows.push(['seed reference of H (once per run)', referenceSeconds.toFixed(3), ((referenceSeconds * 1e9) / corpus.ids.length).toFixed(0)]);
  return {
    title: `Metric costs (in process, a ${tokens}-token text sampled from Brown's order-3 MLE model; best of ${Math.max(2, repeat)})`,
    columns: ['part of the row', 'seconds', 'ns/token'],
    rows,
    notes: ['The whole row does not include the drift baseline and held-out figures (O(types) and O(held-out tokens)).'],
  };
}
