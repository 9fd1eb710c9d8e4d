/**
 * The bench's input, shared by bench/run.mjs and the section modules: the Brown corpus as the
 * built-in loader reads it with its defaults (its own sentences and wordpunct tokens, lowercased),
 * written once to a temporary file, one sentence per line, tokens separated by spaces (what the
 * baselines read).
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Path of brown.txt, written on first use. */
export async function brownFile() {
  const folder = join(tmpdir(), 'ngram-collapse-bench');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'brown.txt');
  if (existsSync(path)) return path;
  const { loadCorpus } = await import(resolve(repo, 'dist/corpus/loadCorpus.js'));
  const { vocabulary, corpus } = await loadCorpus(['brown']);
  const lines = [];
  for (let s = 0; s + 1 < corpus.offsets.length; s++) {
    const words = [];
    for (let i = corpus.offsets[s]; i < corpus.offsets[s + 1]; i++) words.push(vocabulary.token(corpus.ids[i]));
    lines.push(words.join(' '));
  }
  // (written beside it, then renamed: a bench stopped while writing, or another started at once, never
  // finds half a corpus under the name: bench audit)
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, `${lines.join('\n')}\n`);
  renameSync(partial, path);
  return path;
}
