#!/usr/bin/env node
/**
 * `npm run bench`: ngram-collapse against plain baselines, the same job on the same data in one run.
 *
 * The job (the speed issues): the Brown corpus (about 1.16M tokens, written once to a temporary file,
 * one sentence per line, whitespace tokens), order 3, MLE, 5 generations, replace, human ratio 0,
 * holdout 0. Every program runs in its own child process, under /usr/bin/time -v when it exists, so
 * each peak RSS is its own. It prints, in order:
 * 1. the per-generation table: stages (train, sample, metrics), tokens/s, peak RSS and the ratio to
 *    every baseline: ngram-collapse's bench/ngramJob.mjs (in two fresh processes: the real loop,
 *    `simulate`, whose generations give the full generation and whose peak RSS is printed, and the same
 *    loop stage by stage, whose rows must match the loop's column for column), bench/baseline-naive.mjs
 *    (always), and the shared baselines ../shared/bench/baseline-ts.mjs and baseline-py.py when that
 *    folder exists (python only where python3 is present; a baseline not run is named under the table);
 * 2. the end-to-end table: process wall time from start to exit, peak RSS and page faults, from the
 *    command line: a plain `run` on a 200-sentence file (start-up), `ngram-collapse --version` started
 *    by Node and through `npx` (what npm's own start adds to a command typed as `npx ngram-collapse`;
 *    the npx row only where npx runs this package's bin), the default `run` with 2 workers
 *    and with 1, the 5-generation job and the 1-generation job through the CLI (on Linux with glibc the
 *    CLI relaunches these with the allocator tuned, src/cli/allocatorRelaunch.ts; the default run and
 *    the 5-generation job run again with NGRAM_COLLAPSE_RELAUNCH=0, to show what that gives), and the
 *    baselines doing the same 5 generations; then what a page fault costs on this machine (64 MB
 *    written twice);
 * 3. the scaling table: ngram-collapse at 0.1M, 1M and 10M tokens per generation (100M with --large)
 *    on a seeded corpus whose vocabulary grows by Heaps' law (./heapsCorpus.mjs), with its types and
 *    distinct trigrams;
 * 4. every section module in bench/sections/*.mjs, sorted by file name. A section module's default
 *    export is `async ({ quick, repeat, large }) => ({ title, columns, rows, notes? })`; it is printed
 *    as a table under its title, its notes below. A section that throws is reported and the bench
 *    exits with code 1 after the others ran.
 *
 * Last, bench/longInput.mjs: a 50 MB line and a 2 MB paragraph load in linear time (--no-long-input skips it).
 *
 * usage: npm run bench [-- --quick] [-- --large] [-- --repeat R] [-- --generations G] [-- --no-python]
 *        [-- --no-comparison] [-- --no-end-to-end] [-- --no-scaling] [-- --no-sections] [-- --no-long-input]
 *   --quick: no python baseline, no `--workers 1` default run, no NGRAM_COLLAPSE_RELAUNCH=0 rows,
 *     scaling without 10M, 3 generations.
 *   --large: the scaling table also runs 100M tokens per generation (needs about 6 GB and minutes).
 *   --repeat R: run every program R times and keep each program's fastest run; in the per-generation
 *     table in turn (ours, baselines, ours, baselines, ...: on a shared, noisy machine this compares
 *     like with like), in the end-to-end and scaling tables each job's rounds one after the other.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brownFile } from './benchInput.mjs';
import { printTable } from './table.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const shared = [resolve(repo, '../shared/bench'), resolve(repo, '../../shared/bench')].find((folder) => existsSync(folder)) ?? resolve(repo, '../shared/bench');
const cli = join(repo, 'dist/cli/main.js');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const large = args.includes('--large');
const flagValue = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const generations = Number(flagValue('--generations', quick ? 3 : 5));
const repeat = Math.max(1, Number(flagValue('--repeat', 1)));
const withPython = !quick && !args.includes('--no-python') && hasCommand('python3');
const withComparison = !args.includes('--no-comparison');
const withEndToEnd = !args.includes('--no-end-to-end');
const withScaling = !args.includes('--no-scaling');
const withSections = !args.includes('--no-sections');
const withLongInput = !args.includes('--no-long-input');
/** The CLI's setting that runs every command in the process it started in: no relaunch with the allocator tuned (src/cli/allocatorRelaunch.ts). */
const UNTUNED = { NGRAM_COLLAPSE_RELAUNCH: '0' };
const scales = quick ? [100_000, 1_000_000] : large ? [100_000, 1_000_000, 10_000_000, 100_000_000] : [100_000, 1_000_000, 10_000_000];
const timeTool = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const input = await brownFile();
/** Baselines the comparison could not run, and why (said under its table, not left out without a word). */
const notRun = [];
printMachine();

