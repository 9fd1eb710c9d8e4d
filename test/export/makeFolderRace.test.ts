/**
 * makeFolder when another process removes a parent while it makes the levels below (shards started
 * together, one clearing its own folders): the level is made again, a bounded number of times. The
 * race is simulated: the file system's mkdir of a folder named `child` first removes its parent
 * (as the other process would) and answers ENOENT, `removals` times.
 */

import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const race = { removals: 0 };

vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const mkdirSync = ((path: string, ...rest: unknown[]) => {
    if (String(path).endsWith('child') && race.removals > 0) {
      race.removals--;
      fs.rmdirSync(join(String(path), '..'));
      throw Object.assign(new Error(`ENOENT: no such file or directory, mkdir '${String(path)}'`), { code: 'ENOENT' });
    }
    return (fs.mkdirSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.mkdirSync;
  return { ...fs, default: { ...fs, mkdirSync }, mkdirSync };
});

const { makeFolder } = await import('../../src/export/makeFolder.js');

describe('makeFolder with a parent removed meanwhile', () => {
  it('makes the parent again and then the folder (it threw ENOENT at the first removal)', () => {
    const base = mkdtempSync(join(tmpdir(), 'make-folder-race-'));
    race.removals = 3;
    makeFolder(join(base, 'parent', 'child'));
    expect(race.removals).toBe(0);
    expect(statSync(join(base, 'parent', 'child')).isDirectory()).toBe(true);
  });

  it('gives up with ENOENT after 8 tries instead of looping', () => {
    const base = mkdtempSync(join(tmpdir(), 'make-folder-race-'));
    race.removals = 100;
    expect(() => makeFolder(join(base, 'parent', 'child'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(race.removals).toBe(92);
    expect(existsSync(join(base, 'parent', 'child'))).toBe(false);
  });
});
