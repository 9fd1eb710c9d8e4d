/**
 * The `--extinctions` CSV (the README's "The curves CSV"): one row per cell, replicate and seed type, with the
 * token, its count in H, the last generation at which it occurred, the first generation at which it
 * was absent (empty: never) and how many times it came back after vanishing. Presence is judged in
 * the text each curves row describes: H at generation 0, the synthetic text at g >= 1.
 * Rows of a series come in ascending token id order (first occurrence in the corpus).
 */

import type { Cell } from '../simulation/cells.js';
import type { ExtinctionTable } from '../simulation/extinctionTracker.js';

export const EXTINCTION_COLUMNS: readonly string[] = Object.freeze(['cell', 'replicate', 'seed', 'token', 'seed_count', 'last_seen', 'first_absent', 'comebacks']);

/** The `--extinctions` rows of one series: a row per seed type of `table`, its token spelled by `tokenOf`. */
export function* extinctionRecords(
  cell: Cell,
  replicate: number,
  seed: number,
  table: ExtinctionTable,
  tokenOf: (id: number) => string,
): Generator<string[]> {
  for (let t = 0; t < table.types.length; t++) {
    const firstAbsent = table.firstAbsent[t]!;
    yield [
      cell.id,
      String(replicate),
      String(seed),
      tokenOf(table.types[t]!),
      String(table.seedCounts[t]),
      String(table.lastSeen[t]),
      firstAbsent < 0 ? '' : String(firstAbsent),
      String(table.comebacks[t]),
    ];
  }
}
