/**
 * CorpusFiles: the `--save-corpora DIR` exporter. Each generation's synthetic text is written as
 * `DIR/cell-<c>/replicate-<r>/generation-<g>.txt`, one sentence per line, tokens joined by single
 * spaces (the ids are turned back into their token strings; the tokenizer's splits are not undone),
 * and `DIR/manifest.json` says which cell each folder holds and with what settings.
 *
 * Contract: `c` is the cell's 1-based index in canonical order. A file is written to a temporary name
 * and renamed, so it is either complete or absent, never torn. The manifest is written before the
 * first text; re-running (`--resume`) rewrites the files of the series it redoes with the same bytes.
 */

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import type { Cell } from '../simulation/cells.js';

export function corpusFilePath(dir: string, cell: Cell, replicate: number, generation: number): string {
  return join(dir, `cell-${cell.index + 1}`, `replicate-${replicate}`, `generation-${generation}.txt`);
}

/** Ids -> text: one sentence per line, tokens separated by spaces. */
export function detokenize(text: TokenCorpus, tokenOf: (id: number) => string): string {
  const lines: string[] = [];
  for (let s = 0; s + 1 < text.offsets.length; s++) {
    const words: string[] = [];
    for (let i = text.offsets[s]!; i < text.offsets[s + 1]!; i++) words.push(tokenOf(text.ids[i]!));
    lines.push(words.join(' '));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

export function writeCorpusFile(path: string, content: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  const temporary = `${path}.partial`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

export interface CorpusManifest {
  readonly tool: 'ngram-collapse';
  readonly layout: string;
  readonly format: string;
  readonly generations: number;
  readonly replicates: number;
  readonly seed: number;
  readonly corpus: readonly string[];
  readonly cells: ReadonlyArray<{ readonly folder: string; readonly cell: string; readonly settings: Cell['settings'] }>;
  /** The resolved configuration of the run (as --print-config shows it). */
  readonly config: unknown;
}

export function corpusManifest(cells: readonly Cell[], details: Pick<CorpusManifest, 'generations' | 'replicates' | 'seed' | 'corpus' | 'config'>): CorpusManifest {
  return {
    tool: 'ngram-collapse',
    layout: 'cell-<c>/replicate-<r>/generation-<g>.txt, g = 1..generations (the synthetic text of generation g)',
    format: 'UTF-8, one sentence per line, tokens separated by single spaces',
    ...details,
    cells: cells.map((cell) => ({ folder: `cell-${cell.index + 1}`, cell: cell.id, settings: cell.settings })),
  };
}

export function writeManifest(dir: string, manifest: CorpusManifest): void {
  mkdirSync(dir, { recursive: true });
  writeCorpusFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
