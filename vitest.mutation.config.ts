/**
 * Vitest configuration for mutation testing (`npm run mutation`, stryker.config.mjs): only the unit
 * tests of the numeric core. MUTATION_FOLDER=metrics|sampler|model|stats|simulation|counts|corpus|recipes|validation|
 * random|vocabulary|export|cli narrows it to
 * that folder's own unit tests (what `npm run mutation:FOLDER` does); unset, all of them. Worker
 * threads, the full-corpus fidelity runs, the CLI golden file and the survival law beside the simulator on
 * brown:news are left out (the KenLM reference, 40 sentences, takes 0.1 s and stays in): a mutant that slows them down would time out
 * instead of failing fast (and the golden file's CLI run, in a beforeAll, would make every mutant it
 * reaches run every test). So is the check that the browser's corpus core imports nothing of Node: it
 * reads the sources as text, which Stryker's instrumented copies fail.
 */

import { defineConfig } from 'vitest/config';

const FOLDERS: Readonly<Record<string, readonly string[]>> = {
  metrics: ['test/metrics/**/*.test.ts', 'test/recipes/sentencePerplexities.test.ts'],
  sampler: ['test/sampler/**/*.test.ts'],
  model: ['test/model/**/*.test.ts'],
  stats: ['test/stats/**/*.test.ts'],
  simulation: ['test/simulation/**/*.test.ts'],
  counts: ['test/counts/**/*.test.ts'],
  corpus: ['test/corpus/**/*.test.ts'],
  recipes: ['test/recipes/**/*.test.ts'],
  validation: ['test/validation/**/*.test.ts'],
  random: ['test/random/**/*.test.ts'],
  vocabulary: ['test/vocabulary/**/*.test.ts'],
  export: ['test/export/**/*.test.ts'],
  cli: ['test/cli/**/*.test.ts'],
};

const folder = process.env['MUTATION_FOLDER'];
const include = folder === undefined ? Object.values(FOLDERS).flat() : FOLDERS[folder];
if (include === undefined) throw new Error(`MUTATION_FOLDER must be one of ${Object.keys(FOLDERS).join(', ')}, got ${folder}`);

export default defineConfig({
  test: {
    include: [...include],
    // every temporary folder of the run under one folder, removed at the end (see the file)
    globalSetup: ['test/setup/tempRoot.ts'],
    exclude: [
      'test/simulation/workerPool.test.ts',
      'test/simulation/fidelity.test.ts',
      'test/simulation/sizeMatchedGolden.test.ts',
      'test/metrics/survivalTheory.brown.test.ts',
      // reads the sources as text to check their imports, which Stryker's instrumented copies fail
      // (its instrumentation adds a `process` reference); it tests no behaviour a mutant could change
      'test/corpus/browserCore.test.ts',
      // drives Chromium: seconds per run, and a mutant that hangs the page would time out
      'test/export/report/browser.test.ts',
      // start the built CLI (dist/) as a process, which no mutant of src/ reaches
      'test/cli/bin.test.ts',
      'test/cli/interrupt.test.ts',
      // run the built output checks and CLI (dist/) as user nobody, who cannot read Stryker's sandbox either
      'test/export/otherUser.test.ts',
      'test/cli/saveCorporaOtherUser.test.ts',
    ],
    testTimeout: 120_000,
    pool: 'forks',
  },
});
