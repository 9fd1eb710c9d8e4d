/**
 * Per-token survival of the seed vocabulary along one series, as the recipes use it: the series'
 * ExtinctionTable (simulation/extinctionTracker.ts, the one tracker, also behind --extinctions) with
 * the cell, the replicate, the last generation and the anchor sentences' tokens. What the recipes need
 * that the per-generation survival columns cannot give: when each type was forgotten, and whether it
 * ever came back. For the i-th seed type (`types[i]`, ascending id, count `seedCounts[i]` in H):
 * `firstAbsent[i]` is the first generation whose synthetic text lacks it (-1: never absent),
 * `lastSeen[i]` the last generation whose text has it (0 = only in H) and `comebacks[i]` how many times
 * it reappeared after a generation without it (always 0 for pure MLE with no human data).
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import type { ExtinctionTable } from '../simulation/extinctionTracker.js';

/** One series' ExtinctionTable (firstAbsent -1 = never absent), with what the recipes add. */
export interface SeriesSurvival extends ExtinctionTable {
  readonly cell: string;
  readonly replicate: number;
  /** The last generation observed (G). */
  readonly generations: number;
  /** The distinct ids of the anchor sentences, when the cell has anchors. */
  readonly anchorTokens: Int32Array | undefined;
}

/** The distinct ids of the last `count` sentences of a corpus (the anchors, which a training set ends with). */
export function lastSentencesTokens(corpus: TokenCorpus, count: number): Int32Array {
  const sentences = corpus.offsets.length - 1;
  const from = corpus.offsets[Math.max(0, sentences - count)]!;
  return Int32Array.from(new Set(corpus.ids.subarray(from)));
}
