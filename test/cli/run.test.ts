/**
 * `run` sweeps, in-process: a 3 x 2 sweep with 5 replicates on the village fixture (160 short
 * sentences, one per line). --workers 2 runs on worker threads from dist/ (npm test builds first).
 */

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { readCsvLines } from '../../src/export/csvLines.js';
import { CURVE_COLUMNS } from '../../src/export/curveRecord.js';
import { METRIC_COLUMNS } from '../../src/metrics/columns.js';
import { captureIO } from './captureIO.js';

const FIXTURE = new URL('../fixtures/exp/village.txt', import.meta.url).pathname;
const SWEEP = ['run', '--corpus', FIXTURE, '--sentences', 'line', '--human-ratio', '0,0.1,0.3', '--strategy', 'replace,accumulate', '--order', '2', '--generations', '3', '--replicates', '5', '--quiet'];

let dir: string;
async function run(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const captured = captureIO(dir);
  const code = await runCli(args, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}
const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
const records = (name: string): string[][] => readCsvLines(readFileSync(join(dir, name))).lines.map((line) => line.fields);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ngram-collapse-run-'));
  const result = await run([...SWEEP, '--workers', '1', '--out', 'one.csv', '--summary', 'summary.csv', '--extinctions', 'ext.csv']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
});

