/**
 * `npm run build`'s last step: bundles the playground (bundle.ts) into dist/playground/template.html
 * and writes dist/playground.html with the default corpora (the page the README links a copy of).
 * Build time only: it loads esbuild.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildPlaygroundTemplate } from './bundle.js';
import { DEFAULT_PLAYGROUND_CORPORA } from './embeddedCorpus.js';
import { PACKAGE_ROOT, TEMPLATE_PATH, writePlayground } from './playgroundFile.js';

const template = await buildPlaygroundTemplate();
mkdirSync(dirname(TEMPLATE_PATH), { recursive: true });
writeFileSync(TEMPLATE_PATH, template);
const out = join(PACKAGE_ROOT, 'dist', 'playground.html');
const bytes = writePlayground(out, DEFAULT_PLAYGROUND_CORPORA, PACKAGE_ROOT, template);
process.stdout.write(`playground: template ${(Buffer.byteLength(template) / 1e6).toFixed(2)} MB, dist/playground.html ${(bytes / 1e6).toFixed(2)} MB\n`);
