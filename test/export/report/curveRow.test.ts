import { describe, expect, it } from 'vitest';
import { metricColumns, metricValue } from '../../../src/export/report/curveRow.js';

describe('metricColumns', () => {
  const columns = ['cell', 'strategy', 'replicate', 'seed', 'generation', 'types', 'note', 'vocab_retention', 'new_metric'];
  const rows = [
    { cell: 'a', strategy: 'replace', replicate: 1, seed: 1, generation: 0, types: 5, note: 'x', vocab_retention: 1, new_metric: '' },
    { cell: 'a', strategy: 'replace', replicate: 1, seed: 1, generation: 1, types: '4', note: 'y', vocab_retention: undefined, new_metric: '2.5' },
  ];

  it('takes the numeric columns after generation, in CSV order, including appended ones', () => {
    expect(metricColumns(rows, columns)).toEqual(['types', 'vocab_retention', 'new_metric']);
  });

  it('falls back to the first row key order without a header', () => {
    expect(metricColumns(rows)).toEqual(['types', 'vocab_retention', 'new_metric']);
  });
});

describe('metricValue', () => {
  it('reads numbers and numeric text; empty, null and non-finite values are undefined', () => {
    const row = { cell: 'a', replicate: 1, generation: 0, x: '0.5', y: '', z: null, w: Number.NaN, v: 2 };
    expect(['x', 'y', 'z', 'w', 'v', 'missing'].map((m) => metricValue(row, m))).toEqual([0.5, undefined, undefined, undefined, 2, undefined]);
  });

  it('reads no hex, binary or octal text as a number, and no column holding one as a metric', () => {
    const row = { cell: 'a', replicate: 1, generation: 0, hex: '0x10', bin: '0b11', oct: '0o17', exp: '1e2' };
    expect(['hex', 'bin', 'oct', 'exp'].map((m) => metricValue(row, m))).toEqual([undefined, undefined, undefined, 100]);
    expect(metricColumns([row])).toEqual(['exp']);
  });
});