if (withComparison) {
  const programs = [
    { name: 'ngram-collapse', command: process.execPath, args: [join(here, 'ngramJob.mjs'), '--input', input, '--generations', String(generations)] },
    { name: 'baseline-naive.mjs', command: process.execPath, args: [join(here, 'baseline-naive.mjs'), '--input', input, '--generations', String(generations)] },
  ];
  if (existsSync(join(shared, 'baseline-ts.mjs'))) {
    programs.push({ name: 'shared baseline-ts.mjs', command: process.execPath, args: [join(shared, 'baseline-ts.mjs'), '--input', input, '--generations', String(generations)] });
  } else notRun.push(`shared baseline-ts.mjs (not in ${shared})`);
  if (withPython && existsSync(join(shared, 'baseline-py.py'))) {
    programs.push({ name: 'shared baseline-py.py', command: 'python3', args: [join(shared, 'baseline-py.py'), '--input', input, '--generations', String(generations)] });
  } else if (withPython) notRun.push(`shared baseline-py.py (not in ${shared})`);
  else if (!quick && !args.includes('--no-python')) notRun.push('shared baseline-py.py (no python3)');
  const results = programs.map(() => undefined);
  for (let round = 1; round <= repeat; round++) {
    programs.forEach((program, i) => {
      process.stderr.write(`running ${program.name}${repeat > 1 ? ` (round ${round} of ${repeat})` : ''} ...\n`);
      const run = { ...program, ...(i === 0 ? measureOurs(program.command, program.args) : measure(program.command, program.args)) };
      if (results[i] === undefined || fullGeneration(run, i === 0) < fullGeneration(results[i], i === 0)) results[i] = run;
    });
  }
  printComparison(results);
}

if (withEndToEnd) printEndToEnd(await endToEnd());

if (withScaling) {
  const rows = [];
  for (const tokens of scales) {
    let best;
    for (let round = 1; round <= repeat; round++) {
      process.stderr.write(`running ngram-collapse at ${tokens} tokens per generation ...\n`);
      const jobArgs = [...(tokens > 20_000_000 ? ['--max-old-space-size=8192'] : []), join(here, 'ngramJob.mjs'), '--synthetic', String(tokens), '--generations', '3'];
      const run = { tokens, ...measure(process.execPath, jobArgs) };
      if (best === undefined || fullGeneration(run, false) < fullGeneration(best, false)) best = run;
    }
    rows.push(best);
  }
  printScaling(rows);
}

if (withSections) await runSections();
if (withLongInput) {
  console.log('\nlong inputs (bench/longInput.mjs):');
  // (its failure was not seen: the bench exited 0: bench audit)
  const long = spawnSync(process.execPath, [join(here, 'longInput.mjs')], { stdio: 'inherit' });
  if (long.status !== 0) {
    console.log(`long inputs failed (exit ${long.status ?? long.signal})`);
    process.exitCode = 1;
  }
}
console.log(`\nload average at the end: ${readLoad()}`);

/** Each bench/sections/*.mjs in file-name order, printed as a table; a failing one is reported. */
async function runSections() {
  const folder = join(here, 'sections');
  const files = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.mjs')).sort() : [];
  for (const file of files) {
    process.stderr.write(`running section ${file} ...\n`);
    try {
      const section = (await import(pathToFileURL(join(folder, file)).href)).default;
      const result = await section({ quick, repeat, large });
      console.log(`\n${result.title}\n`);
      printTable(result.columns, result.rows);
      for (const note of result.notes ?? []) console.log(note);
    } catch (error) {
      console.log(`\nsection ${file} failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  }
}

/**
 * Process wall time (start to exit) and peak RSS of one command (`env`: variables to add); the best of
 * `rounds` runs, each started in `cwd` (default a scratch folder).
 */
function wall(name, command, commandArgs, env = {}, rounds = repeat, cwd = scratchFolder()) {
  let best;
  for (let round = 1; round <= rounds; round++) {
    process.stderr.write(`running ${name}${rounds > 1 ? ` (round ${round} of ${rounds})` : ''} ...\n`);
    const wrapped = timeTool === undefined ? [command, commandArgs] : [timeTool, ['-v', command, ...commandArgs]];
    const started = performance.now();
    const child = spawnSync(wrapped[0], wrapped[1], { encoding: 'utf8', maxBuffer: 1 << 26, cwd, env: { ...process.env, ...env } });
    const seconds = (performance.now() - started) / 1000;
    if (child.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed:\n${child.stderr}`);
    const timed = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr ?? '');
    const faults = /Minor \(reclaiming a frame\) page faults: (\d+)/.exec(child.stderr ?? '');
    const run = { name, seconds, peakKiB: timed ? Number(timed[1]) : undefined, faults: faults ? Number(faults[1]) : undefined };
    if (best === undefined || run.seconds < best.seconds) best = run;
  }
  return best;
}

