/**
 * Why a check is undecided is shown wherever its verdict is: on standard output, in findings.md, in the
 * recipe's report (and the playground, through the same observedText). A reason kept in findings.json
 * alone (accumulate's trend test over too few means, a Welch test's p) left "undecided" without a why.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli.js';

// accumulate at 2 generations: 3 means (generations 0-2), which no order could make pass the trend test
const WHY = "undecided: 3 generations' means (0-2) cannot pass the trend test (even rising in every generation has probability 0.1667 with no trend): run --generations 3 or more";

describe('an undecided check of a recipe run from the command line', () => {
  it('says why on standard output, in findings.md and in report.html', async () => {
    const cwd = tempDir('ngc-undecided-');
    const lighthouse = new URL('../../corpora/lighthouse.txt', import.meta.url).pathname;
    const { code, stdout } = await cli(['recipe', 'accumulate', '--corpus', lighthouse, '--generations', '2', '--replicates', '1', '--out', 'r'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n {2}undecided {6}replace: held-out perplexity grows\n {6}held-out perplexity .*; undecided: 3 generations' means \(0-2\) cannot pass the trend test/u);
    expect(stdout).toContain(WHY);
    expect(readFileSync(join(cwd, 'r', 'findings.md'), 'utf8')).toContain(WHY);
    expect(readFileSync(join(cwd, 'r', 'report.html'), 'utf8')).toContain(WHY.replaceAll("'", '&#39;'));
  });
});
