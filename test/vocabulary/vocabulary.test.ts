import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/errors.js';
import { BOS, EOS, FIRST_TOKEN_ID, MAX_ID_SPACE, Vocabulary } from '../../src/vocabulary/vocabulary.js';

describe('Vocabulary', () => {
  it('reserves id 0 for <s> and id 1 for </s>', () => {
    const vocabulary = new Vocabulary();
    expect(vocabulary.token(BOS)).toBe('<s>');
    expect(vocabulary.token(EOS)).toBe('</s>');
    expect(vocabulary.size).toBe(FIRST_TOKEN_ID);
  });

  it('gives dense ids in order of first interning and the same id again', () => {
    const vocabulary = new Vocabulary();
    expect(vocabulary.intern('the')).toBe(2);
    expect(vocabulary.intern('cat')).toBe(3);
    expect(vocabulary.intern('the')).toBe(2);
    expect(vocabulary.lookup('dog')).toBe(-1);
    expect(vocabulary.size).toBe(4);
  });

  it('round-trips through toArray / fromArray', () => {
    const vocabulary = new Vocabulary();
    ['b', 'a', 'c'].forEach((token) => vocabulary.intern(token));
    const copy = Vocabulary.fromArray(vocabulary.toArray());
    expect(copy.toArray()).toEqual(vocabulary.toArray());
    expect(copy.lookup('c')).toBe(vocabulary.lookup('c'));
  });

  it('fromArray takes only a toArray list: the markers first, each string once (a list without them lost two words, a repeat shifted the ids: audit)', () => {
    const refused = new UsageError("Vocabulary.fromArray takes a list that starts with '<s>' and '</s>'", "pass a vocabulary's toArray()");
    expect(() => Vocabulary.fromArray(['a', 'b'])).toThrow(refused);
    expect(() => Vocabulary.fromArray(['</s>', '<s>', 'a'])).toThrow(refused);
    expect(() => Vocabulary.fromArray(null as never)).toThrow(refused);
    expect(() => Vocabulary.fromArray(['<s>', '</s>', 'a', 'b', 'a'])).toThrow(new UsageError("Vocabulary.fromArray's list holds 'a' twice (at 2 and 4)", "pass a vocabulary's toArray()"));
    expect(() => Vocabulary.fromArray(['<s>', '</s>', '<s>'])).toThrow("Vocabulary.fromArray's list holds '<s>' twice (at 0 and 2)");
    expect(Vocabulary.fromArray(['<s>', '</s>']).size).toBe(2);
  });

  it('interns strings only (a number was a token of its own beside its string: audit)', () => {
    const vocabulary = new Vocabulary();
    expect(() => vocabulary.intern(5 as never)).toThrow(new UsageError('a token must be a string, got the number \'5\'', 'pass the token as a string'));
    // (undefined read "got undefined undefined": library probe)
    expect(() => vocabulary.intern(undefined as never)).toThrow(new UsageError('a token must be a string, got undefined', 'pass the token as a string'));
    expect(vocabulary.size).toBe(2);
    expect(vocabulary.intern('5')).toBe(2);
  });

  it('refuses an id it does not know, with a typed error', () => {
    expect(() => new Vocabulary().token(7)).toThrow(UsageError);
    expect(() => new Vocabulary().token(7)).toThrow(new UsageError('token id 7 is not in the vocabulary (ids 0 to 1)', 'pass an id the vocabulary gave'));
  });

  it('gives no id of MAX_ID_SPACE (2^24) or more: a typed error instead', () => {
    expect(MAX_ID_SPACE).toBe(2 ** 24);
    const vocabulary = new Vocabulary();
    // (interning 2^24 strings takes 40 s: the vocabulary is made to hold 2^24 - 1 ids by lengthening its list)
    (vocabulary as unknown as { strings: string[] }).strings.length = MAX_ID_SPACE - 1;
    expect(vocabulary.intern('last')).toBe(MAX_ID_SPACE - 1);
    expect(vocabulary.intern('last')).toBe(MAX_ID_SPACE - 1);
    expect(() => vocabulary.intern('one more')).toThrow(
      new InputError('the corpus has more than 16777214 distinct tokens, the most the library takes', 'pass a smaller corpus, or read it with fewer distinct tokens (lowercased, or a subword tokenizer)'),
    );
    expect(vocabulary.size).toBe(MAX_ID_SPACE);
    expect(vocabulary.lookup('one more')).toBe(-1);
  });

  it('gives a copy of its strings (changing the copy changes nothing)', () => {
    const vocabulary = new Vocabulary();
    vocabulary.intern('a');
    const strings = vocabulary.toArray();
    strings[2] = 'changed';
    strings.push('more');
    expect(vocabulary.toArray()).toEqual(['<s>', '</s>', 'a']);
  });

  it('keeps every token, long ones (copied apart from their text) included, character for character', () => {
    const vocabulary = new Vocabulary();
    const line = 'short antidisestablishmentarianism 0123456789abc x';
    const long = line.slice(6, 34);
    const thirteen = line.slice(35, 48);
    expect([long, thirteen].map((token) => vocabulary.token(vocabulary.intern(token)))).toEqual(['antidisestablishmentarianism', '0123456789abc']);
    expect(vocabulary.lookup('antidisestablishmentarianism')).toBe(2);
  });

  it('keeps a long token without the text it was cut from (the text can be collected)', () => {
    // In a child with --expose-gc (the build's module, as the worker tests use it): words of 13-14
    // characters cut from a 3.4 MB text are interned, the text is dropped, and after a collection
    // the heap has not kept it. A vocabulary holding V8's sliced strings would keep all 3.4 MB.
    const script = `
      const { Vocabulary } = await import(${JSON.stringify(new URL('../../dist/vocabulary/vocabulary.js', import.meta.url).href)});
      globalThis.gc(); globalThis.gc();
      const before = process.memoryUsage().heapUsed;
      // the text lives in this function only (temporaries of the module's own code may outlive a collection)
      function read() {
        const vocabulary = new Vocabulary();
        const text = Array.from({ length: 200000 }, (_, i) => 'longtokenwor' + i).join(' ');
        for (let at = 0, n = 0; n < 100; n++) {
          const end = text.indexOf(' ', at);
          vocabulary.intern(text.slice(at, end));
          at = end + 1;
        }
        return vocabulary;
      }
      const vocabulary = read();
      globalThis.gc(); globalThis.gc();
      globalThis.kept = vocabulary;
      console.log(JSON.stringify({ grown: process.memoryUsage().heapUsed - before, size: vocabulary.size, last: vocabulary.token(101) }));
    `;
    const child = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    const { grown, size, last } = JSON.parse(child.stdout) as { grown: number; size: number; last: string };
    expect(size).toBe(102);
    expect(last).toBe('longtokenwor99');
    // 100 words of 13-14 characters (13 is the shortest cut V8 makes a view of): some kilobytes, far from the 3.4 MB of the text
    expect(grown).toBeLessThan(1 << 20);
  });
});

