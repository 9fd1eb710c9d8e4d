/**
 * The messages between the playground page and its Web Worker (structured-cloned).
 *
 * Page -> worker: `load` a corpus (embedded parts, or a dropped file's bytes) with the loader's
 * options; `run` the loaded corpus with RunSettings; `recipe` runs a recipe at a scale. The worker
 * answers `loaded` (size, sentences, types, the vocabulary), then per generation `row` (the curves
 * record, exactly as the CLI writes it) and, for replicate 1 of each cell, `texts` (sample sentences
 * and the count of every vocabulary id in that generation's text, and of every word with a subword tokenizer), then `findings` for a recipe and
 * `done`; any failure is one `error` with the CLI's one-line message. The worker handles one message
 * at a time, in the order sent (a load is finished before the next load or run begins); each load
 * carries an id its `loaded` or `error` answers with, so the page tells the answer to the load it is
 * waiting for from one it has since replaced. Stop = the page terminates the worker: every row
 * already received is whole.
 */

import type { TextOptions } from '../../corpus/readText.js';
import type { Finding } from '../../recipes/recipe.js';
import type { RunSettings } from '../../simulation/settings.js';
import type { EmbeddedPart } from '../embeddedCorpus.js';
import type { BatchSizes } from '../../metrics/survivalTheory.js';

export type CorpusPart = EmbeddedPart | { readonly name: string; readonly kind: 'text' | 'jsonl'; readonly encoding: 'bytes'; readonly data: ArrayBuffer; readonly bytes: number };

export type ToWorker =
  /** `split`: bpe:K learns its merges on H, the sentences this holdout and seed keep (as the CLI does). */
  | { readonly type: 'load'; readonly id: number; readonly name: string; readonly parts: readonly CorpusPart[]; readonly load: TextOptions; readonly split?: { readonly holdout: number; readonly seed: number } }
  | { readonly type: 'run'; readonly settings: RunSettings }
  | { readonly type: 'recipe'; readonly recipe: string; readonly generations: number; readonly replicates: number; readonly seed: number };

export interface GenerationSample {
  readonly cell: string;
  readonly generation: number;
  /** The first sentences of the generation's text, tokens joined by spaces (subword: the words the pieces spell). */
  readonly sentences: readonly string[];
  /** Count of every vocabulary id in the text (generation 0: the human pool H). */
  readonly counts: Int32Array;
  /** With a subword tokenizer: the count of every word the text's pieces spell (generation 0: H's words). */
  readonly wordCounts?: ReadonlyMap<string, number>;
}

export type FromWorker =
  | { readonly type: 'loaded'; readonly id: number; readonly name: string; readonly tokens: number; readonly sentences: number; readonly types: number; readonly vocabulary: readonly string[]; readonly warnings: readonly string[]; readonly millis: number }
  | { readonly type: 'start'; readonly header: readonly string[]; readonly total: number; readonly series: number; readonly seedTypes: Int32Array; readonly seedCounts: Int32Array; readonly rareThreshold: number; readonly sizes: BatchSizes }
  | { readonly type: 'row'; readonly record: readonly string[] }
  /** How far the next row's generation is (0..1): a long generation moves the bar before its row comes. */
  | { readonly type: 'progress'; readonly fraction: number }
  | ({ readonly type: 'texts' } & GenerationSample)
  | { readonly type: 'findings'; readonly findings: readonly Finding[]; readonly command: string; readonly replicates: number }
  | { readonly type: 'warning'; readonly message: string }
  | { readonly type: 'done'; readonly millis: number }
  /** `load`: the id of the load that failed (absent for a run). */
  | { readonly type: 'error'; readonly message: string; readonly during: 'load' | 'run'; readonly load?: number };
