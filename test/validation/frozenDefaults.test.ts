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

describe('every table the package exports', () => {
  it('is frozen, and so is each rule, list or record it holds (audit: SMOOTHING_NAMES.push and SHARED_RULES.generations = ... changed what the library accepts)', async () => {
    const library: Record<string, unknown> = await import('../../src/index.js');
    const unfrozen: string[] = [];
    for (const [name, value] of Object.entries(library)) {
      if (typeof value !== 'object' || value === null) continue;
      if (!Object.isFrozen(value)) unfrozen.push(name);
      for (const [key, inner] of Object.entries(value)) {
        if (typeof inner !== 'object' || inner === null || ArrayBuffer.isView(inner)) continue;
        if (!Object.isFrozen(inner)) unfrozen.push(`${name}.${key}`);
        // a rule's list of names too (LOAD_RULES.normalize.names took a push: audit)
        for (const [deeper, list] of Object.entries(inner)) if (typeof list === 'object' && list !== null && !Object.isFrozen(list)) unfrozen.push(`${name}.${key}.${deeper}`);
      }
    }
    expect(unfrozen).toEqual([]);
  });
});