async function endToEnd() {
  const folder = scratchFolder();
  const small = join(folder, 'brown-200.txt');
  writeFileSync(small, `${readFileSync(input, 'utf8').split('\n').slice(0, 200).join('\n')}\n`);
  const out = join(folder, 'curves.csv');
  const job = (file, g) => [cli, 'run', '--corpus', file, '--sentences', 'line', '--tokenizer', 'whitespace', '--no-lowercase', '--order', '3', '--smoothing', 'mle', '--holdout', '0', '--human-ratio', '0', '--workers', '1', '--generations', String(g), '--quiet', '--out', out];
  const rows = [];
  // start-up takes a few tenths of a second: the fastest of three runs (at least), as for the loads
  rows.push({ job: 'start-up: run on 200 sentences, 1 generation', detail: `ngram-collapse run, fastest of ${Math.max(3, repeat)}`, ...wall('ngram-collapse start-up', process.execPath, job(small, 1), {}, Math.max(3, repeat)) });
  rows.push(...versionRows());
  rows.push({ job: 'default run (brown, 2 cells x 10 generations)', detail: '--workers 2', ...wall('ngram-collapse default run, 2 workers', process.execPath, [cli, 'run', '--quiet', '--workers', '2', '--out', out]) });
  if (!quick) rows.push({ job: 'default run (brown, 2 cells x 10 generations)', detail: '--workers 1', ...wall('ngram-collapse default run, 1 worker', process.execPath, [cli, 'run', '--quiet', '--workers', '1', '--out', out]) });
  // the same without the relaunch, where the CLI relaunches the default run (the CLI's own decision)
  const { processHost, relaunchEnvironment } = await import(pathToFileURL(join(repo, 'dist/cli/allocatorRelaunch.js')).href);
  const relaunches = !quick && relaunchEnvironment(['run'], process.env, processHost()) !== undefined;
  if (relaunches) {
    for (const workers of ['2', '1']) {
      rows.push({ job: 'default run', detail: `--workers ${workers}, NGRAM_COLLAPSE_RELAUNCH=0`, ...wall(`ngram-collapse default run, ${workers} worker(s), not relaunched`, process.execPath, [cli, 'run', '--quiet', '--workers', workers, '--out', out], UNTUNED) });
    }
  }
  rows.push({ job: '1-generation job', detail: 'ngram-collapse run', ...wall('ngram-collapse 1-generation job', process.execPath, job(input, 1)) });
  const ours = { job: '5-generation job', detail: 'ngram-collapse run', ...wall('ngram-collapse 5-generation job', process.execPath, job(input, 5)) };
  rows.push(ours);
  if (relaunches) rows.push({ job: '5-generation job', detail: 'ngram-collapse run, NGRAM_COLLAPSE_RELAUNCH=0', ...wall('ngram-collapse 5-generation job, not relaunched', process.execPath, job(input, 5), UNTUNED) });
  const baselines = [['baseline-naive.mjs', process.execPath, join(here, 'baseline-naive.mjs')]];
  if (existsSync(join(shared, 'baseline-ts.mjs'))) baselines.push(['shared baseline-ts.mjs', process.execPath, join(shared, 'baseline-ts.mjs')]);
  if (withPython && existsSync(join(shared, 'baseline-py.py'))) baselines.push(['shared baseline-py.py', 'python3', join(shared, 'baseline-py.py')]);
  for (const [name, command, script] of baselines) {
    rows.push({ job: '5-generation job', detail: name, versus: ours, ...wall(name, command, [script, '--input', input, '--order', '3', '--generations', '5']) });
  }
  return rows;
}

