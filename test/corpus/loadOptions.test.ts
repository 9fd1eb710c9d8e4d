/**
 * validateLoadOptions, loadCorpus's checks (src/corpus/loadOptions.ts): each refusal's whole line (the
 * message and the hint the CLI prints in parentheses), every option a caller may pass accepted, and an
 * option given as undefined taking its default. The random refusals through loadCorpus are in
 * loadOptions.property.test.ts.
 */

import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { validateLoadOptions } from '../../src/corpus/loadOptions.js';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { thrown } from '../helpers/thrown.js';

/** The refusal's line as the CLI prints it, or undefined if the options pass. */
function refusal(specs: unknown, options: unknown): string | undefined {
  const error = thrown(() => validateLoadOptions(specs, options));
  if (error === undefined) return undefined;
  expect(error).toBeInstanceOf(UsageError);
  return `${(error as UsageError).message} (${(error as UsageError).hint})`;
}

const TOKENIZERS = 'word, wordpunct, treebank, whitespace, char, gpt2, cl100k, o200k, bpe:K';
const KNOWN = 'tokenizer, lowercase, sentences, normalize, emptySentences, jsonlField, maxTokens, cwd, stdin, onWarning, onProgress, subwordTraining, bpeMerges, brownCache';

describe('validateLoadOptions', () => {
  it('refuses specs that are not a list of names', () => {
    const hint = "pass e.g. ['brown:news'] or ['corpus.txt']";
    expect(refusal('brown:news', {})).toBe(`specs must be a list of corpus names, got 'brown:news' (${hint})`);
    // the bad one named by its place (in a long list the quoted list was cut before it: audit)
    expect(refusal(['brown:news', 5], {})).toBe(`specs[1] must be a corpus name, got '5' (${hint})`);
    expect(refusal([], {})).toBeUndefined(); // an empty list is loadCorpus's own InputError ("no corpus given")
  });

  it('refuses options that are not an object', () => {
    expect(refusal(['brown'], null)).toBe('options must be an object, got null (pass options as an object of settings)');
  });

  it('refuses an unknown option, listing the known ones', () => {
    expect(refusal(['brown'], { lowerCase: false })).toBe(`unknown loadCorpus option 'lowerCase' (known: ${KNOWN})`);
  });

  it('words each kind of bad value', () => {
    expect(refusal(['brown'], { tokenizer: 'spaces' })).toBe(`unknown tokenizer value 'spaces' (use one of: ${TOKENIZERS})`);
    // a list holding a name is no name, although it converts to one as a property key
    expect(refusal(['brown'], { tokenizer: ['word'] })).toBe(`tokenizer must be one of: ${TOKENIZERS}, got ["word"] (pass one of: ${TOKENIZERS})`);
    expect(refusal(['brown'], { sentences: 'lines' })).toBe("unknown sentences value 'lines' (use one of: auto, line)");
    expect(refusal(['brown'], { normalize: 'NFD' })).toBe("unknown normalize value 'NFD' (use one of: NFC, none)");
    expect(refusal(['brown'], { maxTokens: 0 })).toBe("maxTokens must be a whole number >= 1, got '0' (pass a whole number >= 1)");
    expect(refusal(['brown'], { lowercase: 'yes' })).toBe("lowercase must be true or false, got the string 'yes' (pass true or false)");
  });

  it('refuses a callback, the merges or the stream of the wrong kind', () => {
    for (const key of ['onWarning', 'onProgress', 'subwordTraining']) {
      expect(refusal(['brown'], { [key]: 'log' })).toBe(`${key} must be a function, got 'log' (pass a function, or leave it out)`);
    }
    expect(refusal(['brown'], { brownCache: 'no' })).toBe("brownCache must be true or false, got the string 'no' (pass true or false)");
    expect(refusal(['brown'], { bpeMerges: 'a b' })).toBe(
      "bpeMerges must be a list of merges ({ left, right } strings), got 'a b' (pass the merges a first bpe:K read returned (LoadedCorpus.merges), or leave it out)",
    );
    const hint = '(pass process.stdin or a Readable, or leave it out)';
    expect(refusal(['-'], { stdin: 'text' })).toBe(`stdin must be a readable stream, got 'text' ${hint}`);
    expect(refusal(['-'], { stdin: null })).toBe(`stdin must be a readable stream, got null ${hint}`);
    expect(refusal(['-'], { stdin: {} })).toBe(`stdin must be a readable stream, got {} ${hint}`);
  });

  it('accepts every option a caller may pass, and undefined for any of them', () => {
    const given = {
      tokenizer: 'bpe:50',
      lowercase: false,
      sentences: 'line',
      normalize: 'none',
      emptySentences: true,
      jsonlField: 'body',
      maxTokens: 10,
      cwd: '/tmp',
      stdin: new PassThrough(),
      onWarning: () => {},
      onProgress: () => {},
      bpeMerges: [],
      brownCache: false,
    };
    expect(validateLoadOptions(['brown'], given)).toBe(given);
    // subwordTraining instead of bpeMerges (one of the two: given merges are not learned)
    const learning = { tokenizer: 'bpe:50', subwordTraining: () => new Uint8Array() };
    expect(validateLoadOptions(['brown'], learning)).toBe(learning);
    const none = Object.fromEntries([...Object.keys(given).slice(0, -2), 'subwordTraining', 'bpeMerges', 'brownCache'].map((key) => [key, undefined]));
    expect(Object.keys(none).join(', ')).toBe(KNOWN);
    expect(validateLoadOptions(['brown'], none)).toBe(none);
  });

  it('refuses subwordTraining and bpeMerges where they would do nothing (taken and ignored, or every merge applied whatever K: library probe)', () => {
    const learn = (): Uint8Array => new Uint8Array();
    const merges = (count: number): Array<{ left: string; right: string }> => Array.from({ length: count }, (_, i) => ({ left: `a${i}`, right: 'b' }));
    // another tokenizer learns no merges: the default (wordpunct), a word-level one, a published encoding
    expect(refusal(['brown'], { subwordTraining: learn })).toBe("subwordTraining is for a bpe:K tokenizer only, got tokenizer 'wordpunct' (leave subwordTraining out, or pass tokenizer: 'bpe:K')");
    expect(refusal(['brown'], { tokenizer: 'char', bpeMerges: [] })).toBe("bpeMerges is for a bpe:K tokenizer only, got tokenizer 'char' (leave bpeMerges out, or pass tokenizer: 'bpe:K')");
    expect(refusal(['brown'], { tokenizer: 'gpt2', subwordTraining: learn })).toBe("subwordTraining is for a bpe:K tokenizer only, got tokenizer 'gpt2' (leave subwordTraining out, or pass tokenizer: 'bpe:K')");
    // both: the given merges are applied, nothing is learned on the chosen sentences
    expect(refusal(['brown'], { tokenizer: 'bpe:5', subwordTraining: learn, bpeMerges: [] })).toBe(
      'subwordTraining and bpeMerges were both given: with bpeMerges no merge is learned (pass subwordTraining to learn the merges on chosen sentences, or bpeMerges to spell with merges learned before)',
    );
    // bpe:5 learns at most 5 merges: 5 are taken (fewer when no pair is left), 6 are not
    expect(refusal(['brown'], { tokenizer: 'bpe:5', bpeMerges: merges(5) })).toBeUndefined();
    expect(refusal(['brown'], { tokenizer: 'bpe:5', bpeMerges: merges(6) })).toBe("bpeMerges holds 6 merges, more than the 5 of tokenizer 'bpe:5' (pass the merges a bpe:5 read returned (at most 5), or the tokenizer they were learned with)");
  });

  it('says what is wrong with a malformed bpe:K, as the command line does (not "unknown tokenizer value": library probe)', () => {
    expect(refusal(['brown'], { tokenizer: 'bpe:0' })).toBe("tokenizer 'bpe:0' needs a whole number of merges from 1 to 1000000 (write it as bpe:K, e.g. bpe:2000)");
    expect(refusal(['brown'], { tokenizer: 'bpe:07' })).toBe("tokenizer 'bpe:07' writes its number of merges with a leading zero (write it as bpe:7)");
    expect((thrown(() => validateLoadOptions(['brown'], { tokenizer: 'bpe:0' })) as UsageError).setting).toBe('tokenizer');
  });

  it('loads with every option undefined as with none (the defaults)', async () => {
    const undefinedOptions = { tokenizer: undefined, lowercase: undefined, sentences: undefined, maxTokens: undefined };
    const stdin = (): PassThrough => new PassThrough().end('One Two.  Three four!\n');
    const given = await loadCorpus(['-'], { ...undefinedOptions, stdin: stdin() });
    const plain = await loadCorpus(['-'], { stdin: stdin() });
    expect(given.vocabulary.toArray()).toEqual(plain.vocabulary.toArray());
    expect(plain.vocabulary.toArray().slice(-6)).toEqual(['one', 'two', '.', 'three', 'four', '!']); // lowercased wordpunct
  });
});
