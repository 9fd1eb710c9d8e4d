/**
 * The exported defaults and tables are frozen: a program that pushed onto DEFAULT_RUN.sweep.humanRatio
 * changed the defaults of every later run in its process.
 */

import { describe, expect, it } from 'vitest';
import { CELL_RULES, CURVE_COLUMNS, DEFAULT_LOAD_OPTIONS, DEFAULT_RUN, DEFAULT_SAMPLING, METRIC_COLUMNS, STRATEGIES } from '../../src/index.js';

describe('the exported defaults', () => {
  it('are frozen, the sweep and its lists too, and a copy is a setting of its own', () => {
    for (const value of [DEFAULT_RUN, DEFAULT_RUN.sweep, ...Object.values(DEFAULT_RUN.sweep), DEFAULT_LOAD_OPTIONS, DEFAULT_SAMPLING, CURVE_COLUMNS, METRIC_COLUMNS, CELL_RULES, STRATEGIES]) {
      expect(Object.isFrozen(value)).toBe(true);
    }
    expect(() => (DEFAULT_RUN.sweep.humanRatio as number[]).push(0.5)).toThrow(TypeError);
    expect(DEFAULT_RUN.sweep.humanRatio).toEqual([0, 0.1]);
    const mine = { ...DEFAULT_RUN, sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0, 0.5] } };
    expect(mine.sweep.humanRatio).toEqual([0, 0.5]);
  });
});
