/**
 * `run --save-corpora` over an earlier run's folder, as a user who is not root: the built CLI
 * (dist/cli/main.js) started as user nobody (65534), which only root can do. Left out of the mutation
 * runs (vitest.mutation.config.ts), as the tests that start the built CLI are: no mutant of src/
 * reaches dist/, and nobody cannot read Stryker's sandbox.
 */

import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FIXTURE = new URL('../fixtures/exp/village.txt', import.meta.url).pathname;

describe('an earlier folder the run cannot remove or read', () => {
  const main = new URL('../../dist/cli/main.js', import.meta.url).pathname;
  const ARGS = ['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--generations', '1', '--workers', '1', '--quiet'];

  it.runIf(process.getuid?.() === 0)("an empty one stays, the run goes on; one the user may not read is refused before any work (a raw EPERM or EACCES, exit 1, the curves emptied: audit)", () => {
    // (as user nobody, in a folder of its own in /tmp: root may remove and read everything)
    const shared = mkdtempSync('/tmp/ngram-collapse-clear-');
    chownSync(shared, 65534, 65534);
    const asNobody = (args: readonly string[]) => spawnSync(process.execPath, [main, ...ARGS, ...args], { cwd: shared, uid: 65534, gid: 65534, encoding: 'utf8', timeout: 60_000 });
    try {
      expect(asNobody(['--human-ratio', '0,0.3,0.6', '--out', 'x.csv', '--save-corpora', 'd']).status).toBe(0);
      const before = readFileSync(join(shared, 'x.csv'));
      // cell-3 (no cell of the next, smaller sweep) may not be changed: its texts go, its empty folder replicate-1 stays
      chmodSync(join(shared, 'd', 'cell-3'), 0o555);
      const smaller = asNobody(['--human-ratio', '0,0.3', '--out', 'x.csv', '--save-corpora', 'd']);
      expect([smaller.stderr, smaller.status]).toEqual(['', 0]);
      expect(readdirSync(join(shared, 'd', 'cell-3', 'replicate-1'))).toEqual([]);
      // a series folder the user may not read: what it holds cannot be cleared
      chmodSync(join(shared, 'd', 'cell-3'), 0o755);
      chmodSync(join(shared, 'd', 'cell-1', 'replicate-1'), 0o300);
      writeFileSync(join(shared, 'x.csv'), before);
      const unread = asNobody(['--human-ratio', '0,0.3', '--out', 'x.csv', '--save-corpora', 'd']);
      expect([unread.stderr, unread.status]).toEqual([`ngram-collapse: --save-corpora d: the folder ${join(shared, 'd', 'cell-1', 'replicate-1')} cannot be read (EACCES) (choose another folder, or give yourself read permission there)\n`, 2]);
      expect(readFileSync(join(shared, 'x.csv')).equals(before)).toBe(true);
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
  });
});
