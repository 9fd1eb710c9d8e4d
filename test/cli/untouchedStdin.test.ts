/**
 * A command that does not read `-` leaves its standard input as it found it. Node's `process.stdin`
 * makes a pipe non-blocking (O_NONBLOCK, on the open file that every process holding the pipe shares),
 * so `(...) | diff - <(ngram-collapse tokenize a.txt)` failed in diff with "Resource temporarily
 * unavailable" while tokenize ran, though tokenize never read the pipe (probe). Here standard input is
 * a FIFO opened by the test, so the test reads the shared file's flags (/proc/self/fdinfo, Linux) while
 * the command is known to run: it is blocked reading its corpus, another FIFO the test has not yet
 * written.
 */

import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const main = join(import.meta.dirname, '../../dist/cli/main.js');
/** O_NONBLOCK on Linux (octal 04000), as /proc/PID/fdinfo/FD's `flags:` line writes it (octal). */
const O_NONBLOCK = 0o4000;

function fileFlags(fd: number): number {
  const line = readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8').split('\n').find((row) => row.startsWith('flags:'));
  return Number.parseInt(line!.slice('flags:'.length).trim(), 8);
}

describe.runIf(process.platform === 'linux')('standard input a command does not read', () => {
  it('stays blocking while tokenize reads another file (a pipe shared with another reader is not broken)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'untouched-stdin-'));
    const [input, corpus] = [join(dir, 'stdin.fifo'), join(dir, 'corpus.fifo')];
    execFileSync('mkfifo', [input, corpus]);
    // (read and write: opening a FIFO so does not wait for a writer)
    const stdin = openSync(input, 'r+');
    try {
      expect(fileFlags(stdin) & O_NONBLOCK).toBe(0);
      const child = spawn(process.execPath, [main, 'tokenize', corpus, '--out', join(dir, 'out.txt'), '--quiet'], { stdio: [stdin, 'ignore', 'pipe'] });
      const ended = new Promise<number | null>((resolve) => child.once('close', resolve));
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
      // opening the corpus FIFO for writing waits until the command opens it to read: it runs now
      const writer = await open(corpus, 'w');
      const flagsWhileRunning = fileFlags(stdin);
      await writer.write('The cat sat. The dog ran.\n');
      await writer.close();
      expect([await ended, stderr]).toEqual([0, '']);
      expect(flagsWhileRunning & O_NONBLOCK).toBe(0);
      expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('the cat sat .\nthe dog ran .\n');
    } finally {
      closeSync(stdin);
    }
  });
});
