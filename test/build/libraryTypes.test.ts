/**
 * The package's type declarations as a TypeScript program that installed it compiles against them
 * (strict, `node16` resolution through `exports`): the README's library examples (its "Library"
 * section's ```ts blocks that import the package) and the option shapes the README calls optional
 * compile; a misspelt option does not. Runs tsc on the built dist/*.d.ts (a few seconds).
 * (`extras: { extinctions: true }`, "each optional" in the README, was a type error: audit.)
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const TSC = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');

/** The README's library examples: the ```ts blocks of "## Library" that import the package. */
function readmeExamples(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Library\n'), readme.indexOf('\n## Architecture\n'));
  return [...section.matchAll(/```ts\n([\s\S]*?)```/gu)].map((match) => match[1]!).filter((block) => block.startsWith('import '));
}

/** Shapes the README documents as optional or allowed, each in a file of its own. */
const SHAPES = `import { loadCorpus, simulateAsync, DEFAULT_RUN, type SeriesRow } from 'ngram-collapse';
const { vocabulary, corpus } = await loadCorpus(['brown:news']);
const rows: SeriesRow[] = [];
// "extras (extinctions, texts, sentencePerplexities)", each optional
await simulateAsync(corpus, vocabulary.size, DEFAULT_RUN, { extras: { extinctions: true } }, { onRow: (row) => rows.push(row) });
await simulateAsync(corpus, vocabulary.size, DEFAULT_RUN, { extras: { sentencePerplexities: true } }, {});
await simulateAsync(corpus, vocabulary.size, DEFAULT_RUN, { workers: 2, shard: { index: 1, count: 2 } }, {});
`;

/** Compiles `files` (name -> source) as a program that installed the package; tsc's output, empty when it compiles. */
function compile(files: Record<string, string>): { status: number | null; output: string } {
  const root = tempDir();
  mkdirSync(join(root, 'node_modules', '@types'), { recursive: true });
  symlinkSync(ROOT, join(root, 'node_modules', 'ngram-collapse'));
  symlinkSync(join(ROOT, 'node_modules', '@types', 'node'), join(root, 'node_modules', '@types', 'node'));
  writeFileSync(join(root, 'package.json'), '{"type": "module"}\n');
  const compilerOptions = { strict: true, noEmit: true, target: 'ES2022', module: 'node16', moduleResolution: 'node16', types: ['node'], skipLibCheck: false };
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: Object.keys(files) }));
  for (const [name, source] of Object.entries(files)) writeFileSync(join(root, name), source);
  const result = spawnSync(process.execPath, [TSC, '-p', root], { cwd: root, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

describe('the type declarations, for a program that installed the package', () => {
  it("compile the README's library examples and the option shapes it calls optional; refuse a misspelt option", { timeout: 60_000 }, () => {
    const examples = readmeExamples();
    expect(examples.length).toBeGreaterThanOrEqual(2);
    const files = Object.fromEntries([...examples.map((example, index) => [`example${index + 1}.ts`, `${example}\nexport {};\n`]), ['shapes.ts', `${SHAPES}\nexport {};\n`]]);
    // a misspelt key is a type error (the check that compiling means something)
    files['misspelt.ts'] = "import { simulateAsync, DEFAULT_RUN, corpusFromSentences } from 'ngram-collapse';\nawait simulateAsync(corpusFromSentences([[2]]), 3, DEFAULT_RUN, { wokers: 2 }, {});\nexport {};\n";
    const { status, output } = compile(files);
    expect(output.split('\n').filter((line) => !line.startsWith('misspelt.ts'))).toEqual([]);
    expect(output).toMatch(/^misspelt\.ts\(2,\d+\): error TS2561: Object literal may only specify known properties, but 'wokers' does not exist in type 'SimulateAsyncOptions'/mu);
    expect(status).toBe(1); // tsc's status for errors in a program it compiled
  });
});

describe("the README's Library section", () => {
  it('names every value the package exports (89 of 190 names were in no document: audit)', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const library = readme.slice(readme.indexOf('\n## Library\n'), readme.indexOf('\n## Architecture\n'));
    const exported = Object.keys(await import(join(ROOT, 'dist', 'index.js')));
    expect(exported.length).toBeGreaterThan(100);
    expect(exported.filter((name) => !new RegExp(`\\b${name}\\b`, 'u').test(library))).toEqual([]);
  });
});
