/**
 * The output checks (src/export/outputPaths.ts) as a user who is not root sees them: each check runs
 * in a process of user nobody (65534), on the built module (dist/export/outputPaths.js), where another
 * user's files, folders that user may not write, and sticky folders (as /tmp) decide. Run as root only
 * (only root can start a process as another user). Left out of the mutation runs, as the tests that
 * start the built CLI are (vitest.mutation.config.ts): no mutant of src/ reaches dist/, and the
 * nobody user cannot read Stryker's sandbox.
 */

import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';

const asRoot = process.getuid?.() === 0;

/**
 * A folder of this test in /tmp itself (the test run's own temporary folder lets no other user
 * through), with `mode`, removed after the test.
 */
function sharedFolder(mode: number): string {
  const dir = mkdtempSync('/tmp/ngram-collapse-other-user-');
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  chmodSync(dir, mode);
  return dir;
}

/** A check of the built module (outputPaths.js's export `name`) called as user nobody (65534): what it returns, or its error's message. */
function asNobody(name: string, args: readonly unknown[]): string {
  const module = JSON.stringify(join(import.meta.dirname, '../../dist/export/outputPaths.js'));
  const script = `import(${module}).then((checks) => { try { console.log(checks[${JSON.stringify(name)}](...${JSON.stringify(args)}) ?? 'accepted'); } catch (error) { console.log(error.message); } })`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { uid: 65534, gid: 65534, encoding: 'utf8', timeout: 20_000 }).stdout.trim();
}

/** checkWritable as user nobody: the path it returns, or its error's message. */
function checkAsNobody(dir: string, path: string, flag: string, inPlace: boolean): string {
  return asNobody('checkWritable', [path, dir, flag, { inPlace }]);
}

describe.runIf(asRoot)('checkWritable as another user', () => {
  it('accepts a file its owner may write but not read (mode 200): the probe opens it write-only (it opened it for reading too, and refused it as kept by the system: audit)', () => {
    const dir = sharedFolder(0o777);
    writeFileSync(join(dir, 'w.csv'), 'x');
    chmodSync(join(dir, 'w.csv'), 0o200);
    chownSync(join(dir, 'w.csv'), 65534, 65534);
    expect(checkAsNobody(dir, 'w.csv', '--out', false)).toBe(join(dir, 'w.csv'));
  });

  it("refuses another user's file in another user's sticky folder (as /tmp), which no rename replaces: access() called it writable, and the work ended in a raw EPERM (audit)", () => {
    const dir = sharedFolder(0o1777);
    writeFileSync(join(dir, 'theirs.csv'), 'x');
    chmodSync(join(dir, 'theirs.csv'), 0o666);
    const check = (path: string, inPlace: boolean): string => checkAsNobody(dir, path, '--summary', inPlace);
    expect(check('theirs.csv', false)).toBe("--summary theirs.csv cannot be replaced: it is another user's, in a folder where only a file's owner may replace it (sticky, as /tmp)");
    // another user's stale <path>.partial there, which the write removes first (a raw error after the work: audit)
    writeFileSync(join(dir, 'stale.csv.partial'), 'x');
    expect(check('stale.csv', false)).toBe(`--summary stale.csv: ${join(dir, 'stale.csv.partial')}, where it is written first, cannot be removed: it is another user's, in a folder where only a file's owner may replace it (sticky, as /tmp)`);
    // written in place it is only opened, which its mode allows; a new file of one's own is fine
    expect(check('theirs.csv', true)).toBe(join(dir, 'theirs.csv'));
    expect(check('mine.csv', false)).toBe(join(dir, 'mine.csv'));
  });
});

describe.runIf(asRoot)('checkRemovable as another user', () => {
  // (an earlier run's texts in a --save-corpora folder, which a fresh run removes before it writes)
  const REMOVED = "which the run removes before it writes (an earlier run's)";

  it("refuses, for a user who is not root, a file in a folder that user may not write, and another user's in a sticky folder", () => {
    const locked = sharedFolder(0o755);
    writeFileSync(join(locked, 'generation-1.txt'), 'x');
    expect(asNobody('checkRemovable', [locked, 'sv', [join(locked, 'generation-1.txt')], '--save-corpora', REMOVED])).toBe(
      `--save-corpora sv: generation-1.txt, ${REMOVED}, cannot be removed: the folder sv is not writable`,
    );
    const sticky = sharedFolder(0o1777);
    writeFileSync(join(sticky, 'generation-1.txt'), 'x');
    expect(asNobody('checkRemovable', [sticky, 'sv', [join(sticky, 'generation-1.txt')], '--save-corpora', REMOVED])).toBe(
      `--save-corpora sv: generation-1.txt, ${REMOVED}, cannot be removed: it is another user's, in a folder where only a file's owner may remove it (sticky, as /tmp)`,
    );
    // nobody's own file there is removable, and so is one gone meanwhile (another shard cleared it: a raw ENOENT, audit)
    chownSync(join(sticky, 'generation-1.txt'), 65534, 65534);
    expect(asNobody('checkRemovable', [sticky, 'sv', [join(sticky, 'generation-1.txt'), join(sticky, 'gone.txt')], '--save-corpora', REMOVED])).toBe('accepted');
  });
});
