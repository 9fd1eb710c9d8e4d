#!/usr/bin/env node
/**
 * The benchmark job for ngram-collapse itself, run by bench/run.mjs in a child process (so that its
 * peak RSS is its own). It runs the collapse loop of the README's "The loop" for one cell (MLE, replace,
 * human ratio 0, holdout 0), in one of two ways, each in a fresh process (cold code, fresh memory, as
 * every baseline runs):
 * - staged (the default): through the library's own stages, the same calls in the same order as
 *   src/simulation/series.ts, timing each stage of every generation:
 *   - train: the next model on the generation's training data, the sampled text alone: as in the loop,
 *     read off the sampler's path (trainOnSampledPath; M0 is trainModel on H);
 *   - sample: the synthetic text (syntheticText with the model's sampler);
 *   - metrics: every column of the row: measureText, the drift baseline (and the count of the text
 *     the next generation's baseline reads), held-out perplexity and OOV rate of the new model, what
 *     it can emit (the model_* columns), gen0_perplexity of the text under M0.
 * - `--loop`: the library's `simulate` with the same settings, timing each generation of the real loop
 *   (`loop_s`: from one row to the next).
 * Both print every row's values, so that bench/run.mjs checks that the staged rows are the real loop's,
 * column for column both ways (the stage figures are then those of the real loop). Until 5 December the
 * loop ran in the staged run's process, after it: warm code and memory its generations did not pay for.
 *
 * usage: node bench/ngramJob.mjs (--input FILE | --synthetic TOKENS) [--order 3] [--generations 5]
 *        [--scale TOKENS] [--loop]
 * --input is one sentence per line, whitespace tokens (what the baselines read). --scale N builds
 * a corpus of about N tokens from the input's sentences, repeated in seeded shuffles. --synthetic N
 * generates N tokens whose vocabulary grows by Heaps' law instead (./heapsCorpus.mjs).
 * Output: one JSON object per line: per generation >= 1, staged {generation, train_s, sample_s,
 * metrics_s, tokens, types} or `--loop` {generation, loop_s}, each followed by {row, values} (the row's
 * values, undefined ones left out, NaN, the infinities and -0 as strings: rowLine); then {maxrss_kb,
 * load_s, reference_s, corpus_tokens, corpus_types, corpus_trigrams} (distinct in-sentence trigrams
 * of the seed corpus; reference_s and corpus_trigrams staged only).
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../dist');
const load = async (path) => import(resolve(dist, path));
const { loadCorpus } = await load('corpus/loadCorpus.js');
const { tokenCount } = await load('corpus/tokenCorpus.js');
const { trainModel, trainOnSampledPath } = await load('model/train.js');
const { syntheticText } = await load('simulation/syntheticText.js');
const { pathSamplerFor } = await load('sampler/samplerFor.js');
const { samplingOf } = await load('sampler/sampling.js');
const { forgetRecords } = await load('counts/transitionRecords.js');
const { releaseColumns } = await load('counts/scratchBuffers.js');
const { measureText } = await load('metrics/measureText.js');
const { driftExpectedTypes } = await load('metrics/driftBaseline.js');
const { flooredPerplexity, oovRate } = await load('metrics/perplexity.js');
const { countUnigrams } = await load('metrics/unigramCounts.js');
const { supportMetrics } = await load('metrics/supportMetrics.js');
const { seedModelPerplexity } = await load('metrics/seedPerplexity.js');
const { prepareRun } = await load('simulation/preparedRun.js');
const { expandCells } = await load('simulation/cells.js');
const { seriesRandom } = await load('simulation/series.js');
const { simulate } = await load('simulation/simulate.js');
const { DEFAULT_RUN } = await load('simulation/settings.js');
const { randomFor, shuffledIndexes } = await load('random/random.js');
const { heapsCorpus } = await import('./heapsCorpus.mjs');

const options = { order: '3', generations: '5' };
for (let i = 2; i < process.argv.length; i++) {
  const name = process.argv[i].replace(/^--/, '');
  if (name === 'loop') options.loop = true;
  else options[name] = process.argv[++i];
}

const started = performance.now();
let corpus;
let idSpace;
if (options.synthetic !== undefined) {
  const generated = heapsCorpus(Number(options.synthetic));
  corpus = { ids: generated.ids, offsets: generated.offsets };
  idSpace = generated.idSpace;
} else {
  const loaded = await loadCorpus([options.input], { tokenizer: 'whitespace', sentences: 'line', lowercase: false });
  corpus = loaded.corpus;
  if (options.scale !== undefined) corpus = scaledCorpus(corpus, Number(options.scale));
  idSpace = loaded.vocabulary.size;
}
const loadSeconds = (performance.now() - started) / 1000;
const settings = {
  ...DEFAULT_RUN,
  generations: Number(options.generations),
  holdout: 0,
  sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0], strategy: ['replace'], order: [Number(options.order)], smoothing: ['mle'] },
};

if (options.loop) {
  loopOnly();
  process.exit(0);
}

/** The real loop alone (`--loop`): `simulate`, each generation timed from one row to the next. */
function loopOnly() {
  let last = performance.now();
  let corpusFigures = {};
  simulate(corpus, idSpace, settings, {
    emit: (row) => {
      const now = performance.now();
      if (row.generation > 0) console.log(JSON.stringify({ generation: row.generation, loop_s: (now - last) / 1000 }));
      else corpusFigures = { corpus_types: row.values.types };
      last = now;
      if (row.generation > 0) console.log(rowLine(row.generation, row.values));
    },
  });
  console.log(JSON.stringify({ maxrss_kb: process.resourceUsage().maxRSS, load_s: loadSeconds, corpus_tokens: tokenCount(corpus), ...corpusFigures }));
}

