/**
 * The model/sampler layering, read from the code: model code imports nothing from the sampler layer,
 * counts/ and random/ import neither, and every `import` in these folders resolves to a layer at or below
 * its own (counts < model < sampler; random and errors are leaves).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');
const RANK: Record<string, number> = { errors: 0, random: 0, vocabulary: 1, corpus: 1, counts: 2, model: 3, sampler: 4 };

function importsOf(folder: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const file of readdirSync(join(SRC, folder)).filter((name) => name.endsWith('.ts'))) {
    const text = readFileSync(join(SRC, folder, file), 'utf8');
    for (const match of text.matchAll(/from '(\.[^']+)'/gu)) {
      const target = resolve(join(SRC, folder), match[1]!).slice(SRC.length + 1);
      found.push([`${folder}/${file}`, target.includes('/') ? target.split('/')[0]! : target.replace(/\.js$/u, '')]);
    }
  }
  return found;
}

describe('model and sampler layers', () => {
  it.each(['counts', 'random', 'model', 'sampler'])('%s imports only from its own layer or below', (folder) => {
    const wrong = importsOf(folder).filter(([, layer]) => !(layer in RANK) || RANK[layer]! > RANK[folder]!);
    expect(wrong).toEqual([]);
  });

  it('finds the imports it checks (the parser is not blind)', () => {
    expect(importsOf('sampler')).toContainEqual(['sampler/samplerFor.ts', 'model']);
    expect(importsOf('model')).toContainEqual(['model/mle.ts', 'counts']);
  });
});
