/**
 * Every metric column the tool writes has its line under the chart's title (the subword columns had
 * none: audit); a column of a user's own has none.
 */

import { describe, expect, it } from 'vitest';
import { describeMetric } from '../../../src/export/report/metricDescriptions.js';
import { METRIC_COLUMNS } from '../../../src/metrics/columns.js';

describe('describeMetric', () => {
  it.each(METRIC_COLUMNS)('describes %s', (metric) => {
    expect(describeMetric(metric).length).toBeGreaterThan(10);
  });

  it("gives '' for a column of the user's own, also one named as an Object property", () => {
    expect(describeMetric('my_score')).toBe('');
    expect(describeMetric('constructor')).toBe('');
  });
});
