/**
 * fileIdentity (src/corpus/fileIdentity.ts): a file's device and inode, shared by all its names; for a
 * path that cannot be looked at, the file it names ('named', outputs) or nothing ('none', inputs).
 */

import { mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileIdentity } from '../../src/corpus/fileIdentity.js';
import { namedFile } from '../../src/corpus/namedFile.js';

describe('fileIdentity', () => {
  let root: string;
  beforeEach(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'ngc-identity-')));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is one device:inode for a file and a link to it, whatever the fallback', () => {
    writeFileSync(join(root, 'f.csv'), 'x\n');
    symlinkSync('f.csv', join(root, 'link.csv'));
    const identity = fileIdentity(join(root, 'f.csv'), 'none');
    expect(identity).toMatch(/^\d+:\d+$/u);
    expect(fileIdentity(join(root, 'link.csv'), 'none')).toBe(identity);
    expect(fileIdentity(join(root, 'link.csv'), 'named')).toBe(identity);
  });

  it('is undefined for a character device, which two names cannot overwrite', () => {
    expect(fileIdentity('/dev/null', 'named')).toBeUndefined();
    expect(fileIdentity('/dev/null', 'none')).toBeUndefined();
  });

  it('names a missing file as the system follows its name with "named", and gives none with "none"', () => {
    symlinkSync('later.csv', join(root, 'to-later.csv')); // a link to a file not made yet
    expect(fileIdentity(join(root, 'missing.csv'), 'named')).toBe(join(root, 'missing.csv'));
    expect(fileIdentity(join(root, 'to-later.csv'), 'named')).toBe(join(root, 'later.csv'));
    expect(fileIdentity(join(root, 'missing.csv'), 'none')).toBeUndefined();
    expect(fileIdentity(join(root, 'to-later.csv'), 'none')).toBeUndefined();
  });

  it('names a path through a file (ENOTDIR, which stat throws) with "named", and gives none with "none"', () => {
    writeFileSync(join(root, 'f'), 'x\n');
    const through = join(root, 'f', 'x.csv');
    expect(fileIdentity(through, 'named')).toBe(namedFile(through));
    expect(fileIdentity(through, 'none')).toBeUndefined();
  });
});
