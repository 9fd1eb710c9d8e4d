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

  it('reads no hex as a number: a generation 0x1 is refused, a mean 0x10 is no mean', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ngc-summary-')), 'summary.csv');
    const header = 'cell,generation,metric,n,mean,sd,ci_low,ci_high';
    writeFileSync(file, `${header}\nc1,0x1,ttr,3,0.5,0.1,0.4,0.6\n`);
    await expect(readSummary(file)).rejects.toThrow(`${file} line 2: generation "0x1" is not a whole number >= 0`);
    writeFileSync(file, `${header}\nc1,1,ttr,3,0x10,0.1,0.4,0.6\nc1,2,ttr,3,0.5,0b1,0.4,0.6\n`);
    const rows = await readSummary(file);
    expect(rows.map((row) => [row.generation, row.mean, row.sd])).toEqual([[2, 0.5, undefined]]);
  });
});
