import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_TOKENS } from '../../src/cli/corpusOptions.js';
import { UsageError } from '../../src/errors.js';
import { DEFAULT_RUN } from '../../src/simulation/settings.js';
import {
  commandLine,
  configFromHash,
  configHash,
  controlError,
  defaultPageSettings,
  pageConfig,
  resolvePageConfig,
  type PageSettings,
} from '../../src/playground/pageConfig.js';
import { cli, tempDir } from '../helpers/cli.js';

const sweep = (state: PageSettings, values: Partial<PageSettings['values']>): PageSettings => ({ ...state, values: { ...state.values, ...values } });

describe('the page state <-> the --config JSON', () => {
  it('gives a JSONL field of spaces to the checks, which refuse it as the CLI does (it ran as if none were given: audit)', () => {
    const blank = { ...defaultPageSettings('brown:news'), jsonlField: '  ' };
    expect(pageConfig(blank)['jsonlField']).toBe('  ');
    expect(() => resolvePageConfig(pageConfig(blank))).toThrow(`#config: "jsonlField" must be a string that is not blank, got '  '`);
    expect(pageConfig(defaultPageSettings('brown:news'))).not.toHaveProperty('jsonlField');
  });

  it('keeps a number too small to be held as typed, for the checks to refuse (the link and the command line said 0: round 3)', () => {
    const tiny = sweep(defaultPageSettings('brown:news'), { humanRatio: '1e-400,0.1' });
    expect(pageConfig(tiny)['humanRatio']).toEqual(['1e-400', 0.1]);
    expect(commandLine(pageConfig(tiny))).toContain('--human-ratio 1e-400,0.1');
    expect(() => resolvePageConfig(pageConfig(tiny))).toThrow('1e-400 is too small to be held as a number');
  });

  it('the defaults are the CLI run defaults', () => {
    const resolved = resolvePageConfig(pageConfig(defaultPageSettings('brown:news')));
    expect(resolved.settings).toEqual(DEFAULT_RUN);
    expect(resolved.load).toEqual({ tokenizer: 'wordpunct', sentences: 'auto', lowercase: true, normalize: 'NFC' });
  });

  it('writes lists as JSON arrays of numbers or names and scalars as numbers', () => {
    const state = sweep({ ...defaultPageSettings('brown:news'), lowercase: false }, { humanRatio: '0,0.1', strategy: 'replace,accumulate', order: '2', generations: '5', tokens: '' });
    const config = pageConfig(state);
    expect(config['humanRatio']).toEqual([0, 0.1]);
    expect(config['strategy']).toEqual(['replace', 'accumulate']);
    expect(config['order']).toEqual([2]);
    expect(config['generations']).toBe(5);
    expect('tokens' in config).toBe(false); // empty = the CLI's default (the human pool's size)
    expect(config['lowercase']).toBe(false);
  });

  it('state -> config -> state is the identity, also through the address', () => {
    const state = sweep({ ...defaultPageSettings('corpora/lighthouse.txt'), tokenizer: 'char', sentences: 'line', jsonlField: 'body' }, { humanRatio: '0,0.5', topK: '10', tokens: '3000', seed: '7' });
    const hash = configHash(pageConfig(state));
    expect(hash.startsWith('#config=%7B')).toBe(true);
    expect(resolvePageConfig(configFromHash(hash)).state).toEqual(state);
  });

  it('fills every control from a config file, flag-style keys included, and ignores output keys', () => {
    // a config without a corpus takes the one the page passes (the page opens on it), else the CLI's brown
    expect(resolvePageConfig({ generations: 2 }, '#config', 'brown:news').state.corpus).toBe('brown:news');
    expect(resolvePageConfig({ generations: 2 }).state.corpus).toBe('brown');
    const { state, settings } = resolvePageConfig({ corpus: 'brown:fiction', 'human-ratio': '0,0.2', order: 3, out: 'x.csv', workers: 2, quiet: true });
    expect(state.corpus).toBe('brown:fiction');
    expect(state.values.humanRatio).toBe('0,0.2');
    expect(state.values.order).toBe('3');
    expect(state.values.generations).toBe(String(DEFAULT_RUN.generations));
    expect(settings.sweep.humanRatio).toEqual([0, 0.2]);
  });

  it('the command line reads back, through the CLI, as the same settings', async () => {
    const state = sweep({ ...defaultPageSettings('brown:news'), lowercase: false }, { humanRatio: '0,0.1', order: '2', smoothing: 'add-k', k: '0.5', generations: '3', topP: '0.9' });
    const config = pageConfig(state);
    const words = commandLine(config).split(' ');
    expect(words.slice(0, 2)).toEqual(['ngram-collapse', 'run']);
    const printed = await cli([...words.slice(1), '--print-config']);
    expect(printed.code).toBe(0);
    const fromCli = resolvePageConfig(JSON.parse(printed.stdout));
    expect(fromCli.settings).toEqual(resolvePageConfig(config).settings);
    // --print-config spells out the loader's size guard, which the page leaves at its default.
    expect(fromCli.load).toEqual({ ...resolvePageConfig(config).load, maxTokens: DEFAULT_MAX_TOKENS });
  });

  it('the config file it downloads is accepted by run --config', async () => {
    const folder = tempDir();
    const config = pageConfig(sweep(defaultPageSettings('brown:news'), { generations: '2', humanRatio: '0.3' }));
    writeFileSync(join(folder, 'config.json'), JSON.stringify(config));
    const printed = await cli(['run', '--config', 'config.json', '--print-config'], { cwd: folder });
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toMatchObject({ corpus: ['brown:news'], generations: 2, humanRatio: [0.3] });
  });

  it("spells --lowercase / --no-lowercase where it is not the tokenizer's own default", () => {
    const line = (tokenizer: string, lowercase: boolean): string => commandLine({ corpus: ['a.txt'], tokenizer, lowercase });
    expect(line('wordpunct', true)).toBe('ngram-collapse run --corpus a.txt --tokenizer wordpunct --out curves.csv');
    expect(line('wordpunct', false)).toBe('ngram-collapse run --corpus a.txt --tokenizer wordpunct --no-lowercase --out curves.csv');
    expect(line('bpe:500', false)).toBe('ngram-collapse run --corpus a.txt --tokenizer bpe:500 --out curves.csv');
    expect(line('bpe:500', true)).toBe('ngram-collapse run --corpus a.txt --tokenizer bpe:500 --lowercase --out curves.csv');
  });

  it('refuses reader settings no control holds at other values than their defaults (they would be dropped)', () => {
    expect(() => resolvePageConfig({ normalize: false })).toThrow('#config: "normalize": false cannot be used in the playground');
    expect(() => resolvePageConfig({ sentences: 'line', emptySentences: true })).toThrow('#config: "emptySentences": true cannot be used in the playground');
    // at their defaults (as --print-config writes them) they are accepted
    expect(resolvePageConfig({ normalize: true, emptySentences: false }).state.corpus).toBe('brown');
  });

  it('quotes a corpus name the shell would split', () => {
    expect(commandLine({ corpus: ["it's mine.txt"] })).toBe(`ngram-collapse run --corpus 'it'\\''s mine.txt' --out curves.csv`);
  });

  it('joins a value that starts with - to its flag, so the CLI does not read it as a flag', async () => {
    // a dropped file named -notes.txt (commander read `--corpus -notes.txt` as an unknown option '-notes.txt')
    const line = commandLine({ corpus: ['-notes.txt', 'b.txt', '-more.txt'] }, '-out.csv');
    expect(line).toBe('ngram-collapse run --corpus=-notes.txt --corpus b.txt --corpus=-more.txt --out=-out.csv');
    const printed = await cli([...line.split(' ').slice(1), '--print-config']);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toMatchObject({ corpus: ['-notes.txt', 'b.txt', '-more.txt'], out: '-out.csv' });
  });
});

