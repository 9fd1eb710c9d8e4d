import { defineConfig } from 'vitest/config';

// CI asks for a JSON report (see .ci/run) besides the usual terminal output.
const jsonReport = process.env['VITEST_JSON_REPORT'];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // expect.poll waits for work a page or a process does on its own time (a word looked up 300 ms
    // after typing stops, charts redrawn after a resize): 1 s, vitest's default, left a loaded CI
    // machine a thin margin (a flake audit saw 0.7-1.06 s); a broken behaviour still fails, later
    expect: { poll: { timeout: 20_000 } },
    pool: 'forks',
    // every temporary folder of the run under one folder, removed at the end (see the file)
    globalSetup: ['test/setup/tempRoot.ts'],
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    ...(jsonReport ? { outputFile: { json: jsonReport } } : {}),
  },
});
