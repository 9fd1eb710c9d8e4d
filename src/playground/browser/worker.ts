/**
 * The playground's Web Worker: the CLI's loader and the library's simulation, unchanged, off the
 * page's thread. Protocol: messages.ts. Rows are the curves records `run` writes (curveRecord with
 * the run's seed), posted as each generation is measured.
 */

import { DEFAULT_TEXT_OPTIONS, readCorpusSources, type TextSource } from '../../corpus/readText.js';
import { sentenceAt, sentenceCount, type TokenCorpus } from '../../corpus/tokenCorpus.js';
import { InputError, describeError } from '../../errors.js';
import { inCliTerms, inCliText } from '../../cli/cliTerms.js';
import { CURVE_COLUMNS, curveRecord } from '../../export/curveRecord.js';
import { collectRecipe } from '../../recipes/collectRecipe.js';
import { findRecipe } from '../../recipes/registry.js';
import { recipeCommandLine, type RecipeLoad } from '../../recipes/recipeCommand.js';
import { learningOnHuman } from '../../simulation/holdoutSplit.js';
import { heldoutOverlap, heldoutOverlapWarning, prepareRun, wordViewSpec, type PreparedRun, type WordViewSpec } from '../../simulation/preparedRun.js';
import { runSeries, type GenerationTexts, type SeriesRow } from '../../simulation/series.js';
import { seriesTasks } from '../../simulation/seriesTask.js';
import type { ProgressReport } from '../../simulation/generationProgress.js';
import { checkCorpusGuards, DEFAULT_MAX_TOKENS } from '../../simulation/tokenGuards.js';
import { checkRecipeCorpus, checkRecipeTokens } from '../../recipes/recipeGuards.js';
import { batchSizesOf } from '../../metrics/survivalTheory.js';
import { countWords } from '../../metrics/wordColumns.js';
import type { Vocabulary } from '../../vocabulary/vocabulary.js';
import type { CorpusPart, FromWorker, ToWorker } from './messages.js';

/** Sample sentences kept per generation. */
const SAMPLE_SENTENCES = 6;

declare const self: { postMessage(message: FromWorker, transfer?: Transferable[]): void; onmessage: ((event: { data: ToWorker }) => void) | null };
type Transferable = ArrayBuffer;

let loaded: { name: string; vocabulary: Vocabulary; corpus: TokenCorpus; options: RecipeLoad } | undefined;

const post = (message: FromWorker, transfer: Transferable[] = []): void => self.postMessage(message, transfer);

/** The messages not yet answered, one at a time: two loads at once let the earlier one's corpus win. */
let queue: Promise<void> = Promise.resolve();

self.onmessage = (event) => {
  const message = event.data;
  queue = queue.then(() => answer(message));
};

async function answer(message: ToWorker): Promise<void> {
  const started = performance.now();
  try {
    await handle(message);
    if (message.type !== 'load') post({ type: 'done', millis: performance.now() - started });
  } catch (error) {
    // (an error that is no InputError: its stack to the console, which the line points to)
    if (!(error instanceof InputError)) console.error(error);
    // (in the CLI's words, as the page labels its controls with flags: `anchor 50 needs ...` said the library's name: audit)
    const text = `ngram-collapse: ${describeError(inCliTerms(error), 'an unexpected error: the browser console has its details')}`;
    post(message.type === 'load' ? { type: 'error', message: text, during: 'load', load: message.id } : { type: 'error', message: text, during: 'run' });
  }
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'load':
      return load(message.id, message.name, message.parts, message.load, message.split);
    case 'run':
      return run(message.settings);
    case 'recipe':
      return recipe(message.recipe, message.generations, message.replicates, message.seed);
  }
}

