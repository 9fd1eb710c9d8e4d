/**
 * `run` with the curation, growth and survival outputs, in-process on the village fixture (160 short
 * sentences): the appended columns, the --survival file against the --extinctions file, the law's
 * rows in --summary, and byte-identical output for a seed whatever the worker count.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsvLines } from '../../src/export/csvLines.js';
import { cli, tempDir } from '../helpers/cli.js';

const FIXTURE = new URL('../fixtures/exp/village.txt', import.meta.url).pathname;
const RUN = ['run', '--corpus', FIXTURE, '--sentences', 'line', '--human-ratio', '0', '--order', '2', '--generations', '3', '--replicates', '3', '--select', 'none,m0:low:0.8', '--tokens-growth', '1,2', '--quiet'];

let dir: string;
const records = (name: string): string[][] => readCsvLines(readFileSync(join(dir, name))).lines.map((line) => line.fields);

beforeAll(async () => {
  dir = tempDir();
  const result = await cli([...RUN, '--workers', '1', '--out', 'one.csv', '--summary', 'summary.csv', '--extinctions', 'ext.csv', '--survival', 'km.csv'], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
});

describe('run --select, --tokens-growth, --survival', () => {
  it('appends the later metrics after discount_fallback, and the settings select and tokens_growth last', () => {
    const [header, ...rows] = records('one.csv');
    expect(header!.slice(header!.indexOf('discount_fallback'))).toEqual([
      'discount_fallback', 'model_types', 'model_vocab_retention', 'model_rare_survival', 'chao1', 'selected_share',
      'word_types', 'word_vocab_retention', 'word_rare_survival', 'novel_word_rate', 'select', 'tokens_growth',
    ]);
    const at = (name: string): number => header!.indexOf(name);
    const cells = new Set(rows.map((row) => `${row[at('cell')]}|${row[at('select')]}|${row[at('tokens_growth')]}`));
    expect([...cells]).toEqual([
      'select=none/tokens_growth=1|none|1',
      'select=none/tokens_growth=2|none|2',
      'select=m0:low:0.8/tokens_growth=1|m0:low:0.8|1',
      'select=m0:low:0.8/tokens_growth=2|m0:low:0.8|2',
    ]);
    for (const row of rows) {
      const share = row[at('selected_share')]!;
      if (row[at('select')] === 'none' || row[at('generation')] === '0') expect(share).toBe('');
      else expect(Number(share)).toBeGreaterThan(0.7); // about 0.8 of the candidates' tokens are kept
    }
  });

  it('writes Kaplan-Meier survival that matches the extinctions file (no comebacks under MLE replace)', () => {
    const [header, ...rows] = records('ext.csv');
    const at = (name: string): number => header!.indexOf(name);
    const cell = 'select=none/tokens_growth=1';
    const hapaxes = rows.filter((row) => row[at('cell')] === cell && row[at('seed_count')] === '1');
    const alive = (k: number): number => hapaxes.filter((row) => row[at('first_absent')] === '' || Number(row[at('first_absent')]) > k).length;
    const km = records('km.csv').filter((row) => row[0] === cell && row[1] === '1');
    expect(km.map((row) => row[2])).toEqual(['0', '1', '2', '3']);
    expect(Number(km[0]![3])).toBe(hapaxes.length);
    for (let k = 1; k <= 3; k++) expect(Number(km[k]![5])).toBeCloseTo(alive(k) / hapaxes.length, 5);
    // the law is beside the curves where it applies (MLE replace, no curation), empty where it does not
    expect(Number(km[1]![6])).toBeGreaterThan(0.5);
    expect(records('km.csv').filter((row) => row[0]!.startsWith('select=m0')).every((row) => row[6] === '')).toBe(true);
  });

  it('adds theory_survival rows to the summary for the cells the law covers', () => {
    const [header, ...rows] = records('summary.csv');
    const theory = rows.filter((row) => row[header!.indexOf('metric')]!.startsWith('theory_survival_'));
    expect(new Set(theory.map((row) => row[0]))).toEqual(new Set(['select=none/tokens_growth=1', 'select=none/tokens_growth=2']));
    // generation 0: every band present; a hapax survives generation 1 with ~ 1 - 1/e
    const hapax1 = theory.find((row) => row[0] === 'select=none/tokens_growth=1' && row[header!.indexOf('generation')] === '1' && row[header!.indexOf('metric')] === 'theory_survival_1')!;
    expect(Number(hapax1[header!.indexOf('mean')])).toBeCloseTo(1 - Math.exp(-1), 1);
  });

  it('gives byte-identical files for one seed with 2 workers', async () => {
    const result = await cli([...RUN, '--workers', '2', '--out', 'two.csv', '--survival', 'km2.csv'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'two.csv'), 'utf8')).toBe(readFileSync(join(dir, 'one.csv'), 'utf8'));
    expect(readFileSync(join(dir, 'km2.csv'), 'utf8')).toBe(readFileSync(join(dir, 'km.csv'), 'utf8'));
  });

  it('metrics appends chao1 after zipf_slope', async () => {
    writeFileSync(join(dir, 'm.txt'), 'a b a\nc d a d\n');
    const result = await cli(['metrics', 'm.txt', '--sentences', 'line', '--tokenizer', 'whitespace'], { cwd: dir });
    const [header, row] = result.stdout.trim().split('\n').map((line) => line.split(','));
    expect(header!.slice(-2)).toEqual(['zipf_slope', 'chao1']);
    // a 3, b 1, c 1, d 2: types 4, f1 2, f2 1 -> 4 + 4 / 2 = 6
    expect(row![header!.indexOf('chao1')]).toBe('6');
  });

  it('puts the Kaplan-Meier chart and the law into the report of a run with --survival', async () => {
    const result = await cli(['run', '--corpus', FIXTURE, '--sentences', 'line', '--human-ratio', '0', '--order', '2', '--generations', '2', '--quiet', '--out', 'r.csv', '--survival', 'r-km.csv', '--report', 'r.html'], { cwd: dir });
    expect(result.code).toBe(0);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html.includes('id="kaplan-meier-chart"')).toBe(true);
    expect(html.includes('"kind":"theory"')).toBe(true); // the law, dashed
  });

  it("draws the same report page with --report as plot draws from the run's files (--summary's means and law to 6 digits: run drew full-precision means)", async () => {
    const args = ['run', '--corpus', FIXTURE, '--sentences', 'line', '--human-ratio', '0,0.3', '--order', '2', '--generations', '3', '--replicates', '3', '--quiet', '--out', 'same.csv', '--summary', 'same-s.csv', '--survival', 'same-km.csv', '--report', 'same-run.html'];
    expect((await cli(args, { cwd: dir })).code).toBe(0);
    const plotted = await cli(['plot', 'same.csv', '--summary', 'same-s.csv', '--survival', 'same-km.csv', '--out', 'same-plot.html'], { cwd: dir });
    expect(plotted.code, plotted.stderr).toBe(0);
    const page = readFileSync(join(dir, 'same-run.html'), 'utf8');
    expect(page.includes('"kind":"theory"')).toBe(true); // the law is on both
    expect(page === readFileSync(join(dir, 'same-plot.html'), 'utf8')).toBe(true);
    // with --out given as an absolute path too: the page names the curves by their file name, as plot does (it showed the whole path: audit)
    const absolute = await cli([...args.slice(0, args.indexOf('--out')), '--out', join(dir, 'abs.csv'), '--report', 'abs-run.html'], { cwd: dir });
    expect(absolute.code, absolute.stderr).toBe(0);
    expect((await cli(['plot', 'abs.csv', '--out', 'abs-plot.html'], { cwd: dir })).code).toBe(0);
    const named = readFileSync(join(dir, 'abs-run.html'), 'utf8');
    expect(named).toContain('<p class="facts">abs.csv: 2 cells');
    expect(named === readFileSync(join(dir, 'abs-plot.html'), 'utf8')).toBe(true);
  });

  it('says once that --select curates nothing with --human-ratio 1, in every shard of the cell, with 1 or 2 workers', async () => {
    const args = ['run', '--corpus', FIXTURE, '--sentences', 'line', '--human-ratio', '1', '--select', 'dedup', '--order', '2', '--generations', '1', '--replicates', '3'];
    const line = 'ngram-collapse: warning: cell default: select dedup curates nothing at human ratio 1 (every batch is human text: nothing to select, though the rule enters the seed of the cell: its draws are not those of a cell without it)';
    for (const extra of [['--workers', '1'], ['--workers', '2'], ['--shard', '2/2']]) {
      const result = await cli([...args, ...extra, '--out', `h-${extra.join('').replace(/\W/gu, '')}.csv`], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr.split('\n').filter((said) => said.startsWith('ngram-collapse: warning:')), extra.join(' ')).toEqual([line]);
    }
  });

  it('refuses --survival with --resume', async () => {
    const result = await cli([...RUN, '--out', 'one.csv', '--survival', 'km.csv', '--resume'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--resume cannot continue a --survival file/u);
  });
});
