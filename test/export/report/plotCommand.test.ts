import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parsePlotOptions, plotCommand } from '../../../src/cli/commands/plot.js';
import type { CliIO } from '../../../src/cli/io.js';
import { InputError, UsageError } from '../../../src/errors.js';
import { fixture, occurrences } from './fixtures.js';

/** Runs `plot ARGS` in-process; resolves to what it printed, rejects with what it threw. */
async function plot(args: string[], cwd = mkdtempSync(join(tmpdir(), 'plot-cli-'))) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  const io: CliIO = { stdout, stderr, stdin: new PassThrough(), isTTY: false, cwd };
  const err: string[] = [];
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  const command = plotCommand(io).exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  await command.parseAsync(args, { from: 'user' });
  return { cwd, stdout: out.join(''), stderr: err.join('') };
}

describe('parsePlotOptions', () => {
  it.each([
    [{ out: 'r.html' }, { out: '/w/r.html', svgDir: undefined, metrics: undefined }],
    [{ svg: 'figs', metrics: ['vocab_retention', 'entropy_bits'] }, { out: undefined, svgDir: '/w/figs', metrics: ['vocab_retention', 'entropy_bits'] }],
  ])('turns %j into resolved options', (raw, expected) => {
    expect(parsePlotOptions('c.csv', raw, '/w')).toMatchObject({ curves: '/w/c.csv', ...expected });
  });

  it('refuses standard input (-) as an input: it read the file "-" of the working directory, which did not exist (audit)', () => {
    expect(() => parsePlotOptions('-', { out: 'r.html' }, '/tmp')).toThrow(new UsageError('plot reads the curves CSV from a file, not from standard input (-)', 'pass the path of the CSV that run wrote'));
    expect(() => parsePlotOptions('c.csv', { out: 'r.html', summary: '-' }, '/tmp')).toThrow('plot reads --summary from a file, not from standard input (-)');
    expect(() => parsePlotOptions('c.csv', { out: 'r.html', survival: '-' }, '/tmp')).toThrow('plot reads --survival from a file, not from standard input (-)');
  });

  it('refuses to run with nothing to write', () => {
    expect(() => parsePlotOptions('c.csv', {}, '/w')).toThrow(UsageError);
    expect(() => parsePlotOptions('c.csv', {}, '/w')).toThrow(/^plot has nothing to write$/);
  });

  it('reads --metrics as the sweeps read a list: blanks around a name dropped, an empty item or a name twice refused (a trailing comma was accepted)', async () => {
    const refusal = (list: string) => plot([fixture('curves.csv'), '--svg', 'figs', '--metrics', list]).catch((error: unknown) => error as UsageError);
    for (const list of [' , ', 'vocab_retention,entropy_bits,', ',ttr', 'ttr,,tokens']) {
      const error = await refusal(list);
      expect(error, list).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toBe(`--metrics has an empty item in '${list}'`);
      expect((error as UsageError).hint).toBe('separate values with single commas, e.g. vocab_retention,entropy_bits');
    }
    expect(((await refusal('ttr,tokens, ttr')) as UsageError).message).toBe("--metrics lists 'ttr' twice in 'ttr,tokens, ttr'");
    const { cwd } = await plot([fixture('curves.csv'), '--svg', 'figs', '--metrics', ' vocab_retention , entropy_bits']);
    expect(readdirSync(join(cwd, 'figs')).sort()).toEqual(['entropy_bits.svg', 'vocab_retention.svg']);
  });

  it('refuses standard output and blank paths before resolving them (a file named -, or the working directory)', () => {
    expect(() => parsePlotOptions('c.csv', { out: '-' }, '/w')).toThrow(/^--out cannot go to standard output$/);
    expect(() => parsePlotOptions('c.csv', { svg: '-' }, '/w')).toThrow(/^--svg names a folder, and cannot be standard output \(-\)$/);
    expect(() => parsePlotOptions('c.csv', { out: '' }, '/w')).toThrow(/^--out must be a path, got ''$/);
    expect(() => parsePlotOptions('c.csv', { out: 'r.html', svg: ' ' }, '/w')).toThrow(/^--svg must be a path, got ' '$/);
    expect(() => parsePlotOptions('c.csv', { svg: '' }, '/w')).toThrow(UsageError);
  });
});

