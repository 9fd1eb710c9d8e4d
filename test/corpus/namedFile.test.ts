/**
 * landingPath (src/corpus/namedFile.ts): where a write to a path would land, every link on the way
 * followed as the system follows it, also links to nothing and folders on the way that are links to
 * nothing; the rest kept as named past the first missing name that is no link.
 */

import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { landingPath, LinkLoopError, namedFile } from '../../src/corpus/namedFile.js';
import { InputError } from '../../src/errors.js';

// (tests run as root, whom permissions do not stop: a folder named `unsearchable` answers lstat with EACCES, as one without x does)
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const lstatSync = ((path: string, ...rest: unknown[]) => {
    if (String(path).includes('/unsearchable/')) throw Object.assign(new Error(`EACCES: permission denied, lstat '${String(path)}'`), { code: 'EACCES' });
    return (fs.lstatSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.lstatSync;
  return { ...fs, default: { ...fs, lstatSync }, lstatSync };
});

describe('landingPath', () => {
  it('follows links to folders, links to nothing and chains of them, and keeps what is missing as named', () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'ngc-landing-')));
    try {
      mkdirSync(join(root, 'real'));
      symlinkSync('real', join(root, 'to-real')); // a link to a folder
      symlinkSync('later', join(root, 'a')); // a link to nothing (a folder not made yet)
      symlinkSync('../a/cell-1', join(root, 'real', 'chain')); // through a folder that is a link to nothing
      symlinkSync(join(root, 'real'), join(root, 'absolute')); // an absolute target
      symlinkSync('loop', join(root, 'loop'));
      expect(landingPath(join(root, 'to-real', 'x.txt'))).toBe(join(root, 'real', 'x.txt'));
      expect(landingPath(join(root, 'a', 'x.txt'))).toBe(join(root, 'later', 'x.txt'));
      expect(landingPath(join(root, 'real', 'chain', 'g.txt'))).toBe(join(root, 'later', 'cell-1', 'g.txt'));
      expect(landingPath(join(root, 'absolute', 'x.txt'))).toBe(join(root, 'real', 'x.txt'));
      // `..` after a link is the link's target's parent; past a missing folder it stays (the system goes nowhere)
      expect(landingPath(join(root, 'to-real') + '/../x.txt')).toBe(join(root, 'x.txt'));
      expect(landingPath(join(root, 'missing') + '/../x.txt')).toBe(`${join(root, 'missing')}/../x.txt`);
      // a loop of links gives up where it is, and throws nothing
      expect(landingPath(join(root, 'loop', 'x.txt'))).toBe(join(root, 'loop', 'x.txt'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('namedFile', () => {
  it('names a folder the user may list but not look into (a raw EACCES, exit 1, for an output there: audit), and tells a loop of links apart', () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'ngc-named-')));
    try {
      mkdirSync(join(root, 'unsearchable'));
      let thrown: unknown;
      try {
        namedFile(join(root, 'unsearchable', 'x.txt'));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InputError);
      expect(thrown).not.toBeInstanceOf(LinkLoopError);
      expect((thrown as Error).message).toBe(`cannot look into the folder ${join(root, 'unsearchable')}: permission denied`);
      symlinkSync('loop', join(root, 'loop'));
      expect(() => namedFile(join(root, 'loop'))).toThrow(LinkLoopError);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
