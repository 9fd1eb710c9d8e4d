#!/usr/bin/env node
/**
 * `npm run bench`: ngram-collapse against plain baselines, the same job on the same data in one run.
 *
 * The job (the speed issue): the Brown corpus (about 1.16M tokens, written once to a temporary file,
 * one sentence per line, whitespace tokens), order 3, MLE, 5 generations, replace, human ratio 0,
 * holdout 0. Every program runs in its own child process, under /usr/bin/time -v when it exists, so
 * each peak RSS is its own.
 * - ngram-collapse: bench/ngramJob.mjs (the library's loop, timed stage by stage, then checked
 *   against `simulate`);
 * - baseline-naive.mjs: the project's own plain JavaScript baseline (always);
 * - ../shared/bench/baseline-ts.mjs and baseline-py.py: when that folder exists next to the repo
 *   (python only where python3 is present).
 * Then a scaling table: ngram-collapse at 0.1M, 1M and 10M tokens per generation (10M: Brown's
 * sentences repeated in seeded shuffles).
 *
 * Last, bench/longInput.mjs: a 50 MB line and a 2 MB paragraph load in linear time (--no-long-input skips it).
 *
 * usage: npm run bench [-- --quick] [-- --generations G] [-- --repeat R] [-- --no-python] [-- --no-scaling] [-- --no-long-input]
 *   --quick: no python baseline, scaling without 10M, 3 generations.
 *   --repeat R: run every program R times, in turn (ours, baselines, ours, baselines, ...), and keep
 *     each program's fastest run: on a shared, noisy machine this compares like with like.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const shared = resolve(repo, '../shared/bench');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const flagValue = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const generations = Number(flagValue('--generations', quick ? 3 : 5));
const repeat = Math.max(1, Number(flagValue('--repeat', 1)));
const withPython = !quick && !args.includes('--no-python') && hasCommand('python3');
const withScaling = !args.includes('--no-scaling');
const withLongInput = !args.includes('--no-long-input');
const scales = quick ? [100_000, 1_000_000] : [100_000, 1_000_000, 10_000_000];
const timeTool = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const input = await writeBrown();
printMachine();

const programs = [
  { name: 'ngram-collapse', command: process.execPath, args: [join(here, 'ngramJob.mjs'), '--input', input, '--generations', String(generations)] },
  { name: 'baseline-naive.mjs', command: process.execPath, args: [join(here, 'baseline-naive.mjs'), '--input', input, '--generations', String(generations)] },
];
if (existsSync(join(shared, 'baseline-ts.mjs'))) {
  programs.push({ name: 'shared baseline-ts.mjs', command: process.execPath, args: [join(shared, 'baseline-ts.mjs'), '--input', input, '--generations', String(generations)] });
}
if (withPython && existsSync(join(shared, 'baseline-py.py'))) {
  programs.push({ name: 'shared baseline-py.py', command: 'python3', args: [join(shared, 'baseline-py.py'), '--input', input, '--generations', String(generations)] });
}

const results = programs.map(() => undefined);
for (let round = 1; round <= repeat; round++) {
  programs.forEach((program, i) => {
    process.stderr.write(`running ${program.name}${repeat > 1 ? ` (round ${round} of ${repeat})` : ''} ...\n`);
    const run = { ...program, ...measure(program.command, program.args) };
    if (results[i] === undefined || fullGeneration(run, i === 0) < fullGeneration(results[i], i === 0)) results[i] = run;
  });
}
printComparison(results);

if (withScaling) {
  const rows = [];
  for (const tokens of scales) {
    let best;
    for (let round = 1; round <= repeat; round++) {
      process.stderr.write(`running ngram-collapse at ${tokens} tokens per generation ...\n`);
      const args = [join(here, 'ngramJob.mjs'), '--input', input, '--generations', '3', '--scale', String(tokens), '--no-verify'];
      const run = { tokens, ...measure(process.execPath, args) };
      if (best === undefined || fullGeneration(run, false) < fullGeneration(best, false)) best = run;
    }
    rows.push(best);
  }
  printScaling(rows);
  console.log(`\nload average at the end: ${readLoad()}`);
}

if (withLongInput) {
  console.log('\nlong inputs (bench/longInput.mjs):');
  spawnSync(process.execPath, [join(here, 'longInput.mjs')], { stdio: 'inherit' });
}

/** Runs one program; returns its per-generation lines and its peak RSS in KiB. */
function measure(command, commandArgs) {
  const wrapped = timeTool === undefined ? [command, commandArgs] : [timeTool, ['-v', command, ...commandArgs]];
  const child = spawnSync(wrapped[0], wrapped[1], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed:\n${child.stderr}`);
  const generationsSeen = new Map();
  let selfReported;
  let loop = [];
  let info = {};
  for (const line of child.stdout.split('\n')) {
    if (line.startsWith('{')) {
      const record = JSON.parse(line);
      if (record.loop_s !== undefined) loop.push(record.loop_s);
      else if (record.generation !== undefined) generationsSeen.set(record.generation, record);
      else if (record.maxrss_kb !== undefined) {
        selfReported = record.maxrss_kb;
        info = record;
      }
    } else if (/^\d+,/.test(line)) {
      const [generation, train, sample, tokens, types] = line.split(',').map(Number);
      generationsSeen.set(generation, { generation, train_s: train, sample_s: sample, metrics_s: undefined, tokens, types });
    } else if (line.startsWith('#maxrss_kb,')) selfReported = Number(line.split(',')[1]);
  }
  const timed = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr ?? '');
  const peakKiB = timed ? Number(timed[1]) : selfReported;
  return { generations: [...generationsSeen.values()], loop, peakKiB, info };
}

function mean(values) {
  return values.length === 0 ? NaN : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Seconds per generation for the comparison: train + sample (+ metrics where measured). */
function perGeneration(result) {
  const g = result.generations;
  return {
    train: mean(g.map((r) => r.train_s)),
    sample: mean(g.map((r) => r.sample_s)),
    metrics: g[0]?.metrics_s === undefined ? undefined : mean(g.map((r) => r.metrics_s)),
    loop: result.loop.length > 0 ? mean(result.loop) : undefined,
    tokens: mean(g.map((r) => r.tokens)),
  };
}

/** Mean seconds of one full generation (ours: the real loop; baselines: train + sample). */
function fullGeneration(result, ours) {
  const g = perGeneration(result);
  return ours && g.loop !== undefined ? g.loop : g.train + g.sample + (g.metrics ?? 0);
}

function printComparison(all) {
  const ours = perGeneration(all[0]);
  const oursFull = ours.loop ?? ours.train + ours.sample + (ours.metrics ?? 0);
  const oursTrainSample = ours.train + ours.sample;
  console.log(`\nBrown corpus, order 3, MLE, replace, human ratio 0, holdout 0: mean per generation over ${generations} generations${repeat > 1 ? `, best of ${repeat} runs per program` : ''}`);
  console.log('(ngram-collapse: "full generation" is train + sample + all metrics, timed in the real loop;');
  console.log(' baselines compute no metrics, so their full generation is train + sample)\n');
  const header = ['program', 'train s', 'sample s', 'metrics s', 'full gen s', 'train+sample tok/s', 'peak RSS MiB', 'x slower (full gen)', 'x slower (train+sample)'];
  const rows = all.map((result) => {
    const g = perGeneration(result);
    const full = result === all[0] ? oursFull : g.train + g.sample;
    const trainSample = g.train + g.sample;
    return [
      result.name,
      g.train.toFixed(3),
      g.sample.toFixed(3),
      g.metrics === undefined ? '-' : g.metrics.toFixed(3),
      full.toFixed(3),
      formatRate(g.tokens / trainSample),
      (result.peakKiB / 1024).toFixed(0),
      result === all[0] ? '1' : (full / oursFull).toFixed(1),
      result === all[0] ? '1' : (trainSample / oursTrainSample).toFixed(1),
    ];
  });
  printTable(header, rows);
  console.log('\nngram-collapse per generation:');
  printTable(
    ['generation', 'train s', 'sample s', 'metrics s', 'loop s', 'tokens', 'types'],
    all[0].generations.map((r, i) => [r.generation, r.train_s.toFixed(3), r.sample_s.toFixed(3), r.metrics_s.toFixed(3), all[0].loop[i]?.toFixed(3) ?? '-', r.tokens, r.types]),
  );
}

function printScaling(rows) {
  console.log('\nScaling (ngram-collapse, order 3, MLE, replace; mean of 3 generations):\n');
  const base = rows.find((r) => r.tokens === 1_000_000);
  const header = ['tokens/generation', 'train s', 'sample s', 'metrics s', 'full gen s', 'train+sample tok/s', 'cost vs 1M', 'peak RSS MiB'];
  printTable(
    header,
    rows.map((r) => {
      const g = perGeneration(r);
      const full = g.train + g.sample + g.metrics;
      const baseFull = base ? (() => { const b = perGeneration(base); return b.train + b.sample + b.metrics; })() : NaN;
      return [
        formatCount(r.tokens),
        g.train.toFixed(3),
        g.sample.toFixed(3),
        g.metrics.toFixed(3),
        full.toFixed(3),
        formatRate(g.tokens / (g.train + g.sample)),
        (full / baseFull).toFixed(2),
        (r.peakKiB / 1024).toFixed(0),
      ];
    }),
  );
}

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

function formatRate(perSecond) {
  return `${(perSecond / 1e6).toFixed(2)}M`;
}

function formatCount(n) {
  return n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`;
}

function printMachine() {
  const cpu = cpus();
  console.log(`machine: ${cpu[0]?.model ?? 'unknown cpu'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; node ${process.version}`);
  console.log(`load average at start: ${readLoad()}; peak RSS via ${timeTool ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS'}`);
}

function readLoad() {
  try {
    return execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

function hasCommand(name) {
  return spawnSync(name, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Writes the Brown corpus (the built-in loader's sentences and tokens) one sentence per line. */
async function writeBrown() {
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
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}
