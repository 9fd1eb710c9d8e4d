/**
 * Vitest configuration for mutation testing (`npm run mutation`, stryker.config.mjs): only the unit
 * tests of the numeric core (metrics, sampler, model, stats, simulation). Workers and the CLI are left
 * out: a mutant that hangs a worker thread or the CLI would time out instead of failing fast.
 */

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/metrics/**/*.test.ts', 'test/sampler/**/*.test.ts', 'test/model/**/*.test.ts', 'test/stats/**/*.test.ts', 'test/simulation/**/*.test.ts', 'test/recipes/sentencePerplexities.test.ts'],
    exclude: ['test/simulation/workerPool.test.ts'],
    testTimeout: 120_000,
    pool: 'forks',
  },
});