/**
 * `ngram-collapse --version` started by Node and through `npx` (npm exec, in the repository, which
 * resolves the package's own bin): what npm's start adds to every command a user types as
 * `npx ngram-collapse ...`. Fastest of three each; the npx row is left out where npx does not print
 * this package's version within a minute (no npm, or a package npx would have to fetch).
 */
function versionRows() {
  const rounds = Math.max(3, repeat);
  const rows = [{ job: 'ngram-collapse --version', detail: `node dist/cli/main.js, fastest of ${rounds}`, ...wall('ngram-collapse --version', process.execPath, [cli, '--version'], {}, rounds) }];
  const npx = ['--no-install', 'ngram-collapse', '--version'];
  // (only if npx runs this package's bin: the version line package.json gives)
  const probe = spawnSync('npx', npx, { encoding: 'utf8', cwd: repo, timeout: 60_000 });
  const { version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  if (probe.status === 0 && probe.stdout === `${version}\n`) {
    rows.push({ job: 'ngram-collapse --version', detail: `npx ngram-collapse, fastest of ${rounds}`, ...wall('npx ngram-collapse --version', 'npx', npx, {}, rounds, repo) });
  } else process.stderr.write(`npx not measured: \`npx ${npx.join(' ')}\` did not print this package's version\n`);
  return rows;
}

function printEndToEnd(rows) {
  console.log('\nEnd to end (process start to exit, from the command line; the jobs read the Brown file: one sentence per line,');
  console.log('whitespace tokens, order 3, MLE, holdout 0, human ratio 0, --workers 1; the default run is `ngram-collapse run`):\n');
  printTable(
    ['job', 'program / setting', 'wall s', 'peak RSS MiB', 'page faults', 'x slower than ngram-collapse'],
    rows.map((r) => [
      r.job,
      r.detail ?? 'ngram-collapse run',
      r.seconds.toFixed(2),
      r.peakKiB === undefined ? '-' : (r.peakKiB / 1024).toFixed(0),
      r.faults === undefined ? '-' : r.faults.toLocaleString('en-US'),
      r.versus === undefined ? '-' : (r.seconds / r.versus.seconds).toFixed(1),
    ]),
  );
  console.log(`\n${pageTouchCost()}`);
}

/**
 * What first touching fresh memory costs on this machine (page faults; on some virtual machines each
 * costs microseconds): 64 MB written twice, in a child process, the first pass faulting every page in.
 */
function pageTouchCost() {
  const code = 'const a = new Uint8Array(64 << 20); let t = performance.now(); a.fill(1); const first = performance.now() - t; t = performance.now(); a.fill(2); console.log(JSON.stringify({ first, second: performance.now() - t }));';
  const child = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  const { first, second } = JSON.parse(child.stdout);
  return `fresh memory: writing 64 MB took ${first.toFixed(0)} ms the first time (the pages faulted in) and ${second.toFixed(1)} ms the second: ${((first - second) / 64).toFixed(1)} ms per fresh MB, ${(((first - second) * 1000) / 16384).toFixed(1)} us per 4 KB page`;
}

function scratchFolder() {
  const folder = join(tmpdir(), 'ngram-collapse-bench', 'work');
  mkdirSync(folder, { recursive: true });
  return folder;
}


/**
 * ngram-collapse's job in two fresh processes, as every baseline runs (cold code, fresh memory): staged
 * (the stage columns) and the real loop alone (`--loop`: the full generation and the peak RSS, the
 * loop's own); their rows must agree column for column, both ways (the stages are the loop's).
 */
function measureOurs(command, commandArgs) {
  const staged = measure(command, commandArgs);
  const loop = measure(command, [...commandArgs, '--loop']);
  checkSameRows(staged.rows, loop.rows);
  return { generations: staged.generations, loop: loop.loop, peakKiB: loop.peakKiB, stagedPeakKiB: staged.peakKiB, info: staged.info, verified: staged.rows.length };
}

/**
 * Throws unless the staged job's rows are the loop's: the same generations, columns and values (JSON
 * keeps a double exactly; ngramJob.mjs writes NaN, the infinities and -0 as strings, so they are told apart).
 */
function checkSameRows(staged, loop) {
  if (staged.length === 0 || staged.length !== loop.length) throw new Error(`verify: the staged job gave ${staged.length} rows, the loop ${loop.length}`);
  staged.forEach((row, i) => {
    const other = loop[i];
    if (row.row !== other.row) throw new Error(`verify: row ${i + 1} is generation ${row.row} staged, ${other.row} in the loop`);
    const columns = new Set([...Object.keys(row.values), ...Object.keys(other.values)]);
    for (const column of columns) {
      if (!Object.is(row.values[column], other.values[column])) {
        throw new Error(`verify: generation ${row.row} ${column}: staged ${row.values[column]}, loop ${other.values[column]}`);
      }
    }
  });
}

/** Runs one program; returns its per-generation lines, the rows it printed (ours) and its peak RSS in KiB. */
function measure(command, commandArgs) {
  const wrapped = timeTool === undefined ? [command, commandArgs] : [timeTool, ['-v', command, ...commandArgs]];
  const child = spawnSync(wrapped[0], wrapped[1], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed:\n${child.stderr}`);
  const generationsSeen = new Map();
  let selfReported;
  let loop = [];
  const rows = [];
  let info = {};
  for (const line of child.stdout.split('\n')) {
    if (line.startsWith('{')) {
      const record = JSON.parse(line);
      if (record.row !== undefined) rows.push(record);
      else if (record.loop_s !== undefined) loop.push(record.loop_s);
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
  return { generations: [...generationsSeen.values()], loop, rows, peakKiB, info };
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
  console.log('(ngram-collapse: "full generation" is train + sample + all metrics, timed in the real loop, `simulate`, in a');
  console.log(' process of its own, and its peak RSS is that process\'s; its stage columns come from a second process that runs the');
  console.log(` same loop stage by stage, whose rows matched the loop's, every column of ${all[0].verified} generations. Baselines compute no`);
  console.log(' metrics, so their full generation is train + sample; each ran in a fresh process too)\n');
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
      mebibytes(result.peakKiB),
      result === all[0] ? '1' : (full / oursFull).toFixed(1),
      result === all[0] ? '1' : (trainSample / oursTrainSample).toFixed(1),
    ];
  });
  printTable(header, rows);
  if (notRun.length > 0) console.log(`\nnot run: ${notRun.join(', ')}`);
  console.log(`\nngram-collapse per generation (stages: the staged process, peak RSS ${mebibytes(all[0].stagedPeakKiB)} MiB; loop s: the loop's process):`);
  printTable(
    ['generation', 'train s', 'sample s', 'metrics s', 'loop s', 'tokens', 'types'],
    all[0].generations.map((r, i) => [r.generation, r.train_s.toFixed(3), r.sample_s.toFixed(3), r.metrics_s.toFixed(3), all[0].loop[i]?.toFixed(3) ?? '-', r.tokens, r.types]),
  );
}