const t0 = performance.now();
const run = prepareRun(corpus, idSpace, settings);
const referenceSeconds = (performance.now() - t0) / 1000;
const cell = expandCells(settings.sweep)[0];
const random = seriesRandom(run, cell, 1);
const modelOptions = { order: cell.settings.order, smoothing: 'mle', k: settings.k, vocab: 'observed', idSpace, seedTypes: run.reference.unigrams.types };
const seedTypes = run.reference.unigrams.types.length;

// As series.ts: the drift baseline keeps the previous training text's unigram counts, not the text,
// and each generation runs in a function of its own (stagedGeneration), so no frame holds the texts of
// the generation before while the next one samples.
const carried = { model: trainModel(run.human, modelOptions), previousTraining: trainingCounts(run.human) };
// As series.ts: from generation 1 on, no pass sorts a text's predictions; the column buffers go.
releaseColumns();
// As src/simulation/series.ts: M0 is let go after generation 1 is sampled, rebuilt only if needed.
let model0 = carried.model;
const seed = { order: modelOptions.order, smoothing: 'mle', model: () => (model0 ??= trainModel(run.human, modelOptions)) };
for (let generation = 1; generation <= settings.generations; generation++) stagedGeneration(carried, generation);

/** One generation of the loop, stage by stage (series.ts's stepGeneration for this job); prints its line. */
function stagedGeneration(carried, generation) {
  const a = performance.now();
  // As series.ts: the sampler records its path, and M(g+1), trained on nothing but this text, is read off it.
  let sampler = pathSamplerFor(carried.model, samplingOf(cell.settings), run.batchTokens);
  const synthetic = syntheticText(sampler, run.batchTokens, settings.maxSentenceLength, random);
  const text = synthetic.text;
  let table = sampler.table;
  let path = sampler.path();
  // As series.ts (drawTexts): the sampler, and the records it walked, live only while it samples.
  sampler = undefined;
  forgetRecords(table); // as series.ts: the records served the sampling
  // As series.ts: M(g) has drawn its text; it and (order-3 MLE) M0 go before M(g+1) is built.
  carried.model = undefined;
  model0 = undefined;
  const b = performance.now();
  const next = trainOnSampledPath(text, table, path, modelOptions);
  table = undefined; // M(g)'s table goes, and the path, as in series.ts
  path = undefined;
  const c = performance.now();
  // As series.ts: the measured text is the training text, so its n-gram columns read M(g+1)'s table.
  const measured = measureText(text, run.reference, next.transitions);
  const { previousTraining } = carried;
  const drift = driftExpectedTypes(previousTraining.counts, previousTraining.sentences, tokenCount(text) + text.offsets.length - 1);
  const values = {
    ...measured.values,
    drift_expected_types: drift,
    heldout_perplexity: flooredPerplexity(next, run.heldout, seedTypes),
    heldout_oov_rate: oovRate(next, run.heldout),
    gen0_perplexity: seedModelPerplexity(seed, text, run.reference),
    ...supportMetrics(next.support, run.reference),
  };
  // (as series.ts, within the generation: the next generation's drift baseline reads this text's counts)
  const counted = trainingCounts(text);
  const d = performance.now();
  const line = { generation, train_s: (c - b) / 1000, sample_s: (b - a) / 1000, metrics_s: (d - c) / 1000, tokens: tokenCount(text), types: values.types };
  console.log(JSON.stringify(line));
  console.log(rowLine(generation, values));
  carried.model = next;
  carried.previousTraining = counted;
  return values;
}

/**
 * A row's values as a JSON line, exactly: JSON writes NaN and the infinities as null and -0 as 0, so
 * those are written as strings ("NaN", "Infinity", "-Infinity", "-0") for the comparison to tell them apart.
 */
function rowLine(generation, values) {
  const exact = (_key, value) => (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0)) ? (Object.is(value, -0) ? '-0' : String(value)) : value);
  return JSON.stringify({ row: generation, values }, exact);
}

/** What the next generation's drift baseline reads of a training text (as series.ts keeps it). */
function trainingCounts(training) {
  return { counts: countUnigrams(training, idSpace), sentences: training.offsets.length - 1 };
}

const maxrssKb = process.resourceUsage().maxRSS;
const corpusFigures = { corpus_types: run.reference.unigrams.types.length, corpus_trigrams: run.reference.trigrams.size };
console.log(JSON.stringify({
  maxrss_kb: maxrssKb,
  load_s: loadSeconds,
  reference_s: referenceSeconds,
  corpus_tokens: tokenCount(corpus),
  ...corpusFigures,
}));

/** About `target` tokens of whole sentences: the corpus's sentences in seeded shuffles, repeated. */
function scaledCorpus(source, target) {
  const sentences = source.offsets.length - 1;
  const picks = [];
  let tokens = 0;
  for (let round = 0; tokens < target; round++) {
    const order = shuffledIndexes(randomFor(['bench-scale', round]), sentences);
    for (let i = 0; i < sentences && tokens < target; i++) {
      const s = order[i];
      picks.push(s);
      tokens += source.offsets[s + 1] - source.offsets[s];
    }
  }
  const ids = new Int32Array(tokens);
  const offsets = new Int32Array(picks.length + 1);
  let at = 0;
  picks.forEach((s, i) => {
    ids.set(source.ids.subarray(source.offsets[s], source.offsets[s + 1]), at);
    at += source.offsets[s + 1] - source.offsets[s];
    offsets[i + 1] = at;
  });
  return { ids, offsets };
}
