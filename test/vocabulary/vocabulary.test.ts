import { describe, expect, it } from 'vitest';
import { BOS, EOS, FIRST_TOKEN_ID, Vocabulary } from '../../src/vocabulary/vocabulary.js';

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

  it('refuses an id it does not know', () => {
    expect(() => new Vocabulary().token(7)).toThrow(RangeError);
  });
});
