/**
 * Standard input given as `-` and by a name of it (/dev/stdin, /proc/self/fd/0, the file it is
 * redirected from) is refused as given twice: a pipe was read once and found empty the second time
 * (silently), a redirected file read twice and its counts doubled (last note's list). A name of it
 * alone, or `-` alone, is read as before.
 */

import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const main = join(root, 'dist/cli/main.js');
const fixture = join(root, 'test/fixtures/exp/village.txt');

/**
 * The built CLI with standard input a shell's pipe or the fixture opened as a file (Node's own `input`
 * is a socket, which /dev/stdin cannot open; the arguments here hold no space).
 */
function cli(args: readonly string[], stdin: 'pipe' | 'file'): { status: number | null; stderr: string } {
  if (stdin === 'pipe') return spawnSync('bash', ['-c', `printf 'the cat sat .\\n' | "${process.execPath}" "${main}" ${args.join(' ')}`], { encoding: 'utf8' });
  const fd = openSync(fixture, 'r');
  try {
    return spawnSync(process.execPath, [main, ...args], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8' });
  } finally {
    closeSync(fd);
  }
}

describe('standard input by name besides -', () => {
  it('is refused as a corpus, whether standard input is a pipe or a file', () => {
    for (const stdin of ['pipe', 'file'] as const) {
      const refused = cli(['tokenize', '-', '/dev/stdin', '--out', '/dev/null'], stdin);
      expect([refused.stderr, refused.status], stdin).toEqual(["ngram-collapse: standard input is given twice as a corpus: as - and as '/dev/stdin', which names it (pass - once)\n", 2]);
    }
    // the file it is redirected from, by its own name
    const byFile = cli(['run', '--corpus', '-', '--corpus', fixture, '--generations', '1', '--out', '/dev/null'], 'file');
    expect([byFile.stderr, byFile.status]).toEqual([`ngram-collapse: standard input is given twice as a corpus: as - and as '${fixture}', which names it (pass - once)\n`, 2]);
  });

  it("is refused across a command's inputs (metrics' text and --reference, train's --corpus and --eval)", () => {
    const metrics = cli(['metrics', '-', '--reference', '/proc/self/fd/0'], 'file');
    expect([metrics.stderr, metrics.status]).toEqual(['ngram-collapse: standard input is given twice (a text - and --reference /proc/self/fd/0, which names it) (pass - once)\n', 2]);
    const train = cli(['train', '--corpus', '-', '--eval', '/dev/stdin'], 'pipe');
    expect([train.stderr, train.status]).toEqual(['ngram-collapse: standard input is given twice (--corpus - and --eval /dev/stdin, which names it) (pass - once)\n', 2]);
  });

  it('reads a name of it alone, and - alone, as before', () => {
    for (const args of [['tokenize', '/dev/stdin', '--out', '/dev/null', '--quiet'], ['tokenize', '-', fixture, '--out', '/dev/null', '--quiet']]) {
      const read = cli(args, 'pipe');
      expect([read.stderr, read.status], args.join(' ')).toEqual(['', 0]);
    }
  });
});
