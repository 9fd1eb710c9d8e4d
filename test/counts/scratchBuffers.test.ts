import { describe, expect, it } from 'vitest';
import { scratchFloats, scratchInts } from '../../src/counts/scratchBuffers.js';

describe('scratch buffers', () => {
  it('hands out views of the requested length, reusing the memory of a slot', () => {
    const first = scratchInts('test.a', 100);
    first[0] = 7;
    const again = scratchInts('test.a', 50);
    expect(again.length).toBe(50);
    expect(again.buffer).toBe(first.buffer);
    expect(again[0]).toBe(7);
  });

  it('zeroes on request, grows when too small, and keeps slots apart', () => {
    scratchInts('test.b', 10).fill(5);
    expect(Array.from(scratchInts('test.b', 10, true))).toEqual(new Array(10).fill(0));
    expect(scratchInts('test.b', 1000).length).toBe(1000);
    expect(scratchInts('test.c', 10).buffer).not.toBe(scratchInts('test.b', 10).buffer);
    expect(scratchFloats('test.d', 3).length).toBe(3);
  });
});
