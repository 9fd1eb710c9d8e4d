/**
 * What `npm pack` puts in the package (package.json's `files`): what an installed package runs from
 * (the CLI, the types, the built-in Brown's token cache, the playground's template, the corpora the
 * README's examples name), the licence package.json names (no LICENSE file shipped: audit), and not
 * what only the build uses (the page bundler, which imports the devDependency esbuild; the page the
 * build writes, which `playground` makes again from the template; the build stamp), nor tests or sources.
 * Lists the files with `npm pack --dry-run` (no script run, nothing written).
 */

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;

function packedFiles(): string[] {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((file) => file.path);
}

describe('the packed package', () => {
  const files = packedFiles();

  it('holds what an installed package runs from, its README and its licence', () => {
    for (const path of ['LICENSE', 'README.md', 'package.json', 'dist/cli/main.js', 'dist/index.js', 'dist/index.d.ts', 'dist/brown-tokens.bin', 'dist/playground/template.html', 'corpora/lighthouse.txt']) {
      expect(files, path).toContain(path);
    }
  });

  it('leaves out what only the build uses, the tests and the sources', () => {
    for (const path of ['dist/playground.html', 'dist/playground/bundle.js', 'dist/playground/buildPage.js', 'dist/.build-inputs']) expect(files, path).not.toContain(path);
    expect(files.filter((path) => /^(?:test|src|bench|scripts|docs)\//u.test(path))).toEqual([]);
  });
});
