import { defineConfig } from 'vitest/config';

// CI asks for a JSON report (see .ci/run) besides the usual terminal output.
const jsonReport = process.env['VITEST_JSON_REPORT'];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // every temporary folder of the run under one folder, removed at the end (see the file)
    globalSetup: ['test/setup/tempRoot.ts'],
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    ...(jsonReport ? { outputFile: { json: jsonReport } } : {}),
  },
});
