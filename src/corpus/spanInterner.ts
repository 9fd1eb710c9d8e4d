/**
 * SpanInterner: the id of a token given as a span of a longer string (text, start, end), without
 * cutting the token out of the text unless it is new.
 *
 * Contract: `intern(text, start, end)` returns `vocabulary.intern(text.slice(start, end))`, always; it
 * only avoids the slice and the Map lookup for tokens it has seen: an open-addressing table of ids
 * keyed by an FNV-1a hash of the span's UTF-16 code units (Fowler, Noll, Vo), a hit confirmed with
 * `startsWith` against the stored string. `internHashed` is the same for a span whose hash the caller
 * computed while finding it (a tokenizer's span scanner: SPAN_HASH_SEED, then spanHashStep per code
 * unit), so the loader reads each character once. Loading a corpus of T tokens thus allocates one
 * string per type, not per token. O(length of the span) expected per call; the table doubles at half load.
 */

import type { Vocabulary } from '../vocabulary/vocabulary.js';

const EMPTY = -1;

/** FNV-1a's offset basis: a span's hash before its first code unit. */
export const SPAN_HASH_SEED = 0x811c9dc5 | 0;

/** FNV-1a's step: the hash after one more UTF-16 code unit. */
export function spanHashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

export class SpanInterner {
  private slots = new Int32Array(1 << 14).fill(EMPTY);
  private hashes = new Int32Array(1 << 14);
  private used = 0;

  constructor(private readonly vocabulary: Vocabulary) {}

  intern(text: string, start: number, end: number): number {
    let hash = SPAN_HASH_SEED;
    for (let i = start; i < end; i++) hash = spanHashStep(hash, text.charCodeAt(i));
    return this.internHashed(text, start, end, hash);
  }

  /** `intern` of a span whose hash is `hash` (SPAN_HASH_SEED, then spanHashStep over its code units). */
  internHashed(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id === EMPTY) return this.insert(slot, hash, text.slice(start, end));
      if (this.hashes[slot] !== hash) continue;
      const known = this.vocabulary.token(id);
      if (known.length === length && text.startsWith(known, start)) return id;
    }
  }

  private insert(slot: number, hash: number, token: string): number {
    const id = this.vocabulary.intern(token);
    this.slots[slot] = id;
    this.hashes[slot] = hash;
    if (++this.used * 2 > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const slots = this.slots;
    const hashes = this.hashes;
    this.slots = new Int32Array(slots.length * 2).fill(EMPTY);
    this.hashes = new Int32Array(slots.length * 2);
    const mask = this.slots.length - 1;
    for (let old = 0; old < slots.length; old++) {
      if (slots[old] === EMPTY) continue;
      let slot = hashes[old]! & mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[slot] = slots[old]!;
      this.hashes[slot] = hashes[old]!;
    }
  }
}
