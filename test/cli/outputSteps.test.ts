/**
 * writeInTurn: the outputs `run` writes after its series, one after another; a signal during a step
 * lets that step finish and stops before the next, and the outputs not written are named in order.
 */

import { describe, expect, it } from 'vitest';
import { writeInTurn, type OutputStep } from '../../src/cli/outputSteps.js';

function steps(log: string[], abortDuring?: { name: string; controller: AbortController }): OutputStep[] {
  return ['--summary s.csv', '--survival k.csv', '--report r.html'].map((output) => ({
    output,
    write: async () => {
      if (abortDuring?.name === output) abortDuring.controller.abort();
      await Promise.resolve();
      log.push(output);
    },
  }));
}

describe('writeInTurn', () => {
  it('writes every output when no signal comes', async () => {
    const log: string[] = [];
    expect(await writeInTurn(steps(log), new AbortController().signal)).toEqual([]);
    expect(log).toEqual(['--summary s.csv', '--survival k.csv', '--report r.html']);
  });

  it('finishes the output under way when a signal comes, and names the ones not written', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    expect(await writeInTurn(steps(log, { name: '--summary s.csv', controller }), controller.signal)).toEqual(['--survival k.csv', '--report r.html']);
    expect(log).toEqual(['--summary s.csv']);
  });

  it('writes nothing after a signal that came before, and nothing is left unnamed by a signal during the last', async () => {
    const before = new AbortController();
    before.abort();
    const log: string[] = [];
    expect(await writeInTurn(steps(log), before.signal)).toEqual(['--summary s.csv', '--survival k.csv', '--report r.html']);
    expect(log).toEqual([]);
    const last = new AbortController();
    expect(await writeInTurn(steps(log, { name: '--report r.html', controller: last }), last.signal)).toEqual([]);
    expect(log).toEqual(['--summary s.csv', '--survival k.csv', '--report r.html']);
  });
});
