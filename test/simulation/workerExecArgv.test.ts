/**
 * The options a worker thread starts with: the process's own, less those of its entry text
 * (`--input-type`, `-e`/`--eval`, `-p`/`--print` and their values). A program run as
 * `node --input-type=module -e '...'` gave its workers `--input-type`, and each failed as it loaded its
 * script file (ERR_INPUT_TYPE_NOT_ALLOWED), the run with them (probe).
 */

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workerExecArgv } from '../../src/simulation/workerExecArgv.js';

describe('workerExecArgv', () => {
  it('inherits as Node does (undefined) when nothing is of the entry alone', () => {
    expect(workerExecArgv([])).toBeUndefined();
    expect(workerExecArgv(['--max-old-space-size=4096', '--enable-source-maps'])).toBeUndefined();
  });

  it('drops --input-type and the entry text, in both spellings, and keeps every other option in order', () => {
    expect(workerExecArgv(['--input-type=module', '-e', 'code'])).toEqual([]);
    expect(workerExecArgv(['--max-old-space-size=4096', '--input-type', 'module', '--eval', 'code', '--enable-source-maps'])).toEqual(['--max-old-space-size=4096', '--enable-source-maps']);
    expect(workerExecArgv(['-p', '1 + 1', '--print=2', '--eval=x', '--no-warnings'])).toEqual(['--no-warnings']);
    // an option that only begins like one of them is kept
    expect(workerExecArgv(['--input-typex', '--evaluate'])).toBeUndefined();
  });

  it('lets simulateAsync run its series on worker threads from `node --input-type=module -e` (every worker failed there)', () => {
    const library = pathToFileURL(join(import.meta.dirname, '../../dist/index.js')).href;
    const program = `
      import { simulateAsync, DEFAULT_RUN } from '${library}';
      // 40 sentences of 4 tokens over ids 2..9 (0 and 1 are the sentence markers)
      const ids = Int32Array.from({ length: 160 }, (_, i) => 2 + ((i * 7) % 8));
      const offsets = Int32Array.from({ length: 41 }, (_, i) => 4 * i);
      const settings = { ...DEFAULT_RUN, generations: 1, holdout: 0, sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0, 0.1, 0.2] } };
      const failed = [];
      const result = await simulateAsync({ ids, offsets }, 10, settings, { workers: 3, inThisThread: false }, { onEnd: (_task, outcome) => { if (outcome.error) failed.push(outcome.error.message); } });
      console.log(JSON.stringify({ ended: result.ended, failed }));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' });
    expect([run.stdout, run.stderr, run.status]).toEqual(['{"ended":3,"failed":[]}\n', '', 0]);
  });
});
