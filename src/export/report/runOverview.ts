/**
 * The top of the report: where the run came from and where each cell ended.
 *
 * Contract (pure, no HTML: reportHtml renders the results):
 * - `provenanceFacts(record)`: label/value pairs from a run's sidecar (`<out>.run.json`): the command
 *   line, the corpus spec and digest, the sizes of H and E, N and the measured size, the seed, the
 *   cell settings swept and the shared ones, the held-out overlap, the program version. Fields a
 *   sidecar lacks (written by an older version) are left out.
 * - `lastGenerationTable(rows)`: one line per cell (first appearance order): its last generation, the
 *   replicates there, and for each main metric present in the rows "mean [low, high]" (the 95% Student-t
 *   interval across replicates, as the charts draw it; the mean alone for one replicate, "–" for none).
 * O(rows x metrics).
 */

import type { RunRecord } from '../runRecord.js';
import { aggregateCurves } from './aggregateCurves.js';
import { cellLabels } from './cellLabels.js';
import type { CurveRow } from './curveRow.js';
import { tableNumber } from './finalTable.js';
import { cellReach } from './cellReach.js';

/** The metrics of the last-generation table, in this order (those absent from the rows are left out). */
export const MAIN_METRICS = [
  'vocab_retention',
  'rare_survival',
  'model_vocab_retention',
  'model_rare_survival',
  'entropy_bits',
  'distinct_2',
  'heldout_perplexity',
] as const;

export function provenanceFacts(record: RunRecord): Array<[string, string]> {
  const { identity, provenance } = record;
  const facts: Array<[string, string]> = [];
  if (provenance !== undefined) facts.push(['command', provenance.command]);
  facts.push(['corpus', `${(record.corpus ?? []).join(', ') || '(not recorded)'} (sha256 ${identity.corpusDigest.slice(0, 16)}…; ${describeLoad(identity.load)})`]);
  if (provenance !== undefined) {
    const { human, heldout } = provenance;
    facts.push(['human pool H', `${human.sentences} sentences, ${human.tokens} tokens, ${human.types} types`]);
    facts.push(['held-out set E', `${heldout.sentences} sentences, ${heldout.tokens} tokens${provenance.heldout_overlap === null ? '' : `; ${formatShare(provenance.heldout_overlap)} of its sentences occur verbatim in H`}`]);
    // (generation 0's rows measure H itself: "each row measures M" was false of them: audit)
    facts.push(['tokens per generation N', `${provenance.batchTokens}; each row from generation 1 on measures ${provenance.measureTokens} tokens (generation 0's, H: ${human.tokens})`]);
  }
  const { sweep, ...shared } = identity.settings;
  facts.push(['seed', String(shared.seed)]);
  facts.push(['cell settings', Object.entries(sweep).map(([key, values]) => `${key} ${(values as readonly unknown[]).join(',')}`).join('; ')]);
  facts.push(['shared settings', Object.entries(shared).filter(([key]) => key !== 'seed').map(([key, value]) => `${key} ${String(value)}`).join('; ')]);
  facts.push(['version', `ngram-collapse ${identity.version}${record.shard === '1/1' ? '' : `, shard ${record.shard}`}`]);
  return facts;
}

export interface OverviewTable {
  readonly head: readonly string[];
  readonly body: ReadonlyArray<readonly string[]>;
}

export function lastGenerationTable(rows: readonly CurveRow[]): OverviewTable {
  const metrics = MAIN_METRICS.filter((metric) => rows.some((row) => typeof row[metric] === 'number'));
  const points = aggregateCurves(rows, metrics);
  const reach = cellReach(rows);
  const pointsAt = new Map<string, Array<(typeof points)[number]>>();
  for (const point of points) {
    if (point.generation !== reach.get(point.cell)!.last) continue;
    const atCell = pointsAt.get(point.cell);
    if (atCell === undefined) pointsAt.set(point.cell, [point]);
    else atCell.push(point);
  }
  const body = [...cellLabels(rows)].map(([cell, label]) => {
    const { last: generation, replicatesAtLast: replicates } = reach.get(cell)!;
    const at = pointsAt.get(cell) ?? [];
    return [
      label,
      String(generation),
      String(replicates),
      ...metrics.map((metric) => {
        const point = at.find((entry) => entry.metric === metric);
        if (point === undefined) return '–';
        const interval = point.ciLow === undefined || point.ciHigh === undefined ? '' : ` [${tableNumber(point.ciLow)}, ${tableNumber(point.ciHigh)}]`;
        return `${tableNumber(point.mean)}${interval}`;
      }),
    ];
  });
  return { head: ['cell', 'generation', 'replicates', ...metrics], body };
}

function describeLoad(load: Readonly<Record<string, unknown>>): string {
  return Object.entries(load).filter(([, value]) => value !== null && value !== undefined).map(([key, value]) => `${key} ${String(value)}`).join(', ');
}

function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
