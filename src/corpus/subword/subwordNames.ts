/**
 * Subword tokenizer names: the published byte-pair encodings and `bpe:K`, merges learned on the corpus.
 *
 * Contract: `gpt2`, `cl100k` and `o200k` name OpenAI's published encodings (r50k_base / GPT-2,
 * cl100k_base / GPT-4, o200k_base / GPT-4o); `bpe:K` with K a whole number from 1 to 1,000,000,
 * written without a leading zero (one name for one tokenizer), names K merges learned by the
 * textbook algorithm (Sennrich, Haddow & Birch 2016; see ./bpeMerges.ts).
 * parseSubword returns undefined for a word-level tokenizer name and throws UsageError for a malformed
 * `bpe:` name.
 */

import { UsageError } from '../../errors.js';

export type PublishedEncodingName = 'gpt2' | 'cl100k' | 'o200k';
export const PUBLISHED_ENCODINGS: readonly PublishedEncodingName[] = Object.freeze(['gpt2', 'cl100k', 'o200k']);

export type SubwordTokenizer =
  | { readonly kind: 'published'; readonly encoding: PublishedEncodingName }
  | { readonly kind: 'learned'; readonly merges: number };

/** Largest K accepted in `bpe:K`. */
export const MAX_MERGES = 1_000_000;

export function parseSubword(name: string): SubwordTokenizer | undefined {
  if ((PUBLISHED_ENCODINGS as readonly string[]).includes(name)) {
    return { kind: 'published', encoding: name as PublishedEncodingName };
  }
  if (!name.startsWith('bpe:')) return undefined;
  const text = name.slice('bpe:'.length);
  const merges = /^\d+$/u.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(merges) || merges < 1 || merges > MAX_MERGES) {
    throw new UsageError(
      `tokenizer '${name}' needs a whole number of merges from 1 to ${MAX_MERGES}`,
      'write it as bpe:K, e.g. bpe:2000',
    );
  }
  // (one tokenizer, one name: bpe:05 ran as bpe:5 under another name, so its runs' fingerprints differed: audit)
  if (text !== String(merges)) throw new UsageError(`tokenizer '${name}' writes its number of merges with a leading zero`, `write it as bpe:${merges}`);
  return { kind: 'learned', merges };
}

export function isSubwordTokenizer(name: string): boolean {
  return parseSubword(name) !== undefined;
}
