import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { curveTableFromRecords, readCurves } from '../../../src/export/report/readCurves.js';
import { readSummary } from '../../../src/export/report/readSummary.js';
import { readSurvival } from '../../../src/export/report/readSurvival.js';
import { metricColumns } from '../../../src/export/report/curveRow.js';
import { buildReportCharts } from '../../../src/export/report/reportCharts.js';
import { fixture } from './fixtures.js';

describe('readCurves', () => {
  it('reads every row with numbers for counts and metrics, text for settings', async () => {
    const table = await readCurves(fixture('curves.csv'));
    expect(table.rows).toHaveLength(36); // 3 cells x 3 replicates x 4 generations
    expect(table.columns.slice(0, 3)).toEqual(['cell', 'strategy', 'human_ratio']);
    const first = table.rows[0]!;
    expect(first).toMatchObject({ cell: 'c1', strategy: 'replace', human_ratio: '0', replicate: 1, seed: 43, generation: 0 });
    expect(first.vocab_retention).toBe(1);
    expect(first.top_k).toBe('');
  });

  it('lists the metric columns after generation in CSV order and reads empty fields as undefined', async () => {
    const table = await readCurves(fixture('curves.csv'));
    expect(table.metrics[0]).toBe('tokens');
    expect(table.metrics.at(-1)).toBe('discount_fallback');
    expect(table.metrics).toHaveLength(29);
    expect(table.rows[0]?.drift_expected_types).toBeUndefined(); // empty at generation 0
  });

  it('refuses a missing file, naming it', async () => {
    await expect(readCurves(fixture('nope.csv'))).rejects.toThrow(/cannot read .*nope\.csv: no such file/);
  });

  it('refuses a CSV that is not a curves CSV, naming the missing columns', async () => {
    const error = await readCurves(fixture('not-curves.csv')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/not a curves CSV: it has no column cell, replicate, generation/);
    expect((error as InputError).hint).toMatch(/ngram-collapse run --out/);
  });

  it('refuses ragged records and non-integer generations with the line number', async () => {
    await expect(readCurves(fixture('ragged.csv'))).rejects.toThrow(/ragged\.csv line 3 has 6 fields but the header has 5/);
    await expect(readCurves(fixture('bad-generation.csv'))).rejects.toThrow(/line 2: generation "zero"/);
  });

  it('refuses a header that names a column twice, curves, summary and survival files alike (a copied column: the second was drawn, the first ignored: audit)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ngc-twice-'));
    const file = join(folder, 'twice.csv');
    writeFileSync(file, 'cell,replicate,generation,vocab_retention,ttr,vocab_retention\nc,1,0,1,0.5,0.9\n');
    await expect(readCurves(file)).rejects.toThrow(`${file} names the column vocab_retention twice (columns 4 and 6)`);
    writeFileSync(file, 'cell,generation,metric,n,mean,sd,ci_low,ci_high,mean\nc,0,ttr,1,0.5,,,,0.4\n');
    await expect(readSummary(file)).rejects.toThrow(`${file} names the column mean twice (columns 5 and 9)`);
    writeFileSync(file, 'cell,band,generation,at_risk,events,survival,theory_survival,band\nc,1,0,10,0,1,1,1\n');
    await expect(readSurvival(file)).rejects.toThrow(`${file} names the column band twice (columns 2 and 8)`);
  });

  it("refuses a field of the tool's own metric columns that is not a number, and a file with no metric column", () => {
    const header = ['cell', 'replicate', 'generation', 'ttr', 'note'];
    // `note` is no column of ours: text is fine there; `ttr` is: "abc" is a damaged file (it used to drop the column)
    const good = curveTableFromRecords(header, [['c', '1', '0', '0.5', 'first'], ['c', '1', '1', '', 'second']], 'c.csv');
    expect(good.metrics).toEqual(['ttr']);
    expect(() => curveTableFromRecords(header, [['c', '1', '0', '0.5', 'x'], ['c', '1', '1', 'abc', 'y']], 'c.csv')).toThrow('c.csv line 3: ttr is "abc", not a number');
    // a long field is cut in the message (a 100,000-character one was quoted whole: probe)
    expect(() => curveTableFromRecords(header, [['c', '1', '0', 'z'.repeat(100_000), 'x']], 'c.csv')).toThrow(`c.csv line 2: ttr is "${'z'.repeat(120)}"... (100000 characters), not a number`);
    expect(() => curveTableFromRecords(['cell', 'replicate', 'generation', 'foo'], [['1', '1', '0', 'x']], 'm.csv')).toThrow('m.csv has no metric column: no column after generation holds numbers');
  });

  it("reads NaN and NA in another program's column as no value (pandas and R write them; the column was dropped without a word: audit), and refuses them in the tool's own", () => {
    const header = ['cell', 'replicate', 'generation', 'ttr', 'my_metric'];
    const table = curveTableFromRecords(header, [['c', '1', '0', '0.5', '1.5'], ['c', '1', '1', '0.4', 'NaN'], ['c', '1', '2', '0.3', 'NA'], ['c', '1', '3', '0.2', 'n/a']], 'm.csv');
    expect(table.metrics).toEqual(['ttr', 'my_metric']);
    expect(table.rows.map((row) => row['my_metric'])).toEqual([1.5, undefined, undefined, undefined]);
    expect(() => curveTableFromRecords(header, [['c', '1', '0', 'NaN', '1']], 'm.csv')).toThrow('m.csv line 2: ttr is "NaN", not a number');
    // any other text keeps it a text column
    expect(curveTableFromRecords(header, [['c', '1', '0', '0.5', '1.5'], ['c', '1', '1', '0.4', 'none']], 'm.csv').metrics).toEqual(['ttr']);
  });

  it("refuses a value of the tool's own metric outside its range (a perplexity of 0 was drawn at the top of a log axis: audit)", () => {
    const header = ['cell', 'replicate', 'generation', 'heldout_perplexity', 'ttr', 'zipf_slope', 'extra'];
    const row = (perplexity: string, ttr: string, slope = '-1', extra = '0'): string[] => ['c', '1', '0', perplexity, ttr, slope, extra];
    expect(curveTableFromRecords(header, [row('1', '0', '0', '-5'), row('2.5', '1', '-0.5', '7')].map((r, i) => (i === 1 ? ['c', '1', '1', ...r.slice(3)] : r)), 'r.csv').metrics).toEqual(['heldout_perplexity', 'ttr', 'zipf_slope', 'extra']);
    expect(() => curveTableFromRecords(header, [row('0', '0.5')], 'r.csv')).toThrow('r.csv line 2: heldout_perplexity is "0", outside its range [1, Infinity]');
    expect(() => curveTableFromRecords(header, [row('3', '1.2')], 'r.csv')).toThrow('r.csv line 2: ttr is "1.2", outside its range [0, 1]');
    expect(() => curveTableFromRecords(header, [row('3', '0.5', '0.1')], 'r.csv')).toThrow('r.csv line 2: zipf_slope is "0.1", outside its range [-Infinity, 0]');
  });

  it("refuses an infinity in the tool's own metric columns (the tool never writes one), not in a column of someone else's", () => {
    const header = ['cell', 'replicate', 'generation', 'ttr', 'extra'];
    expect(() => curveTableFromRecords(header, [['c', '1', '0', '0.5', '1'], ['c', '1', '1', 'Infinity', '2']], 'i.csv')).toThrow('i.csv line 3: ttr is "Infinity", not a finite number');
    expect(() => curveTableFromRecords(header, [['c', '1', '0', '-Infinity', '1']], 'i.csv')).toThrow('i.csv line 2: ttr is "-Infinity", not a finite number');
    // `extra` is no metric of ours: an infinity there is a number, skipped as a point
    expect(curveTableFromRecords(header, [['c', '1', '0', '0.5', 'Infinity']], 'i.csv').metrics).toEqual(['ttr', 'extra']);
  });

  it('refuses a replicate that is no whole number >= 1, as a generation that is none (replicate "abc" was a replicate of its own: audit)', () => {
    const header = ['cell', 'replicate', 'generation', 'ttr'];
    for (const text of ['abc', '0', '1.5', '', '0x1']) {
      expect(() => curveTableFromRecords(header, [['c', text, '0', '0.5']], 'r.csv')).toThrow(`r.csv line 2: replicate "${text}" is not a whole number >= 1`);
    }
    expect(curveTableFromRecords(header, [['c', ' 2 ', '0', '0.5']], 'r.csv').rows[0]!.replicate).toBe(2);
  });

  it("reads a number as the tool writes one: hex, binary and octal are no numbers in a metric or a generation (Number() took 0x10 as 16)", () => {
    const header = ['cell', 'replicate', 'generation', 'ttr', 'extra'];
    // a generation past the doubles' whole numbers was read rounded (9007199254740993 as ...992), then refused by the report's row check: audit
    expect(() => curveTableFromRecords(header, [['c', '1', '9007199254740993', '0.5', '1']], 'h.csv')).toThrow('h.csv line 2: generation "9007199254740993" is not a whole number >= 0');
    for (const text of ['0x10', '0b11', '0o17']) {
      expect(() => curveTableFromRecords(header, [['c', '1', '0', text, '1']], 'h.csv')).toThrow(`h.csv line 2: ttr is "${text}", not a number`);
      expect(() => curveTableFromRecords(header, [['c', '1', text, '0.5', '1']], 'h.csv')).toThrow(`h.csv line 2: generation "${text}" is not a whole number >= 0`);
      // a column of someone else's holding one is text, not a metric
      expect(curveTableFromRecords(header, [['c', '1', '0', '0.5', text]], 'h.csv').metrics).toEqual(['ttr']);
    }
    // what the tool and people write: blanks around, a sign, a leading dot, an exponent
    const read = curveTableFromRecords(header, [['c', '1', ' 2 ', '.5', '-1.5e-3']], 'h.csv');
    expect(read.rows[0]!.generation).toBe(2);
    expect([read.rows[0]!.ttr, read.rows[0]!.extra]).toEqual([0.5, -0.0015]);
  });

  it('refuses the header again, as two files joined with cat carry it, pointing to merge', () => {
    const header = ['cell', 'replicate', 'generation', 'tokens'];
    // (it said: line 4: tokens is "tokens", not a number)
    const error = (() => {
      try {
        curveTableFromRecords(header, [['a', '1', '0', '5'], ['a', '1', '1', '4'], [...header], ['b', '1', '0', '5']], 'j.csv');
      } catch (thrown) {
        return thrown as InputError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InputError);
    expect([error!.message, error!.hint]).toEqual(['j.csv line 4 repeats the header: files joined into one', 'join shards with `ngram-collapse merge`, not by concatenating files']);
  });

  it('refuses a (cell, replicate, generation) given twice, as two shards joined with cat are', () => {
    const header = ['cell', 'replicate', 'generation', 'ttr'];
    const rows = [['a', '1', '0', '0.5'], ['a', '1', '1', '0.4'], ['a', '2', '0', '0.5'], ['b', '1', '0', '0.5']];
    expect(curveTableFromRecords(header, rows, 'd.csv').rows).toHaveLength(4); // another replicate, another cell: no repeat
    const error = (() => {
      try {
        curveTableFromRecords(header, [...rows, ['a', '1', '1', '0.45']], 'd.csv');
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe('d.csv line 6: cell a replicate 1 generation 1 is there already (line 3)');
    expect((error as InputError).hint).toMatch(/ngram-collapse merge/);
    // the same numbers written differently are the same row
    expect(() => curveTableFromRecords(header, [['a', '1', '1', '0.4'], ['a', '1.0', '01', '0.4']], 'd.csv')).toThrow('d.csv line 3: cell a replicate 1.0 generation 01 is there already (line 2)');
  });

  it('takes the appended settings (select, tokens_growth) for settings, not metrics, though tokens_growth holds numbers', () => {
    const header = ['cell', 'replicate', 'generation', 'ttr', 'select', 'tokens_growth'];
    const table = curveTableFromRecords(header, [['c', '1', '0', '0.5', 'none', '1.5']], 'g.csv');
    expect(table.metrics).toEqual(['ttr']);
    expect(table.rows[0]!.tokens_growth).toBe('1.5'); // kept, as text
  });

  it("takes the tool's own metric columns wherever they stand (a file with its columns reordered), others only after generation", () => {
    // ttr and rare_survival before generation are the tool's metrics; 'score' there is someone else's
    // column, a setting; 'extra' after generation holds numbers: a metric.
    const header = ['ttr', 'cell', 'score', 'rare_survival', 'replicate', 'generation', 'extra', 'types'];
    const table = curveTableFromRecords(header, [['0.5', 'c', '3', '0.25', '1', '0', '7', '12']], 'shuffled.csv');
    expect(table.metrics).toEqual(['ttr', 'rare_survival', 'extra', 'types']);
    expect(table.rows[0]).toMatchObject({ ttr: 0.5, score: '3', rare_survival: 0.25, extra: 7, types: 12 });
    // the charts read the same columns from the rows (one rule, metricColumnsOf): a report of the
    // reordered file draws ttr, where it said 'unknown metric "ttr"'
    expect(metricColumns(table.rows, table.columns)).toEqual(table.metrics);
    expect(buildReportCharts(table.rows, { columns: table.columns, metrics: ['ttr'] }).metrics.map((chart) => chart.metric)).toEqual(['ttr']);
    // a setting column moved after generation is still a setting, in both
    const moved = curveTableFromRecords(['cell', 'replicate', 'generation', 'order', 'ttr'], [['c', '1', '0', '3', '0.5']], 'moved.csv');
    expect([moved.metrics, metricColumns(moved.rows, moved.columns)]).toEqual([['ttr'], ['ttr']]);
  });

  it('types records already in memory the same way as a file', () => {
    const table = curveTableFromRecords(
      ['cell', 'strategy', 'replicate', 'seed', 'generation', 'vocab_retention', 'drift_expected_types'],
      [['human_ratio=0', 'replace', '1', '42', '0', '1', ''], ['human_ratio=0', 'replace', '1', '42', '1', '0.9', '812']],
      'the run',
    );
    expect(table.metrics).toEqual(['vocab_retention', 'drift_expected_types']);
    expect(table.rows[1]).toEqual({
      cell: 'human_ratio=0', strategy: 'replace', replicate: 1, seed: 42, generation: 1, vocab_retention: 0.9, drift_expected_types: 812,
    });
    expect(() => curveTableFromRecords(['cell', 'replicate', 'generation'], [], 'the run')).toThrow(/the run has a header but no rows/);
  });
});

describe('a summary or survival CSV with a header and no rows', () => {
  it('is refused as a curves CSV of none is (an empty shard\'s summary was drawn as no summary, exit 0: audit)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'empty-inputs-'));
    const summary = join(folder, 's.csv');
    writeFileSync(summary, 'cell,strategy,generation,metric,n,mean,sd,ci_low,ci_high\n');
    await expect(readSummary(summary)).rejects.toThrow(`${summary} has a header but no rows`);
    const survival = join(folder, 'k.csv');
    writeFileSync(survival, 'cell,band,generation,at_risk,events,survival,theory_survival\n');
    await expect(readSurvival(survival)).rejects.toThrow(`${survival} has a header but no rows`);
  });
});

describe('line numbers in messages name the file line an editor shows', () => {
  const write = (name: string, text: string): string => {
    const folder = mkdtempSync(join(tmpdir(), 'curve-lines-'));
    writeFileSync(join(folder, name), text);
    return join(folder, name);
  };

  it('counts the blank lines, lines of empty fields and line breaks inside quoted fields that come before (they said line 3 for line 6)', async () => {
    // line 1 header; 2 a row; 3 blank; 4 commas only; 5-6 a row whose quoted note breaks a line; 7 the bad row
    const path = write('b.csv', 'cell,replicate,generation,ttr,note\na,1,0,0.5,x\n\n,,,,\na,1,1,0.4,"two\nlines"\na,1,2,abc,y\n');
    await expect(readCurves(path)).rejects.toThrow(/b\.csv line 7: ttr is "abc", not a number/u);
    const repeated = write('r.csv', 'cell,replicate,generation,ttr\na,1,0,0.5\n\n\na,1,0,0.5\n');
    await expect(readCurves(repeated)).rejects.toThrow(/r\.csv line 5: cell a replicate 1 generation 0 is there already \(line 2\)/u);
    const ragged = write('g.csv', 'cell,replicate,generation,ttr\n\na,1,0\n');
    await expect(readCurves(ragged)).rejects.toThrow(/g\.csv line 3 has 3 fields but the header has 4/u);
  });

  it('names the header of a second file with a byte-order mark as the header again (it said: ttr is "ttr")', async () => {
    const joined = write('j.csv', '\uFEFFcell,replicate,generation,ttr\na,1,0,0.5\n\uFEFFcell,replicate,generation,ttr\nb,1,0,0.5\n');
    await expect(readCurves(joined)).rejects.toThrow(/j\.csv line 3 repeats the header: files joined into one/u);
  });

  it('counts lines the same way in the summary and survival readers', async () => {
    const summary = write('s.csv', 'cell,generation,metric,n,mean,sd,ci_low,ci_high\n\na,0,ttr,1,0.5,,,\n\na,x,ttr,1,0.5,,,\n');
    await expect(readSummary(summary)).rejects.toThrow(/s\.csv line 5: generation "x" is not a whole number >= 0/u);
    const survival = write('k.csv', 'cell,band,generation,at_risk,survival\n\n\na,1,0,10,1\na,1,1,-4,0.5\n');
    await expect(readSurvival(survival)).rejects.toThrow(/k\.csv line 5: at_risk is "-4", not a whole number >= 0/u);
  });
});
