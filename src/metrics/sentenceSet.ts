/**
 * SentenceSet: which sentences of a reference corpus exist, for verbatim-copy checks.
 *
 * Contract: `has(corpus, s)` is true exactly when sentence s of `corpus` equals some sentence of the
 * reference, token for token. Sentences are hashed (FNV-1a over ids, then the length) into an
 * open-addressing table of typed arrays (the hash and the reference sentence per slot) and compared
 * in full on a hash match, so there are no false positives. O(length) per query. The table has one
 * slot per distinct sentence, in the smallest power of two >= 16 that keeps the load <= 1/2. Its arrays
 * can be handed to another thread (`parts`, `SentenceSet.fromParts`) without rebuilding it.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';

export interface SentenceSetParts {
  readonly reference: TokenCorpus;
  /** Per slot: sentence index + 1 (0: empty). */
  readonly slots: Int32Array;
  readonly slotHash: Int32Array;
}

export class SentenceSet {
  private readonly mask: number;

  constructor(
    private readonly reference: TokenCorpus,
    private readonly slots: Int32Array = new Int32Array(0),
    private readonly slotHash: Int32Array = new Int32Array(0),
  ) {
    if (slots.length === 0) {
      const sentences = reference.offsets.length - 1;
      let capacity = 16;
      while (capacity < sentences * 2) capacity *= 2;
      this.slots = new Int32Array(capacity);
      this.slotHash = new Int32Array(capacity);
      this.mask = capacity - 1;
      for (let s = 0; s < sentences; s++) this.insert(s);
    } else this.mask = slots.length - 1;
  }

  static fromParts(parts: SentenceSetParts): SentenceSet {
    return new SentenceSet(parts.reference, parts.slots, parts.slotHash);
  }

  get parts(): SentenceSetParts {
    return { reference: this.reference, slots: this.slots, slotHash: this.slotHash };
  }

  has(corpus: TokenCorpus, s: number): boolean {
    const hash = hashSentence(corpus, s);
    for (let slot = mix(hash) & this.mask; this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      // Stryker disable next-line ConditionalExpression: equivalent, the hash test only spares full comparisons (sameSentence decides)
      if (this.slotHash[slot] === hash && sameSentence(corpus, s, this.reference, this.slots[slot]! - 1)) return true;
    }
    return false;
  }

  /** Adds reference sentence r unless an equal sentence is already in. */
  private insert(r: number): void {
    const hash = hashSentence(this.reference, r);
    let slot = mix(hash) & this.mask;
    for (; this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      // Stryker disable next-line ConditionalExpression: equivalent, the hash test only spares full comparisons (sameSentence decides)
      if (this.slotHash[slot] === hash && sameSentence(this.reference, r, this.reference, this.slots[slot]! - 1)) return;
    }
    this.slots[slot] = r + 1;
    this.slotHash[slot] = hash;
  }
}

/** Spreads the hash over the table's first probe (linear probing finds every sentence from any start). */
// Stryker disable next-line BlockStatement: equivalent, every sentence probed from slot 0 is found (or missed) the same
function mix(hash: number): number {
  const h = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}

/** FNV-1a hash of sentence s's ids and length. */
export function hashSentence(corpus: TokenCorpus, s: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = corpus.offsets[s]!; i < corpus.offsets[s + 1]!; i++) h = Math.imul(h ^ corpus.ids[i]!, 0x01000193);
  return Math.imul(h ^ (corpus.offsets[s + 1]! - corpus.offsets[s]!), 0x01000193);
}

/** True when sentence s of a equals sentence r of b, token for token. */
export function sameSentence(a: TokenCorpus, s: number, b: TokenCorpus, r: number): boolean {
  const length = a.offsets[s + 1]! - a.offsets[s]!;
  if (length !== b.offsets[r + 1]! - b.offsets[r]!) return false;
  const offsetA = a.offsets[s]!;
  const offsetB = b.offsets[r]!;
  for (let i = 0; i < length; i++) if (a.ids[offsetA + i] !== b.ids[offsetB + i]) return false;
  return true;
}
