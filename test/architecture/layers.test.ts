/**
 * The README's layer order, checked from the code: every import under src/ is read and must point
 * down (or sideways, within its own layer), never up; there is no import cycle; and only the corpus
 * loader, the exporters and the CLI touch the file system or `process`.
 *
 * Layers, lowest first (README, "Architecture"):
 *   leaves (errors, validation, stats, random): usable from anywhere, importing only other leaves
 *   vocabulary -> corpus -> counts -> model -> sampler -> metrics -> simulation -> export -> recipes -> cli
 *   index.ts (the public API) may import any layer but the CLI.
 * Type-only imports count too: a type is part of a layer's contract.
 */

import { describe, expect, it } from 'vitest';
import { importCycles, sourceFiles, type SourceFile } from './sourceImports.js';

const LEAVES = ['errors', 'validation', 'stats', 'random'];
const ORDER = ['vocabulary', 'corpus', 'counts', 'model', 'sampler', 'metrics', 'simulation', 'export', 'recipes', 'cli', 'index'];

/**
 * Known violations of the order, each `importer -> imported`: none. (The model <-> sampler knot and
 * random's type from the model were removed when the sampler was split from the model.) Do not add to it.
 */
const ALLOWED_VIOLATIONS: ReadonlySet<string> = new Set<string>([]);

/** Files whose cycles are tolerated: none. */
const ALLOWED_CYCLE_FILES: ReadonlySet<string> = new Set<string>([]);

const files = sourceFiles();
const internal = (file: SourceFile): string[] => file.imports.filter((target) => target.endsWith('.ts'));

/** The playground is the CLI's twin front end (the same option table, messages and exporters): one layer. */
const SAME_LAYER: Readonly<Record<string, string>> = { playground: 'cli' };

function layerOf(path: string): string {
  const top = path.includes('/') ? path.slice(0, path.indexOf('/')) : path.replace(/\.ts$/u, '');
  return SAME_LAYER[top] ?? top;
}

/** Why `from` may not import `to`, or undefined when it may. */
function violation(from: string, to: string): string | undefined {
  const a = layerOf(from);
  const b = layerOf(to);
  if (a === b) return undefined;
  if (LEAVES.includes(b)) return LEAVES.includes(a) || ORDER.includes(a) ? undefined : `unknown layer ${a}`;
  if (LEAVES.includes(a)) return `the leaf ${a} imports ${b}`;
  const rankA = ORDER.indexOf(a);
  const rankB = ORDER.indexOf(b);
  if (rankA < 0 || rankB < 0) return `unknown layer ${rankA < 0 ? a : b} (add it to the README's order and to this test)`;
  if (b === 'cli') return 'nothing imports the CLI';
  return rankB > rankA ? `${a} sits below ${b}` : undefined;
}

describe('the layer order', () => {
  it('reads a plausible number of files and imports (the scanner works)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.find((file) => file.path === 'simulation/simulate.ts')!.imports).toContain('simulation/preparedRun.ts');
    expect(files.find((file) => file.path === 'cli/program.ts')!.imports).toContain('commander');
  });

  it('names every folder of src/ in the order (or as a leaf)', () => {
    const layers = new Set(files.map((file) => layerOf(file.path)));
    expect([...layers].filter((layer) => !LEAVES.includes(layer) && !ORDER.includes(layer))).toEqual([]);
  });

  it('has every import point down or sideways, apart from the listed known violations', () => {
    const found: string[] = [];
    for (const file of files) {
      for (const target of internal(file)) {
        const why = violation(file.path, target);
        if (why !== undefined) found.push(`${file.path} -> ${target} (${why})`);
      }
    }
    const unexpected = found.filter((line) => !ALLOWED_VIOLATIONS.has(line.replace(/ \(.*\)$/u, '')));
    expect(unexpected).toEqual([]);
  });

  it('keeps the allow-list honest: every entry is a violation of the order (not a permitted import)', () => {
    // Entries whose import no longer exists are harmless (the list is emptied when the knot is cut).
    for (const entry of ALLOWED_VIOLATIONS) {
      const [from, to] = entry.split(' -> ') as [string, string];
      expect(violation(from, to), `${entry} is allowed by the order: remove it`).toBeDefined();
    }
  });

  it('flags an upward import (the check itself can fail)', () => {
    expect(violation('model/mle.ts', 'simulation/series.ts')).toBe('model sits below simulation');
    expect(violation('export/csvFile.ts', 'cli/io.ts')).toBe('nothing imports the CLI');
    expect(violation('stats/studentT.ts', 'metrics/columns.ts')).toBe('the leaf stats imports metrics');
    expect(violation('simulation/series.ts', 'metrics/measureText.ts')).toBeUndefined();
    expect(violation('recipes/drift.ts', 'export/curveRecord.ts')).toBeUndefined();
  });
});

describe('import cycles', () => {
  const graph = new Map(files.map((file) => [file.path, internal(file)] as const));

  it('finds a cycle when there is one (the check itself can fail)', () => {
    const toy = new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts']]]);
    expect(importCycles(toy)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(importCycles(new Map([['a.ts', ['b.ts']], ['b.ts', []]]))).toEqual([]);
  });

  it('has none under src/, apart from the known model <-> sampler knot', () => {
    const cycles = importCycles(graph);
    const unexpected = cycles.filter((cycle) => !cycle.every((file) => ALLOWED_CYCLE_FILES.has(file)));
    expect(unexpected).toEqual([]);
  });
});

/** Files that may touch the file system or `process`: the corpus loader, the exporters, the CLI. */
function mayTouchFiles(path: string): boolean {
  // The playground's build-time files (bundle.ts, buildPage.ts) and its file writer are front-end
  // code like the CLI's; the page itself (playground/browser) must not touch files, and does not.
  const playgroundBuild = path.startsWith('playground/') && !path.startsWith('playground/browser/');
  // simulation/workerExecArgv.ts reads the options the process started with, which its worker threads
  // inherit (a program's `--input-type` failed every worker): process.execArgv, nothing else
  if (path === 'simulation/workerExecArgv.ts') return true;
  return ['corpus/loadCorpus.ts', 'corpus/brown.ts', 'corpus/brownCache.ts', 'corpus/fileIdentity.ts', 'corpus/glob.ts', 'corpus/isLink.ts', 'corpus/namedFile.ts', 'corpus/ownDescriptor.ts', 'corpus/standardInput.ts'].includes(path) || path.startsWith('export/') || path.startsWith('cli/') || playgroundBuild;
}

describe('files and process', () => {
  it('are touched only by the corpus loader, the exporters and the CLI', () => {
    const offenders: string[] = [];
    for (const file of files) {
      if (mayTouchFiles(file.path)) continue;
      for (const target of file.imports) if (/^(node:)?fs(\/promises)?$/u.test(target)) offenders.push(`${file.path} imports ${target}`);
      if (/\bprocess\b/u.test(file.code)) offenders.push(`${file.path} reads process`);
    }
    expect(offenders).toEqual([]);
  });
});
