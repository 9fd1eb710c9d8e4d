/**
 * endProcess (src/cli/processEnd.ts): the executable ends with the command's code once the event loop
 * has turned (a failed write reports itself first) and standard output and error hold no bytes still to
 * write; it writes nothing to a stream with nothing pending (an empty write failed on /dev/full and
 * turned exit 0 into 1: audit), waits on a write's callback rather than 'drain' (which never came when no
 * write was refused: exit 13, audit), and a stream that fails or closes does not hold it up. (Why it ends
 * the process itself, rather than leaving that to Node: see the module's header.)
 */

import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { endProcess } from '../../src/cli/processEnd.js';

/** A stream holding `writableLength` bytes until the test lets them go; it counts the writes made to it. */
class HeldStream extends EventEmitter {
  writes = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(public writableLength: number) {
    super();
  }

  write(_text: string, done: () => void): boolean {
    this.writes++;
    if (this.writableLength === 0) setImmediate(done);
    else this.waiting.push(done);
    return this.writableLength === 0;
  }

  /** The pending bytes are written: the callbacks of the writes behind them come (no 'drain': no write was refused). */
  written(): void {
    this.writableLength = 0;
    for (const done of this.waiting.splice(0)) done();
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
    await turn();
    expect(exits).toEqual([]);
    stdout.written();
    await turn();
    expect(exits).toEqual([]); // standard error has not written its bytes yet
    stderr.written();
    await ended;
    expect(exits).toEqual([143]);
  });

  it('writes nothing to streams with nothing pending (an empty write failed on /dev/full: audit)', async () => {
    const exits: number[] = [];
    const streams = [new HeldStream(0), new HeldStream(0)];
    await endProcess(0, streams, (code) => exits.push(code));
    expect([exits, streams.map((stream) => stream.writes)]).toEqual([[0], [0, 0]]);
  });

  it('lets the loop turn first, so that a write that failed at once reports itself before the exit (on /dev/full --version ended with 0: audit)', async () => {
    const order: string[] = [];
    // a failed synchronous write's error comes after the current tick: here, on the loop's next turn
    setImmediate(() => order.push('error reported'));
    await endProcess(0, [new HeldStream(0)], () => order.push('exit'));
    expect(order).toEqual(['error reported', 'exit']);
  });

  it('is not held up by a stream that fails or closes with bytes pending', async () => {
    const failing = new HeldStream(5);
    const closing = new HeldStream(5);
    const exits: number[] = [];
    const ended = endProcess(2, [failing, closing], (code) => exits.push(code));
    await turn();
    failing.emit('error', new Error('EPIPE'));
    closing.emit('close');
    await ended;
    expect(exits).toEqual([2]);
  });
});
