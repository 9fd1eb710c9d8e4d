/**
 * IntRecords: fixed-width records in one growable Int32Array keep every value through growth, in order.
 */

import { describe, expect, it } from 'vitest';
import { IntRecords } from '../../src/counts/intRecords.js';

describe('IntRecords', () => {
  it('keeps every record, in order, through several doublings', () => {
    // Room for 16 records of width 3 at first (the least it starts with); 100 records double it three times.
    const records = new IntRecords(3, 1);
    expect(records.values.length).toBe(48);
    for (let r = 0; r < 100; r++) {
      const at = records.add();
      expect(at).toBe(3 * r);
      records.values[at] = r;
      records.values[at + 1] = 1000 - r;
      records.values[at + 2] = 7 * r;
    }
    expect(records.size).toBe(100);
    expect(records.values.length).toBe(384); // 48 -> 96 -> 192 -> 384
    const filled = records.filled();
    expect(filled.length).toBe(300);
    for (let r = 0; r < 100; r++) expect([filled[3 * r], filled[3 * r + 1], filled[3 * r + 2]]).toEqual([r, 1000 - r, 7 * r]);
  });

  it('starts with room for the expected records and grows exactly when the next one would not fit', () => {
    const records = new IntRecords(4, 20);
    expect(records.values.length).toBe(80);
    for (let r = 0; r < 20; r++) records.add();
    expect(records.values.length).toBe(80); // 20 records of 4 fill it exactly
    records.add();
    expect(records.values.length).toBe(160);
    expect(new IntRecords(2, 0).filled().length).toBe(0);
  });
});
