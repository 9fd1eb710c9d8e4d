/**
 * Utf8Pieces: pieces decoded one by one read as the whole input decoded at once; what is held back at
 * a piece's end; the byte-order mark only at the start; the validity of each piece's bytes.
 */

import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { unfinishedLength, Utf8Pieces } from '../../src/corpus/utf8Pieces.js';

function decodedInPieces(pieces: readonly Uint8Array[]): string {
  const utf8 = new Utf8Pieces();
  return pieces.map((piece) => utf8.decode(piece)).join('') + utf8.end();
}

describe('unfinishedLength', () => {
  it('holds the start of a sequence the bytes do not finish, and nothing else', () => {
    expect(unfinishedLength(Uint8Array.of())).toBe(0);
    expect(unfinishedLength(Uint8Array.of(0x61))).toBe(0);
    expect(unfinishedLength(Uint8Array.of(0x61, 0xc3))).toBe(1); // é = C3 A9: its lead byte alone
    expect(unfinishedLength(Uint8Array.of(0xc3, 0xa9))).toBe(0); // é finished
    expect(unfinishedLength(Uint8Array.of(0x61, 0xe2, 0x82))).toBe(2); // € = E2 82 AC: 2 of 3
    expect(unfinishedLength(Uint8Array.of(0xf0, 0x9f, 0x98))).toBe(3); // 😀 = F0 9F 98 80: 3 of 4
    expect(unfinishedLength(Uint8Array.of(0xf0, 0x9f, 0x98, 0x80))).toBe(0);
    // four continuation bytes at the end: no sequence is that long, so none is unfinished
    expect(unfinishedLength(Uint8Array.of(0x61, 0x80, 0x80, 0x80))).toBe(0);
    expect(unfinishedLength(Uint8Array.of(0xff))).toBe(1); // never valid: held, read as U+FFFD with what follows
  });
});

describe('Utf8Pieces', () => {
  it('a character cut at every byte reads whole, and nothing is held after it', () => {
    const bytes = new TextEncoder().encode('aé€😀b');
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(decodedInPieces([bytes.subarray(0, cut), bytes.subarray(cut)])).toBe('aé€😀b');
    }
  });

  it('drops a byte-order mark at the start of the input only, also when it comes byte by byte', () => {
    expect(decodedInPieces([Uint8Array.of(0xef), Uint8Array.of(0xbb), Uint8Array.of(0xbf, 0x68)])).toBe('h');
    // U+FEFF at the start of a later piece is a character of the text
    expect(decodedInPieces([Uint8Array.of(0x61), Uint8Array.of(0xef, 0xbb, 0xbf, 0x62)])).toBe('a\uFEFFb');
  });

  it('an unfinished sequence at the end of the input is one U+FFFD', () => {
    expect(decodedInPieces([Uint8Array.of(0x61, 0xe2, 0x82)])).toBe('a\uFFFD');
    expect(decodedInPieces([Uint8Array.of(0x61, 0xe2), Uint8Array.of(0x82)])).toBe('a\uFFFD');
  });

  it('valid() tells a replaced byte from a real U+FFFD, piece by piece', () => {
    const utf8 = new Utf8Pieces();
    expect(utf8.decode(new TextEncoder().encode('real \uFFFD'))).toBe('real \uFFFD');
    expect(utf8.valid()).toBe(true);
    expect(utf8.decode(Uint8Array.of(0x61, 0xff, 0x62))).toBe('a\uFFFDb');
    expect(utf8.valid()).toBe(false);
    // a sequence cut short by the next piece's first byte is invalid in the piece that ends it
    expect(utf8.decode(Uint8Array.of(0x63, 0xe2))).toBe('c');
    expect(utf8.valid()).toBe(true);
    expect(utf8.decode(Uint8Array.of(0x41))).toBe('\uFFFDA');
    expect(utf8.valid()).toBe(false);
  });

  it('bytes cut into pieces anywhere read as one decoder reads them all at once (valid and invalid UTF-8)', () => {
    // ASCII, every kind of lead byte, continuation bytes, bytes never valid, and byte-order marks
    const pool = [0x61, 0x0a, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xbf, 0xc0, 0xe0, 0xed, 0xf4, 0xf5, 0xff, 0xef, 0xbb];
    const random = seedrandom('utf8 pieces');
    for (let round = 0; round < 500; round++) {
      const bytes = Uint8Array.from({ length: Math.floor(random() * 30) }, () => pool[Math.floor(random() * pool.length)]!);
      if (round % 5 === 0) bytes.set([0xef, 0xbb, 0xbf].slice(0, Math.min(3, bytes.length)));
      const pieces: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; ) {
        const size = Math.floor(random() * 6); // empty pieces too
        pieces.push(bytes.subarray(at, at + size));
        at += size;
      }
      expect(decodedInPieces(pieces)).toBe(new TextDecoder().decode(bytes));
    }
  });
});
