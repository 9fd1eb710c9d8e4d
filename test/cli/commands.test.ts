/**
 * `metrics --reference` and `generate` with smoothing, in-process, on hand-countable texts.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli.js';

/** The CSV as { column: value } of its only data row. */
function onlyRow(csv: string): Record<string, string> {
  const [header, row, ...rest] = csv.trim().split('\n');
  expect(rest).toEqual([]);
  const values = row!.split(',');
  return Object.fromEntries(header!.split(',').map((column, i) => [column, values[i]!]));
}

describe('metrics --reference', () => {
  // reference r.txt: "a b c d ." (5 types, each once: all rare); text t.txt: "a b a b ." (types a, b, .)
  const folder = (): string => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'r.txt'), 'a b c d .\n');
    writeFileSync(join(cwd, 't.txt'), 'a b a b .\n');
    return cwd;
  };

  it('survival and overlap columns compare against the reference: 3 of its 5 types kept', async () => {
    const result = await cli(['metrics', 't.txt', '--reference', 'r.txt', '--sentences', 'line'], { cwd: folder() });
    expect(result.code).toBe(0);
    const row = onlyRow(result.stdout);
    // text-only columns: 5 tokens, 3 types
    expect([row['text'], row['tokens'], row['types']]).toEqual(['t.txt', '5', '3']);
    // vocab_retention = rare_survival = survival_1 = 3/5 (a, b, . of a, b, c, d, .); no 2-5 band in r.txt
    expect([row['vocab_retention'], row['rare_survival'], row['survival_1'], row['survival_2_5']]).toEqual(['0.6', '0.6', '0.6', '']);
  });

  it('without --reference the first text is its own reference: everything survives', async () => {
    const result = await cli(['metrics', 't.txt', '--sentences', 'line'], { cwd: folder() });
    const row = onlyRow(result.stdout);
    expect([row['vocab_retention'], row['rare_survival'], row['js_divergence']]).toEqual(['1', '1', '0']);
  });

  it("names the text a warning is about (it said 'the corpus contains ...' of one of several)", async () => {
    const cwd = folder();
    writeFileSync(join(cwd, 'm.txt'), 'a <s> b .\n');
    const result = await cli(['metrics', 't.txt', 'm.txt', '--sentences', 'line'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("ngram-collapse: warning: m.txt: the corpus contains 1 '<s>' / '</s>' token(s); they are the sentence boundary markers and were dropped\n");
    // and once, where the warning names its file itself (`lat.txt: lat.txt is not valid UTF-8`: audit)
    writeFileSync(join(cwd, 'lat.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x0a]));
    const latin = await cli(['metrics', 't.txt', 'lat.txt'], { cwd });
    expect(latin.stderr).toMatch(/^ngram-collapse: warning: lat\.txt is not valid UTF-8 /u);
    // standard input names itself so (it read `-: standard input is not valid UTF-8`: review), and a
    // warning of the --reference text says so first, as train's --eval text's do (the same file as a
    // text and as the reference warned twice alike: review)
    const fromStandardInput = await cli(['metrics', '-'], { cwd, stdin: Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x0a]) });
    expect(fromStandardInput.stderr).toMatch(/^ngram-collapse: warning: standard input is not valid UTF-8 /u);
    const markedStandardInput = await cli(['metrics', '-', '--sentences', 'line'], { cwd, stdin: 'a <s> b .\n' });
    expect(markedStandardInput.stderr).toBe("ngram-collapse: warning: standard input: the corpus contains 1 '<s>' / '</s>' token(s); they are the sentence boundary markers and were dropped\n");
    const asReference = await cli(['metrics', 'lat.txt', '--reference', 'lat.txt'], { cwd });
    const [first, second, ...more] = asReference.stderr.split('\n').filter(Boolean);
    expect(first).toMatch(/^ngram-collapse: warning: --reference lat\.txt: lat\.txt is not valid UTF-8 /u);
    expect(second).toMatch(/^ngram-collapse: warning: lat\.txt is not valid UTF-8 /u);
    expect(more).toEqual([]);
    // a name the message happens to start with is still said (a text named `t` lost its name: audit)
    writeFileSync(join(cwd, 't'), 'a <s> b c\n');
    const short = await cli(['metrics', 't', '--sentences', 'line'], { cwd });
    expect(short.stderr).toBe("ngram-collapse: warning: t: the corpus contains 1 '<s>' / '</s>' token(s); they are the sentence boundary markers and were dropped\n");
    // Brown's text options, named once (`brown:news: --sentences line does nothing on brown:news`: audit)
    const brown = await cli(['metrics', 'brown:humor', '--sentences', 'line'], { cwd });
    expect(brown.stderr).toBe("ngram-collapse: warning: brown:humor: --sentences line does nothing on Brown: its sentences and tokens are its own, read from its tagged text\n");
  });

  it('--quiet silences the warnings of metrics, generate and train, and leaves their output (they had no --quiet: audit)', async () => {
    const cwd = folder();
    writeFileSync(join(cwd, 'm.txt'), 'a <s> b .\nc d e .\n');
    const warning = "ngram-collapse: warning: the corpus contains 1 '<s>' / '</s>' token(s); they are the sentence boundary markers and were dropped\n";
    for (const argv of [['metrics', 'm.txt'], ['generate', '--corpus', 'm.txt', '-n', '2'], ['train', '--corpus', 'm.txt', '--json']]) {
      const loud = await cli([...argv, '--sentences', 'line'], { cwd });
      const quiet = await cli([...argv, '--sentences', 'line', '--quiet'], { cwd });
      expect(loud.stderr.replace('warning: m.txt: ', 'warning: '), argv[0]).toBe(warning);
      expect([quiet.code, quiet.stderr, quiet.stdout], argv[0]).toEqual([0, '', loud.stdout]);
    }
  });

  it('names the text past --max-tokens: the --reference or --eval text, not "the corpus" (audit)', async () => {
    const cwd = folder();
    writeFileSync(join(cwd, 'big.txt'), 'a b c d e f g h .\n'.repeat(50)); // 450 tokens
    writeFileSync(join(cwd, 'small.txt'), 'a b .\n'); // 3 tokens
    const reference = await cli(['metrics', 'small.txt', '--reference', 'big.txt', '--max-tokens', '100'], { cwd });
    expect([reference.stderr, reference.code]).toEqual(['ngram-collapse: the --reference text big.txt has more than 100 tokens (raise --max-tokens, or pass a smaller corpus)\n', 2]);
    const evaluated = await cli(['train', '--corpus', 'small.txt', '--eval', 'big.txt', '--max-tokens', '100'], { cwd });
    expect([evaluated.stderr, evaluated.code]).toEqual(['ngram-collapse: the --eval text big.txt has more than 100 tokens (raise --max-tokens, or pass a smaller corpus)\n', 2]);
  });

  it('a missing reference is an input error before any output', async () => {
    const result = await cli(['metrics', 't.txt', '--reference', 'nope.txt'], { cwd: folder() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ngram-collapse: --reference text 'nope\.txt' not found/u);
    expect(result.stdout).toBe('');
  });

  it('refuses standard input as a text and as the reference, or as two texts (it can be read once)', async () => {
    const asBoth = await cli(['metrics', '-', '--reference', '-'], { cwd: folder(), stdin: 'the cat sat.\n' });
    expect(asBoth.code).toBe(2);
    expect(asBoth.stderr).toBe('ngram-collapse: standard input (-) is given twice (a text and --reference) (pass - once)\n');
    const twice = await cli(['metrics', '-', 't.txt', '-'], { cwd: folder(), stdin: 'the cat sat.\n' });
    expect(twice.stderr).toBe('ngram-collapse: standard input (-) is given twice (a text and a text) (pass - once)\n');
  });
});

describe('generate with smoothing', () => {
  // Six sentences; with order 2 the seen bigrams are exactly those of these lines.
  const LINES = ['the cat sat', 'the dog ran', 'a cat ran', 'a dog sat', 'the cat ran', 'a dog ran'];
  const seen = new Set(LINES.flatMap((line) => bigrams(line.split(' '))));
  function bigrams(tokens: readonly string[]): string[] {
    return tokens.slice(1).map((token, i) => `${tokens[i]} ${token}`);
  }
  const generate = async (...flags: string[]): Promise<string[][]> => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'c.txt'), `${LINES.join('\n')}\n`);
    const result = await cli(['generate', '--corpus', 'c.txt', '--tokenizer', 'whitespace', '--sentences', 'line', '--order', '2', '-n', '200', '--max-sentence-length', '6', ...flags], { cwd });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').slice(0, -1);
    expect(lines).toHaveLength(200);
    return lines.map((line) => (line === '' ? [] : line.split(' ')));
  };
  const unseen = (sentences: string[][]): number => sentences.flatMap(bigrams).filter((pair) => !seen.has(pair)).length;

  it('MLE only ever writes bigrams of the corpus', async () => {
    expect(unseen(await generate('--smoothing', 'mle'))).toBe(0);
  });

  it.each([['kneser-ney'], ['witten-bell'], ['add-k']])('%s gives unseen bigrams probability, and they are drawn', async (smoothing) => {
    // e.g. "cat dog": P > 0 only through the lower order (or k); over 200 sentences some appear
    expect(unseen(await generate('--smoothing', smoothing, '--k', '1'))).toBeGreaterThan(0);
  });

  it('one seed gives the same sentences, another seed others', async () => {
    const first = await generate('--smoothing', 'kneser-ney', '--seed', '3');
    expect(await generate('--smoothing', 'kneser-ney', '--seed', '3')).toEqual(first);
    expect(await generate('--smoothing', 'kneser-ney', '--seed', '4')).not.toEqual(first);
  });

  it('smoothing and sampling combine: top-k 1 makes kneser-ney greedy, one sentence repeated', async () => {
    const sentences = await generate('--smoothing', 'kneser-ney', '--top-k', '1');
    expect(new Set(sentences.map((s) => s.join(' '))).size).toBe(1);
  });
});
