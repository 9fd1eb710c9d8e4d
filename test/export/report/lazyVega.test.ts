/**
 * Importing the library (dist/index.js, built by `npm test` first) does not load Vega or Vega-Lite
 * (about 0.2 s and 340 files): svgCharts.ts imports them on the first chart it renders. Checked in a
 * child process whose module resolution refuses any file under node_modules/vega*.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from './fixtures.js';

const INDEX = new URL('../../../dist/index.js', import.meta.url).href;

const HOOKS = `export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (/\\/node_modules\\/vega/u.test(resolved.url)) throw new Error('Vega was loaded: ' + specifier);
  return resolved;
}`;

function importWithoutVega(code: string): { status: number | null; stdout: string; stderr: string } {
  const folder = mkdtempSync(join(tmpdir(), 'ngram-collapse-lazy-'));
  writeFileSync(join(folder, 'hooks.mjs'), HOOKS);
  writeFileSync(join(folder, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(new URL(`file://${join(folder, 'hooks.mjs')}`).href)});\n`);
  const child = spawnSync(process.execPath, ['--import', join(folder, 'register.mjs'), '--input-type=module', '-e', code], { encoding: 'utf8' });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('the library', () => {
  it('imports without loading Vega, and loads it for the first chart', () => {
    const imported = importWithoutVega(`const library = await import(${JSON.stringify(INDEX)}); console.log(typeof library.renderSvgCharts);`);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toBe('function\n');
    // The same child refuses Vega, so rendering a chart fails there: the hooks do catch it.
    const curves = fixture('curves.csv');
    const rendered = importWithoutVega(
      `const library = await import(${JSON.stringify(INDEX)}); const table = await library.readCurves(${JSON.stringify(curves)}); await library.renderSvgCharts(table.rows, { columns: table.columns });`,
    );
    expect(rendered.status).not.toBe(0);
    expect(rendered.stderr).toContain('Vega was loaded');
  });
});
