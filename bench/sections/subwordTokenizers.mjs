/**
 * Bench section: reading Brown as text with each subword tokenizer against `wordpunct` (the issue's
 * target: at most 3x wordpunct's time, with a cache of repeated words). Brown's sentences are written
 * once to a temporary file, one per line, tokens joined by spaces; every tokenizer reads that file
 * with `--sentences line`, keeping case. Time = loadCorpus wall time (best of `repeat`), in process,
 * each encoding's tables loaded before timing starts (their load time is given apart).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../../dist/index.js';

const TOKENIZERS = ['wordpunct', 'gpt2', 'cl100k', 'o200k', 'bpe:2000', 'bpe:8000'];

export default async function section({ quick = false, repeat = 1 } = {}) {
  const words = await loadCorpus([quick ? 'brown:news' : 'brown'], { lowercase: false });
  const lines = [];
  for (let s = 0; s + 1 < words.corpus.offsets.length; s++) {
    lines.push(Array.from(words.corpus.ids.subarray(words.corpus.offsets[s], words.corpus.offsets[s + 1]), (id) => words.vocabulary.token(id)).join(' '));
  }
  const file = join(mkdtempSync(join(tmpdir(), 'ngc-bench-bpe-')), 'brown.txt');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const options = (tokenizer) => ({ tokenizer, sentences: 'line', lowercase: false });
  const rows = [];
  let base;
  for (const tokenizer of TOKENIZERS) {
    const warm = performance.now();
    await loadCorpus([join(file, '..', 'brown.txt')], { ...options(tokenizer), maxTokens: 1 }).catch(() => undefined); // loads the encoding's tables
    const tables = performance.now() - warm;
    let best = Number.POSITIVE_INFINITY;
    let loaded;
    for (let r = 0; r < repeat; r++) {
      const start = performance.now();
      loaded = await loadCorpus([file], options(tokenizer));
      best = Math.min(best, performance.now() - start);
    }
    base ??= best;
    const tokens = loaded.corpus.ids.length;
    rows.push([tokenizer, (best / 1000).toFixed(2), (best / base).toFixed(2), tokens, loaded.vocabulary.size - 2, Math.round(tokens / (best / 1000)), (tables / 1000).toFixed(2)]);
  }
  return {
    title: `Subword tokenizers: reading ${quick ? 'Brown news' : 'Brown'} as text (${lines.length} lines)`,
    columns: ['tokenizer', 'load s', 'x wordpunct', 'tokens', 'types', 'tokens/s', 'first-use s'],
    rows,
    notes: ['bpe:K includes learning its K merges on the text (no holdout here) and re-spelling every word.', '"first-use s": loading the encoding\'s merge tables (and, for bpe:K, nothing: it learns per corpus) on a failed tiny read before timing.'],
  };
}
