import { describe, expect, it } from 'vitest';
import { SymbolTable } from '../../../src/corpus/subword/symbolTable.js';

describe('SymbolTable', () => {
  it('numbers symbols 0, 1, 2 in order of first use and gives their text back', () => {
    const table = new SymbolTable();
    expect(['l', 'o', 'l', 'w</w>', 'o'].map((symbol) => table.id(symbol))).toEqual([0, 1, 0, 2, 1]);
    expect(table.size).toBe(3);
    expect([0, 1, 2].map((id) => table.text(id))).toEqual(['l', 'o', 'w</w>']);
    expect(table.has('lo')).toBe(false);
    expect(table.has('w</w>')).toBe(true);
  });
});
