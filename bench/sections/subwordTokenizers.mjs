/**
 * Bench section: loading Brown with each subword tokenizer against `wordpunct`, as a user meets it:
 * every load in a fresh process (the issue's target: at most 3x wordpunct's time).
 *
 * Inputs: the built-in `brown` (Brown's own tokens, read from the tagged text, not the build's cache:
 * `brownCache: false`; `brown:news` with `quick`) and the same sentences
 * as a text file, one per line, tokens joined by spaces (`--sentences line`), case kept. Each load runs
 * in its own child process: node starts, the library is imported, then loadCorpus is timed; that time
 * includes whatever the tokenizer needs on first use (a published encoding's module and merge tables,
 * or `bpe:K`'s learning of its K merges), since a fresh process has nothing cached. "process s" is the
 * child's whole life, from spawn to exit (node's start-up and the library's import included).
 * Rounds go over every tokenizer in turn (wordpunct, gpt2, ..., wordpunct, gpt2, ...), so a busy
 * machine slows them alike; each figure is the fastest of the rounds. Needs `npm run build`.
 *
 * export default async function section({ quick, repeat }) -> { title, columns, rows, notes }
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const loader = resolve(repo, 'dist/corpus/loadCorpus.js');

const TOKENIZERS = ['wordpunct', 'gpt2', 'cl100k', 'o200k', 'bpe:2000', 'bpe:8000'];

/** The child: loads `specs` with `options`; prints wall and CPU seconds, tokens and types as JSON. */
const CHILD = `
const [specs, options] = JSON.parse(process.argv[1]);
const { loadCorpus } = await import(${JSON.stringify(loader)});
const started = performance.now();
const cpu = process.cpuUsage();
const { corpus, vocabulary } = await loadCorpus(specs, options);
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ seconds, cpuSeconds: (used.user + used.system) / 1e6, tokens: corpus.ids.length, types: vocabulary.size - 2 }));
`;

export default async function section({ quick = false, repeat = 1 } = {}) {
  const builtIn = quick ? 'brown:news' : 'brown';
  const text = await writeLines(builtIn);
  const inputs = [
    // the tagged text for every tokenizer, wordpunct too (the subword encodings cannot use the build's word cache)
    { name: builtIn, specs: [builtIn], options: { lowercase: false, brownCache: false } },
    { name: `${builtIn} as text`, specs: [text], options: { lowercase: false, sentences: 'line' } },
  ];
  const rounds = quick ? 1 : Math.max(3, repeat);
  const rows = [];
  for (const input of inputs) {
    const best = new Map();
    for (let round = 1; round <= rounds; round++) {
      for (const tokenizer of TOKENIZERS) {
        process.stderr.write(`subword: ${input.name}, ${tokenizer}, round ${round}/${rounds} ...\n`);
        const run = loadInChild(input.specs, { ...input.options, tokenizer });
        const kept = best.get(tokenizer);
        best.set(tokenizer, kept === undefined ? run : {
          ...run,
          seconds: Math.min(kept.seconds, run.seconds),
          cpuSeconds: Math.min(kept.cpuSeconds, run.cpuSeconds),
          processSeconds: Math.min(kept.processSeconds, run.processSeconds),
        });
      }
    }
    const base = best.get('wordpunct');
    for (const tokenizer of TOKENIZERS) {
      const run = best.get(tokenizer);
      rows.push([
        input.name,
        tokenizer,
        run.seconds.toFixed(2),
        (run.seconds / base.seconds).toFixed(2),
        run.cpuSeconds.toFixed(2),
        (run.cpuSeconds / base.cpuSeconds).toFixed(2),
        run.processSeconds.toFixed(2),
        run.tokens,
        run.types,
      ]);
    }
  }
  return {
    title: `Subword tokenizers: loading ${builtIn} in a fresh process, against wordpunct`,
    columns: ['input', 'tokenizer', 'load s', 'x wordpunct', 'CPU s', 'CPU x', 'process s', 'tokens', 'types'],
    rows,
    notes: [
      'load s: loadCorpus in a fresh process, first use included (a published encoding\'s tables; bpe:K learning its K merges on the text, no holdout here). Target: <= 3x wordpunct.',
      'CPU s (user + system) is the figure to compare on a busy machine, where wall time waits for a core; process s adds node\'s start-up and the library\'s import (the same for all).',
      `Fastest of ${rounds} interleaved round(s) per tokenizer; case kept.`,
      `${builtIn} rows read the tagged text (brownCache: false), as a subword encoding must; with a word tokenizer a run reads the build's cache of Brown's words instead (the loading section's row).`,
    ],
  };
}

function loadInChild(specs, options) {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, JSON.stringify([specs, options])], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const processSeconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`loading ${specs.join(', ')} with ${options.tokenizer} failed: ${result.stderr}`);
  return { ...JSON.parse(result.stdout.trim().split('\n').pop()), processSeconds };
}

/** The sentences of `spec` (case kept), one per line, tokens joined by spaces, in a temporary file. */
async function writeLines(spec) {
  const folder = join(tmpdir(), 'ngram-collapse-bench');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${spec.replace(':', '-')}-cased-lines.txt`);
  if (existsSync(path)) return path;
  const { loadCorpus } = await import(loader);
  const { vocabulary, corpus } = await loadCorpus([spec], { lowercase: false });
  const lines = [];
  for (let s = 0; s + 1 < corpus.offsets.length; s++) {
    lines.push(Array.from(corpus.ids.subarray(corpus.offsets[s], corpus.offsets[s + 1]), (id) => vocabulary.token(id)).join(' '));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}
