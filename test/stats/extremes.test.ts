import { describe, expect, it } from 'vitest';
import { largest, smallest } from '../../src/stats/extremes.js';
import { mergeCurves } from '../../src/export/mergeCurves.js';
import { sparkline } from '../../src/export/report/sparkline.js';

describe('smallest and largest', () => {
  it('are Math.min and Math.max of the values: empty lists give Infinity and -Infinity, a NaN gives NaN', () => {
    expect(smallest([3, -1, 2])).toBe(-1);
    expect(largest([3, -1, 2])).toBe(3);
    expect(smallest([])).toBe(Number.POSITIVE_INFINITY);
    expect(largest([])).toBe(Number.NEGATIVE_INFINITY);
    expect(largest([1, Number.NaN, 2])).toBeNaN();
  });

  it('take more values than a call takes arguments (Math.max(...values) threw at about 150,000 here)', () => {
    const values = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 300_000);
    expect(smallest(values)).toBe(0);
    expect(largest(values)).toBe(299_999);
  });

  it('let a sparkline of 300,000 generations and a merge of 300,000 rows be drawn and counted', () => {
    const values = Array.from({ length: 300_000 }, (_, i) => i);
    const line = sparkline(values);
    expect([...line][0]).toBe('▁');
    expect([...line].at(-1)).toBe('█');
    // one cell, one replicate, generations 0..149,999 in each of two shards (the files' rows, no run records)
    const header = 'cell,replicate,generation\n';
    const shard = (from: number): Buffer => Buffer.from(header + Array.from({ length: 150_000 }, (_, i) => `a,1,${from + i}\n`).join(''));
    const merged = mergeCurves([{ name: 'one.csv', content: shard(0) }, { name: 'two.csv', content: shard(150_000) }]);
    expect(merged.rows).toBe(300_000);
    expect(merged.series).toBe(1);
  });
});
