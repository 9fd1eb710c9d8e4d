/**
 * What the byte-pair merge tests (asciiByteMerge, rankedMerge) compare with: the merge rule written
 * plainly, and random encodings to run it on (an alphabet of 2-6 characters drawn from `pool`, then up
 * to `maxLonger` tokens of 2 to `maxLength` of its characters, and `extra` tokens, all ranked in a
 * random order: a token's rank is its index).
 */

import { randomIndex, type RandomSource } from '../../../src/random/random.js';

export interface RandomEncoding {
  /** The alphabet's characters, as one string. */
  readonly letters: string;
  /** Every token, by rank. */
  readonly tokens: string[];
}

export function randomEncoding(random: RandomSource, pool: string, maxLonger: number, maxLength: number, extra: readonly string[] = []): RandomEncoding {
  const pick = (text: string): string => text[randomIndex(random, text.length)]!;
  const alphabet = [...new Set(Array.from({ length: 2 + randomIndex(random, 5) }, () => pick(pool)))];
  const letters = alphabet.join('');
  const longer = new Set<string>();
  const wanted = 1 + randomIndex(random, maxLonger);
  for (let tries = 0; longer.size < wanted && tries < 500; tries++) longer.add(Array.from({ length: 2 + randomIndex(random, maxLength - 1) }, () => pick(letters)).join(''));
  const tokens = [...alphabet, ...longer, ...extra];
  for (let i = tokens.length - 1; i > 0; i--) {
    const j = randomIndex(random, i + 1);
    [tokens[i], tokens[j]] = [tokens[j]!, tokens[i]!];
  }
  return { letters, tokens };
}

/**
 * tiktoken's merge rule, plainly, on one piece: strings joined, every pair ranked anew each step (join
 * the adjacent pair whose joined text has the lowest rank, the leftmost of equal ones, until no adjacent
 * pair is a token); a piece that is a token is that token.
 */
export function plainPieceMerge(piece: string, ranks: ReadonlyMap<string, number>): number[] {
  let parts = ranks.has(piece) ? [piece] : [...piece];
  for (;;) {
    let best = -1;
    for (let i = 0; i + 1 < parts.length; i++) {
      const rank = ranks.get(parts[i]! + parts[i + 1]!);
      if (rank !== undefined && (best < 0 || rank < ranks.get(parts[best]! + parts[best + 1]!)!)) best = i;
    }
    if (best < 0) break;
    parts = [...parts.slice(0, best), parts[best]! + parts[best + 1]!, ...parts.slice(best + 2)];
  }
  return parts.map((part) => ranks.get(part)!);
}
