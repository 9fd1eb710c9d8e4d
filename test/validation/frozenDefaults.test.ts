/**
 * The exported defaults and tables are frozen: a program that pushed onto DEFAULT_RUN.sweep.humanRatio
 * changed the defaults of every later run in its process. And the constants the README's Library
 * section names are exported.
 */

import { readFileSync } from 'node:fs';
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

describe("the README's Library section", () => {
  it('names only constants the package exports (it named MAX_ID_SPACE, which src/index.ts did not export: audit)', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Library\n'), readme.indexOf('\n## ', readme.indexOf('\n## Library\n') + 1));
    // (environment variables the section names are not constants of the package)
    const environment = ['GLIBC_TUNABLES', 'NODE_EXTRA_CA_CERTS', 'NGRAM_COLLAPSE_RELAUNCH'];
    const named = [...new Set([...section.matchAll(/`([A-Z][A-Z0-9_]{3,})`/gu)].map((match) => match[1]!))].filter((name) => !environment.includes(name));
    const library: Record<string, unknown> = await import('../../src/index.js');
    // (the names of the section's own tables: MAX_ID_SPACE, DEFAULT_RUN, CELL_RULES, ...)
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((name) => !(name in library))).toEqual([]);
  });
});
