/**
 * checkWritable (src/export/outputPaths.ts) says why an output's folder cannot be found: missing, behind
 * a folder the user may not look into, or a loop of links (each was said not to exist: audit). Tests run
 * as root, whom permissions do not stop: a folder named `unsearchable` answers stat with EACCES here.
 */

import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const statSync = ((path: string, ...rest: unknown[]) => {
    if (String(path).includes('/unsearchable/')) throw Object.assign(new Error(`EACCES: permission denied, stat '${String(path)}'`), { code: 'EACCES' });
    return (fs.statSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.statSync;
  return { ...fs, default: { ...fs, statSync }, statSync };
});

const { checkWritable } = await import('../../src/export/outputPaths.js');
const { InputError } = await import('../../src/errors.js');

function refusal(path: string, cwd: string): string {
  try {
    checkWritable(path, cwd, '--out');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return `${(error as Error).message} (${(error as InstanceType<typeof InputError>).hint})`;
  }
  return 'accepted';
}

describe('an output folder that cannot be found', () => {
  it('is said to be missing, out of reach, or a loop of links, as it is', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngc-unreachable-'));
    try {
      mkdirSync(join(cwd, 'unsearchable', 'in'), { recursive: true });
      symlinkSync('q1', join(cwd, 'q0'));
      symlinkSync('q0', join(cwd, 'q1'));
      expect(refusal('gone/x.csv', cwd)).toBe(`--out gone/x.csv: the folder ${join(cwd, 'gone')} does not exist (create the folder first, or choose another path)`);
      expect(refusal('unsearchable/in/sub/x.csv', cwd)).toBe(`--out unsearchable/in/sub/x.csv: the folder ${join(cwd, 'unsearchable', 'in', 'sub')} cannot be reached: a folder on the way may not be looked into (permission denied) (make the folders on the way searchable (chmod u+x), or choose another path)`);
      expect(refusal('q0/x.csv', cwd)).toBe(`--out q0/x.csv: the folder ${join(cwd, 'q0')} is a loop of links (point the link at a folder, or choose another path)`);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
