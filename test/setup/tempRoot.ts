/**
 * Vitest global setup: every test's temporary files go under one fresh folder, removed when the run
 * ends, pass or fail.
 *
 * Tests and the CLI processes they start make their folders with `os.tmpdir()`, which reads TMPDIR;
 * the test processes are forked after this runs, so they inherit it. Without this, each CLI test left
 * a folder in the system's temporary directory on every run.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'ngc-tests-'));
  const previous = process.env['TMPDIR'];
  process.env['TMPDIR'] = root;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
