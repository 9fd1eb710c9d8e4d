/**
 * The installed executable (dist/cli/main.js, built by `npm test` and by `npm ci` through `prepare`):
 * it runs as a separate process, and loading natural prints nothing on stdout (`--out -` stays clean).
 */

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURVE_COLUMNS } from '../../src/export/curveRecord.js';

const root = join(import.meta.dirname, '../..');
const main = join(root, 'dist/cli/main.js');

describe('the ngram-collapse executable', () => {
  it('writes a clean CSV to stdout with --out -', () => {
    const result = spawnSync(process.execPath, [main, 'run', '--corpus', 'corpora/lighthouse.txt', '--generations', '1', '--out', '-'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(CURVE_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + 2 * 2);
    expect(result.stderr).toMatch(/^cell\s+gen\s+reps/u);
  });

  it('exits with code 2 and one line for bad usage, no stack trace', () => {
    const result = spawnSync(process.execPath, [main, 'run', '--generations', 'ten'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("ngram-collapse: --generations must be a number, got 'ten' (pass a whole number from 1 to 100000)\n");
  });
});
