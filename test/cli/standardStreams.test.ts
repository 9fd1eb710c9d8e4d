/**
 * The executable's guard on its standard streams (src/cli/standardStreams.ts): a closed pipe ends the
 * program silently with 141, a full disk with one line and 1, never Node's stack trace.
 */

import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { BROKEN_PIPE_STATUS, givesOutFile, guardStandardStreams } from '../../src/cli/standardStreams.js';

function streams(): { stdout: EventEmitter; stderr: EventEmitter & { write(text: string): boolean; text: string }; exits: number[]; exit: (code: number) => void } {
  const stderr = Object.assign(new EventEmitter(), {
    text: '',
    write(text: string): boolean {
      stderr.text += text;
      return true;
    },
  });
  const exits: number[] = [];
  return { stdout: new EventEmitter(), stderr, exits, exit: (code) => void exits.push(code) };
}

const failure = (code: string, message: string): NodeJS.ErrnoException => Object.assign(new Error(message), { code });

describe('guardStandardStreams', () => {
  it('a closed pipe on stdout (EPIPE): exit 141 = 128 + SIGPIPE (13), nothing printed', () => {
    const s = streams();
    guardStandardStreams(s, s.exit);
    s.stdout.emit('error', failure('EPIPE', 'write EPIPE'));
    expect(BROKEN_PIPE_STATUS).toBe(128 + 13);
    expect(s.exits).toEqual([141]);
    expect(s.stderr.text).toBe('');
  });

  it('any other error on stdout (a full disk): one line naming it, then exit 1', () => {
    const s = streams();
    guardStandardStreams(s, s.exit, ['tokenize', 'brown']);
    s.stdout.emit('error', failure('ENOSPC', 'ENOSPC: no space left on device, write'));
    expect(s.stderr.text).toBe('ngram-collapse: cannot write to standard output: ENOSPC: no space left on device, write (free some space, or write to a file with --out)\n');
    expect(s.exits).toEqual([1]);
  });

  it('offers --out only to a command whose output it takes, --quiet to run and recipe NAME, neither to --help, --version or --print-config (generate and train, then `recipe list` and `--help`, were told to use them: audits)', () => {
    const other = 'free some space, or redirect standard output to another disk';
    const out = 'free some space, or write to a file with --out';
    for (const [argv, hint] of [[['generate'], other], [['train'], other], [['recipe', 'list'], other], [['plot', 'c.csv'], other], [[], other], [['tokenize'], out], [['metrics'], out], [['run'], 'free some space, write to a file with --out, or pass --quiet'], [['merge'], out], [['playground'], out], [['recipe', 'drift'], 'free some space, or pass --quiet'], [['run', '--help'], other], [['run', '--print-config'], other], [['--version'], other], [['help', 'run'], other]] as const) {
      const s = streams();
      guardStandardStreams(s, s.exit, argv);
      s.stdout.emit('error', failure('ENOSPC', 'ENOSPC: no space left on device, write'));
      expect(s.stderr.text).toBe(`ngram-collapse: cannot write to standard output: ENOSPC: no space left on device, write (${hint})\n`);
    }
  });

  it('offers no --out where the command line gave it a file (`merge a.csv --out m.csv > /dev/full` was told to use it: audit)', () => {
    const other = 'free some space, or redirect standard output to another disk';
    for (const [command, hint] of [['merge', other], ['playground', other], ['tokenize', other], ['metrics', other], ['generate', other], ['run', 'free some space, or pass --quiet']] as const) {
      const s = streams();
      guardStandardStreams(s, s.exit, [command, '--out', 'x.csv']);
      s.stdout.emit('error', failure('ENOSPC', 'ENOSPC: no space left on device, write'));
      expect(s.stderr.text).toBe(`ngram-collapse: cannot write to standard output: ENOSPC: no space left on device, write (${hint})\n`);
    }
    expect([['merge', 'a.csv', '--out', 'm.csv'], ['run', '--out=r.csv'], ['run', '--quiet', '--out', '/dev/stdout']].map(givesOutFile)).toEqual([true, true, true]);
    expect([['merge', 'a.csv', '--out', '-'], ['run', '--out=-'], ['run', '--summary', 's.csv'], ['run', '--out'], ['run', '--output', 'x']].map(givesOutFile)).toEqual([false, false, false, false, false]);
  });

  it('an error on stderr: exit, printing nothing (141 for a closed pipe, else 1)', () => {
    const s = streams();
    guardStandardStreams(s, s.exit);
    s.stderr.emit('error', failure('EPIPE', 'write EPIPE'));
    s.stderr.emit('error', failure('EIO', 'i/o error'));
    expect(s.exits).toEqual([141, 1]);
    expect(s.stderr.text).toBe('');
  });
});
