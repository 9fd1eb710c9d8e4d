/**
 * The library's refusals in the CLI's words: the library's own error keeps the library's names, and
 * the line the CLI prints names the flag alone (src/cli/cliTerms.ts).
 */

import { types } from 'node:util';
import { describe, expect, it } from 'vitest';
import { inCliTerms } from '../../src/cli/cliTerms.js';
import { InputError, OutputWriteError, UsageError, describeError } from '../../src/errors.js';
import { checkAddKReserve } from '../../src/model/addK.js';

function refusal(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was refused');
}

describe('inCliTerms', () => {
  it("says --k where the library says k, and leaves the library's error as it was", () => {
    const library = refusal(() => checkAddKReserve(1e308, 4));
    expect(describeError(library)).toBe('k 1e+308 is too large for add-k over 4 types: k |V| is past the largest number (pass a k below 4.4e+307)');
    const cli = inCliTerms(library);
    expect(cli).toBeInstanceOf(UsageError);
    expect(describeError(cli)).toBe('--k 1e+308 is too large for add-k over 4 types: k |V| is past the largest number (pass a --k below 4.4e+307)');
    expect(describeError(library)).toBe('k 1e+308 is too large for add-k over 4 types: k |V| is past the largest number (pass a k below 4.4e+307)');
  });

  it('says --k also after words a caller put before the library\'s (round-2 audit: the pattern was anchored at the start)', () => {
    const wrapped = inCliTerms(new UsageError('recipe anchor: k 1e+308 is too large for add-k over 4 types', 'or else pass a k below 4.4e+307')) as UsageError;
    expect([wrapped.message, wrapped.hint]).toEqual(['recipe anchor: --k 1e+308 is too large for add-k over 4 types', 'or else pass a --k below 4.4e+307']);
  });

  it('names the flag alone where a hint names the setting and the flag', () => {
    const said = (hint: string): string => (inCliTerms(new InputError('m', hint)) as InputError).hint;
    expect(said('raise maxTokens, --max-tokens on the command line, or pass a smaller corpus')).toBe('raise --max-tokens, or pass a smaller corpus');
    expect(said('choose the field with jsonlField, --jsonl-field on the command line')).toBe('choose the field with --jsonl-field');
    expect(said('use the whitespace tokenizer, --tokenizer whitespace on the command line, which keeps words of every script whole')).toBe('use --tokenizer whitespace, which keeps words of every script whole');
    expect(said('use the char tokenizer, --tokenizer char on the command line, which makes each character a token')).toBe('use --tokenizer char, which makes each character a token');
  });

  it('says --anchor where the library says anchor (more anchor sentences than the human pool: it said "anchor 50": audit)', () => {
    const cli = inCliTerms(new InputError('anchor 50 needs that many human sentences, but the human pool has 8', 'pass a smaller anchor or a larger corpus')) as InputError;
    expect([cli.message, cli.hint]).toEqual(['--anchor 50 needs that many human sentences, but the human pool has 8', 'pass a smaller --anchor or a larger corpus']);
  });

  it("keeps the error's class and its own properties in the reworded copy (it was rebuilt as a plain InputError or UsageError)", () => {
    class RefusedCorpus extends InputError {
      readonly path = 'big.txt';
    }
    const library = new RefusedCorpus('the corpus holds more than 10 tokens', 'raise maxTokens, --max-tokens on the command line');
    const cli = inCliTerms(library) as RefusedCorpus;
    expect(cli).not.toBe(library);
    expect(cli).toBeInstanceOf(RefusedCorpus);
    expect([cli.name, cli.path, cli.stack, cli.message, cli.hint]).toEqual(['InputError', 'big.txt', library.stack, 'the corpus holds more than 10 tokens', 'raise --max-tokens']);
    expect(library.hint).toBe('raise maxTokens, --max-tokens on the command line');
    // a native Error, as the library's was (round-2 audit: a plain object with Error's prototype was none)
    expect(types.isNativeError(cli)).toBe(true);
    expect(Object.prototype.toString.call(cli)).toBe('[object Error]');
  });

  it('keeps any other error, and an InputError with no library phrase, as the very same object', () => {
    const other = new InputError('the corpus x.txt holds no tokens', 'pass a text');
    expect(inCliTerms(other)).toBe(other);
    const written = new OutputWriteError('o.csv', new Error('no space'));
    expect(inCliTerms(written)).toBe(written);
    // (a k in the middle of a message is no setting's name)
    const middle = new UsageError('--top-k 1e+308 is too large', 'pass a smaller --top-k');
    expect(inCliTerms(middle)).toBe(middle);
  });
});
