/**
 * ExtinctionTracker: per-token survival of the seed types along one series (the README's "The curves CSV",
 * `--extinctions`).
 *
 * Contract: built from the seed reference (the seed types are `reference.unigrams.types`, ascending
 * ids); generation 0 is H itself, where every seed type occurs. `observe(g, text)` must be called for
 * g = 1, 2, ... in order with the synthetic text of generation g (the text the metrics row describes).
 * Per seed type it keeps: the last generation at which it occurred, the first generation at which it
 * was absent (-1: never), and how many times it came back (absent at g-1, present at g).
 * "Never absent" is -1, not 0: 0 is a generation number (H), so -1 cannot be misread; the CSV writes it
 * as an empty field. The one tracker of the project: --extinctions and the recipes (recipes/tokenSurvival.ts)
 * both use it. O(tokens + seed types) per generation, on typed arrays.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import type { SeedReference } from '../metrics/seedReference.js';

export interface ExtinctionTable {
  /** Seed type ids, ascending (the order of the rows). */
  readonly types: Int32Array;
  /** Count of each seed type in H. */
  readonly seedCounts: Int32Array;
  readonly lastSeen: Int32Array;
  /** First generation at which the type was absent; -1 if it never was. */
  readonly firstAbsent: Int32Array;
  readonly comebacks: Int32Array;
}

export class ExtinctionTracker {
  private readonly present: Uint8Array;
  private readonly wasPresent: Uint8Array;
  private readonly table: ExtinctionTable;

  constructor(reference: SeedReference) {
    const types = reference.unigrams.types;
    const n = types.length;
    this.present = new Uint8Array(reference.idSpace);
    this.wasPresent = new Uint8Array(n).fill(1);
    this.table = {
      types: types.slice(),
      seedCounts: Int32Array.from(types, (id) => reference.unigrams.counts[id]!),
      lastSeen: new Int32Array(n),
      firstAbsent: new Int32Array(n).fill(-1),
      comebacks: new Int32Array(n),
    };
  }

  observe(generation: number, text: TokenCorpus): void {
    const { present, wasPresent, table } = this;
    const ids = text.ids;
    // Stryker disable next-line EqualityOperator: equivalent, present[undefined] is no element
    for (let i = 0; i < ids.length; i++) present[ids[i]!] = 1;
    table.types.forEach((id, t) => {
      if (present[id] === 1) {
        table.lastSeen[t] = generation;
        if (wasPresent[t] === 0) table.comebacks[t]!++;
        wasPresent[t] = 1;
      } else {
        if (table.firstAbsent[t] === -1) table.firstAbsent[t] = generation;
        wasPresent[t] = 0;
      }
    });
    // Stryker disable next-line EqualityOperator: equivalent, present[undefined] is no element
    for (let i = 0; i < ids.length; i++) present[ids[i]!] = 0;
  }

  result(): ExtinctionTable {
    return this.table;
  }
}
