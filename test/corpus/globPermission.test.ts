/**
 * A folder the corpus walk enters but may not read is refused, not skipped: the corpus would silently
 * lack its files. (Tests run as root, whom permissions do not stop, so the refusal is simulated: the
 * file system answers EACCES for folders named `locked`, and for entering, not listing, ones named
 * `unenterable`, and for a path too long for ones named `toolong`.)
 */

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const readdirSync = ((path: string, ...rest: unknown[]) => {
    if (String(path).endsWith('locked')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: 'EACCES' });
    return (fs.readdirSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readdirSync;
  // a folder that lists its names but may not be entered (no x): readdir answers, access does not
  const accessSync = ((path: string, ...rest: unknown[]) => {
    // (readable, r: only the x asked for is refused)
    if (String(path).endsWith('unenterable') && ((rest[0] as number) & fs.constants.X_OK) !== 0) throw Object.assign(new Error(`EACCES: permission denied, access '${String(path)}'`), { code: 'EACCES' });
    if (String(path).endsWith('toolong')) throw Object.assign(new Error(`ENAMETOOLONG: name too long, access '${String(path)}'`), { code: 'ENAMETOOLONG' });
    return (fs.accessSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.accessSync;
  return { ...fs, default: { ...fs, readdirSync, accessSync }, readdirSync, accessSync };
});

const { expandGlob } = await import('../../src/corpus/glob.js');
const { InputError } = await import('../../src/errors.js');

describe('a folder the walk may not read', () => {
  const base = mkdtempSync(join(tmpdir(), 'glob-locked-'));
  mkdirSync(join(base, 'locked'));
  mkdirSync(join(base, 'open'));
  writeFileSync(join(base, 'a.txt'), 'one\n');
  writeFileSync(join(base, 'open', 'b.txt'), 'two\n');

  it('stops the walk with an InputError naming the folder, for a folder corpus and for a glob into it', () => {
    for (const pattern of ['**/*', '**/*.txt', 'locked/*.txt']) {
      let thrown: unknown;
      try {
        expandGlob(pattern, base);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, pattern).toBeInstanceOf(InputError);
      expect((thrown as Error).message).toBe(`cannot read the folder ${join(base, 'locked')}: permission denied`);
    }
  });

  it('names a folder that lists its names but may not be entered (its files failed to open with a raw EACCES: audit)', () => {
    const listed = mkdtempSync(join(tmpdir(), 'glob-unenterable-'));
    mkdirSync(join(listed, 'unenterable', 'inner'), { recursive: true });
    writeFileSync(join(listed, 'unenterable', 'b.txt'), 'two\n');
    let thrown: unknown;
    try {
      expandGlob('**/*', listed);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    // (it is readable: "cannot read" and "make it readable" spoke of the r it has: probe)
    expect([(thrown as Error).message, (thrown as InstanceType<typeof InputError>).hint]).toEqual([`cannot search the folder ${join(listed, 'unenterable')}: permission denied`, 'make it searchable (chmod u+x), or leave it out of the corpus']);
  });

  it('names a folder nested past the longest path the system takes (it was left out without a word: audit)', () => {
    const deep = mkdtempSync(join(tmpdir(), 'glob-toolong-'));
    mkdirSync(join(deep, 'toolong'));
    writeFileSync(join(deep, 'a.txt'), 'one\n');
    let thrown: unknown;
    try {
      expandGlob('**/*', deep);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).message).toBe(`cannot read the folder ${join(deep, 'toolong')}: its path is longer than the system takes`);
  });

  it('still walks past folders it does not enter', () => {
    expect(expandGlob('open/*.txt', base)).toEqual([join(base, 'open', 'b.txt')]);
    expect(expandGlob('*.txt', base)).toEqual([join(base, 'a.txt')]);
  });
});