/** The bytes of a part, as a stream of chunks (gunzipped in the browser when embedded compressed). */
async function* partChunks(part: CorpusPart): AsyncGenerator<Uint8Array | string> {
  if (part.encoding === 'text') {
    yield part.data;
    return;
  }
  if (part.encoding === 'bytes') {
    const bytes = new Uint8Array(part.data);
    for (let at = 0; at < bytes.length; at += 1 << 20) yield bytes.subarray(at, at + (1 << 20));
    return;
  }
  const binary = atob(part.data);
  const packed = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) packed[i] = binary.charCodeAt(i);
  const reader = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

async function load(id: number, name: string, parts: readonly CorpusPart[], options: Parameters<typeof readCorpusSources>[1], split?: { readonly holdout: number; readonly seed: number }): Promise<void> {
  const started = performance.now();
  loaded = undefined;
  const warnings: string[] = [];
  // (with a JSONL field every file is JSON Lines, as `run --jsonl-field` reads it: a .txt part was read as text: audit)
  const sources: TextSource[] = parts.map((part) => ({ format: part.kind === 'text' && options?.jsonlField !== undefined ? 'jsonl' : part.kind, name: part.name, text: partChunks(part) }));
  const subwordTraining = split === undefined ? {} : learningOnHuman(options?.tokenizer, split);
  const { vocabulary, corpus } = await readCorpusSources(sources, { ...options, ...subwordTraining, onWarning: (warning) => warnings.push(`ngram-collapse: warning: ${inCliText(warning)}`) }, name);
  loaded = { name, vocabulary, corpus, options: options ?? {} };
  const tokens = corpus.ids.length;
  const types = new Set(corpus.ids).size;
  post({ type: 'loaded', id, name, tokens, sentences: sentenceCount(corpus), types, vocabulary: vocabulary.toArray(), warnings, millis: performance.now() - started });
}

function requireCorpus(): { vocabulary: Vocabulary; corpus: TokenCorpus } {
  if (loaded === undefined) throw new Error('no corpus is loaded');
  return loaded;
}

/** The loaded corpus's word view (subword tokenizers: the word_* columns), as the CLI builds it. */
function words(): WordViewSpec | undefined {
  const { vocabulary, options } = loaded!;
  return wordViewSpec(options.tokenizer ?? DEFAULT_TEXT_OPTIONS.tokenizer, vocabulary);
}

/** Reports the start of a run: the header, its rows and series in all, and what survival is measured against. */
function start(prepared: PreparedRun, total: number, series: number): void {
  const seedTypes = Int32Array.from(prepared.reference.unigrams.types);
  const seedCounts = Int32Array.from(seedTypes, (id) => prepared.reference.unigrams.counts[id]!);
  post({ type: 'start', header: CURVE_COLUMNS, total, series, seedTypes, seedCounts, rareThreshold: prepared.settings.rareThreshold, sizes: batchSizesOf(prepared) });
}

/**
 * Texts of replicate 1 of each cell: sample sentences and every id's count; with a subword tokenizer
 * the sentences as the words their pieces spell (as `generate` writes them) and every word's count
 * (the word search and the rare words then read words, as the word_* columns do, not pieces: audit).
 */
function sampleText(prepared: PreparedRun, cell: string, generation: number, text: TokenCorpus): void {
  const counts = new Int32Array(prepared.idSpace);
  for (const id of text.ids) counts[id]!++;
  const sentences: string[] = [];
  const vocabulary = requireCorpus().vocabulary;
  const words = prepared.words;
  for (let s = 0; s < Math.min(SAMPLE_SENTENCES, sentenceCount(text)); s++) {
    const tokens = Array.from(sentenceAt(text, s), (id) => vocabulary.token(id));
    sentences.push((words === undefined ? tokens : words.split(tokens)).join(' '));
  }
  const wordCounts = words === undefined ? {} : { wordCounts: text === prepared.human ? words.reference.counts : countWords(text, words.tokens, words.split) };
  post({ type: 'texts', cell, generation, sentences, counts, ...wordCounts }, [counts.buffer]);
}