function printScaling(rows) {
  console.log("\nScaling (ngram-collapse, order 3, MLE, replace; mean of 3 generations; a seeded corpus whose vocabulary grows");
  console.log("by Heaps' law, bench/heapsCorpus.mjs; types and distinct trigrams are the seed corpus's; the staged job alone, one");
  console.log('process per size: full gen s is train + sample + metrics there, the loop is not run beside it):\n');
  const base = rows.find((r) => r.tokens === 10_000_000) ?? rows.find((r) => r.tokens === 1_000_000);
  const perToken = (r) => {
    const g = perGeneration(r);
    return (g.train + g.sample + g.metrics) / r.tokens;
  };
  const header = ['tokens/generation', 'types', 'distinct trigrams', 'train s', 'sample s', 'metrics s', 'full gen s', 'train+sample tok/s', `cost/token vs ${formatCount(base?.tokens ?? 0)}`, 'peak RSS MiB'];
  printTable(
    header,
    rows.map((r) => {
      const g = perGeneration(r);
      return [
        formatCount(r.tokens),
        r.info.corpus_types ?? '-',
        r.info.corpus_trigrams ?? '-',
        g.train.toFixed(3),
        g.sample.toFixed(3),
        g.metrics.toFixed(3),
        (g.train + g.sample + g.metrics).toFixed(3),
        formatRate(g.tokens / (g.train + g.sample)),
        base === undefined ? '-' : (perToken(r) / perToken(base)).toFixed(2),
        mebibytes(r.peakKiB),
      ];
    }),
  );
}

/** KiB as whole MiB, or '-' where no figure was measured (no /usr/bin/time and no figure of the program's own). */
function mebibytes(kibibytes) {
  return kibibytes === undefined ? '-' : (kibibytes / 1024).toFixed(0);
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

