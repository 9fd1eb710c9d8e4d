/**
 * metricRanges.ts: every metric column has the range its definition gives, every value a run writes
 * lies in it, and a chart's band is drawn inside it while its tooltip keeps the interval exact.
 */

import { describe, expect, it } from 'vitest';
import { METRIC_COLUMNS } from '../../../src/metrics/columns.js';
import { metricRange, withinRange } from '../../../src/export/report/metricRanges.js';
import { chartData } from '../../../src/export/report/chartLayers.js';
import { readCurves } from '../../../src/export/report/readCurves.js';
import { fixture } from './fixtures.js';

describe('metricRange', () => {
  it('bounds every metric column on at least one side (the Zipf slope above, at 0), and no column of a user', () => {
    expect(METRIC_COLUMNS.filter((metric) => metricRange(metric)[0] === Number.NEGATIVE_INFINITY)).toEqual(['zipf_slope']);
    expect(METRIC_COLUMNS.filter((metric) => metricRange(metric)[0] === Number.NEGATIVE_INFINITY && metricRange(metric)[1] === Number.POSITIVE_INFINITY)).toEqual([]);
    expect(metricRange('zipf_slope')).toEqual([Number.NEGATIVE_INFINITY, 0]);
    expect(metricRange('my_column')).toEqual([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
    expect(metricRange('rare_survival')).toEqual([0, 1]);
    expect(metricRange('heldout_perplexity')).toEqual([1, Number.POSITIVE_INFINITY]);
  });

  it('holds every value of a run (a golden run of the village fixture, and the plot fixture)', async () => {
    let checked = 0;
    for (const file of [new URL('../../fixtures/golden/village-before-size-matching.csv', import.meta.url).pathname, fixture('curves.csv')]) {
    const table = await readCurves(file);
    for (const row of table.rows) {
      for (const metric of METRIC_COLUMNS) {
        const value = row[metric];
        if (typeof value !== 'number' || Number.isNaN(value)) continue;
        const [lowest, highest] = metricRange(metric);
        expect(value >= lowest && value <= highest, `${metric} = ${value}`).toBe(true);
        checked++;
      }
    }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('clamps a value to it', () => {
    expect([withinRange('rare_survival', -0.1), withinRange('rare_survival', 1.2), withinRange('rare_survival', 0.4)]).toEqual([0, 1, 0.4]);
    expect([withinRange('zipf_slope', -3), withinRange('zipf_slope', 0.2)]).toEqual([-3, 0]);
  });
});

describe('the band of a chart', () => {
  // 3 replicates of rare_survival near 0: the Student t interval reaches below 0 (a band drawn to -0.1: audit)
  it('is drawn inside the metric range; the tooltip keeps the interval as computed', () => {
    const [datum] = chartData([{ metric: 'rare_survival', cell: 'c', generation: 5, n: 3, mean: 0.02, sd: 0.03, ciLow: -0.0545, ciHigh: 0.0945 }], new Map(), 620);
    expect(datum).toMatchObject({ ci_low: 0, ci_high: 0.0945, ci_text: '-0.0545 to 0.0945' });
  });
});
