import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle } from '../../src/playground/bundle.js';
import { tempDir } from '../helpers/cli.js';

describe('the playground bundle', () => {
  it('refuses a Node built-in pulled into the page, naming the file that imports it', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'entry.ts'), "import { readFileSync } from 'node:fs';\nconsole.log(readFileSync);\n");
    await expect(bundle(join(folder, 'entry.ts'))).rejects.toThrow(/node:fs is pulled into the playground's browser bundle by .*entry\.ts/u);
  });

  it('bundles the corpus loader and the simulation without one (the three shims aside)', async () => {
    const code = await bundle('worker.ts');
    expect(code).not.toMatch(/require\(["'](node:)?(fs|path|os|stream|worker_threads|util|crypto|module)["']\)/u);
    expect(code).toContain('ngram-collapse: ');
  });
});
