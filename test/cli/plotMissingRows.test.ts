/**
 * plot warns of the rows a curves CSV lacks of its run's grid, read from the run record beside it: one
 * shard of two holds half the series, and its curves alone were drawn without a word (audit).
 */
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli.js';

const FIXTURE = new URL('../fixtures/exp/village.txt', import.meta.url).pathname;
const RUN = ['run', '--corpus', FIXTURE, '--generations', '2', '--human-ratio', '0,0.5', '--replicates', '2', '--workers', '1', '--quiet'];

describe('plot of a curves CSV with rows missing', () => {
  it("names the rows one shard lacks of its run's grid, and nothing once the shards are merged", async () => {
    const dir = tempDir('plot-missing-');
    for (const shard of ['1/2', '2/2']) expect((await cli([...RUN, '--shard', shard, '--out', `s${shard[0]}.csv`], { cwd: dir })).code).toBe(0);
    const one = await cli(['plot', 's1.csv', '--out', 's1.html'], { cwd: dir });
    expect(one.code).toBe(0);
    // the run: 2 cells x 2 replicates x generations 0-2 = 12 rows; shard 1/2 runs 2 of the 4 series (6 rows)
    expect(one.stderr).toMatch(/^ngram-collapse: warning: \S*s1\.csv lacks 6 of the 12 rows of its run \(2 cells x 2 replicates x generations 0-2; the first: cell human_ratio=0\.?\d*, replicate \d, generation 0\): where rows are missing/u);
    expect((await cli(['merge', 's1.csv', 's2.csv', '--out', 'all.csv'], { cwd: dir })).code).toBe(0);
    const all = await cli(['plot', 'all.csv', '--out', 'all.html'], { cwd: dir });
    expect([all.code, all.stderr]).toEqual([0, '']);
  });
});
