/**
 * The package's entry as a program that installed it reaches it: by name through node_modules, with
 * `import` and with `require` (Node's require of an ES module; `exports` had no condition for it, and
 * `require('ngram-collapse')` failed with "No exports main defined": audit). Runs the built dist/.
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';

const ROOT = new URL('../..', import.meta.url).pathname;

function installedIn(): string {
  const root = tempDir();
  mkdirSync(join(root, 'node_modules'));
  symlinkSync(ROOT, join(root, 'node_modules', 'ngram-collapse'));
  return root;
}

const node = (cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('the package entry', () => {
  it('is imported by name', () => {
    const result = node(installedIn(), ['--input-type=module', '-e', "const l = await import('ngram-collapse'); console.log(typeof l.simulate, typeof l.seriesCurveTable)"]);
    expect(result).toMatchObject({ status: 0, stdout: 'function function\n' });
  });

  it('is required by name, where Node requires ES modules unflagged (20.19 and later, 22.12 and later, 23 on)', () => {
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
    const result = node(installedIn(), ['-e', "const l = require('ngram-collapse'); console.log(typeof l.simulate)"]);
    const requiresModules = major >= 23 || (major === 22 && minor >= 12) || (major === 20 && minor >= 19);
    if (requiresModules) expect(result).toMatchObject({ status: 0, stdout: 'function\n' });
    else expect(result.stderr).toMatch(/ERR_REQUIRE_ESM/u);
  });
});
