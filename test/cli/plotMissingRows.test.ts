/**
 * plot warns of the rows a curves CSV lacks of its run's grid, read from the run record beside it: one
 * shard of two holds half the series, and its curves alone were drawn without a word (audit).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

describe("plot of curves beside another run's record", () => {
  it('draws the curves alone, without that provenance or survival law, and says which row is not the run\'s (it showed seed 42\'s provenance over seed 7\'s rows, exit 0: probe)', async () => {
    const dir = tempDir('plot-foreign-');
    expect((await cli([...RUN, '--out', 'a.csv'], { cwd: dir })).code).toBe(0);
    expect((await cli([...RUN, '--seed', '7', '--out', 'b.csv'], { cwd: dir })).code).toBe(0);
    const provenance = (file: string): boolean => readFileSync(join(dir, file), 'utf8').includes('class="provenance"');
    // its own record: drawn with it, no word
    const own = await cli(['plot', 'a.csv', '--out', 'a.html'], { cwd: dir });
    expect([own.code, own.stderr, provenance('a.html')]).toEqual([0, '', true]);
    // seed 7's rows beside seed 42's record
    copyFileSync(join(dir, 'a.csv.run.json'), join(dir, 'b.csv.run.json'));
    const seeded = await cli(['plot', 'b.csv', '--out', 'b.html'], { cwd: dir });
    expect([seeded.code, provenance('b.html')]).toEqual([0, false]);
    expect(seeded.stderr).toMatch(/^ngram-collapse: warning: \S*b\.csv\.run\.json is not the record of the rows of \S*b\.csv: row 1 \(cell human_ratio=0, replicate 1, generation 0\) has seed 7, the run seed 42; the page is drawn from the curves alone, without the run's provenance or the survival law\n$/u);
    // a run's curves with a third replicate added (its record has 2): row 13 on
    const lines = readFileSync(join(dir, 'a.csv'), 'utf8').split('\n');
    const third = lines.slice(1, 4).map((line) => line.replace(',1,42,', ',3,42,')); // replicate 1 -> 3, seed 42 kept
    writeFileSync(join(dir, 'c.csv'), `${[...lines.slice(0, -1), ...third].join('\n')}\n`);
    copyFileSync(join(dir, 'a.csv.run.json'), join(dir, 'c.csv.run.json'));
    const more = await cli(['plot', 'c.csv', '--out', 'c.html'], { cwd: dir });
    expect([more.code, provenance('c.html')]).toEqual([0, false]);
    expect(more.stderr).toMatch(/is not the record of the rows of \S*c\.csv: row 13 \(cell human_ratio=0, replicate 3, generation 0\) is of replicate 3, the run has 2;/u);
  });
});
