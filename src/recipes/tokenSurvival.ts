/**
 * Per-token survival of the seed vocabulary along one series: for every seed type (a type of H), the
 * generations whose synthetic text holds it. What the recipes need that the per-generation survival
 * columns cannot give: when each type was forgotten, and whether it ever came back.
 *
 * Contract: `SurvivalRecorder.record(text, generation)` is called for generations 1..G in order with the
 * synthetic text of that generation; `finish()` returns a SeriesSurvival where, for the i-th seed type
 * (`seedTypes[i]`, ascending id, count `seedCounts[i]` in H): `firstAbsent[i]` is the first generation
 * whose text lacks it (0 if it is in every text), `lastSeen[i]` the last generation whose text has it
 * (0 = only in H) and `returns[i]` how many times it reappeared after a generation without it (always
 * 0 for pure MLE with no human data: a lost type has probability 0). `anchorTokens` are the distinct
 * ids of the anchor sentences, when the cell has anchors. O(tokens + seed types) per generation.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';

export interface SeriesSurvival {
  readonly cell: string;
  readonly replicate: number;
  readonly generations: number;
  readonly seedTypes: Int32Array;
  readonly seedCounts: Int32Array;
  readonly firstAbsent: Int32Array;
  readonly lastSeen: Int32Array;
  readonly returns: Int32Array;
  readonly anchorTokens: Int32Array | undefined;
}

export class SurvivalRecorder {
  private readonly present: Uint8Array;
  private readonly firstAbsent: Int32Array;
  private readonly lastSeen: Int32Array;
  private readonly returns: Int32Array;
  private readonly wasPresent: Uint8Array;
  private generation = 0;

  constructor(
    private readonly cell: string,
    private readonly replicate: number,
    private readonly seedTypes: Int32Array,
    private readonly seedCounts: Int32Array,
    idSpace: number,
    private readonly anchorTokens: Int32Array | undefined,
  ) {
    this.present = new Uint8Array(idSpace);
    this.firstAbsent = new Int32Array(seedTypes.length);
    this.lastSeen = new Int32Array(seedTypes.length);
    this.returns = new Int32Array(seedTypes.length);
    this.wasPresent = new Uint8Array(seedTypes.length).fill(1);
  }

  record(text: TokenCorpus, generation: number): void {
    if (generation !== this.generation + 1) {
      throw new Error(`survival recorder: expected generation ${this.generation + 1}, got ${generation}`);
    }
    this.generation = generation;
    this.present.fill(0);
    for (let i = 0; i < text.ids.length; i++) this.present[text.ids[i]!] = 1;
    for (let i = 0; i < this.seedTypes.length; i++) {
      const now = this.present[this.seedTypes[i]!]!;
      if (now === 1) {
        this.lastSeen[i] = generation;
        if (this.wasPresent[i] === 0) this.returns[i]!++;
      } else if (this.firstAbsent[i] === 0) {
        this.firstAbsent[i] = generation;
      }
      this.wasPresent[i] = now;
    }
  }

  finish(): SeriesSurvival {
    return {
      cell: this.cell,
      replicate: this.replicate,
      generations: this.generation,
      seedTypes: this.seedTypes,
      seedCounts: this.seedCounts,
      firstAbsent: this.firstAbsent,
      lastSeen: this.lastSeen,
      returns: this.returns,
      anchorTokens: this.anchorTokens,
    };
  }
}

/** The distinct ids of the last `count` sentences of a corpus (the anchors, which a training set ends with). */
export function lastSentencesTokens(corpus: TokenCorpus, count: number): Int32Array {
  const sentences = corpus.offsets.length - 1;
  const from = corpus.offsets[Math.max(0, sentences - count)]!;
  return Int32Array.from(new Set(corpus.ids.subarray(from)));
}
