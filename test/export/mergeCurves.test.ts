/**
 * mergeCurves (src/export/mergeCurves.ts): which inputs are one run. Two shards of a sweep of 2 cells
 * (human_ratio=0 and 0.1), 1 replicate, generations 0..1: shard 1/2 holds the first cell, 2/2 the
 * second, each row `cell,replicate,seed,generation,x`. The CLI's end-to-end merges are in
 * test/cli/run.test.ts.
 */

import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { mergeCurves, type MergeInput } from '../../src/export/mergeCurves.js';
import { makeRunRecord, type RunIdentity } from '../../src/export/runRecord.js';
import { DEFAULT_RUN } from '../../src/simulation/settings.js';

const HEADER = 'cell,replicate,seed,generation,x';

function identity(change: Partial<RunIdentity> = {}, seed = 42): RunIdentity {
  return { version: '1', load: {}, corpusDigest: 'd', settings: { ...DEFAULT_RUN, generations: 1, replicates: 1, seed }, extinctions: false, ...change };
}

function shard(name: string, cell: string, seed: number, record?: { identity: RunIdentity; shard: string }): MergeInput {
  const content = Buffer.from([HEADER, `${cell},1,${seed},0,1`, `${cell},1,${seed},1,2`, ''].join('\n'));
  return { name, content, ...(record === undefined ? {} : { record: makeRunRecord(record.identity, record.shard) }) };
}

function refusal(inputs: MergeInput[]): string {
  try {
    mergeCurves(inputs);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return `${(error as InputError).message} (${(error as InputError).hint})`;
  }
  return expect.unreachable('merge should refuse');
}

describe('mergeCurves', () => {
  it('joins two shards with their records, in canonical order', () => {
    const merged = mergeCurves([
      shard('b.csv', 'human_ratio=0.1', 42, { identity: identity(), shard: '2/2' }),
      shard('a.csv', 'human_ratio=0', 42, { identity: identity(), shard: '1/2' }),
    ]);
    expect(merged.text.split('\n').slice(1, 3)).toEqual(['human_ratio=0,1,42,0,1', 'human_ratio=0,1,42,1,2']);
    expect([merged.rows, merged.series, merged.record?.shard]).toEqual([4, 2, '1/1']);
  });

  it('refuses rows of two seeds, which without records would fit the sweep inferred from them', () => {
    // Without records the sweep is inferred from the rows, which would fit: only the seed column tells.
    expect(refusal([shard('a.csv', 'human_ratio=0', 42), shard('b.csv', 'human_ratio=0.1', 7)])).toBe(
      'b.csv was run with --seed 7, a.csv with --seed 42 (merge only shards of one run, with one seed)',
    );
  });

  it('refuses a shard without a run record among shards with one', () => {
    expect(refusal([shard('a.csv', 'human_ratio=0', 42, { identity: identity(), shard: '1/2' }), shard('b.csv', 'human_ratio=0.1', 42)])).toBe(
      "b.csv has no run record (b.csv.run.json) but a.csv has one (keep every shard's .run.json beside it: the records tell which run each shard is from (without any, merge infers the sweep from the rows))",
    );
  });

  it('names what differs between two runs, and takes shards that differ only in --extinctions', () => {
    const other = refusal([
      shard('a.csv', 'human_ratio=0', 42, { identity: identity(), shard: '1/2' }),
      shard('b.csv', 'human_ratio=0.1', 42, { identity: identity({ corpusDigest: 'e' }), shard: '2/2' }),
    ]);
    expect(other).toBe('b.csv comes from another run than a.csv (their run records differ: corpusDigest) (merge only shards of one sweep, run with the same settings)');
    const withExtinctions = { identity: identity({ extinctions: true }), shard: '2/2' };
    const merged = mergeCurves([shard('a.csv', 'human_ratio=0', 42, { identity: identity(), shard: '1/2' }), shard('b.csv', 'human_ratio=0.1', 42, withExtinctions)]);
    expect(merged.rows).toBe(4);
    // The merged file's record says --extinctions only if every shard wrote them.
    expect(merged.record?.identity.extinctions).toBe(false);
    const both = mergeCurves([
      shard('a.csv', 'human_ratio=0', 42, { identity: identity({ extinctions: true }), shard: '1/2' }),
      shard('b.csv', 'human_ratio=0.1', 42, withExtinctions),
    ]);
    expect(both.record?.identity.extinctions).toBe(true);
  });
});