/** Sends the texts of replicate 1 (generation 0, H, with generation 1). */
function sampleTexts(prepared: PreparedRun, texts: GenerationTexts, cell: string, replicate: number): void {
  if (replicate !== 1) return;
  if (texts.generation === 1) sampleText(prepared, cell, 0, prepared.human);
  sampleText(prepared, cell, texts.generation, texts.measured);
}

async function run(settings: Parameters<typeof prepareRun>[2]): Promise<void> {
  const { vocabulary, corpus } = requireCorpus();
  // the CLI's --max-tokens guards that need the corpus (the page checks the others as settings change)
  checkCorpusGuards(settings, corpus, DEFAULT_MAX_TOKENS);
  const prepared = prepareRun(corpus, vocabulary.size, settings, words());
  const tasks = seriesTasks(settings);
  start(prepared, tasks.length * (settings.generations + 1), tasks.length);
  // (the CLI's run warns of it; the page said nothing: audit)
  const overlapWarning = heldoutOverlapWarning(heldoutOverlap(prepared));
  if (overlapWarning !== undefined) post({ type: 'warning', message: `ngram-collapse: warning: ${inCliText(overlapWarning)}` });
  let last: SeriesRow | undefined;
  const hooks = {
    emit: (row: SeriesRow) => {
      last = row;
      post({ type: 'row', record: curveRecord(row, settings.seed) });
    },
    onTexts: (texts: GenerationTexts) => {
      if (last !== undefined) sampleTexts(prepared, texts, last.cell.id, last.replicate);
    },
    warn: (message: string) => post({ type: 'warning', message: `ngram-collapse: warning: ${inCliText(message)}` }),
    onProgress: progressPoster(),
  };
  for (const task of tasks) runSeries(prepared, task.cell, task.replicate, hooks);
}

/** The least time between two progress messages: a run of many small generations would post thousands. */
const PROGRESS_MILLIS = 200;

/**
 * The series' progress through each generation, posted at most every PROGRESS_MILLIS (the bar sat still
 * for the whole of a long generation, the status "Running…" alone, where the CLI shows its share: audit).
 * The series run one after another here, so the fraction is that of the row the page waits for.
 */
function progressPoster(): ProgressReport {
  let last = performance.now();
  return (_generation, fraction) => {
    const now = performance.now();
    if (fraction >= 1 || now - last < PROGRESS_MILLIS) return;
    last = now;
    post({ type: 'progress', fraction });
  };
}

async function recipe(name: string, generations: number, replicates: number, seed: number): Promise<void> {
  const { vocabulary, corpus } = requireCorpus();
  const chosen = findRecipe(name);
  const scale = { generations, replicates, seed };
  // the CLI's --max-tokens guards, worded as the recipe's (a growth preset at 13 generations ran a
  // 370M-token batch in the tab, which `recipe growth` refuses: audit)
  checkRecipeTokens(chosen, scale, DEFAULT_MAX_TOKENS);
  checkRecipeCorpus(chosen, scale, corpus, DEFAULT_MAX_TOKENS);
  const runs = chosen.runs(scale);
  const series = runs.reduce((sum, settings) => sum + seriesTasks(settings).length, 0);
  const total = series * (generations + 1);
  const spec = words();
  const prepared = prepareRun(corpus, vocabulary.size, runs[0]!, spec);
  start(prepared, total, series);
  const data = collectRecipe(chosen, corpus, vocabulary.size, scale, {
    ...(spec === undefined ? {} : { words: spec }),
    onRow: (row) => {
      post({ type: 'row', record: curveRecord(row, seed) });
    },
    onTexts: (texts, cell, replicate) => sampleTexts(prepared, texts, cell.id, replicate),
    warn: (message) => post({ type: 'warning', message: `ngram-collapse: warning: ${inCliText(message)}` }),
  });
  post({ type: 'findings', findings: chosen.findings(data), command: recipeCommandLine(chosen, [loaded!.name], scale, loaded!.options), replicates: scale.replicates });
}
