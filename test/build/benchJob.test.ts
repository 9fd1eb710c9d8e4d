/**
 * The bench's own job (bench/ngramJob.mjs), whose stage figures `npm run bench` quotes as the loop's:
 * run stage by stage, it gives the rows of the real loop (`--loop`, the library's `simulate`), every
 * column both ways, each in a process of its own as the bench runs them. How fast is `npm run bench`'s
 * to say, not asserted here. Runs the built library (dist/, made by `npm test`'s build).
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const JOB = resolve(dirname(fileURLToPath(import.meta.url)), '../../bench/ngramJob.mjs');
const folder = mkdtempSync(join(tmpdir(), 'bench-job-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Printed {
  readonly rows: { readonly row: number; readonly values: Record<string, number> }[];
  readonly stages: { readonly generation: number; readonly tokens: number }[];
  readonly loop: number[];
}

function job(args: readonly string[]): Printed {
  const child = spawnSync(process.execPath, [JOB, ...args], { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  const records = child.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    rows: records.filter((r) => r['row'] !== undefined) as unknown as Printed['rows'],
    stages: records.filter((r) => r['train_s'] !== undefined) as unknown as Printed['stages'],
    loop: records.filter((r) => r['loop_s'] !== undefined).map((r) => r['loop_s'] as number),
  };
}

describe('bench/ngramJob.mjs', () => {
  it('gives the real loop\'s rows stage by stage, every column both ways, in separate processes', () => {
    // 300 sentences of 4-7 words from a vocabulary of 40: a corpus whose model loses types over 3 generations
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    let state = 7;
    const next = (n: number): number => (state = (state * 1103515245 + 12345) % 2147483648) % n;
    const lines = Array.from({ length: 300 }, () => Array.from({ length: 4 + next(4) }, () => words[Math.min(next(40), next(40))]).join(' '));
    const input = join(folder, 'small.txt');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const staged = job(['--input', input, '--generations', '3']);
    const loop = job(['--input', input, '--generations', '3', '--loop']);
    expect(staged.rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(staged.stages.map((r) => r.generation)).toEqual([1, 2, 3]);
    expect(loop.loop).toHaveLength(3);
    // every column of the loop's row, the model_* ones and the drift baseline included (holdout 0: no held-out ones)
    expect(Object.keys(loop.rows[0]!.values)).toEqual(expect.arrayContaining(['types', 'drift_expected_types', 'gen0_perplexity', 'model_types', 'model_vocab_retention']));
    expect(staged.rows).toEqual(loop.rows);
    // the staged job samples what the loop samples: as many tokens as H holds, each generation
    const tokens = lines.reduce((sum, line) => sum + line.split(' ').length, 0);
    for (const stage of staged.stages) expect(stage.tokens).toBeGreaterThanOrEqual(tokens);
  });
});
