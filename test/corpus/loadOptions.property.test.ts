/**
 * loadCorpus refuses bad options before reading anything: random invalid values of each option give a
 * UsageError naming the option, with the wording the CLI prints for its flag.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers/cli.js';

const TOKENIZERS = ['word', 'wordpunct', 'treebank', 'whitespace', 'char'];

const BAD: Record<string, fc.Arbitrary<unknown>> = {
  tokenizer: fc.oneof(fc.string().filter((s) => !TOKENIZERS.includes(s)), fc.integer(), fc.constant(null)),
  sentences: fc.oneof(fc.string().filter((s) => s !== 'auto' && s !== 'line'), fc.boolean()),
  lowercase: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
  maxTokens: fc.oneof(fc.integer({ max: 0 }), fc.double({ min: 1.01, max: 1e6 }).filter((x) => !Number.isInteger(x)), fc.constant(Number.NaN), fc.string()),
  jsonlField: fc.oneof(fc.constantFrom('', '  '), fc.integer(), fc.constant([])),
  cwd: fc.oneof(fc.constant(''), fc.integer(), fc.constant({})),
  onWarning: fc.oneof(fc.string(), fc.integer()),
  stdin: fc.oneof(fc.string(), fc.integer(), fc.constant({})),
};

describe('loadCorpus options', () => {
  it('loads with valid options (so the refusals are about the spoiled option)', async () => {
    const { corpus } = await loadCorpus(['brown:news'], { maxTokens: 200_000, tokenizer: 'whitespace', sentences: 'line', lowercase: false });
    expect(corpus.ids.length).toBeGreaterThan(0);
  });

  it('refuses any invalid option value with a UsageError naming the option', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(BAD)).chain((key) => BAD[key]!.map((value) => ({ key, value }))), async ({ key, value }) => {
        const load = loadCorpus(['brown:news'], { [key]: value } as never);
        await expect(load).rejects.toThrow(UsageError);
        await expect(loadCorpus(['brown:news'], { [key]: value } as never)).rejects.toThrow(key);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses an unknown option and specs that are not a list of names', async () => {
    await expect(loadCorpus(['brown:news'], { lowerCase: false } as never)).rejects.toThrow("unknown loadCorpus option 'lowerCase'");
    await expect(loadCorpus('brown:news' as never)).rejects.toThrow("specs must be a list of corpus names, got 'brown:news'");
  });

  it('words a bad tokenizer as the CLI does for --tokenizer', async () => {
    await expect(loadCorpus(['brown:news'], { tokenizer: 'spaces' } as never)).rejects.toThrow("unknown tokenizer value 'spaces'");
    const result = await cli(['run', '--tokenizer', 'spaces']);
    // and a config file's, as its other names are (it read `"tokenizer": unknown tokenizer 'foo'`: audit)
    const cwd = tempDir();
    writeFileSync(join(cwd, 'c.json'), '{"tokenizer": "spaces"}');
    expect((await cli(['run', '--config', 'c.json'], { cwd })).stderr).toBe("ngram-collapse: --config c.json: unknown \"tokenizer\" value 'spaces' (use one of: word, wordpunct, treebank, whitespace, char, gpt2, cl100k, o200k, bpe:K)\n");
    expect(result.stderr).toBe("ngram-collapse: unknown --tokenizer value 'spaces' (use one of: word, wordpunct, treebank, whitespace, char, gpt2, cl100k, o200k, bpe:K)\n");
  });
});
