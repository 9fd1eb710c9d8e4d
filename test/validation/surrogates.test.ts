/**
 * The halves of a UTF-16 surrogate pair: 😀 (U+1F600) is D83D DE00; each range's ends and the code
 * units just outside them.
 */

import { describe, expect, it } from 'vitest';
import { isHighSurrogate, isLowSurrogate } from '../../src/validation/surrogates.js';

describe('surrogates', () => {
  it('tells the high half from the low half, and both from other code units', () => {
    const emoji = '\u{1F600}';
    expect([isHighSurrogate(emoji.charCodeAt(0)), isLowSurrogate(emoji.charCodeAt(1))]).toEqual([true, true]);
    expect([0xd7ff, 0xd800, 0xdbff, 0xdc00].map(isHighSurrogate)).toEqual([false, true, true, false]);
    expect([0xdbff, 0xdc00, 0xdfff, 0xe000].map(isLowSurrogate)).toEqual([false, true, true, false]);
    expect(['a', '\u00E9', '\uFFFD'].map((ch) => isHighSurrogate(ch.charCodeAt(0)) || isLowSurrogate(ch.charCodeAt(0)))).toEqual([false, false, false]);
  });
});
