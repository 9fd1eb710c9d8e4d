#!/usr/bin/env node
/**
 * Long inputs load in linear time (moved here from test/corpus/longInput.test.ts, which keeps the
 * functional checks): a single 50 MB line in line mode, and a 2 MB paragraph through the sentence
 * segmenter in auto mode (corpus/sentenceSegmenter.ts, linear). Prints one
 * line per case with its seconds; run by `npm run bench` (skip with --no-long-input), or alone after
 * `npm run build`.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../dist/corpus/loadCorpus.js';
import { sentenceSplitter } from '../dist/corpus/sentenceSplitter.js';

const dir = mkdtempSync(join(tmpdir(), 'ngc-bench-long-'));
try {
  const path = join(dir, 'line.txt');
  const block = 'the quick brown fox jumps over the lazy dog . '.repeat(10_000);
  await new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('error', reject);
    for (let i = 0; i < Math.ceil(50_000_000 / block.length); i++) out.write(block);
    out.end('\n', resolve);
  });
  let started = performance.now();
  const { corpus } = await loadCorpus([path], { sentences: 'line', tokenizer: 'whitespace' });
  console.log(`one 50 MB line (line mode, ${corpus.ids.length} tokens): ${((performance.now() - started) / 1000).toFixed(2)} s`);
  const paragraph = 'The quick brown fox jumps over the lazy dog. '.repeat(45_000);
  started = performance.now();
  const sentences = sentenceSplitter('auto')(paragraph);
  console.log(`one 2 MB paragraph (auto mode, ${sentences.length} sentences): ${((performance.now() - started) / 1000).toFixed(2)} s`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
