/**
 * The build stamp (scripts/build-stamp.mjs): `prepare` skips the build only when dist/ was built from
 * the inputs as they are now. Run as a process on a small copy of the tree, as npm runs it.
 */

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';

const SCRIPT = new URL('../../scripts/build-stamp.mjs', import.meta.url).pathname;

function tree(): string {
  const root = tempDir();
  for (const folder of ['scripts', 'src/deep', 'corpora', 'test', 'node_modules']) mkdirSync(join(root, folder), { recursive: true });
  copyFileSync(SCRIPT, join(root, 'scripts', 'build-stamp.mjs'));
  writeFileSync(join(root, 'src', 'deep', 'a.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'corpora', 'x.txt'), 'one sentence\n');
  writeFileSync(join(root, 'package.json'), '{"name": "x"}\n');
  writeFileSync(join(root, 'tsconfig.build.json'), '{}\n');
  writeFileSync(join(root, 'README.md'), 'readme\n');
  return root;
}

const stamp = (root: string, mode: string): number | null => spawnSync(process.execPath, [join(root, 'scripts', 'build-stamp.mjs'), mode]).status;

describe('build stamp', () => {
  it('is current only after --write and until an input or a file of dist/ changes, appears or goes; other files do not count', () => {
    const root = tree();
    expect(stamp(root, '--current')).toBe(1); // no dist/ yet: build
    mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
    writeFileSync(join(root, 'dist', 'cli', 'main.js'), 'built\n');
    expect(stamp(root, '--write')).toBe(0);
    expect(readFileSync(join(root, 'dist', '.build-inputs'), 'utf8')).toMatch(/^\{"inputs":"[0-9a-f]{64}","outputs":"[0-9a-f]{64}"\}\n$/u);
    expect(stamp(root, '--current')).toBe(0);
    writeFileSync(join(root, 'README.md'), 'changed\n');
    writeFileSync(join(root, 'test', 't.ts'), 'a test\n');
    expect(stamp(root, '--current')).toBe(0);
    const changes: Array<[string, string]> = [
      ['src/deep/a.ts', 'export const a = 2;\n'],
      ['src/deep/b.ts', 'new\n'],
      ['corpora/x.txt', 'another sentence\n'],
      ['package-lock.json', '{}\n'],
      ['tsconfig.build.json', '{"x": 1}\n'],
      ['scripts/other.mjs', '\n'],
      ['node_modules/.package-lock.json', '{"packages": {}}\n'], // npm installed other dependencies
      ['dist/cli/main.js', 'written by an older build\n'], // dist/ changed since the stamp: an older commit's build, a step by hand
      ['dist/cli/chunk.js', 'one more file\n'],
    ];
    for (const [file, content] of changes) {
      writeFileSync(join(root, file), content);
      expect(stamp(root, '--current'), file).toBe(1);
      expect(stamp(root, '--write')).toBe(0);
      expect(stamp(root, '--current'), file).toBe(0);
    }
    for (const gone of ['src/deep/b.ts', 'dist/cli/chunk.js']) {
      rmSync(join(root, gone));
      expect(stamp(root, '--current'), gone).toBe(1);
      expect(stamp(root, '--write')).toBe(0);
    }
    // a link to nothing (an editor's lock file) is no input: no crash, still current
    symlinkSync(join(root, 'nowhere'), join(root, 'src', '.#lock.ts'));
    expect(stamp(root, '--current')).toBe(0);
    expect(stamp(root, '--remove')).toBe(0);
    expect(stamp(root, '--current')).toBe(1);
    expect(stamp(root, '--bogus')).toBe(2);
  });

  it("is what prepare checks, and the build removes it first and writes it last (a build stopped half way leaves none)", () => {
    const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts['prepare']).toBe('node scripts/build-stamp.mjs --current || npm run build');
    expect(scripts['build']!.startsWith('node scripts/build-stamp.mjs --remove && ')).toBe(true);
    expect(scripts['build']!.endsWith(' && node scripts/build-stamp.mjs --write')).toBe(true);
    expect(scripts['test']!.startsWith('npm run build && ')).toBe(true); // the tests always build
  });
});
