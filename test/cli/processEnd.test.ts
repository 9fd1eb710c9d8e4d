/**
 * endProcess (src/cli/processEnd.ts): the executable ends with the command's code only once standard
 * output and error have taken what was written, and a stream that fails does not hold it up. (Why it
 * ends the process itself, rather than leaving that to Node: see the module's header.)
 */

import { describe, expect, it } from 'vitest';
import { endProcess, type FlushableStream } from '../../src/cli/processEnd.js';

/** A stream whose writes go through when the test says so. */
function slowStream(): FlushableStream & { release(): void; pending(): number } {
  const waiting: Array<() => void> = [];
  return {
    write: (_text, done) => {
      waiting.push(() => done());
      return false;
    },
    release: () => {
      for (const done of waiting.splice(0)) done();
    },
    pending: () => waiting.length,
  };
}

describe('endProcess', () => {
  it('calls exit with the code only after both streams have taken their writes', async () => {
    const stdout = slowStream();
    const stderr = slowStream();
    const exits: number[] = [];
    const ended = endProcess(143, [stdout, stderr], (code) => exits.push(code));
    await new Promise((wait) => setImmediate(wait));
    expect([exits, stdout.pending(), stderr.pending()]).toEqual([[], 1, 1]);
    stdout.release();
    await new Promise((wait) => setImmediate(wait));
    expect(exits).toEqual([]); // standard error has not taken its write yet
    stderr.release();
    await ended;
    expect(exits).toEqual([143]);
  });

  it('is not held up by a stream that throws on write (destroyed) or reports an error', async () => {
    const destroyed: FlushableStream = {
      write: () => {
        throw new Error('write after end');
      },
    };
    const failing: FlushableStream = { write: (_text, done) => done(new Error('EPIPE')) };
    const exits: number[] = [];
    await endProcess(2, [destroyed, failing], (code) => exits.push(code));
    expect(exits).toEqual([2]);
  });
});
