/**
 * endProcess (src/cli/processEnd.ts): the executable ends with the command's code once standard output
 * and error hold no bytes still to write; it writes nothing itself (an empty write failed on /dev/full
 * and turned exit 0 into 1: audit), and a stream that fails or closes does not hold it up. (Why it ends
 * the process itself, rather than leaving that to Node: see the module's header.)
 */

import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { endProcess } from '../../src/cli/processEnd.js';

/** A stream holding `pending` bytes until the test drains it; it counts the writes made to it. */
class HeldStream extends EventEmitter {
  writes = 0;

  constructor(public writableLength: number) {
    super();
  }

  write(_text: string, done?: () => void): boolean {
    this.writes++;
    done?.();
    return true;
  }

  drain(): void {
    this.writableLength = 0;
    this.emit('drain');
  }
}

const turn = (): Promise<void> => new Promise((wait) => setImmediate(wait));

describe('endProcess', () => {
  it('calls exit with the code only after each stream with bytes pending has written them', async () => {
    const stdout = new HeldStream(10);
    const stderr = new HeldStream(3);
    const exits: number[] = [];
    const ended = endProcess(143, [stdout, stderr], (code) => exits.push(code));
    await turn();
    expect(exits).toEqual([]);
    stdout.drain();
    await turn();
    expect(exits).toEqual([]); // standard error has not written its bytes yet
    stderr.drain();
    await ended;
    expect(exits).toEqual([143]);
  });

  it('writes nothing to streams with nothing pending, and ends at once (an empty write failed on /dev/full: audit)', async () => {
    const exits: number[] = [];
    const streams = [new HeldStream(0), new HeldStream(0)];
    await endProcess(0, streams, (code) => exits.push(code));
    expect([exits, streams.map((stream) => stream.writes)]).toEqual([[0], [0, 0]]);
  });

  it('is not held up by a stream that fails or closes with bytes pending', async () => {
    const failing = new HeldStream(5);
    const closing = new HeldStream(5);
    const exits: number[] = [];
    const ended = endProcess(2, [failing, closing], (code) => exits.push(code));
    failing.emit('error', new Error('EPIPE'));
    closing.emit('close');
    await ended;
    expect(exits).toEqual([2]);
  });
});
