/**
 * README's command sections name every flag of the option table (src/cli/options.ts): the claim
 * "README's flag list is true" as a test. A flag added to the table without a README line fails here.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATE_OPTIONS, MERGE_OPTIONS, METRICS_OPTIONS, PLOT_OPTIONS, RECIPE_OPTIONS, RUN_OPTIONS, TRAIN_OPTIONS } from '../../src/cli/options.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The README section of a command: from its heading to the next heading of the same level or above. */
function section(heading: string): string {
  const start = README.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const rest = README.slice(start + heading.length);
  const end = rest.search(/\n#{1,3} /u);
  return end < 0 ? rest : rest.slice(0, end);
}

const TABLES: ReadonlyArray<readonly [string, Readonly<Record<string, { flag: string; negation?: unknown }>>]> = [
  ['### `run`', RUN_OPTIONS],
  ['### `metrics`', METRICS_OPTIONS],
  ['### `generate`', GENERATE_OPTIONS],
  ['### `train`', TRAIN_OPTIONS],
  ['### `plot`', PLOT_OPTIONS],
  ['### Many machines: `--shard i/n` and `merge`', MERGE_OPTIONS],
  ['## Recipes', RECIPE_OPTIONS],
];

describe("README's flag lists", () => {
  it.each(TABLES)('%s names every flag of the command', (heading, table) => {
    const text = section(heading);
    const missing = Object.values(table)
      .flatMap((row) => [row.flag, ...(row.negation === undefined ? [] : [`--no-${row.flag.slice(2)}`])])
      .filter((flag) => !new RegExp(`${flag}(?![a-z-])`, 'u').test(text));
    expect(missing).toEqual([]);
  });
});
