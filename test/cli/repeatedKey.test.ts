/**
 * The first key a JSON object's text repeats at its top level (src/cli/repeatedKey.ts), which
 * JSON.parse drops without a word.
 */

import { describe, expect, it } from 'vitest';
import { repeatedKey } from '../../src/cli/repeatedKey.js';

describe('repeatedKey', () => {
  it('names the first top-level key written a second time, decoded', () => {
    expect(repeatedKey('{"a": 1, "b": 2, "a": 3}')).toBe('a');
    expect(repeatedKey('{"b": 1, "a": 2, "a": 3, "b": 4}')).toBe('a');
    // "\u0061" is "a"; white space of every JSON kind before the colon
    expect(repeatedKey('{"a":1,"\\u0061"\r\n\t :2}')).toBe('a');
  });

  it('passes a text whose keys are each once at the top, whatever nested objects, arrays and strings hold', () => {
    expect(repeatedKey('{"a": 1, "b": 2}')).toBeUndefined();
    // nested keys, strings that look like keys, escaped quotes, brackets inside strings
    expect(repeatedKey('{"a": {"x": 1, "x": 2}, "b": [{"a": 1}], "c": "\\"a\\": {[", "d": ["a", ":"]}')).toBeUndefined();
    expect(repeatedKey('{"a": "\\\\", "b": 1}')).toBeUndefined();
    // no object at the top
    expect(repeatedKey('[{"a": 1, "a": 2}]')).toBeUndefined();
    expect(repeatedKey('"a"')).toBeUndefined();
  });

  it('agrees with a count of keys on random flat objects (property)', () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    for (let trial = 0; trial < 500; trial++) {
      const keys = Array.from({ length: 1 + (trial % 6) }, (_, i) => names[(trial * 7 + i * i * 3) % names.length]!);
      const text = `{${keys.map((key, i) => `${JSON.stringify(key)}: ${i % 2 === 0 ? `"${key}"` : `{"${key}": [${i}]}`}`).join(', ')}}`;
      const first = keys.find((key, i) => keys.indexOf(key) < i);
      expect(repeatedKey(text), text).toBe(first);
    }
  });
});
