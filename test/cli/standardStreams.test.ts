/**
 * The executable's guard on its standard streams (src/cli/standardStreams.ts): a closed pipe ends the
 * program silently with 141, a full disk with one line and 1, never Node's stack trace.
 */

import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { BROKEN_PIPE_STATUS, guardStandardStreams } from '../../src/cli/standardStreams.js';

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

  it('offers a file for the output that went to standard output, else --quiet where it silences what did, else another disk (each was offered what did not help, or what was given: audits)', () => {
    const other = 'free some space, or redirect standard output to another disk';
    const out = 'free some space, or write to a file with --out';
    const quiet = 'free some space, or pass --quiet';
    for (const [argv, hint] of [
      // output on standard output: by default (metrics, tokenize), or as -
      [['tokenize', 'brown'], out], [['metrics', 'a.txt'], out], [['metrics', 'a.txt', '--out', '-'], out], [['run', '--out', '-', '--quiet'], out], [['run', '--out=-'], out],
      [['run', '--out', 'r.csv', '--summary', '-', '--quiet'], 'free some space, or write to a file with --summary'],
      [['run', '--out', '-', '--extinctions', '-'], 'free some space, or write to files with --out and --extinctions'],
      [['merge', 'a.csv', '--out', '-'], out],
      // a table or a line --quiet silences
      [['run'], quiet], [['run', '--out', 'r.csv'], quiet], [['merge', 'a.csv'], quiet], [['merge', 'a.csv', '--out', 'm.csv'], quiet], [['recipe', 'drift'], quiet],
      // neither: the output is standard output, the line cannot be silenced, or --quiet is given
      [['generate'], other], [['train'], other], [['recipe', 'list'], other], [['plot', 'c.csv'], other], [['playground'], other], [[], other],
      [['tokenize', 'brown', '--out', 't.txt'], other], [['metrics', 'a.txt', '--out=m.csv'], other], [['run', '--quiet'], other], [['recipe', 'drift', '--quiet'], other],
      [['run', '--help'], other], [['run', '--print-config'], other], [['--version'], other], [['help', 'run'], other],
    ] as const) {
      const s = streams();
      guardStandardStreams(s, s.exit, argv);
      s.stdout.emit('error', failure('ENOSPC', 'ENOSPC: no space left on device, write'));
      expect(s.stderr.text, argv.join(' ')).toBe(`ngram-collapse: cannot write to standard output: ENOSPC: no space left on device, write (${hint})\n`);
    }
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
