import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArpa } from '../../src/model/readArpa.js';
import { cli, tempDir } from '../helpers/cli.js';

const demo = join(import.meta.dirname, '../../corpora/lighthouse.txt');

describe('ngram-collapse train (in-process)', () => {
  it('--eval --json reports perplexity, cross-entropy, OOV rate and counts', async () => {
    const result = await cli(['train', '--corpus', demo, '--smoothing', 'kneser-ney', '--eval', demo, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { tokens: number; sentences: number; eval: { perplexity: number; crossEntropyBits: number; oovRate: number; predictions: number } };
    expect(report.tokens).toBe(1118);
    // predictions = tokens + sentences (every </s> is predicted)
    expect(report.eval.predictions).toBe(1118 + report.sentences);
    expect(report.eval.oovRate).toBe(0);
    expect(report.eval.perplexity).toBeCloseTo(2 ** report.eval.crossEntropyBits, 9);
    expect(report.eval.perplexity).toBeGreaterThan(1);
  });

  it('says a model without discounts has no discount fallback, as the curves CSV leaves it empty (it said no / false)', async () => {
    for (const smoothing of ['mle', 'witten-bell', 'add-k']) {
      const json = JSON.parse((await cli(['train', '--corpus', demo, '--smoothing', smoothing, '--json'])).stdout) as { discountFallback: unknown };
      expect(json.discountFallback, smoothing).toBeNull();
      expect((await cli(['train', '--corpus', demo, '--smoothing', smoothing])).stdout).toContain(`discount fallback: none (${smoothing} has no discounts)`);
    }
    const kn = JSON.parse((await cli(['train', '--corpus', demo, '--smoothing', 'kneser-ney', '--json'])).stdout) as { discountFallback: unknown };
    expect(typeof kn.discountFallback).toBe('boolean');
  });

  it('an MLE model giving a held-out event probability 0: perplexity Infinity in the text, null in --json', async () => {
    const cwd = tempDir();
    // trained on "a b ." only; the held-out "b a ." has the bigram (b a), which MLE gives probability 0
    writeFileSync(join(cwd, 'train.txt'), 'a b .\n');
    writeFileSync(join(cwd, 'held.txt'), 'b a .\n');
    const args = ['train', '--corpus', 'train.txt', '--sentences', 'line', '--tokenizer', 'whitespace', '--order', '2', '--eval', 'held.txt'];
    const text = await cli(args, { cwd });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^eval: perplexity Infinity, cross-entropy Infinity bits, /mu);
    const json = await cli([...args, '--json'], { cwd });
    const report = JSON.parse(json.stdout) as { eval: { perplexity: unknown; crossEntropyBits: unknown } };
    expect(report.eval.perplexity).toBeNull();
    expect(report.eval.crossEntropyBits).toBeNull();
  });

  it('--arpa - writes the model to standard output, byte for byte the file, and the summary to stderr', async () => {
    const cwd = tempDir();
    const args = ['train', '--corpus', demo, '--order', '2', '--smoothing', 'witten-bell'];
    expect((await cli([...args, '--arpa', 'model.arpa'], { cwd })).code).toBe(0);
    const piped = await cli([...args, '--arpa', '-', '--json'], { cwd });
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(readFileSync(join(cwd, 'model.arpa'), 'utf8'));
    expect((JSON.parse(piped.stderr) as { arpa: string }).arpa).toBe('standard output');
  });

  it("names the --eval text in its own warnings (they read as the corpus's: audit)", async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'en.txt'), 'a b c\nb c a\n');
    // 4 Greek words of 3 letters: wordpunct cuts all 12 letters out of their words, 12 tokens (100%)
    writeFileSync(join(folder, 'el.txt'), 'και του την <s>\nαπό\n');
    const trained = await cli(['train', '--corpus', 'en.txt', '--order', '2', '--eval', 'el.txt'], { cwd: folder });
    expect(trained.code).toBe(0);
    expect(trained.stderr).toBe(
      "ngram-collapse: warning: --eval el.txt: the corpus contains 1 '<s>' / '</s>' token(s); they are the sentence boundary markers and were dropped\n" +
        'ngram-collapse: warning: --eval el.txt: the wordpunct tokenizer cut 12 letters out of words, each now a token (100% of the tokens: it takes only A-Z and Latin-1 letters for word letters); --tokenizer whitespace keeps words of every script whole (--tokenizer char makes each character a token, for text written without spaces)\n',
    );
  });

  it('warns when the text holds <unk>, which ARPA readers take as the unknown word (it was written as a word, silently: audit)', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'unk.txt'), 'a b\n<unk> a\n');
    const withUnk = await cli(['train', '--corpus', 'unk.txt', '--tokenizer', 'whitespace', '--sentences', 'line', '--order', '2', '--arpa', 'm.arpa'], { cwd: folder });
    expect(withUnk.code).toBe(0);
    expect(withUnk.stderr).toBe("ngram-collapse: warning: the text holds the token <unk>, an ordinary word to ngram-collapse and the unknown word to ARPA readers: KenLM's query gives every token outside the vocabulary its probability, where --eval skips such tokens (rename it in the text to keep the two apart)\n");
    expect(readFileSync(join(folder, 'm.arpa'), 'utf8')).toMatch(/\t<unk>\t?/u);
    // without --arpa there is no ARPA reader to mislead; without <unk>, nothing to say
    expect((await cli(['train', '--corpus', 'unk.txt', '--tokenizer', 'whitespace', '--sentences', 'line', '--order', '2'], { cwd: folder })).stderr).toBe('');
    writeFileSync(join(folder, 'plain.txt'), 'a b\nunk a\n');
    expect((await cli(['train', '--corpus', 'plain.txt', '--tokenizer', 'whitespace', '--sentences', 'line', '--order', '2', '--arpa', 'p.arpa'], { cwd: folder })).stderr).toBe('');
  });

  it('--arpa writes a model whose header counts match its sections', async () => {
    const cwd = tempDir();
    const result = await cli(['train', '--corpus', demo, '--order', '2', '--smoothing', 'witten-bell', '--arpa', 'model.arpa'], { cwd });
    expect(result.code).toBe(0);
    const text = readFileSync(join(cwd, 'model.arpa'), 'utf8');
    expect(text.startsWith('\\data\\\n')).toBe(true);
    const arpa = readArpa(text);
    expect(arpa.order).toBe(2);
    const header = [...text.matchAll(/^ngram (\d)=(\d+)$/gmu)].map((m) => Number(m[2]));
    expect(header).toHaveLength(2);
    const sections = text.split(/\\\d-grams:\n/u).slice(1).map((part) => part.split('\n\n')[0]!.trim().split('\n').length);
    expect(sections).toEqual(header);
    expect(text.trimEnd().endsWith('\\end\\')).toBe(true);
  });

  it('reads --eval before it trains or writes: a bad evaluation text leaves no ARPA file', async () => {
    const cwd = tempDir();
    const missing = await cli(['train', '--corpus', demo, '--eval', 'missing.txt', '--arpa', 'model.arpa'], { cwd });
    expect(missing.code).toBe(2);
    // named as the evaluation text, not as a corpus (it said "corpus 'missing.txt' not found", as if --corpus were wrong)
    expect(missing.stderr).toMatch(/^ngram-collapse: --eval text 'missing\.txt' not found/u);
    const brownMissing = await cli(['train', '--corpus', 'nope.txt', '--eval', 'missing.txt'], { cwd });
    expect(brownMissing.stderr).toMatch(/^ngram-collapse: --eval text 'missing\.txt' not found/u); // checked before the corpus loads
    expect((await cli(['train', '--corpus', demo, '--eval', 'x*.txt'], { cwd })).stderr).toMatch(/^ngram-collapse: no file matches the --eval text 'x\*\.txt'/u);
    writeFileSync(join(cwd, 'blank.txt'), '  \n\n');
    const blank = await cli(['train', '--corpus', demo, '--eval', 'blank.txt', '--arpa', 'model.arpa'], { cwd });
    expect(blank.code).toBe(2);
    expect(existsSync(join(cwd, 'model.arpa'))).toBe(false);
  });

  it.runIf(existsSync('/dev/full'))('a write that fails (a full disk) exits with 1, as every other writer, not 2 (bad input)', async () => {
    const result = await cli(['train', '--corpus', demo, '--arpa', '/dev/full']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('ngram-collapse: cannot write /dev/full: ENOSPC: no space left on device, write (free some space, or write to another disk)\n');
  });

  it('counts in words a reader reads: 1 sentence, 1 token (it said "1 sentences")', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'one.txt'), 'a\n');
    const result = await cli(['train', '--corpus', 'one.txt', '--sentences', 'line', '--tokenizer', 'whitespace', '--eval', 'one.txt'], { cwd });
    expect(result.stdout).toContain('trained on: 1 sentence, 1 token, 1 type');
    expect(result.stdout).toContain('(0 of 1 token), 1 sentence, 2 predictions scored');
  });

  it('refuses standard input as both --corpus and --eval (the second read would find it empty)', async () => {
    const result = await cli(['train', '--corpus', '-', '--eval', '-'], { stdin: 'the cat sat.\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('ngram-collapse: standard input (-) is given twice (--corpus and --eval) (pass - once)\n');
  });

  it('refuses add-k with --arpa in one line, exit 2, and writes nothing', async () => {
    const cwd = tempDir();
    const result = await cli(['train', '--corpus', demo, '--smoothing', 'add-k', '--arpa', 'model.arpa'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ngram-collapse: add-k is not a back-off model/u);
    expect(existsSync(join(cwd, 'model.arpa'))).toBe(false);
  });
});