describe('a 3 x 2 sweep with 5 replicates', () => {
  it('yields 30 (cell, replicate) series of generations 0..3', () => {
    const [header, ...rows] = records('one.csv');
    const at = (name: string): number => header!.indexOf(name);
    const series = new Set(rows.map((row) => `${row[at('cell')]}#${row[at('replicate')]}`));
    expect(series.size).toBe(30);
    expect(rows).toHaveLength(30 * 4);
    expect(new Set(rows.map((row) => row[at('cell')])).size).toBe(6);
    expect(rows[0]![at('cell')]).toBe('strategy=replace/human_ratio=0');
  });

  it('has summary means equal to the means of the raw rows', () => {
    const [header, ...rows] = records('one.csv');
    const [sumHeader, ...summary] = records('summary.csv');
    const col = (name: string): number => header!.indexOf(name);
    const scol = (name: string): number => sumHeader!.indexOf(name);
    // 6 cells x 4 generations x every metric, plus the survival law's 4 bands x 4 generations for the one
    // cell it covers (replace, human ratio 0)
    expect(summary).toHaveLength(6 * 4 * METRIC_COLUMNS.length + 4 * 4);
    const theory = summary.filter((line) => line[scol('metric')]!.startsWith('theory_survival_'));
    expect(new Set(theory.map((line) => line[scol('cell')]))).toEqual(new Set(['strategy=replace/human_ratio=0']));
    for (const line of summary) {
      const metric = line[scol('metric')]!;
      if (metric.startsWith('theory_survival_')) continue;
      const values = rows
        .filter((row) => row[col('cell')] === line[scol('cell')] && row[col('generation')] === line[scol('generation')] && row[col(metric)] !== '')
        .map((row) => Number(row[col(metric)]));
      expect(Number(line[scol('n')])).toBe(values.length);
      if (values.length === 0) continue;
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      expect(Math.abs(Number(line[scol('mean')]) - mean)).toBeLessThanOrEqual(5e-6 * Math.abs(mean)); // 6 significant digits
      if (values.length > 1) expect(Number(line[scol('ci_low')])).toBeLessThanOrEqual(Number(line[scol('mean')]));
    }
  });

  // A log of the run named the curves and the report only (audit): every file written is named, in
  // the order of the flags' table, and a CSV that went to standard output (-) is not.
  it('names every output it wrote, after the final table', async () => {
    const args = ['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--generations', '1', '--replicates', '2', '--human-ratio', '0'];
    const outputs = ['--summary', 'w-summary.csv', '--extinctions', 'w-ext.csv', '--survival', 'w-km.csv', '--save-corpora', 'w-texts', '--sentence-perplexities', 'w-sp.csv', '--report', 'w.html'];
    const all = await run([...args, '--out', 'w.csv', ...outputs]);
    expect(all.code).toBe(0);
    expect(all.stdout.slice(all.stdout.indexOf('curves written'))).toBe(
      'curves written to w.csv\nsummary written to w-summary.csv\nextinctions written to w-ext.csv\nsurvival curves written to w-km.csv\n' +
        'corpora written to w-texts\nsentence perplexities written to w-sp.csv\nreport written to w.html\n',
    );
    const piped = await run([...args, '--out', '-', '--summary', 'w2-summary.csv']);
    expect(piped.stderr.endsWith('\nsummary written to w2-summary.csv\n')).toBe(true);
    expect(piped.stderr).not.toContain('curves written');
  });

  it('writes one extinction row per cell, replicate and seed type', () => {
    const [header, ...rows] = records('ext.csv');
    expect(header).toEqual(['cell', 'replicate', 'seed', 'token', 'seed_count', 'last_seen', 'first_absent', 'comebacks']);
    const perSeries = rows.length / 30;
    expect(Number.isInteger(perSeries)).toBe(true);
    expect(perSeries).toBeGreaterThan(50);
    // generation 0 is H: every type is seen at least there; an absent type has last_seen < first_absent
    for (const row of rows) if (row[6] !== '' && row[7] === '0') expect(Number(row[5])).toBeLessThan(Number(row[6]));
  });

  it('writes the same bytes with --workers 2', async () => {
    const result = await run([...SWEEP, '--workers', '2', '--out', 'two.csv', '--summary', 'summary2.csv', '--extinctions', 'ext2.csv']);
    expect(result.code).toBe(0);
    expect(read('two.csv')).toBe(read('one.csv'));
    expect(read('summary2.csv')).toBe(read('summary.csv'));
    expect(read('ext2.csv')).toBe(read('ext.csv'));
  });

  it('is the same file when shards 1/3..3/3 are merged', async () => {
    for (const i of [1, 2, 3]) expect((await run([...SWEEP, '--shard', `${i}/3`, '--out', `part-${i}.csv`])).code).toBe(0);
    const sizes = [1, 2, 3].map((i) => records(`part-${i}.csv`).length - 1);
    expect(sizes).toEqual([40, 40, 40]);
    const merged = await run(['merge', 'part-3.csv', 'part-1.csv', 'part-2.csv', '--out', 'merged.csv', '--summary', 'merged-summary.csv']);
    expect(merged.code).toBe(0);
    expect(read('merged.csv')).toBe(read('one.csv'));
    expect(read('merged-summary.csv')).toBe(read('summary.csv'));
    // each file written is named (the summary was not: audit), on stderr where the curves go to standard output
    expect(merged.stdout).toBe('merged 30 series (120 rows) from 3 file(s) into merged.csv\nsummary written to merged-summary.csv\n');
    const piped = await run(['merge', 'part-3.csv', 'part-1.csv', 'part-2.csv', '--out', '-', '--summary', 'merged3-summary.csv']);
    expect([piped.stdout, piped.stderr]).toEqual([read('one.csv'), 'summary written to merged3-summary.csv\n']);
  });

  it('merge sends one output to stdout: --summary - alone is a clean CSV (its message on stderr), both are refused', async () => {
    const summary = await run(['merge', 'part-3.csv', 'part-1.csv', 'part-2.csv', '--out', 'merged2.csv', '--summary', '-']);
    expect(summary.code, summary.stderr).toBe(0);
    expect(summary.stdout).toBe(read('summary.csv'));
    expect(summary.stderr).toBe('merged 30 series (120 rows) from 3 file(s) into merged2.csv\n');
    const both = await run(['merge', 'part-1.csv', 'part-2.csv', 'part-3.csv', '--out', '-', '--summary', '-']);
    expect(both.code).toBe(2);
    expect(both.stdout).toBe('');
    expect(both.stderr).toBe('ngram-collapse: only one output can go to standard output (-) (give the other outputs file names)\n');
  });

  it('merge refuses, before it writes anything, a run record it could not write after the curves (a folder there: a raw EISDIR with the merged file written: audit)', async () => {
    mkdirSync(join(dir, 'blocked.csv.run.json'));
    const refused = await run(['merge', 'part-1.csv', 'part-2.csv', 'part-3.csv', '--out', 'blocked.csv']);
    expect([refused.stderr, refused.code]).toEqual([`ngram-collapse: the run record of --out blocked.csv: ${join(dir, 'blocked.csv.run.json')} is a folder (pass a file path)\n`, 2]);
    expect(existsSync(join(dir, 'blocked.csv'))).toBe(false);
  });

  it('merge refuses standard input and one shard given twice under two names, a link among them (ENOENT, and a missing run record of the link: audit)', async () => {
    symlinkSync('part-1.csv', join(dir, 'link-1.csv'));
    const cases: Array<[string[], string]> = [
      [['part-1.csv', '-', 'part-2.csv'], 'merge reads the shards from files, not from standard input (-) (pass the shard CSV files by name)'],
      [['part-1.csv', 'part-2.csv', 'link-1.csv', 'part-3.csv'], 'the inputs part-1.csv and link-1.csv are the same file (pass each shard once)'],
      [['part-1.csv', 'part-2.csv', './part-2.csv', 'part-3.csv'], 'the inputs part-2.csv and ./part-2.csv are the same file (pass each shard once)'],
    ];
    for (const [files, message] of cases) {
      const refused = await run(['merge', ...files, '--out', 'twice.csv']);
      expect([refused.stderr, refused.code], files.join(' ')).toEqual([`ngram-collapse: ${message}\n`, 2]);
    }
    expect(existsSync(join(dir, 'twice.csv'))).toBe(false);
  });

  it('merge --summary of files it cannot summarize (not the curves CSV of this version) writes nothing, neither --out nor its record', async () => {
    writeFileSync(join(dir, 'foreign.csv'), 'cell,replicate,generation,foo\nA,1,0,1\nA,1,1,2\n');
    for (const out of ['foreign-merged.csv', '-']) {
      const refused = await run(['merge', 'foreign.csv', '--out', out, '--summary', 'foreign-summary.csv']);
      expect([refused.stdout, refused.stderr, refused.code]).toEqual(['', 'ngram-collapse: foreign.csv does not have the columns of the curves CSV this version of ngram-collapse writes, which --summary reads (merge without --summary, or summarize the files of this version)\n', 2]);
    }
    expect(['foreign-merged.csv', 'foreign-merged.csv.run.json', 'foreign-summary.csv'].filter((file) => existsSync(join(dir, file)))).toEqual([]);
    // without --summary it merges (its rows copied as they are)
    expect((await run(['merge', 'foreign.csv', '--out', 'foreign-merged.csv', '--quiet'])).code).toBe(0);
  });

  it('a shard that holds no series runs, writes headers only, says so, and merges with the others', async () => {
    // 2 series (1 cell x 2 replicates) in 3 shards: shard p runs series p, p + 3, ..., so shard 3 has none.
    const small = ['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--generations', '2', '--human-ratio', '0', '--replicates', '2', '--quiet'];
    expect((await run([...small, '--out', 'whole2.csv'])).code).toBe(0);
    for (const i of [1, 2]) expect((await run([...small, '--shard', `${i}/3`, '--out', `small-${i}.csv`])).code).toBe(0);
    const empty = await run([...small.filter((arg) => arg !== '--quiet'), '--shard', '3/3', '--out', 'small-3.csv', '--summary', 'small-3s.csv', '--report', 'small-3.html']);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stderr).toBe("ngram-collapse: warning: shard 3/3 holds none of this sweep's 2 series (shard p runs series p, p + 3, ...): its files hold headers only, and no report is written\n");
    expect(records('small-3.csv')).toEqual([CURVE_COLUMNS]);
    expect(records('small-3s.csv')).toHaveLength(1);
    expect(existsSync(join(dir, 'small-3.html'))).toBe(false);
    // its files are named (they were not: audit), the report it did not write is not
    expect(empty.stdout).toBe('curves written to small-3.csv\nsummary written to small-3s.csv\n');
    const merged = await run(['merge', 'small-1.csv', 'small-2.csv', 'small-3.csv', '--out', 'small.csv']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(read('small.csv')).toBe(read('whole2.csv'));
  });

  it('merge refuses a missing or duplicated shard', async () => {
    const missing = await run(['merge', 'part-1.csv', 'part-3.csv', '--out', 'bad.csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('40 of 120 rows are missing');
    expect(missing.stderr).toContain('shard(s) 2/3 not given');
    const twice = await run(['merge', 'part-1.csv', 'part-2.csv', 'part-3.csv', 'part-2.csv', '--out', 'bad.csv']);
    expect([twice.stderr, twice.code]).toEqual(['ngram-collapse: the inputs part-2.csv and part-2.csv are the same file (pass each shard once)\n', 2]);
    // a copy of a shard is another file: its rows appear twice
    for (const file of ['part-2.csv', 'part-2.csv.run.json']) writeFileSync(join(dir, `copy-${file}`), readFileSync(join(dir, file)));
    const copied = await run(['merge', 'part-1.csv', 'part-2.csv', 'part-3.csv', 'copy-part-2.csv', '--out', 'bad.csv']);
    expect(copied.code).toBe(2);
    expect(copied.stderr).toMatch(/appears twice \(in part-2.csv and copy-part-2.csv\)/u);
  });

  it('writes an output beside the saved texts, in the --save-corpora folder, when it is none of their files', async () => {
    mkdirSync(join(dir, 'beside'));
    const result = await run(['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--generations', '1', '--human-ratio', '0', '--out', 'beside/curves.csv', '--save-corpora', 'beside', '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(join(dir, 'beside')).sort()).toEqual(['cell-1', 'curves.csv', 'curves.csv.run.json', 'human.txt', 'manifest.json']);
  });

  it('saves every generation\'s synthetic text with a manifest', async () => {
    const result = await run(['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--generations', '2', '--human-ratio', '0', '--out', 'c.csv', '--save-corpora', 'texts', '--quiet']);
    expect(result.code).toBe(0);
    const manifest = JSON.parse(read('texts/manifest.json')) as { cells: Array<{ folder: string; cell: string }> };
    expect(manifest.cells).toEqual([expect.objectContaining({ folder: 'cell-1', cell: 'default' })]);
    expect(readdirSync(join(dir, 'texts/cell-1/replicate-1')).sort()).toEqual(['generation-1.txt', 'generation-2.txt']);
    const text = read('texts/cell-1/replicate-1/generation-1.txt');
    const [header, ...rows] = records('c.csv');
    const g1 = rows.find((row) => row[header!.indexOf('generation')] === '1')!;
    expect(text.split('\n').length - 1).toBe(Number(g1[header!.indexOf('sentences')]));
    expect(text.split(/\s+/u).filter(Boolean).length).toBe(Number(g1[header!.indexOf('tokens')]));
  });
});

describe('--config', () => {
  const write = (name: string, value: unknown): string => {
    writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
    return name;
  };

  it('takes camelCase or flag names, and flags win', async () => {
    const file = write('ok.json', { corpus: FIXTURE, 'human-ratio': [0, 0.5], strategy: 'replace,accumulate', generations: 2, sentences: 'line', lowercase: false });
    const printed = await run(['run', '--config', file, '--generations', '4', '--print-config']);
    expect(printed.code).toBe(0);
    const config = JSON.parse(printed.stdout) as Record<string, unknown>;
    expect(config).toMatchObject({ corpus: [FIXTURE], humanRatio: [0, 0.5], strategy: ['replace', 'accumulate'], generations: 4, lowercase: false, sentences: 'line', order: [3] });
    // the printed configuration is itself a config file giving the same configuration
    write('printed.json', printed.stdout);
    const again = await run(['run', '--config', 'printed.json', '--print-config']);
    expect(again.stdout).toBe(printed.stdout);
  });

  it.each([
    [{ humanRatios: [0] }, '--config bad1.json: unknown key "humanRatios"'],
    [{ humanRatio: [0, 2] }, `--config bad1.json: "humanRatio" must be a number >= 0 and <= 1, got '2'`],
    [{ order: 'three' }, `--config bad1.json: "order" must be a number, got 'three'`],
    [{ lowercase: 'yes' }, '--config bad1.json: "lowercase" must be true or false, got "yes"'],
    [{ strategy: ['replace', 'keep'] }, "--config bad1.json: unknown \"strategy\" value 'keep'"],
    [{ corpus: [] }, '--config bad1.json: "corpus" must be a string or a non-empty array of strings, got []'],
    [[1, 2], '--config bad1.json must hold one JSON object, got an array'],
    ['{"order": 2,', '--config bad1.json is not valid JSON'],
    // the parser quotes the text, line break included: still one line
    ['not json\n', '--config bad1.json is not valid JSON: Unexpected token'],
  ])('refuses %j naming the file, the key and the value', async (content, message) => {
    write('bad1.json', content);
    const result = await run(['run', '--config', 'bad1.json', '--print-config']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`ngram-collapse: ${message}`);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reads a config file that starts with a byte-order mark, and refuses a blank --config as a path', async () => {
    // (the mark was shown as the bad token: "Unexpected token ' '")
    write('bom.json', `\uFEFF${JSON.stringify({ order: 2, generations: 3 })}`);
    const bom = await run(['run', '--config', 'bom.json', '--print-config']);
    expect([bom.code, bom.stderr]).toEqual([0, '']);
    expect(JSON.parse(bom.stdout)).toMatchObject({ order: [2], generations: 3 });
    // (it said "--config  cannot be read (EISDIR)")
    const blank = await run(['run', '--config', '', '--print-config']);
    expect([blank.code, blank.stderr]).toEqual([2, "ngram-collapse: --config must be a path, got '' (pass the path of a JSON file)\n"]);
  });

  it('--print-config refuses what the run would refuse before reading the corpus, and prints every load setting', async () => {
    const auto = write('auto.json', { corpus: FIXTURE, emptySentences: true });
    const refused = [
      ['run', '--config', auto, '--print-config'],
      ['run', '--corpus', FIXTURE, '--out', '-', '--summary', '-', '--print-config'],
      ['run', '--corpus', FIXTURE, '--tokens', '300000000', '--print-config'],
      ['run', '--corpus', FIXTURE, '--resume', '--survival', 'km.csv', '--print-config'],
      ['run', '--corpus', FIXTURE, '--tokens', '100', '--tokens-growth', '0.1', '--generations', '5', '--print-config'],
      // the batches alone pass the guard, known before H is read (the run refused it, --print-config printed it)
      ['run', '--corpus', FIXTURE, '--tokens', '1000', '--max-tokens', '5000', '--strategy', 'accumulate', '--generations', '10', '--print-config'],
      // two outputs named alike, compared by name (the printed config ran into the refusal: audit)
      ['run', '--corpus', 'nowhere.txt', '--out', 'x.csv', '--summary', 'x.csv', '--print-config'],
      ['run', '--corpus', FIXTURE, '--out', 'sub/x.csv', '--report', 'sub/../sub/x.csv.run.json', '--print-config'],
      ['run', '--config', auto, '--sentences', 'line', '--out', 'a.csv', '--survival', auto, '--print-config'],
      // names the run refuses before it looks at a file (printed with exit 0: audit)
      ['run', '--corpus', FIXTURE, '--save-corpora', '-', '--print-config'],
      ['run', '--corpus', FIXTURE, '--report', '-', '--print-config'],
      ['run', '--corpus', FIXTURE, '--out', 'dir/', '--print-config'],
      ['run', '--corpus', FIXTURE, '--summary', ' ', '--print-config'],
      ['run', '--corpus', FIXTURE, '--out', '.', '--print-config'],
      // standard output by its names, which are that on any Linux machine (printed, then the run refused: audit)
      ['run', '--corpus', FIXTURE, '--out', '-', '--summary', '/dev/stdout', '--print-config'],
      ['run', '--corpus', FIXTURE, '--out', '/dev/stdout', '--extinctions', '/proc/self/fd/1', '--print-config'],
      ['run', '--corpus', FIXTURE, '--out', '/dev/fd/1', '--report', '/dev/stdout', '--print-config'],
    ];
    const lines = [
      `"emptySentences": true in --config ${auto} needs sentences line, got --sentences auto (the default)`,
      'only one output can go to standard output (-)',
      '--tokens 300000000 is above the --max-tokens guard',
      '--resume cannot continue a --survival file',
      '--tokens-growth 0.1 shrinks the batch of 100 tokens to 0 by generation 4: a model trained on nothing',
      '--strategy accumulate would train on 10000 tokens by generation 10 (its batches alone, H besides), above the --max-tokens guard (5000)',
      '--summary x.csv and --out x.csv are the same file',
      '--report sub/../sub/x.csv.run.json and the run record sub/x.csv.run.json of --out are the same file',
      `--survival ${auto} and --config ${auto} are the same file`,
      '--save-corpora names a folder, and cannot be standard output (-) (pass a folder path)',
      '--report cannot go to standard output (pass --report FILE.html)',
      '--out dir/ ends in /, which names a folder (pass a file path)',
      "--summary must be a path, got ' ' (pass a file name, or - for standard output)",
      '--out . is a folder (pass a file path)',
      'only one output can go to standard output (-) (give the other outputs file names)',
      'only one output can go to standard output (-) (give the other outputs file names)',
      'only one output can go to standard output (-), and --report /dev/stdout goes there (give the other outputs file names)',
    ];
    for (const [i, argv] of refused.entries()) {
      const result = await run(argv);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`ngram-collapse: ${lines[i]!}`);
    }
    const printed = JSON.parse((await run(['run', '--corpus', FIXTURE, '--print-config'])).stdout) as Record<string, unknown>;
    expect(printed).toMatchObject({ emptySentences: false, normalize: true });
    // /dev/null may be named more than once, beside standard output too (the run takes them)
    for (const argv of [['--out', '/dev/null', '--summary', '/dev/null'], ['--out', '-', '--summary', '/dev/null', '--report', '/dev/null']]) {
      expect((await run(['run', '--corpus', FIXTURE, ...argv, '--print-config'])).code).toBe(0);
    }
  });

  it('says so when the file is missing', async () => {
    const result = await run(['run', '--config', 'nope.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--config nope.json cannot be read: it does not exist');
  });
});

describe('--resume (in process)', () => {
  it('refuses other settings, naming them', async () => {
    expect(existsSync(join(dir, 'one.csv.run.json'))).toBe(true);
    const result = await run([...SWEEP.map((arg) => (arg === '0,0.1,0.3' ? '0,0.2,0.3' : arg)), '--out', 'one.csv', '--summary', 'summary.csv', '--extinctions', 'ext.csv', '--resume']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('(--human-ratio differs)');
    // two settings differ; the shard alone differs (it said "shard differ": audit)
    const two = await run([...SWEEP.map((arg) => (arg === '0,0.1,0.3' ? '0,0.2,0.3' : arg)), '--seed', '7', '--out', 'one.csv', '--summary', 'summary.csv', '--extinctions', 'ext.csv', '--resume']);
    expect(two.stderr).toContain('(--seed, --human-ratio differ)');
    const shard = await run([...SWEEP, '--out', 'one.csv', '--summary', 'summary.csv', '--extinctions', 'ext.csv', '--shard', '1/2', '--resume']);
    expect(shard.stderr).toContain('(--shard differs)');
  });

  it('has nothing to redo after a complete run, and leaves the files as they were', async () => {
    const before = read('one.csv');
    const result = await run([...SWEEP, '--out', 'one.csv', '--summary', 'summary.csv', '--extinctions', 'ext.csv', '--resume', '--workers', '1']);
    expect(result.code).toBe(0);
    expect(read('one.csv')).toBe(before);
  });

  it('redoes, from its series on, a kept row edited since, saying where: a value, a setting, a key, its bytes, a blank line, an extinctions row (values were kept and failed the run at its end; other spellings were kept, and the files did not end byte for byte as an uninterrupted run\'s; keys and blank lines redid the rest without a word: audits)', async () => {
    const whole = read('one.csv');
    const summary = read('summary.csv');
    const extinctions = read('ext.csv');
    const lines = whole.split('\n');
    const at = (name: string): number => CURVE_COLUMNS.indexOf(name);
    const fieldAt = (line: number, column: string): string => lines[line - 1]!.split(',')[at(column)]!;
    const edit = (line: number, column: string, value: string): string => lines.map((text, i) => (i === line - 1 ? text.split(',').map((field, c) => (c === at(column) ? value : field)).join(',') : text)).join('\n');
    const lineEdit = (line: number, change: (text: string) => string): string => lines.map((text, i) => (i === line - 1 ? change(text) : text)).join('\n');
    // line 23: the 22nd row, generation 1 of the 6th series (4 rows each): 5 series kept, 25 redone
    const ttr = fieldAt(23, 'ttr');
    const cases: ReadonlyArray<readonly [string, string, string, string?]> = [
      ['a metric that is no number', edit(23, 'ttr', 'abc'), 'ttr is "abc", not a number'],
      ['another setting', edit(23, 'human_ratio', '9.1'), `human_ratio is "9.1", where this run writes "${fieldAt(23, 'human_ratio')}"`],
      ['a metric written otherwise', edit(23, 'ttr', `${ttr}0`), `ttr is "${ttr}0", which this run writes "${ttr}"`],
      ['another replicate', edit(23, 'replicate', `0${fieldAt(23, 'replicate')}`), `replicate is "0${fieldAt(23, 'replicate')}", where this run writes "${fieldAt(23, 'replicate')}"`],
      ['a line end of another system', lineEdit(23, (text) => `${text}\r`), 'its fields are not written as this run writes them (a line end, quotes or spaces)'],
      ['a quoted field', edit(23, 'strategy', `"${fieldAt(23, 'strategy')}"`), 'its fields are not written as this run writes them (a line end, quotes or spaces)'],
      ['a blank line', lineEdit(23, (text) => `\n${text}`), `it has 1 field(s), the header ${CURVE_COLUMNS.length}`],
    ];
    for (const [what, text, problem] of cases) {
      writeFileSync(join(dir, 'edited.csv'), text);
      writeFileSync(join(dir, 'edited.csv.run.json'), read('one.csv.run.json'));
      writeFileSync(join(dir, 'edited-ext.csv'), extinctions);
      // (without --quiet, which silences warnings)
      const result = await run([...SWEEP.filter((arg) => arg !== '--quiet'), '--out', 'edited.csv', '--summary', 'edited-summary.csv', '--extinctions', 'edited-ext.csv', '--resume', '--workers', '1']);
      // (the warnings after it are the redone series' own)
      expect([result.code, result.stderr.split('\n')[0]], what).toEqual([0, `ngram-collapse: warning: --resume: edited.csv line 23 is no row this run writes (${problem}): its series and the ones after it are run again`]);
      expect(read('edited.csv'), what).toBe(whole);
      expect(read('edited-summary.csv'), what).toBe(summary);
      expect(read('edited-ext.csv'), what).toBe(extinctions);
    }
    // an extinctions row of the 3rd series with another seed: that series and the ones after it are redone
    const extLines = extinctions.split('\n');
    const [extHeader] = records('ext.csv');
    const perSeries = (extLines.length - 2) / 30;
    const third = 1 + 2 * perSeries + 1; // the 3rd series' first row (line 1 is the header)
    writeFileSync(join(dir, 'edited.csv'), whole);
    writeFileSync(join(dir, 'edited.csv.run.json'), read('one.csv.run.json'));
    writeFileSync(join(dir, 'edited-ext.csv'), extLines.map((text, i) => (i === third - 1 ? text.split(',').map((field, c) => (c === extHeader!.indexOf('seed') ? '43' : field)).join(',') : text)).join('\n'));
    const ext = await run([...SWEEP.filter((arg) => arg !== '--quiet'), '--out', 'edited.csv', '--summary', 'edited-summary.csv', '--extinctions', 'edited-ext.csv', '--resume', '--workers', '1']);
    expect(ext.stderr.split('\n')[0]).toBe(`ngram-collapse: warning: --resume: edited-ext.csv line ${third} is no row this run writes (seed is "43", where this run writes "42"): its series and the ones after it are run again`);
    expect(read('edited-ext.csv')).toBe(extinctions);
    expect(read('edited.csv')).toBe(whole);
    // an edited token there, and a byte-order mark or CRLF on the curves' header (each was kept: round 3)
    const token = extHeader!.indexOf('token');
    const tokenAt = extLines[third - 1]!.split(',')[token]!;
    const editedToken = extLines.map((text, i) => (i === third - 1 ? text.split(',').map((field, c) => (c === token ? 'EDITED' : field)).join(',') : text)).join('\n');
    // a token that is a quote, as the CSV writes it ("a""b"), quoted in the warning as JSON quotes it (it read `"a"b"`: audit)
    const quotedToken = extLines.map((text, i) => (i === third - 1 ? text.split(',').map((field, c) => (c === token ? '"a""b"' : field)).join(',') : text)).join('\n');
    for (const [what, curves, extText, line, problem] of [
      ['a token', whole, editedToken, `edited-ext.csv line ${third}`, `token is "EDITED", where this run writes "${tokenAt}"`],
      ['a token with a quote', whole, quotedToken, `edited-ext.csv line ${third}`, `token is "a\\"b", where this run writes "${tokenAt}"`],
      ['a byte-order mark', `\uFEFF${whole}`, extinctions, 'edited.csv line 1', 'its header is not written as this run writes it (a byte-order mark or a line end)'],
      ['a CRLF header', lineEdit(1, (text) => `${text}\r`), extinctions, 'edited.csv line 1', 'its header is not written as this run writes it (a byte-order mark or a line end)'],
    ] as const) {
      const said = line.endsWith('line 1') ? `ngram-collapse: warning: --resume: ${line}: ${problem}: every series is run again` : `ngram-collapse: warning: --resume: ${line} is no row this run writes (${problem}): its series and the ones after it are run again`;
      writeFileSync(join(dir, 'edited.csv'), curves);
      writeFileSync(join(dir, 'edited.csv.run.json'), read('one.csv.run.json'));
      writeFileSync(join(dir, 'edited-ext.csv'), extText);
      const result = await run([...SWEEP.filter((arg) => arg !== '--quiet'), '--out', 'edited.csv', '--summary', 'edited-summary.csv', '--extinctions', 'edited-ext.csv', '--resume', '--workers', '1']);
      expect(result.stderr.split('\n')[0], what).toBe(said);
      expect(read('edited-ext.csv'), what).toBe(extinctions);
      expect(read('edited.csv'), what).toBe(whole);
    }
    // lines after the last series are cut, and said (round 3: cut without a word)
    writeFileSync(join(dir, 'edited.csv'), `${whole}junk\n`);
    writeFileSync(join(dir, 'edited.csv.run.json'), read('one.csv.run.json'));
    writeFileSync(join(dir, 'edited-ext.csv'), extinctions);
    const junk = await run([...SWEEP.filter((arg) => arg !== '--quiet'), '--out', 'edited.csv', '--summary', 'edited-summary.csv', '--extinctions', 'edited-ext.csv', '--resume', '--workers', '1']);
    expect([junk.code, junk.stderr]).toEqual([0, `ngram-collapse: warning: --resume: edited.csv line ${lines.length} and the ones after it follow the run's last series: they are cut\n`]);
    expect(read('edited.csv')).toBe(whole);
    // an extinctions file missing, or cut after 2 of the 30 series, beside whole curves: said, and redone from there (every series was redone without a word: audit)
    for (const [what, extText, said] of [
      ['missing', undefined, 'edited-ext.csv is missing, where edited.csv holds 30: every series is run again'],
      ['cut', extLines.slice(0, third).join('\n'), 'edited-ext.csv holds 2 whole series, where edited.csv holds 30: the series after the first 2 are run again'],
    ] as const) {
      writeFileSync(join(dir, 'edited.csv'), whole);
      writeFileSync(join(dir, 'edited.csv.run.json'), read('one.csv.run.json'));
      rmSync(join(dir, 'edited-ext.csv'), { force: true });
      if (extText !== undefined) writeFileSync(join(dir, 'edited-ext.csv'), extText);
      const result = await run([...SWEEP.filter((arg) => arg !== '--quiet'), '--out', 'edited.csv', '--summary', 'edited-summary.csv', '--extinctions', 'edited-ext.csv', '--resume', '--workers', '1']);
      expect([result.code, result.stderr.split('\n')[0]], what).toEqual([0, `ngram-collapse: warning: --resume: ${said}`]);
      expect(read('edited-ext.csv'), what).toBe(extinctions);
      expect(read('edited.csv'), what).toBe(whole);
    }
    // one series behind, as a signal between a series' last row and its extinctions leaves it: redone without a word (round 2)
    writeFileSync(join(dir, 'edited.csv'), whole);
    writeFileSync(join(dir, 'edited.csv.run.json'), read('one.csv.run.json'));
    writeFileSync(join(dir, 'edited-ext.csv'), `${extLines.slice(0, 1 + 29 * perSeries).join('\n')}\n`);
    const oneBehind = await run([...SWEEP.filter((arg) => arg !== '--quiet'), '--out', 'edited.csv', '--summary', 'edited-summary.csv', '--extinctions', 'edited-ext.csv', '--resume', '--workers', '1']);
    expect(oneBehind.stderr).not.toContain('--resume:');
    expect(read('edited-ext.csv')).toBe(extinctions);
  });
});

describe('the survival law of a run that measures another size than its batches (--measure-tokens)', () => {
  it('takes the batches for N tokens, the rows for M: summary, survival file and merge agree with theoryBands at N / M with the rows\' tokens', async () => {
    const result = await run(['run', '--corpus', FIXTURE, '--sentences', 'line', '--human-ratio', '0', '--order', '2', '--generations', '3', '--replicates', '2', '--measure-tokens', '300', '--quiet', '--workers', '1', '--out', 'measured.csv', '--summary', 'measured-summary.csv', '--survival', 'measured-km.csv']);
    expect(result.code).toBe(0);
    const record = JSON.parse(read('measured.csv.run.json')) as { provenance: { batchTokens: number; measureTokens: number }; seedCounts: Record<string, number> };
    const { batchTokens, measureTokens } = record.provenance;
    expect(measureTokens).toBe(300);
    expect(batchTokens).toBeGreaterThan(600); // H of the village fixture: the batches are more than twice the rows
    const { seedCountsFrom } = await import('../../src/export/survivalLaw.js');
    const { theoryBands } = await import('../../src/metrics/survivalTheory.js');
    const [header, ...rows] = records('measured.csv');
    const at = (name: string): number => header!.indexOf(name);
    // the draws (tokens + sentences) of each generation's rows, averaged over the replicates
    const draws = [0, 1, 2, 3].map((g) => {
      const mine = rows.filter((row) => Number(row[at('generation')]) === g);
      return mine.reduce((sum, row) => sum + Number(row[at('tokens')]) + Number(row[at('sentences')]), 0) / mine.length;
    });
    const tokens = [0, 1, 2, 3].map((g) => {
      const mine = rows.filter((row) => Number(row[at('generation')]) === g);
      return mine.reduce((sum, row) => sum + Number(row[at('tokens')]), 0) / mine.length;
    });
    // (the batches estimated from the rows' tokens and M too: the overshoot of a row's last sentence is not scaled with it)
    const expected = theoryBands(seedCountsFrom(record.seedCounts), draws, 1, batchTokens / measureTokens, { tokens, measureTokens });
    const unscaled = theoryBands(seedCountsFrom(record.seedCounts), draws);
    const [sumHeader, ...summary] = records('measured-summary.csv');
    const theory = (lines: string[][]) => lines.filter((line) => line[sumHeader!.indexOf('metric')] === 'theory_survival_1' && line[sumHeader!.indexOf('generation')] === '3');
    const law = Number(theory(summary)[0]![sumHeader!.indexOf('mean')]);
    expect(law).toBeCloseTo(expected[3]![0]!, 5);
    expect(Math.abs(law - unscaled[3]![0]!)).toBeGreaterThan(0.01); // the scale matters here
    // the Kaplan–Meier file has no law here: a type missing from the 300 measured tokens may still be in
    // the batch and come back, so its first absence is no extinction and the curve falls below the
    // law's chance of being present (it drew the law beside it: audit)
    const [kmHeader, ...km] = records('measured-km.csv');
    const kmHapaxes = km.filter((line) => line[kmHeader!.indexOf('band')] === '1');
    expect(kmHapaxes).toHaveLength(4);
    for (const line of kmHapaxes) expect(line[kmHeader!.indexOf('theory_survival')]).toBe('');
    expect(Number(kmHapaxes[3]![kmHeader!.indexOf('survival')])).toBeLessThan(expected[3]![0]! - 0.05);
    // merge --summary reads N and M from the run record
    const merged = await run(['merge', 'measured.csv', '--out', 'measured-merged.csv', '--summary', 'measured-merged-summary.csv', '--quiet']);
    expect(merged.code).toBe(0);
    expect(read('measured-merged-summary.csv')).toBe(read('measured-summary.csv'));
    // without the run record there are no seed counts: the law's rows are left out, and merge says so
    writeFileSync(join(dir, 'bare.csv'), read('measured.csv'));
    const bare = await run(['merge', 'bare.csv', '--out', 'bare-merged.csv', '--summary', 'bare-summary.csv']);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toBe('merged 2 series (8 rows) from 1 file(s) into bare-merged.csv\nsummary written to bare-summary.csv\n');
    expect(bare.stderr).toBe('ngram-collapse: warning: the inputs have no run record (bare.csv.run.json), which holds H\'s seed counts: the summary has no survival-law rows (theory_survival_*); keep each shard\'s .run.json beside it\n');
    expect(read('bare-summary.csv')).not.toContain('theory_survival_');
    // plot draws the law from the run record beside the curves (as run --report does), not without it
    const plotted = await run(['plot', 'measured.csv', '--out', 'measured.html']);
    expect(plotted.code).toBe(0);
    const { theoryPointsOfRecord } = await import('../../src/export/survivalLaw.js');
    const { readCurves } = await import('../../src/export/report/readCurves.js');
    const points = theoryPointsOfRecord((await readCurves(join(dir, 'measured.csv'))).rows, JSON.parse(read('measured.csv.run.json')));
    const law3 = points.find((point) => point.metric === 'theory_survival_1' && point.generation === 3)!;
    expect(law3.mean).toBeCloseTo(Number(theory(summary)[0]![sumHeader!.indexOf('mean')]), 5); // the summary's law, N / M included
    expect(read('measured.html')).toContain('"kind":"theory"');
    const bareHtml = await run(['plot', 'bare.csv', '--out', 'bare.html']);
    expect(bareHtml.code).toBe(0);
    expect(read('bare.html')).not.toContain('"kind":"theory"');
  });
});

describe('merge without run records', () => {
  // Shards of one cell each, given out of order (part-10 sorts before part-2), merged silently in the
  // wrong cell order: the files do not fix it, and merge now says so.
  it('warns when the files leave the order of cells open, and not when they fix it', async () => {
    const header = 'cell,replicate,seed,generation,x';
    writeFileSync(join(dir, 'open-1.csv'), `${header}\nB,1,42,0,1\n`);
    writeFileSync(join(dir, 'open-2.csv'), `${header}\nA,1,42,0,1\n`);
    const open = await run(['merge', 'open-1.csv', 'open-2.csv', '--out', 'open-merged.csv']);
    expect(open.code).toBe(0);
    expect(open.stderr).toBe("ngram-collapse: warning: the files do not fix the order of cells B, A, so it follows the order the files were given: the merged file may differ from an unsharded run's; keep each shard's .run.json beside it (open-1.csv.run.json)\n");
    writeFileSync(join(dir, 'fixed.csv'), `${header}\nB,1,42,0,1\nA,1,42,0,1\n`);
    const fixed = await run(['merge', 'fixed.csv', '--out', 'fixed-merged.csv']);
    expect([fixed.code, fixed.stderr]).toEqual([0, '']);
  });

  it("removes an earlier run record beside --out as the merged file goes in place: it describes another run (a later merge read its seed and seed counts as this file's: audit)", async () => {
    const header = 'cell,replicate,seed,generation,x';
    writeFileSync(join(dir, 'norecord.csv'), `${header}
A,1,5,0,1
`);
    writeFileSync(join(dir, 'stale-merged.csv'), 'earlier\n');
    writeFileSync(join(dir, 'stale-merged.csv.run.json'), '{"earlier": "seed 1"}\n');
    const merged = await run(['merge', 'norecord.csv', '--out', 'stale-merged.csv']);
    expect([merged.code, merged.stderr]).toEqual([0, '']);
    expect(read('stale-merged.csv')).toBe(`${header}\nA,1,5,0,1\n`);
    expect(existsSync(join(dir, 'stale-merged.csv.run.json'))).toBe(false);
    // a folder there cannot be removed: refused before anything is written (it failed after the merged file was in place: audit)
    mkdirSync(join(dir, 'folder-merged.csv.run.json'));
    const refused = await run(['merge', 'norecord.csv', '--out', 'folder-merged.csv']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^ngram-collapse: the run record of --out folder-merged\.csv: .*folder-merged\.csv\.run\.json/u);
    expect(existsSync(join(dir, 'folder-merged.csv'))).toBe(false);
  });
});
