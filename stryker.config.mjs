/**
 * StrykerJS mutation testing of the numeric core (not in CI: it takes minutes to hours).
 *   npm run mutation               every folder below, with all their unit tests
 *   npm run mutation:metrics       one folder (metrics, sampler, model, stats, simulation, counts, corpus, recipes,
 *                                  validation, random, vocabulary, export, cli) with its own
 *                                  unit tests (MUTATION_FOLDER, see vitest.mutation.config.ts)
 * Reports: clear text on stdout, reports/mutation/<folder or all>.json and .html.
 *
 * TypeScript 7 has no JS API for Stryker's tsconfig step, so `tsconfigFile` points at a file that does
 * not exist and vitest transpiles the sources itself.
 */

const FOLDERS = ['metrics', 'sampler', 'model', 'stats', 'simulation', 'counts', 'corpus', 'recipes', 'validation', 'random', 'vocabulary', 'export', 'cli'];
const folder = process.env.MUTATION_FOLDER;
if (folder !== undefined && !FOLDERS.includes(folder)) throw new Error(`MUTATION_FOLDER must be one of ${FOLDERS.join(', ')}`);
const name = folder ?? 'all';

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  tsconfigFile: 'tsconfig.stryker-none.json',
  mutate: [
    ...(folder === undefined ? FOLDERS : [folder]).map((one) => `src/${one}/**/*.ts`),
    // worker-thread plumbing: covered by the CLI and worker tests, not by unit tests
    '!src/simulation/workerPool.ts',
    '!src/simulation/seriesWorker.ts',
  ],
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  concurrency: 1,
  coverageAnalysis: 'perTest',
  timeoutMS: 10_000,
  // false: mutants in code that tests run at collection time (a describe body computing the fixture
  // once) would otherwise be run against no test and reported as survivors
  ignoreStatic: false,
  cleanTempDir: 'always',
  tempDirName: `.stryker-tmp-${name}`,
};
