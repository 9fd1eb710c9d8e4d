/**
 * UnigramCounts: how often each id occurs in a text, in an Int32Array indexed by id.
 *
 * Contract: `countUnigrams(corpus, idSpace)` returns the counts array (indexed by id) and the list of
 * ids with a non-zero count, in ascending id order (so every sum over types runs in a fixed order and
 * is reproducible to the last bit). O(tokens + idSpace). The result is remembered per corpus object
 * (corpora are never mutated), so the loop counting the same text for two metrics pays once.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';

export interface UnigramCounts {
  readonly counts: Int32Array;
  /** Ids with count > 0, ascending. */
  readonly types: Int32Array;
  readonly tokens: number;
}

const remembered = new WeakMap<TokenCorpus, UnigramCounts>();

export function countUnigrams(corpus: TokenCorpus, idSpace: number): UnigramCounts {
  const known = remembered.get(corpus);
  if (known !== undefined && known.counts.length === idSpace) return known;
  const counted = count(corpus, idSpace);
  remembered.set(corpus, counted);
  return counted;
}

function count(corpus: TokenCorpus, idSpace: number): UnigramCounts {
  const counts = new Int32Array(idSpace);
  const ids = corpus.ids;
  // Stryker disable next-line EqualityOperator: equivalent, ids[ids.length] is undefined and counts[undefined]++ touches no count
  for (let i = 0; i < ids.length; i++) counts[ids[i]!]!++;
  let distinct = 0;
  // Stryker disable next-line EqualityOperator: equivalent, counts[idSpace] reads past the typed array: undefined > 0 is false
  for (let id = 0; id < idSpace; id++) {
    if (counts[id]! > 0) distinct++;
  }
  const types = new Int32Array(distinct);
  let t = 0;
  // Stryker disable next-line EqualityOperator: equivalent, counts[idSpace] reads past the typed array: undefined > 0 is false
  for (let id = 0; id < idSpace; id++) {
    if (counts[id]! > 0) types[t++] = id;
  }
  return { counts, types, tokens: ids.length };
}
