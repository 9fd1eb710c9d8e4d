/**
 * StrykerJS mutation testing of the numeric core: `npm run mutation` (all folders, minutes) or
 * `npm run mutation -- --mutate 'src/stats/**\/*.ts'` (one folder). Not run in CI.
 *
 * TypeScript 7 has no JS API for Stryker's tsconfig step, so `tsconfigFile` points at a file that does
 * not exist and vitest transpiles the sources itself. The report goes to reports/mutation/.
 */

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  tsconfigFile: 'tsconfig.stryker-none.json',
  mutate: ['src/metrics/**/*.ts', 'src/sampler/**/*.ts', 'src/model/**/*.ts', 'src/stats/**/*.ts', 'src/simulation/**/*.ts', '!src/simulation/workerPool.ts', '!src/simulation/seriesWorker.ts'],
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 1,
  coverageAnalysis: 'perTest',
  timeoutMS: 60_000,
  ignoreStatic: true,
  cleanTempDir: 'always',
  tempDirName: '.stryker-tmp',
};
