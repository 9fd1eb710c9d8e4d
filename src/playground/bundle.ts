/**
 * Builds the playground page template: the engine bundled for the browser with esbuild, in a Web
 * Worker made from a bundled string, the page script, Vega / Vega-Lite / vega-embed inlined (as the
 * HTML report does), and a marker where `playgroundFile.ts` injects the corpora.
 *
 * Contract: `buildPlaygroundTemplate()` resolves to the template's HTML; it fails if any Node built-in
 * module (node:fs, fs, stream, ...) would be pulled into a browser bundle: the page runs the CLI's own
 * loader, tokenizers and library modules unchanged, so a new file-system dependency on their path must
 * be split off (as readText.ts is from loadCorpus.ts), not shipped. One shim: `node:module`'s
 * createRequire, which tokenizers.ts uses to load natural's tokenizers folder, is served by a bundled
 * import of that same folder. Run at build time only (`npm run build`: node dist/playground/buildPage.js
 * calls it and writes dist/playground/template.html and dist/playground.html); esbuild is a
 * devDependency, so the `playground` command never loads this file.
 */

import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { loadVendorScripts } from '../export/report/vendorScripts.js';
import { PUBLISHED_IN_PAGE_MESSAGE } from './pageConfig.js';
import { CORPORA_MARKER, PACKAGE_ROOT } from './playgroundFile.js';

/** The package root (this file is src/playground/bundle.ts or dist/playground/bundle.js). */

const BROWSER_SOURCES = join(PACKAGE_ROOT, 'src', 'playground', 'browser');

/**
 * The only Node built-ins allowed into the page, each for one known importer, each replaced by a few
 * lines that do what that importer needs: natural's tokenizers folder (loaded through createRequire
 * by tokenizers.ts), util.inherits (natural's tokenizer classes; Node's own definition), and crypto,
 * which seedrandom tries inside a try/catch for auto-seeding only (every generator here is seeded).
 */
const SHIMS: ReadonlyArray<{ readonly module: string; readonly importer: string; readonly contents: string }> = [
  {
    module: 'node:module',
    importer: join('src', 'corpus', 'tokenizers.ts'),
    contents: `import * as tokenizers from 'natural/lib/natural/tokenizers/index.js';
export function createRequire() {
  return (id) => {
    if (id === 'natural/lib/natural/tokenizers') return tokenizers.default ?? tokenizers;
    throw new Error('the playground cannot load ' + id);
  };
}`,
  },
  {
    module: 'util',
    importer: join('natural', 'lib', 'natural', 'tokenizers'),
    contents: `export function inherits(ctor, superCtor) {
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}`,
  },
  { module: 'crypto', importer: join('seedrandom', 'seedrandom.js'), contents: `throw new Error('no crypto module in the browser');` },
];

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * The published subword encodings' merge tables (gpt-tokenizer: 4 MB of JavaScript for gpt2, cl100k
 * and o200k) stay out of the page: their dynamic imports resolve to a module that refuses. The page
 * offers the word tokenizers and `bpe:K` (learned in the page); pageConfig.ts refuses the others with
 * the same message before any work.
 */
const PUBLISHED_ENCODING_STUB = `throw new Error(${JSON.stringify(PUBLISHED_IN_PAGE_MESSAGE)});`;

/** Refuses Node built-ins in a browser bundle, naming the importer, except the SHIMS. */
function browserOnly(): Plugin {
  return {
    name: 'browser-only',
    setup(build) {
      build.onResolve({ filter: /^gpt-tokenizer\// }, () => ({ path: 'published-encoding', namespace: 'stub' }));
      build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: PUBLISHED_ENCODING_STUB, loader: 'js' }));
      build.onResolve({ filter: /.*/ }, (args) => {
        if (!BUILTINS.has(args.path)) return undefined;
        const shim = SHIMS.findIndex((candidate) => candidate.module === args.path && args.importer.includes(candidate.importer));
        if (shim >= 0) return { path: String(shim), namespace: 'shim' };
        return { errors: [{ text: `${args.path} is pulled into the playground's browser bundle by ${args.importer} (split the file-system part off, as src/corpus/readText.ts is)` }] };
      });
      build.onLoad({ filter: /.*/, namespace: 'shim' }, (args) => ({ contents: SHIMS[Number(args.path)]!.contents, resolveDir: PACKAGE_ROOT, loader: 'js' }));
    },
  };
}

/** Bundles one browser entry (a file in src/playground/browser, or an absolute path) into IIFE code. */
export async function bundle(entry: string, define: Record<string, string> = {}): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [resolve(BROWSER_SOURCES, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    absWorkingDir: PACKAGE_ROOT,
    define,
    plugins: [browserOnly()],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Code safe inside an inline <script> element (`</script` escaped; `<!--` must not occur). */
function inlineScript(code: string): string {
  if (code.includes('<!--')) throw new Error('the playground bundle contains "<!--", which an inline script cannot hold');
  return code.replace(/<\/script/giu, '<\\/script');
}

export async function buildPlaygroundTemplate(): Promise<string> {
  const worker = await bundle('worker.ts');
  const page = await bundle('page.ts', { PLAYGROUND_WORKER_SOURCE: JSON.stringify(worker) });
  const vendor = await loadVendorScripts();
  const markup = readFileSync(join(BROWSER_SOURCES, 'page.html'), 'utf8');
  const style = readFileSync(join(BROWSER_SOURCES, 'page.css'), 'utf8');
  const scripts = [
    ...vendor.map((script) => `<script data-package="${script.name}@${script.version}">${script.code}</script>`),
    `<script>${inlineScript(page)}</script>`,
  ].join('\n');
  const html = markup
    .replace('/*STYLE*/', () => style)
    .replace('<!--SCRIPTS-->', () => scripts);
  if (html.split(CORPORA_MARKER).length !== 2) throw new Error(`the playground template must hold ${CORPORA_MARKER} exactly once`);
  return html;
}
