/**
 * PieceLists: for each key (a small whole number: the published-encoding writer's word id times two,
 * plus one after a space), the list of piece ids set for it, all lists end to end in one Int32Array (no
 * array per word: a corpus has hundreds of thousands of words).
 *
 * Contract: `has(key)` is true once `set(key, ...)` was called; `set` stores `pieceId(token)` for each
 * token, in order; `write(key, sink)` appends the key's list to the sink as one `appendIds` call. The
 * tables grow by doubling to any key and any total of ids. A key is set at most once (the writer
 * asks `has` first); setting it again would store a second copy and point the key at it.
 */

/** What PieceLists writes into (the loader's CorpusBuilder). */
export interface IdSink {
  appendIds(ids: Int32Array, from: number, to: number): void;
}

export class PieceLists {
  /** key -> where its list starts in `ids` (-1: not set). */
  private start = new Int32Array(1 << 12).fill(-1);
  private length = new Int32Array(1 << 12);
  private ids = new Int32Array(1 << 16);
  private used = 0;

  has(key: number): boolean {
    return (this.start[key] ?? -1) >= 0; // a key past the table reads undefined: not set
  }

  set(key: number, tokens: readonly number[], pieceId: (token: number) => number): void {
    if (key >= this.start.length) {
      this.start = grownTable(this.start, key + 1);
      this.length = grownTable(this.length, key + 1);
    }
    if (this.used + tokens.length > this.ids.length) this.ids = grownTable(this.ids, this.used + tokens.length);
    this.start[key] = this.used;
    this.length[key] = tokens.length;
    for (const token of tokens) this.ids[this.used++] = pieceId(token);
  }

  write(key: number, sink: IdSink): void {
    sink.appendIds(this.ids, this.start[key]!, this.start[key]! + this.length[key]!);
  }
}

/** `table` grown by doubling to at least `size` entries, the new ones -1. */
function grownTable(table: Int32Array, size: number): Int32Array<ArrayBuffer> {
  let length = table.length * 2;
  while (length < size) length *= 2;
  const grown = new Int32Array(length).fill(-1);
  grown.set(table);
  return grown;
}
