/**
 * SentenceSet: which sentences of a reference corpus exist, for verbatim-copy checks.
 *
 * Contract: `has(corpus, s)` is true exactly when sentence s of `corpus` equals some sentence of the
 * reference, token for token. Sentences are hashed (FNV-1a over ids) into buckets and compared in
 * full on a hash match, so there are no false positives. O(length) per query.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';

export class SentenceSet {
  private readonly buckets = new Map<number, number[]>();

  constructor(private readonly reference: TokenCorpus) {
    const sentences = reference.offsets.length - 1;
    for (let s = 0; s < sentences; s++) {
      const key = hashSentence(reference, s);
      const bucket = this.buckets.get(key);
      if (bucket === undefined) this.buckets.set(key, [s]);
      else bucket.push(s);
    }
  }

  has(corpus: TokenCorpus, s: number): boolean {
    const bucket = this.buckets.get(hashSentence(corpus, s));
    if (bucket === undefined) return false;
    return bucket.some((r) => sameSentence(corpus, s, this.reference, r));
  }
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
