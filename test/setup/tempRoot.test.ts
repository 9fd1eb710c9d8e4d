/**
 * The test run's temporary folders live under one folder of its own (test/setup/tempRoot.ts, the
 * global setup), which the run removes when it ends: a test process sees TMPDIR pointing there.
 */

import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('temporary folders of a test run', () => {
  it('are made under the run\'s own folder', () => {
    expect(basename(tmpdir())).toMatch(/^ngc-tests-/u);
    const made = mkdtempSync(join(tmpdir(), 'ngc-'));
    expect(dirname(made)).toBe(tmpdir());
    expect(existsSync(made)).toBe(true);
  });
});
