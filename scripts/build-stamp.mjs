#!/usr/bin/env node
/**
 * The build stamp: `prepare` builds only when dist/ is what building these very inputs wrote.
 *
 * Why: npm 11 answers the first `npx ngram-collapse` typed in a checkout by installing the project
 * itself into npx's cache, which runs its `prepare` again: a whole `npm run build` (6-10 s here) in
 * front of the README's first command, right after `npm ci` had built the same dist/. With the stamp,
 * that `prepare` finds dist/ current and returns at once.
 *
 * Contract: the stamp, dist/.build-inputs, holds two SHA-256 digests, each of files' paths (relative,
 * with `/`) and bytes in path order: `inputs`, of every build input (the folders src/, scripts/ and
 * corpora/; package.json, package-lock.json, tsconfig*.json at the root; node_modules/.package-lock.json,
 * npm's record of the installed dependencies, which the bundle and the Brown cache read), and
 * `outputs`, of every file under dist/ but the stamp. dist/ is current only when both match: a dist/
 * written since by anything else (an older commit's build, a step run by hand, files removed) is
 * built again. Modes:
 * - `--remove`: deletes the stamp (the build's first step, so that a build stopped half way leaves none);
 * - `--write`: writes the stamp (the build's last step);
 * - `--current`: exits 0 when the stamp matches the inputs and dist/ as they are now, 1 otherwise.
 * `prepare` is `node scripts/build-stamp.mjs --current || npm run build`; `npm run build` (and so
 * `npm test`) always builds.
 */

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const FOLDERS = ['src', 'scripts', 'corpora'];
const ROOT_FILES = /^(?:package\.json|package-lock\.json|tsconfig[^/]*\.json)$/u;
/** npm's record of what it installed (rewritten by every install). */
const INSTALLED = 'node_modules/.package-lock.json';

/** The stamp's path under `root`. */
export function stampPath(root) {
  return join(root, 'dist', '.build-inputs');
}

/** The regular files under `folder` (relative to `root`, with `/`), or none when it does not exist. */
function filesUnder(root, folder) {
  if (!existsSync(join(root, folder))) return [];
  return readdirSync(join(root, folder), { recursive: true })
    .map((entry) => join(root, folder, entry))
    .filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile() === true) // (a link to nothing, such as an editor's lock, is no file)
    .map((path) => relative(root, path).split(sep).join('/'));
}

/** Every build input under `root`, as relative paths with `/`, sorted. */
export function buildInputs(root) {
  const files = readdirSync(root).filter((name) => ROOT_FILES.test(name) && statSync(join(root, name)).isFile());
  if (existsSync(join(root, INSTALLED))) files.push(INSTALLED);
  for (const folder of FOLDERS) files.push(...filesUnder(root, folder));
  return files.sort();
}

/** Every file the build wrote: dist/ but the stamp, sorted. */
export function buildOutputs(root) {
  const stamp = relative(root, stampPath(root)).split(sep).join('/');
  return filesUnder(root, 'dist').filter((file) => file !== stamp).sort();
}

/** SHA-256 (hex) of the files' paths and bytes. */
function digestOf(root, files) {
  const hash = createHash('sha256');
  for (const file of files) {
    const bytes = readFileSync(join(root, file));
    hash.update(`${file}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** The stamp's content for `root` as it is now. */
export function stamp(root) {
  return `${JSON.stringify({ inputs: digestOf(root, buildInputs(root)), outputs: digestOf(root, buildOutputs(root)) })}\n`;
}

/** Whether the stamp under `root` names the inputs and the outputs as they are now. */
export function isCurrent(root) {
  const path = stampPath(root);
  return existsSync(path) && readFileSync(path, 'utf8') === stamp(root);
}

function main(mode) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  if (mode === '--remove') return rmSync(stampPath(root), { force: true });
  if (mode === '--write') {
    mkdirSync(dirname(stampPath(root)), { recursive: true });
    return writeFileSync(stampPath(root), stamp(root));
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
