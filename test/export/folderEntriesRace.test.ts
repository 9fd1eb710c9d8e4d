/**
 * checkFolderEntries when another process removes a folder while it is probed: shards started
 * together into one --save-corpora folder each clear their own series, and a folder one of them
 * removed between the look and the probe refused another shard with "no file can be made" (CI, 1 of
 * 3 trials of 4 shards). The probe is replaced here by one that removes the folder first, as the
 * other shard did; a folder that stays and takes no new file is still refused.
 */

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkFolderEntries } from '../../src/export/outputPaths.js';

const probe = vi.hoisted(() => ({ removesFirst: true }));

vi.mock(import('../../src/export/makeFolder.js'), async (original) => ({
  ...(await original()),
  canCreateIn: (folder: string): boolean => {
    if (probe.removesFirst) rmSync(folder, { recursive: true });
    return false;
  },
}));

describe('checkFolderEntries with a folder removed while it is probed', () => {
  it('accepts a folder gone by then (the run makes it again), and refuses one that stays', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ngram-collapse-entries-race-'));
    mkdirSync(join(dir, 'cell-1', 'replicate-1'), { recursive: true });
    probe.removesFirst = true;
    expect(() => checkFolderEntries(dir, 'sv', ['cell-1/', 'cell-1/replicate-1/'], '--save-corpora')).not.toThrow();
    mkdirSync(join(dir, 'cell-1'));
    probe.removesFirst = false;
    expect(() => checkFolderEntries(dir, 'sv', ['cell-1/'], '--save-corpora')).toThrow('--save-corpora sv: no file can be made in cell-1');
  });
});
