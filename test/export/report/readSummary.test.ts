import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSummary, summaryPoints } from '../../../src/export/report/readSummary.js';
import { fixture } from './fixtures.js';

describe('readSummary', () => {
  it('reads means and intervals as written, with empty fields undefined', async () => {
    const rows = await readSummary(fixture('summary.csv'));
    expect(rows).toHaveLength(21);
    expect(summaryPoints(rows)[1]).toEqual({
      metric: 'vocab_retention', cell: 'c1', generation: 1, n: 3, mean: 0.9, sd: 0.1, ciLow: 0.5, ciHigh: 0.99,
    });
    expect(rows[20]).toMatchObject({ metric: 'drift_expected_types', n: 3, sd: undefined, ciLow: undefined, strategy: 'accumulate' });
  });

  it('refuses a curves CSV given as a summary', async () => {
    await expect(readSummary(fixture('curves.csv'))).rejects.toThrow(/not a summary CSV: it has no column metric, n, mean, sd, ci_low, ci_high/);
  });

  it('reads no hex as a number: a generation 0x1, a mean 0x10, an sd 0b1 are refused', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ngc-summary-')), 'summary.csv');
    const header = 'cell,generation,metric,n,mean,sd,ci_low,ci_high';
    writeFileSync(file, `${header}\nc1,0x1,ttr,3,0.5,0.1,0.4,0.6\n`);
    await expect(readSummary(file)).rejects.toThrow(`${file} line 2: generation "0x1" is not a whole number >= 0`);
    writeFileSync(file, `${header}\nc1,1,ttr,3,0x10,0.1,0.4,0.6\n`);
    await expect(readSummary(file)).rejects.toThrow(`${file} line 2: mean "0x10" is not a number`);
    writeFileSync(file, `${header}\nc1,2,ttr,3,0.5,0b1,0.4,0.6\n`);
    await expect(readSummary(file)).rejects.toThrow(`${file} line 2: sd "0b1" is not a number`);
  });

  it('refuses a damaged number, an n that is no whole number >= 1 and a line given twice (a point or band was left out, n "three" read as 1: audit)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ngc-summary-')), 'summary.csv');
    const header = 'cell,generation,metric,n,mean,sd,ci_low,ci_high';
    const good = 'c1,1,ttr,3,0.5,0.1,0.4,0.6';
    const refused = async (line: string): Promise<unknown> => {
      writeFileSync(file, `${header}\n${good}\n${line}\n`);
      return readSummary(file).then(() => 'read', (error: unknown) => (error as Error).message);
    };
    expect(await refused('c1,2,ttr,3,abc,0.1,0.4,0.6')).toBe(`${file} line 3: mean "abc" is not a number`);
    expect(await refused('c1,2,ttr,3,0.5,0.1,oops,0.6')).toBe(`${file} line 3: ci_low "oops" is not a number`);
    expect(await refused('c1,2,ttr,3,0.5,0.1,0.4,Infinity')).toBe(`${file} line 3: ci_high "Infinity" is not a number`);
    expect(await refused('c1,2,ttr,three,0.5,0.1,0.4,0.6')).toBe(`${file} line 3: n "three" is not a number`);
    expect(await refused('c1,2,ttr,0,0.5,0.1,0.4,0.6')).toBe(`${file} line 3: n "0" is not a whole number >= 1`);
    expect(await refused(good)).toBe(`${file} line 3: cell c1 generation 1 ttr again (line 2)`);
    // what the summary writes: an empty mean (no values: skipped), empty sd and interval (one replicate), another metric at the same place
    expect(await refused('c1,2,ttr,,,,,')).toBe('read');
    expect(await refused('c1,2,ttr,1,0.5,,,')).toBe('read');
    expect(await refused('c1,1,types,3,12,1,10,14')).toBe('read');
    // what run --summary cannot write, and plot drew: a negative sd, an interval without its mean (audit)
    expect(await refused('c1,2,ttr,3,0.5,-3,0.4,0.6')).toBe(`${file} line 3: sd "-3" is below 0`);
    expect(await refused('c1,2,ttr,3,0.577,0.1,0.9,0.1')).toBe(`${file} line 3: the interval [0.9, 0.1] does not hold the mean 0.577`);
    expect(await refused('c1,2,ttr,3,0.5,0.1,0.2,0.4')).toBe(`${file} line 3: the interval [0.2, 0.4] does not hold the mean 0.5`);
    // an interval of no width (equal replicates) holds its mean; sd 0 is an sd
    expect(await refused('c1,2,ttr,3,0.5,0,0.5,0.5')).toBe('read');
  });
});