describe('ngram-collapse plot', () => {
  it('writes a self-contained HTML report and the SVG charts, printing the paths', async () => {
    const { cwd, stdout } = await plot([fixture('curves.csv'), '--out', 'report.html', '--svg', 'figs', '--metrics', 'vocab_retention,entropy_bits']);
    // --metrics names no survival band, so there is no survival_bands.svg
    expect(stdout.trim().split('\n')).toEqual([
      join(cwd, 'report.html'), join(cwd, 'figs', 'vocab_retention.svg'), join(cwd, 'figs', 'entropy_bits.svg'),
    ]);
    const html = readFileSync(join(cwd, 'report.html'), 'utf8');
    expect(html).toContain('<option value="vocab_retention">');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/); // nothing loaded from elsewhere
    expect(readdirSync(join(cwd, 'figs')).sort()).toEqual(['entropy_bits.svg', 'vocab_retention.svg']);
  });

  it('draws the curves alone beside a run record that is not one (an edited provenance stopped the report with exit 2, naming no file: review)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'plot-cli-'));
    const curves = join(cwd, 'c.csv');
    writeFileSync(curves, readFileSync(fixture('curves.csv')));
    writeFileSync(`${curves}.run.json`, JSON.stringify({ tool: 'ngram-collapse', fingerprint: 'f', shard: '1/1', identity: { version: '1', load: {}, corpusDigest: 'd', settings: { sweep: {} }, extinctions: false }, provenance: { command: 'run', human: {}, heldout: {}, batchTokens: '2000', measureTokens: 1 } }));
    const { stdout } = await plot([curves, '--out', 'report.html'], cwd);
    expect(stdout.trim()).toBe(join(cwd, 'report.html'));
    expect(readFileSync(join(cwd, 'report.html'), 'utf8')).not.toContain('batchTokens');
  });

  it("warns of another program's columns it does not draw, as they hold text, also for --svg alone (the folder said nothing: round 2)", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'plot-cli-'));
    const [header, ...lines] = readFileSync(fixture('curves.csv'), 'utf8').trim().split('\n');
    writeFileSync(join(cwd, 'notes.csv'), `${[`${header},note,mixed`, ...lines.map((line, i) => `${line},checked,${i % 2 === 0 ? '1' : 'x'}`)].join('\n')}\n`);
    const { stderr } = await plot([join(cwd, 'notes.csv'), '--svg', 'figs', '--metrics', 'vocab_retention'], cwd);
    expect(stderr).toBe(`ngram-collapse: warning: ${join(cwd, 'notes.csv')}: the columns note, mixed hold text (a value other than a number, an empty field, NaN or NA), so they are not drawn\n`);
    expect((await plot([fixture('curves.csv'), '--svg', 'figs', '--metrics', 'vocab_retention'])).stderr).toBe('');
    // a column name with a line break in it (quoted in the CSV) keeps the warning on one line
    writeFileSync(join(cwd, 'broken.csv'), `${[`${header},"two\nlines"`, ...lines.map((line) => `${line},text`)].join('\n')}\n`);
    const broken = (await plot([join(cwd, 'broken.csv'), '--svg', 'figs2', '--metrics', 'vocab_retention'], cwd)).stderr;
    expect(broken.split('\n')).toHaveLength(2);
    expect(broken).toContain('the column two\\nlines holds text');
  });

  it('warns when the curves lack rows of their grid (an interrupted run drew one replicate beside three, exit 0, without a word: audit)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'plot-cli-'));
    // curves.csv: cells c1-c3 x replicates 1-3 x generations 0-3 (36 rows); c2's replicate 3 loses generations 2 and 3
    const lines = readFileSync(fixture('curves.csv'), 'utf8').trim().split('\n');
    const kept = lines.filter((line) => !/^c2,(?:[^,]*,){10}3,\d+,[23],/u.test(line));
    expect(lines.length - kept.length).toBe(2);
    writeFileSync(join(cwd, 'cut.csv'), `${kept.join('\n')}\n`);
    const { stderr, stdout } = await plot([join(cwd, 'cut.csv'), '--out', 'r.html'], cwd);
    expect(stderr).toBe(
      `ngram-collapse: warning: ${join(cwd, 'cut.csv')} lacks 2 of the 36 rows its own cells, replicates and generations span (3 cells x 3 replicates x generations 0-3; ` +
        'the first: cell c2, replicate 3, generation 2): where rows are missing, its curves average fewer replicates or stop early (finish an interrupted run with --resume, or merge the shards of a sharded one)\n',
    );
    expect(stdout).toBe(`${join(cwd, 'r.html')}\n`);
  });

  it('draws the summary bands when --summary is given', async () => {
    const { cwd } = await plot([fixture('curves.csv'), '--summary', fixture('summary.csv'), '--svg', 'figs', '--metrics', 'drift_expected_types']);
    // three cells, three lines; the summary's drift lines have no interval: no band (the curves' replicates would give one)
    const svg = readFileSync(join(cwd, 'figs', 'drift_expected_types.svg'), 'utf8');
    expect(occurrences(svg, 'class="mark-line role-mark')).toBe(3);
    expect(occurrences(svg, 'class="mark-area role-mark')).toBe(0);
  });

  it('refuses a summary of part of the curves, writing nothing (a shard\'s summary beside the merged curves drew one cell of two: audit)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'plot-cli-'));
    const lines = readFileSync(fixture('summary.csv'), 'utf8').split('\n');
    writeFileSync(join(cwd, 'part.csv'), lines.filter((line) => !line.startsWith('c3,')).join('\n'));
    const error = await plot([fixture('curves.csv'), '--summary', 'part.csv', '--out', 'r.html'], cwd).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/part\.csv has no vocab_retention line for cell c3 generation 0, which the curves hold: it summarises part of them$/u);
    expect(readdirSync(cwd)).toEqual(['part.csv']);
  });

  it('refuses a missing curves file before doing anything', async () => {
    const error = await plot(['missing.csv', '--out', 'r.html']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/the curves CSV .*missing\.csv does not exist/);
  });

  it("refuses a summary of other curves, writing nothing (it would be drawn as this run's bands)", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'plot-cli-'));
    // the fixture summary with c1's generation-1 mean moved from 0.9 to 0.8
    writeFileSync(join(cwd, 'other.csv'), readFileSync(fixture('summary.csv'), 'utf8').replace(',1,vocab_retention,3,0.9,', ',1,vocab_retention,3,0.8,'));
    const error = await plot([fixture('curves.csv'), '--summary', 'other.csv', '--out', 'r.html'], cwd).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/other\.csv: cell c1 generation 1 vocab_retention is a mean of 3 \(0\.8\), the curves hold 3 values \(mean 0\.9\)$/);
    expect(readdirSync(cwd)).toEqual(['other.csv']);
  });

  it('refuses a CSV that is not a curves CSV', async () => {
    const error = await plot([fixture('not-curves.csv'), '--out', 'r.html']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/is not a curves CSV: it has no column cell, replicate, generation/);
  });

  it('refuses an --out in a folder that does not exist, or in a file, writing nothing', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'plot-cli-'));
    writeFileSync(join(cwd, 'afile'), 'x');
    await expect(plot([fixture('curves.csv'), '--out', 'no/such/report.html'], cwd)).rejects.toThrow(/--out \S+\/no\/such\/report\.html: the folder \S+\/no\/such does not exist/);
    await expect(plot([fixture('curves.csv'), '--out', 'afile/report.html'], cwd)).rejects.toThrow(/afile is not a folder/);
    await expect(plot([fixture('curves.csv'), '--out', '.'], cwd)).rejects.toThrow(/--out \S+ is a folder/);
    await expect(plot([fixture('curves.csv'), '--svg', 'afile/figs'], cwd)).rejects.toThrow(/is a file, not a folder/);
    expect(readdirSync(cwd)).toEqual(['afile']);
  });

  it('refuses --svg when no chart has a value to draw, writing nothing (it made an empty folder)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'plot-cli-'));
    writeFileSync(join(cwd, 'empty.csv'), 'cell,replicate,generation,ttr,entropy_bits\nc,1,0,,\nc,1,1,,\n');
    const error = await plot(['empty.csv', '--svg', 'figs', '--out', 'r.html'], cwd).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`--svg ${join(cwd, 'figs')}: no chart to draw, ttr, entropy_bits have no value in ${join(cwd, 'empty.csv')}`);
    expect(readdirSync(cwd)).toEqual(['empty.csv']);
    // one metric with values, one without: the one with values is drawn
    writeFileSync(join(cwd, 'half.csv'), 'cell,replicate,generation,ttr,entropy_bits\nc,1,0,0.5,\nc,1,1,0.4,\n');
    await expect(plot(['half.csv', '--svg', 'figs', '--metrics', 'entropy_bits'], cwd)).rejects.toThrow('no chart to draw, entropy_bits has no value in');
    const { stdout } = await plot(['half.csv', '--svg', 'figs'], cwd);
    expect(stdout.trim().split('\n')).toEqual([join(cwd, 'figs', 'ttr.svg')]);
  });

  it('refuses a folder where one of the SVG files goes, before writing anything (it wrote the page and some charts, then failed)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'plot-cli-'));
    mkdirSync(join(cwd, 'figs', 'tokens.svg'), { recursive: true });
    const error = await plot([fixture('curves.csv'), '--out', 'r.html', '--svg', 'figs', '--metrics', 'vocab_retention,tokens'], cwd).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`--svg ${join(cwd, 'figs')}: tokens.svg is a folder, where the command writes a file`);
    expect(readdirSync(cwd)).toEqual(['figs']);
    expect(readdirSync(join(cwd, 'figs'))).toEqual(['tokens.svg']);
  });

  it("refuses a blank --title as the flag's own (it said 'title must be a non-empty string' of ' ')", async () => {
    for (const title of [' ', '']) {
      const error = await plot([fixture('curves.csv'), '--out', 'r.html', '--title', title]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect([(error as UsageError).message, (error as UsageError).hint]).toEqual([`--title must be a string that is not blank, got '${title}'`, 'pass a string that is not blank']);
    }
  });

  it('refuses an unknown metric, listing the known ones', async () => {
    const error = await plot([fixture('curves.csv'), '--out', 'r.html', '--metrics', 'vocab']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).hint).toMatch(/^choose from: tokens, sentences, types,/);
  });

  it('leaves unknown options and a missing argument to commander', async () => {
    await expect(plot(['--out', 'r.html'])).rejects.toBeInstanceOf(CommanderError);
    await expect(plot([fixture('curves.csv'), '--nope'])).rejects.toBeInstanceOf(CommanderError);
  });
});
