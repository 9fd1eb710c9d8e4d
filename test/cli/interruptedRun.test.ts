/**
 * The line of a `run` stopped by a signal (src/cli/interruptedRun.ts): the series its files hold whole,
 * and the outputs written after the run that it did not write.
 */

import { describe, expect, it } from 'vitest';
import { completeSeries, notWrittenAfterRun } from '../../src/cli/interruptedRun.js';

describe('completeSeries', () => {
  it('counts a series whose rows are all written as complete, though the signal came before its end (it said 0 of 1 of a whole CSV: audit)', () => {
    // 3 rows a series (generations 0..2): 7 rows written = 2 whole series and 1 row of the third
    expect(completeSeries({ ended: 0 }, { rows: 3, failures: 0 }, 3, false)).toBe(1);
    expect(completeSeries({ ended: 1 }, { rows: 7, failures: 0 }, 3, false)).toBe(2);
    expect(completeSeries({ ended: 2 }, { rows: 6, failures: 0 }, 3, false)).toBe(2);
    expect(completeSeries({ ended: 0 }, { rows: 2, failures: 0 }, 3, false)).toBe(0);
  });

  it('with an --extinctions file, counts ended series alone (a series is whole there once its end wrote its records), and so after a failure (its rows are short)', () => {
    expect(completeSeries({ ended: 0 }, { rows: 3, failures: 0 }, 3, true)).toBe(0);
    // a failed series after 1 row, then a whole one: 4 rows, but only the ended count is sure
    expect(completeSeries({ ended: 2 }, { rows: 4, failures: 1 }, 3, false)).toBe(2);
  });
});

describe('notWrittenAfterRun', () => {
  it('names the --summary, --survival and --report a stopped run did not write, in the order they are written', () => {
    expect(notWrittenAfterRun({ summary: 's.csv', survival: 'km.csv', report: 'r.html' }, 4)).toBe('; not written: --summary s.csv, --survival km.csv, --report r.html');
    expect(notWrittenAfterRun({ report: 'r.html' }, 4)).toBe('; not written: --report r.html');
    expect(notWrittenAfterRun({ report: 'r.html' }, 0)).toBe(''); // a shard without series writes no report
    expect(notWrittenAfterRun({}, 4)).toBe('');
  });
});
