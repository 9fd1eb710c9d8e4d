import { describe, expect, it } from 'vitest';
import { readSummary, summaryPoints } from '../../../src/export/report/readSummary.js';
import { fixture } from './fixtures.js';

describe('readSummary', () => {
  it('reads means and intervals as written, with empty fields undefined', async () => {
    const rows = await readSummary(fixture('summary.csv'));
    expect(rows).toHaveLength(13);
    expect(summaryPoints(rows)[1]).toEqual({
      metric: 'vocab_retention', cell: 'c1', generation: 1, n: 3, mean: 0.9, sd: 0.1, ciLow: 0.5, ciHigh: 0.99,
    });
    expect(rows[12]).toMatchObject({ metric: 'drift_expected_types', n: 3, sd: undefined, ciLow: undefined, strategy: 'accumulate' });
  });

  it('refuses a curves CSV given as a summary', async () => {
    await expect(readSummary(fixture('curves.csv'))).rejects.toThrow(/not a summary CSV: it has no column metric, n, mean, sd, ci_low, ci_high/);
  });
});