describe('bad settings get the CLI messages', () => {
  it('a control names its flag, as the CLI does for the same value', async () => {
    const message = controlError('humanRatio', '0,2');
    const fromCli = await cli(['run', '--human-ratio', '0,2', '--generations', '1']);
    expect(fromCli.code).toBe(2);
    expect(`${message}\n`).toBe(fromCli.stderr);
    expect(controlError('order', '2')).toBeUndefined();
    expect(controlError('tokens', '')).toBeUndefined();
  });

  it('a crafted address is refused with one line, never half-applied', () => {
    expect(() => configFromHash('#config=%7Bnot json')).toThrow(UsageError);
    expect(() => configFromHash('#config=%E0%A4%A')).toThrow(/URL-encoded/u);
    // a key twice: JSON.parse kept the last (audit)
    expect(() => configFromHash(`#config=${encodeURIComponent('{"order": [2], "order": [3]}')}`)).toThrow('#config: "order" is given twice');
    // a number JSON reads as 0 (round 2: the page ran `humanRatio: [1e-400]` at ratio 0)
    expect(() => configFromHash(`#config=${encodeURIComponent('{"humanRatio": [1e-400]}')}`)).toThrow('#config: "humanRatio" 1e-400 is too small to be held as a number (nonzero and below 2.2e-308, it would be read as 0 or lose digits)');
    expect(() => configFromHash(`#config=${encodeURIComponent('{"temperature": 1e400}')}`)).toThrow('#config: "temperature" 1e400 is too large to be held as a number (above 1.8e308)');
    expect(configFromHash(`#config=${encodeURIComponent('{"humanRatio": [0e-9, 0.1]}')}`)).toEqual({ humanRatio: [0, 0.1] });
    // a number JSON reads as another (the digits past a double's dropped: audit)
    expect(() => configFromHash(`#config=${encodeURIComponent('{"humanRatio": [0.10000000000000001]}')}`)).toThrow('#config: "humanRatio" 0.10000000000000001 has more digits than a number holds: it would be read as 0.1');
    expect(() => resolvePageConfig(JSON.parse('{"__proto__": {"order": [5]}}'))).toThrow(/unknown key "__proto__"/u);
    expect(() => resolvePageConfig({ order: '<img src=x onerror=alert(1)>' })).toThrow(/--config|#config/u);
    expect(() => resolvePageConfig({ shard: '1/2' })).toThrow(/shard/u);
    expect(() => resolvePageConfig({ corpus: ['a.txt', 'b.txt'] })).toThrow(/one corpus/u);
    expect(() => resolvePageConfig([1, 2])).toThrow(/one JSON object/u);
    expect(configFromHash('#other')).toBeUndefined();
  });

  it('refuses the keys only a command line takes in the words of a page, not "pass --config on the command line" (audit)', () => {
    const refusal = (json: unknown): [string, string | undefined] => {
      try {
        resolvePageConfig(json);
      } catch (error) {
        return [(error as UsageError).message, (error as UsageError).hint];
      }
      return ['accepted', undefined];
    };
    const hint = 'remove it: a link holds the settings themselves';
    expect(refusal({ config: 'other.json' })).toEqual(['#config: "config" (--config) cannot be used in the playground', hint]);
    expect(refusal({ 'print-config': true })).toEqual(['#config: "print-config" (--print-config) cannot be used in the playground', hint]);
    expect(refusal({ resume: true })).toEqual(['#config: "resume" (--resume) cannot be used in the playground', hint]);
  });
});
