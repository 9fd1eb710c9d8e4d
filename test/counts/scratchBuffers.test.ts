import { describe, expect, it } from 'vitest';
import { COLUMN_SLOTS, releaseColumns, scratchFloats, scratchInts } from '../../src/counts/scratchBuffers.js';

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

describe('scratch floats', () => {
  it('hand out views of the requested length, reuse a slot large enough and grow one too small by an eighth', () => {
    const first = scratchFloats('test.floats', 800);
    first[0] = 0.5;
    // 800 + 800 / 8 = 900 doubles
    expect(first.buffer.byteLength / 8).toBe(900);
    const again = scratchFloats('test.floats', 900);
    expect([again.length, again[0]]).toEqual([900, 0.5]);
    expect(again.buffer).toBe(first.buffer);
    const grown = scratchFloats('test.floats', 901);
    expect(grown.length).toBe(901);
    // 901 + ceil(901 / 8) = 1,014
    expect(grown.buffer.byteLength / 8).toBe(1014);
  });
});

describe('scratch buffer growth', () => {
  it('holds at most an eighth more than the largest request (a text one sentence longer costs little)', () => {
    const first = scratchInts('test.grow', 1_000_000);
    // 1,000,000 + 1,000,000 / 8 = 1,125,000 ids: room for the next text, a sentence longer, in place
    expect(first.buffer.byteLength / 4).toBe(1_125_000);
    expect(scratchInts('test.grow', 1_000_050).buffer).toBe(first.buffer);
    expect(scratchInts('test.grow', 1_125_000).buffer).toBe(first.buffer); // exactly its size: still in place
    // past the headroom: 1,200,000 + 150,000 (not 1.5 x 1,125,000 = 1,687,500)
    expect(scratchInts('test.grow', 1_200_000).buffer.byteLength / 4).toBe(1_350_000);
  });

  it('grows geometrically: 10,000 requests each one longer reallocate about 55 times, not 10,000', () => {
    const buffers = new Set<ArrayBufferLike>();
    for (let length = 1; length <= 10_000; length++) buffers.add(scratchInts('test.steps', length).buffer);
    // each reallocation multiplies the size by at least 9/8: from 16 to 10,000 takes ceil(log(625) / log(1.125)) = 55
    expect(buffers.size).toBeLessThanOrEqual(56);
    expect(buffers.size).toBeGreaterThan(40);
  });
});

describe('releaseColumns', () => {
  it('lets the column slots go (the next request gets a new buffer) and keeps the others', () => {
    const column = scratchInts(COLUMN_SLOTS[2], 1000);
    const other = scratchInts('test.kept', 1000);
    releaseColumns();
    expect(scratchInts(COLUMN_SLOTS[2], 1000).buffer).not.toBe(column.buffer);
    expect(scratchInts('test.kept', 1000).buffer).toBe(other.buffer);
  });
});
