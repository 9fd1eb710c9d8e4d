import { describe, expect, it } from 'vitest';
import { formatFinalTable, tableNumber } from '../../../src/export/report/finalTable.js';
import { readCurves } from '../../../src/export/report/readCurves.js';
import { fixture } from './fixtures.js';

describe('formatFinalTable', () => {
  it('shows the last generation per cell, means over replicates and a shared-scale sparkline', async () => {
    const { rows } = await readCurves(fixture('curves.csv'));
    const lines = formatFinalTable(rows).trimEnd().split('\n');
    expect(lines).toHaveLength(4); // header + 3 cells
    expect(lines[0]).toMatch(/^cell\s+gen\s+reps\s+vocab_retention\s+rare_survival\s+model_vocab_retention\s+model_rare_survival\s+entropy_bits\s+heldout_perplexity\s+vocab_retention by generation$/);
    // c1 at generation 3: vocab_retention 0.5, 0.45, 0.55 -> 0.5000; rare_survival = v^3: (0.125 + 0.091125 + 0.166375) / 3 = 0.1275
    // the fixture has no model_* columns (written before they existed) -> –
    // entropy 9.5 - 2(1 - v) + jitter(-0.01, 0, 0.01) -> 8.5; perplexity 300 * (1 + 0.3 * 3) + 5 * rep -> 570 + 10 = 580
    // sparkline, shared range 0.5 (c1 gen 3) .. 1 (gen 0): 1 -> █, 0.9 -> 0.8 * 7 = 5.6 -> ▇, 0.65 -> 2.1 -> ▃, 0.5 -> ▁
    expect(lines[1]).toMatch(/^strategy=replace\/human_ratio=0 {3,}3\s+3\s+0\.5000\s+0\.1275\s+–\s+–\s+8\.500\s+580\.0  █▇▃▁$/);
    // c3 means 1, 0.97, 0.95, 0.94 -> (v - 0.5) / 0.5 * 7 = 7, 6.58, 6.3, 6.16 -> █ █ ▇ ▇
    expect(lines[3]).toMatch(/^strategy=accumulate\/human_ratio=0\s+3\s+3\s+0\.9400 .* ██▇▇$/);
  });

  it('draws a run of 3,000 generations in 40 characters: the first, the last and 38 evenly spaced between (3,001 characters wrapped over dozens of rows: audit)', () => {
    // vocab_retention falls 1 -> 0 by generation: the first character ▇█ at 1, the last ▁ at 0
    const rows = Array.from({ length: 3001 }, (_, generation) => ({ cell: 'a', replicate: 1, generation, vocab_retention: 1 - generation / 3000 }));
    const line = formatFinalTable(rows).trimEnd().split('\n')[1]!;
    const spark = /[▁-█]+$/u.exec(line)![0];
    expect([...spark]).toHaveLength(40);
    expect([spark.at(0), spark.at(-1)]).toEqual(['█', '▁']);
  });

  it('aligns numbers in columns', async () => {
    const { rows } = await readCurves(fixture('curves.csv'));
    const lines = formatFinalTable(rows).trimEnd().split('\n');
    const ends = lines.map((line) => line.indexOf('vocab_retention by generation') >= 0 ? line.indexOf('vocab_retention by generation') : line.search(/[▁-█]+$/));
    expect(new Set(ends).size).toBe(1);
  });

  it('is empty for no rows and shows – for undefined values', () => {
    expect(formatFinalTable([])).toBe('');
    expect(formatFinalTable([{ cell: 'a', replicate: 1, generation: 0, vocab_retention: 1 }])).toMatch(/–\s+–\s+–/);
    expect([tableNumber(0.123456), tableNumber(8.5), tableNumber(42.123), tableNumber(1234.56)]).toEqual(['0.1235', '8.500', '42.12', '1234.6']);
  });
});
