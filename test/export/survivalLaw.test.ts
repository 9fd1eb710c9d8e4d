import { describe, expect, it } from 'vitest';
import { CURVE_COLUMNS } from '../../src/export/curveRecord.js';
import { drawsByCell, lawApplies, seedCountHistogram, seedCountsFrom } from '../../src/export/survivalLaw.js';
import { theoryBands } from '../../src/metrics/survivalTheory.js';

const PLAIN: Record<string, string> = { smoothing: 'mle', strategy: 'replace', human_ratio: '0', anchor: '0', select: 'none', temperature: '1', top_k: '0', top_p: '1' };

function record(fields: Record<string, string>): string[] {
  return CURVE_COLUMNS.map((column) => fields[column] ?? '');
}

describe('the survival law beside the curves', () => {
  it('applies to plain MLE resampling only', () => {
    expect(lawApplies((column) => PLAIN[column])).toBe(true);
    for (const [column, value] of [['smoothing', 'kneser-ney'], ['strategy', 'accumulate'], ['human_ratio', '0.1'], ['anchor', '5'], ['select', 'dedup'], ['temperature', '0.8'], ['top_k', '10'], ['top_p', '0.9']]) {
      expect(lawApplies((name) => (name === column ? value : PLAIN[name])), column).toBe(false);
    }
  });

  it('reads the mean draws (tokens + sentences) per generation of each cell', () => {
    const rows = [
      record({ ...PLAIN, cell: 'a', generation: '0', tokens: '90', sentences: '10' }),
      record({ ...PLAIN, cell: 'a', generation: '1', tokens: '100', sentences: '10' }),
      record({ ...PLAIN, cell: 'a', generation: '1', tokens: '80', sentences: '10' }),
      record({ ...PLAIN, cell: 'b', smoothing: 'add-k', generation: '0', tokens: '90', sentences: '10' }),
    ];
    // cell a: generation 0 = 100, generation 1 = (110 + 90) / 2 = 100 draws, (100 + 80) / 2 = 90 tokens; cell b: not covered
    expect([...drawsByCell(rows)]).toEqual([['a', { draws: [100, 100], tokens: [90, 90], growth: 1 }]]);
    // a cell without generation 1 (rows 0 and 2 only) has no law: m_2 = draws_2 / draws_1 is unknown
    const gap = [record({ ...PLAIN, cell: 'c', generation: '0', tokens: '90', sentences: '10' }), record({ ...PLAIN, cell: 'c', generation: '2', tokens: '90', sentences: '10' })];
    expect([...drawsByCell(gap)]).toEqual([]);
  });

  it('gives each band its mean expected survival, 1 at generation 0', () => {
    // seed counts 1, 1, 3; 50 draws from a fit on 50. Band 1: 1 - (49/50)^50; band 2-5: 1 - (49/50)^150
    // (three independent lineages); bands 6-20, 21+: empty
    const [g0, g1] = theoryBands([1, 1, 3], [50, 50]);
    expect(g0).toEqual([1, 1, undefined, undefined]);
    expect(g1![0]).toBeCloseTo(1 - (49 / 50) ** 50, 12);
    expect(g1![1]).toBeCloseTo(1 - (49 / 50) ** 150, 12);
    // the batch doubled, 100 draws from a fit on 50: a hapax survives with 1 - (49/50)^100
    expect(theoryBands([1], [50, 100])[1]![0]).toBeCloseTo(1 - (49 / 50) ** 100, 12);
  });

  it('carries the seed counts through the run record as a histogram', () => {
    // counts 3, 1, 1, 12: one type seen 3 times, two seen once, one seen 12 times
    expect(seedCountHistogram([3, 1, 1, 12])).toEqual({ '1': 2, '3': 1, '12': 1 });
    expect([...seedCountsFrom({ '12': 1, '1': 2, '3': 1 })]).toEqual([1, 1, 3, 12]);
  });
});
