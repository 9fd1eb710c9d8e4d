/**
 * The `--survival` CSV: Kaplan–Meier survival curves of the seed types by seed-count band, per cell,
 * with the survival law beside them where it applies.
 *
 * Contract: fed every (cell, replicate) extinction table (simulation/extinctionTracker.ts). A subject is
 * one seed type in one replicate; its event is the first generation at which it was absent from the
 * measured text (`first_absent` of the --extinctions file), so a type that came back later still
 * counts as lost from its first absence (comebacks are not resurrections); every subject is observed
 * to the last generation. Per cell (in the order given to `records`), band (SURVIVAL_BANDS order) and
 * generation 0..G: at_risk, events, the product-limit survival (stats/kaplanMeier.ts) and
 * `theory_survival`, the law's expected survival of the band (survivalLaw.ts; empty where the law does
 * not apply, and from the first generation whose row measures less than its whole batch on: with
 * --measure-tokens below it, every generation; with a --tokens-growth above 1, from the first batch
 * larger than the measured text, generation 2 when rows measure the first batch's size: there a type
 * missing from the measured text may still be in the batch and come back, so the curve's first
 * absences are not the extinctions the law's presence would equal).
 * Memory: O(seed types x replicates) per cell.
 */

import { SURVIVAL_BANDS } from '../metrics/seedReference.js';
import type { ExtinctionTable } from '../simulation/extinctionTracker.js';
import { kaplanMeier } from '../stats/kaplanMeier.js';
import { formatNumber } from '../validation/formatNumber.js';
import { checkedBatchSizes, type BatchSizes } from '../metrics/survivalTheory.js';
import { batchTokensAt } from '../simulation/settings.js';
import { lawBands, type LawInput } from './survivalLaw.js';

export const SURVIVAL_CURVE_COLUMNS: readonly string[] = Object.freeze(['cell', 'band', 'generation', 'at_risk', 'events', 'survival', 'theory_survival']);

/** Band names as the file writes them: 1, 2_5, 6_20, 21_plus. */
export const BAND_NAMES: readonly string[] = SURVIVAL_BANDS.map(([name]) => name.replace('survival_', ''));


export class SurvivalCurves {
  private readonly tables = new Map<string, ExtinctionTable[]>();

  /** `sizes`: N and M of the run (default: M = N, rows measuring the first batch's size). */
  constructor(
    private readonly generations: number,
    private readonly sizes?: BatchSizes,
  ) {
    // (a number, the batch scale this argument once was, made the scale NaN without an error: audit)
    if (sizes !== undefined) checkedBatchSizes(sizes);
  }

  add(cellId: string, table: ExtinctionTable): void {
    const list = this.tables.get(cellId);
    if (list === undefined) this.tables.set(cellId, [table]);
    else list.push(table);
  }

  /**
   * The last generation through which every row of a cell growing by `growth` measures its whole batch
   * (or more), 0 when generation 1's does not: through it a seed type absent from the measured text is
   * absent from the batch, and from every later model under the law's pure MLE, so a first absence is
   * an extinction and the law, which gives the chance of being present, the curve's. Batch g holds
   * batchTokensAt(N, growth, g) tokens, rounded as the loop rounds it (the unrounded N R^(g-1) left the
   * law out of runs that measure every batch whole: audit). With --tokens-growth above 1 and rows of
   * the first batch's size, that is generation 1 (the law was left out of every generation: a review).
   */
  private wholeBatchesThrough(growth: number): number {
    // (without sizes the rows measure their first batch, M = N: later ones are whole if they do not grow)
    if (this.sizes === undefined) return growth <= 1 ? this.generations : Math.min(1, this.generations);
    const { batchTokens, measureTokens } = this.sizes;
    for (let g = 1; g <= this.generations; g++) if (batchTokensAt(batchTokens, growth, g) > measureTokens) return g - 1;
    return this.generations;
  }

  /** The records of the cells in `cellIds` that have tables; `draws` (survivalLaw.drawsByCell) for the law. */
  *records(cellIds: readonly string[], draws: ReadonlyMap<string, LawInput>): Generator<string[]> {
    for (const cell of cellIds) {
      const tables = this.tables.get(cell);
      if (tables === undefined) continue;
      const cellDraws = draws.get(cell);
      const through = cellDraws === undefined ? 0 : this.wholeBatchesThrough(cellDraws.growth);
      const theory =
        cellDraws === undefined || cellDraws.draws.length !== this.generations + 1 || through === 0
          ? undefined
          : lawBands(tables[0]!.seedCounts, cellDraws, this.sizes ?? 1).slice(0, through + 1);
      for (let b = 0; b < SURVIVAL_BANDS.length; b++) {
        const [, low, high] = SURVIVAL_BANDS[b]!;
        const events: number[] = [];
        for (const table of tables) {
          // Stryker disable next-line EqualityOperator: equivalent, one past the end reads an undefined count, which no band takes
          for (let t = 0; t < table.types.length; t++) {
            const count = table.seedCounts[t]!;
            if (count >= low && count <= high) events.push(table.firstAbsent[t]!);
          }
        }
        if (events.length === 0) continue;
        const steps = kaplanMeier(events, events.map(() => this.generations), this.generations);
        for (const step of steps) {
          yield [cell, BAND_NAMES[b]!, String(step.time), String(step.atRisk), String(step.events), formatNumber(step.survival), formatNumber(theory?.[step.time]?.[b])];
        }
      }
    }
  }
}
