/**
 * SymbolTable: the symbols of byte-pair encoding (characters, the `</w>` suffix, merged pieces) as
 * dense ids 0, 1, 2, ... in order of first use, so the learner (./bpePairTable.ts) and the merge
 * ranks (./bpeMerges.ts) work on integers. Deterministic: the same symbols in the same order give
 * the same ids.
 */

export class SymbolTable {
  private readonly texts: string[] = [];
  private readonly ids = new Map<string, number>();

  /** Number of distinct symbols. */
  get size(): number {
    return this.texts.length;
  }

  /** The symbol's id; a new symbol gets the next one. */
  id(symbol: string): number {
    let id = this.ids.get(symbol);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(symbol);
      this.ids.set(symbol, id);
    }
    return id;
  }

  has(symbol: string): boolean {
    return this.ids.has(symbol);
  }

  /** The text of symbol `id`. */
  text(id: number): string {
    return this.texts[id]!;
  }
}
