#!/usr/bin/env node
/**
 * The build stamp: `prepare` builds only when dist/ was not built from these very inputs.
 *
 * Why: npm 11 answers the first `npx ngram-collapse` typed in a checkout by installing the project
 * itself into npx's cache, which runs its `prepare` again: a whole `npm run build` (6-10 s here) in
 * front of the README's first command, right after `npm ci` had built the same dist/. With the stamp,
 * that `prepare` finds dist/ current and returns at once.
 *
 * Contract: `digest(root)` is the SHA-256 of every build input, each file's path (relative, with `/`)
 * and bytes in path order: the folders src/, scripts/ and corpora/, and package.json,
 * package-lock.json and the tsconfig*.json files at the root (what tsc, the bundler, the Brown cache
 * and the playground page read; the dependencies are those package-lock.json names). Modes:
 * - `--remove`: deletes the stamp (the build's first step, so that a build stopped half way leaves none);
 * - `--write`: writes the digest to dist/.build-inputs (the build's last step);
 * - `--current`: exits 0 when dist/.build-inputs holds the digest of the inputs now, 1 otherwise.
 * `prepare` is `node scripts/build-stamp.mjs --current || npm run build`; `npm run build` (and so
 * `npm test`) always builds.
 */

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const FOLDERS = ['src', 'scripts', 'corpora'];
const ROOT_FILES = /^(?:package\.json|package-lock\.json|tsconfig[^/]*\.json)$/u;

/** The stamp's path under `root`. */
export function stampPath(root) {
  return join(root, 'dist', '.build-inputs');
}

/** Every build input under `root`, as relative paths with `/`, sorted. */
export function buildInputs(root) {
  const files = readdirSync(root).filter((name) => ROOT_FILES.test(name) && statSync(join(root, name)).isFile());
  for (const folder of FOLDERS) {
    if (!existsSync(join(root, folder))) continue;
    for (const entry of readdirSync(join(root, folder), { recursive: true })) {
      const path = join(root, folder, entry);
      if (statSync(path).isFile()) files.push(relative(root, path).split(sep).join('/'));
    }
  }
  return files.sort();
}

/** SHA-256 (hex) of the inputs' paths and bytes. */
export function digest(root) {
  const hash = createHash('sha256');
  for (const file of buildInputs(root)) {
    const bytes = readFileSync(join(root, file));
    hash.update(`${file}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** Whether the stamp under `root` names the inputs as they are now. */
export function isCurrent(root) {
  const stamp = stampPath(root);
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === digest(root);
}

function main(mode) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  if (mode === '--remove') return rmSync(stampPath(root), { force: true });
  if (mode === '--write') {
    mkdirSync(dirname(stampPath(root)), { recursive: true });
    return writeFileSync(stampPath(root), `${digest(root)}\n`);
  }
  if (mode === '--current') {
    process.exitCode = isCurrent(root) ? 0 : 1;
    return undefined;
  }
  process.stderr.write('usage: node scripts/build-stamp.mjs --remove | --write | --current\n');
  process.exitCode = 2;
  return undefined;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv[2]);
