/**
 * textChunks: line ends, byte-order marks, line numbers, binary and UTF-16 rejection, invalid UTF-8
 * reporting, and pieces cut at any byte.
 */

import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { textChunkBatches, textChunks, type ChunkUnit, type TextChunk } from '../../src/corpus/textChunks.js';
import { InputError } from '../../src/errors.js';

async function chunks(pieces: ReadonlyArray<Uint8Array | string>, unit: ChunkUnit, onInvalidUtf8?: (line: number, sequences: number) => void): Promise<TextChunk[]> {
  const found: TextChunk[] = [];
  async function* source(): AsyncGenerator<Uint8Array | string> {
    yield* pieces;
  }
  for await (const chunk of textChunks(source(), { unit, name: 'x.txt', ...(onInvalidUtf8 ? { onInvalidUtf8 } : {}) })) found.push(chunk);
  return found;
}

describe('textChunks', () => {
  it('LF, CRLF and CR all end a line; blank lines are skipped but counted', async () => {
    expect(await chunks(['a\r\nb\rc\n\n  \nd'], 'line')).toEqual([
      { text: 'a', line: 1 },
      { text: 'b', line: 2 },
      { text: 'c', line: 3 },
      { text: 'd', line: 6 },
    ]);
  });

  it('a CRLF split between two pieces is one line end', async () => {
    expect(await chunks(['a\r', '\nb'], 'line')).toEqual([
      { text: 'a', line: 1 },
      { text: 'b', line: 2 },
    ]);
  });

  it('paragraphs end at blank (or white-space-only) lines and remember their first line', async () => {
    expect(await chunks(['\uFEFFone\r\ntwo\r\n \t\r\n\r\nthree\n'], 'paragraph')).toEqual([
      { text: 'one\ntwo', line: 1 },
      { text: 'three', line: 5 },
    ]);
  });

  it('the byte-order mark is dropped, also when its bytes come one by one', async () => {
    const bytes = Buffer.from('\uFEFFhi\n');
    expect(await chunks(Array.from(bytes, (b) => Uint8Array.of(b)), 'line')).toEqual([{ text: 'hi', line: 1 }]);
  });

  it('a NUL byte is binary input', async () => {
    await expect(chunks([Buffer.from('ok\n'), Uint8Array.of(0x41, 0x00)], 'line')).rejects.toThrow(/x\.txt looks binary/u);
    await expect(chunks([Uint8Array.of(0)], 'line')).rejects.toBeInstanceOf(InputError);
  });

  it('a gzip file and a zip archive are named as such, with the way out (they were called binary: audit of other languages)', async () => {
    const { gzipSync } = await import('node:zlib');
    const gzipped = gzipSync(Buffer.from('Der Hund lief weg.\n'));
    const error = await chunks([gzipped], 'line').catch((caught: unknown) => caught);
    expect([(error as InputError).message, (error as InputError).hint]).toEqual(['x.txt is gzip-compressed', 'decompress it first, e.g. gunzip -k x.txt']);
    // a zip's local file header, PK 03 04
    await expect(chunks([Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0)], 'line')).rejects.toThrow('x.txt is a zip archive');
    // the same bytes later in a file are no archive: binary (a NUL), as before
    await expect(chunks([Buffer.from('ok\n'), gzipped], 'line')).rejects.toThrow('looks binary');
    // text that begins "PK" is text
    expect(await chunks([Buffer.from('PK is a word.\n')], 'line')).toEqual([{ text: 'PK is a word.', line: 1 }]);
  });

  it('UTF-16 without a byte-order mark is named as such, with the way out (it was called binary: audit)', async () => {
    const text = 'Der Hund lief weg. Die Katze blieb.\n';
    await expect(chunks([Buffer.from(text, 'utf16le')], 'line')).rejects.toThrow('x.txt looks like UTF-16LE text without a byte-order mark (NUL bytes between its letters)');
    await expect(chunks([Buffer.from(text, 'utf16le').swap16()], 'line')).rejects.toThrow('looks like UTF-16BE text');
    const error = await chunks([Buffer.from(text, 'utf16le')], 'line').catch((caught: unknown) => caught);
    expect((error as InputError).hint).toBe('convert it to UTF-8 first, e.g. iconv -f UTF-16LE -t UTF-8');
    // Chinese between ASCII spaces and punctuation: NULs in a quarter of the pairs or more, at one parity
    await expect(chunks([Buffer.from('\u4ed6\u8d70\u4e86 \u5979\u7559\u4e0b. \u732b \u72d7.\n', 'utf16le')], 'line')).rejects.toThrow('UTF-16LE');
    // 16 bytes are enough to say; a quarter of the pairs with NULs is enough (2 of 8: 'ab' and 6 Chinese characters)
    await expect(chunks([Buffer.from('hi there', 'utf16le')], 'line')).rejects.toThrow('x.txt looks like UTF-16LE text without a byte-order mark');
    await expect(chunks([Buffer.from('ab\u4ed6\u8d70\u4e86\u5979\u7559\u4e0b', 'utf16le')], 'line')).rejects.toThrow('x.txt looks like UTF-16LE text without a byte-order mark');
    // only the first 1,024 bytes are looked at (two NULs after them, at both parities, change nothing); a
    // NUL at the other parity in the last pair looked at (U+4E00 is 00 4E) makes it binary
    await expect(chunks([Buffer.concat([Buffer.from('a'.repeat(512), 'utf16le'), Uint8Array.of(0, 0)])], 'line')).rejects.toThrow('looks like UTF-16LE text');
    await expect(chunks([Buffer.from(`${text.trimEnd()}\u4e00`, 'utf16le')], 'line')).rejects.toThrow(/^x\.txt looks binary \(it contains NUL bytes\)$/u);
    // too short to say (fewer than 16 bytes), or NULs at both parities: binary
    await expect(chunks([Buffer.from('hi there', 'utf16le').subarray(0, 14)], 'line')).rejects.toThrow('looks binary');
    // small 16-bit numbers (a binary array): NULs at one parity, but beside bytes that are no text (audit)
    const numbers = Buffer.alloc(64);
    for (let i = 0; i < 32; i++) numbers.writeUInt16LE(((i * 37) % 255) + 1, 2 * i);
    await expect(chunks([numbers], 'line')).rejects.toThrow(/^x\.txt looks binary \(it contains NUL bytes\)$/u);
    await expect(chunks([Buffer.from('ab\0\0cd\0\0ef\0\0gh\0\0ij\0\0')], 'line')).rejects.toThrow(/^x\.txt looks binary \(it contains NUL bytes\)$/u);
  });

  it('UTF-16 of another script, NULs beside its few ASCII characters alone, is said to be perhaps that, beside binary (it was called binary)', async () => {
    const binaryAlone = /^x\.txt looks binary \(it contains NUL bytes\)$/u;
    const cjk = '\u4ed6\u8d70\u4e86\u5979\u7559\u4e0b\u732b\u72d7'; // 8 Chinese characters, no NUL byte in UTF-16
    // 40 Chinese characters, a space and a line end (each a NUL): 2 NULs in 42 pairs, under a quarter
    const chinese = `${cjk.repeat(5)} \n`;
    const error = await chunks([Buffer.from(chinese, 'utf16le')], 'line').catch((caught: unknown) => caught);
    expect([(error as InputError).message, (error as InputError).hint]).toEqual([
      'x.txt looks binary (it contains NUL bytes), or like UTF-16LE text of a script other than Latin without a byte-order mark',
      'if it is text, convert it to UTF-8 first, e.g. iconv -f UTF-16LE -t UTF-8; else pass a UTF-8 text file',
    ]);
    await expect(chunks([Buffer.from(chinese, 'utf16le').swap16()], 'line')).rejects.toThrow('or like UTF-16BE text of a script other than Latin');
    // a NUL at the other parity too (U+4E00 is 00 4E), or a NUL beside a byte that is no text (U+0001): binary alone
    await expect(chunks([Buffer.from(`\u4e00${chinese}`, 'utf16le')], 'line')).rejects.toThrow(binaryAlone);
    await expect(chunks([Buffer.from(`${cjk.repeat(5)}\u0001\n`, 'utf16le')], 'line')).rejects.toThrow(binaryAlone);
    // 6 private-use characters of 42 (36 printable, 85.7%) under the 90%; 2 of 42 (95.2%) over it
    const privateUse = (n: number) => Buffer.from(`${cjk.repeat(5).slice(n)}${'\ue001'.repeat(n)} \n`, 'utf16le');
    await expect(chunks([privateUse(6)], 'line')).rejects.toThrow(binaryAlone);
    await expect(chunks([privateUse(2)], 'line')).rejects.toThrow('or like UTF-16LE text');
    // 6 lone surrogates (U+D801, read as U+FFFD) of 42: not printable either
    await expect(chunks([Buffer.from(`${cjk.repeat(5).slice(6)}${'\ud801'.repeat(6)} \n`, 'utf16le')], 'line')).rejects.toThrow(binaryAlone);
    // NULs as sparse as a stray one: 3 spaces in 483 pairs, under 1 in 128 (3.8); 4 are enough
    const sparse = (spaces: number) => Buffer.from(`${cjk.repeat(60)}${' '.repeat(spaces)}`, 'utf16le');
    await expect(chunks([sparse(3)], 'line')).rejects.toThrow(binaryAlone);
    await expect(chunks([sparse(4)], 'line')).rejects.toThrow('or like UTF-16LE text');
    // a numeric CSV in UTF-8 with stray NULs, 8 of them at one parity, each beside a digit or comma: read as
    // UTF-16 its pairs are 96% printable (kana and CJK), and iconv made such a file junk the program then took
    // (review): binary alone, as its bytes with the NULs left out are UTF-8
    const csv = Buffer.from('12.5,33.75,901.25,4402.5\n'.repeat(40));
    for (let i = 0; i < 8; i++) csv[64 + 80 * i] = 0;
    await expect(chunks([csv], 'line')).rejects.toThrow(binaryAlone);
    // the same with a euro sign cut by the end of the 1,024 bytes looked at (E2 82 | AC): still UTF-8 there
    const cut = Buffer.from(`${'12.5,33.75,901.25,4402.5\n'.repeat(60).slice(0, 1022)}\u20ac${'12.5\n'.repeat(20)}`);
    for (let i = 0; i < 8; i++) cut[64 + 80 * i] = 0;
    expect([cut[1022], cut[1023], cut[1024]]).toEqual([0xe2, 0x82, 0xac]);
    await expect(chunks([cut], 'line')).rejects.toThrow(binaryAlone);
    // 4 private-use characters of 40 (36 printable: 90% exactly) is enough
    await expect(chunks([Buffer.from(`${cjk.repeat(5).slice(6)}${'\ue001'.repeat(4)} \n`, 'utf16le')], 'line')).rejects.toThrow('or like UTF-16LE text');
    // one NUL (a space) in 41 pairs is more than 1 in 128, yet a single NUL is no sign: binary alone
    await expect(chunks([Buffer.from(`${cjk.repeat(5)} `, 'utf16le')], 'line')).rejects.toThrow(binaryAlone);
  });

  it('refuses a piece that is neither a string nor bytes, naming the source and what to yield', async () => {
    await expect(chunks([Buffer.from('ok\n'), 5 as never], 'line')).rejects.toMatchObject({
      message: "a piece of x.txt must be a string or a Uint8Array of UTF-8, got '5'",
      hint: 'yield strings or bytes (a Buffer, a Uint8Array) from the text',
    });
  });

  it('UTF-16 (either byte order) is refused with a way out', async () => {
    await expect(chunks([Uint8Array.of(0xff, 0xfe, 0x68, 0x00)], 'line')).rejects.toThrow(/UTF-16/u);
    await expect(chunks([Uint8Array.of(0xfe, 0xff, 0x00, 0x68)], 'line')).rejects.toThrow(/UTF-16/u);
  });

  it('invalid UTF-8 becomes U+FFFD and is reported once with its line and count; a real U+FFFD is not counted', async () => {
    const reported: Array<[number, number]> = [];
    // C3 unfinished before LF, FF stray: 2 sequences, the first on line 3; the U+FFFD of line 1 is real
    const found = await chunks([Buffer.from('ok \uFFFD\nfine\n'), Uint8Array.of(0x61, 0xc3, 0x0a, 0xff, 0x0a)], 'line', (line, sequences) => reported.push([line, sequences]));
    expect(found.map((chunk) => chunk.text)).toEqual(['ok \uFFFD', 'fine', 'a\uFFFD', '\uFFFD']);
    expect(reported).toEqual([[3, 2]]);
    // E2 82 (a euro sign cut short) is one sequence, one U+FFFD; F0 9F with no end, one more at the end
    reported.length = 0;
    await chunks([Uint8Array.of(0x62, 0xe2, 0x82, 0x0a), Uint8Array.of(0x63, 0xf0, 0x9f)], 'line', (line, sequences) => reported.push([line, sequences]));
    expect(reported).toEqual([[1, 2]]);
    // EF 41 BD: EF's sequence is cut by A, BD stands alone: 2 invalid sequences, no real U+FFFD
    reported.length = 0;
    await chunks([Uint8Array.of(0xef, 0x41, 0xbd, 0x0a)], 'line', (line, sequences) => reported.push([line, sequences]));
    expect(reported).toEqual([[1, 2]]);
  });

  it('a character cut between pieces before a line end and a bad byte: the bad byte is on the next line', async () => {
    // each character of 2, 3 and 4 bytes (lead bytes C2, E0, E2, F0) cut after each of its bytes but
    // its last; the rest of it starts the next piece, then LF and FF: 1 invalid sequence, on line 2
    for (const character of ['\u00a2', '\u0800', '\u20ac', '\u{10000}', '\u{1f600}']) {
      const whole = Buffer.concat([Buffer.from(`a${character}\n`), Uint8Array.of(0xff)]);
      for (let cut = 2; cut < 1 + Buffer.byteLength(character); cut++) {
        const reported: Array<[number, number]> = [];
        await chunks([whole.subarray(0, cut), whole.subarray(cut)], 'line', (line, sequences) => reported.push([line, sequences]));
        expect(reported, `${character} cut after ${cut - 1} of its bytes`).toEqual([[2, 1]]);
      }
    }
  });

  it('a truncated sequence at the very end is reported too', async () => {
    const lines: number[] = [];
    await chunks([Uint8Array.of(0x61, 0x0a, 0x62, 0xe2, 0x82)], 'line', (line) => lines.push(line));
    expect(lines).toEqual([2]);
  });

  it('a multi-byte character split across pieces decodes whole', async () => {
    const bytes = Buffer.from('é€😀\n');
    for (let cut = 1; cut < bytes.length; cut++) {
      const lines: number[] = [];
      const found = await chunks([bytes.subarray(0, cut), bytes.subarray(cut)], 'line', (line) => lines.push(line));
      expect(found).toEqual([{ text: 'é€😀', line: 1 }]);
      expect(lines).toEqual([]);
    }
  });

  it('a character split between pieces is valid; a real U+FFFD after it is not reported', async () => {
    const euro = Buffer.from('a\u20AC ok \uFFFD\n'); // a, E2 82 AC, ...
    const lines: number[] = [];
    const found = await chunks([euro.subarray(0, 2), euro.subarray(2, 3), euro.subarray(3)], 'line', (line) => lines.push(line));
    expect(found).toEqual([{ text: 'a\u20AC ok \uFFFD', line: 1 }]);
    expect(lines).toEqual([]);
  });

  it('an unfinished sequence is reported with its line, across pieces and at the end of the input', async () => {
    const across: number[] = [];
    await chunks([Buffer.from('ok\n'), Uint8Array.of(0xe2), Buffer.from('A\n')], 'line', (line) => across.push(line));
    expect(across).toEqual([2]);
    const atEnd: number[] = [];
    await chunks([Buffer.from('ok\nfine\n'), Uint8Array.of(0xe2, 0x82)], 'line', (line) => atEnd.push(line));
    expect(atEnd).toEqual([3]);
  });

  it('text cut into pieces at any bytes reads as the whole text decoded at once (valid and invalid UTF-8)', async () => {
    // Bytes drawn from ASCII, line ends, every kind of lead byte, continuation bytes and invalid
    // bytes, so that sequences are finished, cut short, over-long or stray, also where pieces meet.
    const pool = [0x61, 0x62, 0x20, 0x0a, 0x0a, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0x80, 0xbf, 0xc0, 0xe0, 0xed, 0xf4, 0xf5, 0xff, 0xef, 0xbb];
    const random = seedrandom('utf-8 pieces');
    for (let round = 0; round < 300; round++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 40) }, () => pool[Math.floor(random() * pool.length)]!);
      if (round % 10 === 0) bytes.set([0xef, 0xbb, 0xbf].slice(0, Math.min(3, bytes.length))); // a byte-order mark first
      const pieces: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; ) {
        const size = 1 + Math.floor(random() * 5);
        pieces.push(bytes.subarray(at, at + size));
        at += size;
      }
      // the reference: one decoder, the whole input at once (it drops a leading byte-order mark)
      const whole = new TextDecoder().decode(bytes);
      const expected = whole.split('\n').map((text, index) => ({ text, line: index + 1 })).filter((chunk) => chunk.text.trim() !== '');
      expect(await chunks(pieces, 'line')).toEqual(expected);
    }
  });

  it('text with CR, CRLF and LF cut into pieces at any bytes: the lines of the whole text, and the first invalid byte reported once with its line', async () => {
    // As above, with CR among the bytes and a listener: the reference splits the whole decoded text at
    // CRLF, CR and LF, and finds the line of its first U+FFFD (the pool has no real U+FFFD, EF BF BD).
    const pool = [0x61, 0x62, 0x20, 0x0a, 0x0d, 0x0d, 0x0a, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0x80, 0xc0, 0xed, 0xff];
    const random = seedrandom('utf-8 pieces with CR');
    for (let round = 0; round < 300; round++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 40) }, () => pool[Math.floor(random() * pool.length)]!);
      const pieces: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; ) {
        const size = 1 + Math.floor(random() * 5);
        pieces.push(bytes.subarray(at, at + size));
        at += size;
      }
      const whole = new TextDecoder().decode(bytes).split(/\r\n|\r|\n/u);
      const expected = whole.map((text, index) => ({ text, line: index + 1 })).filter((chunk) => chunk.text.trim() !== '');
      const firstBad = whole.findIndex((line) => line.includes('\uFFFD'));
      const replaced = whole.join('').split('\uFFFD').length - 1;
      const reported: Array<[number, number]> = [];
      expect(await chunks(pieces, 'line', (line, sequences) => reported.push([line, sequences]))).toEqual(expected);
      expect(reported).toEqual(firstBad < 0 ? [] : [[firstBad + 1, replaced]]);
    }
  });

  it('counts the invalid sequences of pieces cut at any bytes as one decoder of the whole input replaces them, real U+FFFDs (EF BF BD) not among them', async () => {
    // The pool's characters and bad sequences hold a real U+FFFD's bytes, also cut between pieces or
    // after an unfinished sequence (E2 EF BF BD: E2's sequence is invalid, then U+FFFD), and sequences
    // cut short, stray continuation bytes and bytes that start none. The reference: the whole input's U+FFFDs less its EF BF BDs (EF is never
    // a continuation byte, so each EF BF BD is a real U+FFFD); its first U+FFFD that is no real one
    // gives the line, read off the whole text with the real ones marked first.
    const pool = [[0x61], [0x20], [0x0a], [0xef, 0xbf, 0xbd], [0xe2, 0x82, 0xac], [0xc3, 0xa9], [0xf0, 0x9f, 0x98, 0x80], [0x80], [0xc0], [0xff], [0xe2, 0x82], [0xf0, 0x9f], [0xef, 0xbf], [0xe2]];
    const random = seedrandom('invalid utf-8 counted');
    let counted = 0;
    for (let round = 0; round < 400; round++) {
      const bytes = Uint8Array.from(Array.from({ length: 1 + Math.floor(random() * 16) }, () => pool[Math.floor(random() * pool.length)]!).flat());
      const pieces: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; ) {
        const size = 1 + Math.floor(random() * 5);
        pieces.push(bytes.subarray(at, at + size));
        at += size;
      }
      const real = Buffer.from(bytes).toString('latin1').split('\u00ef\u00bf\u00bd').length - 1;
      const whole = new TextDecoder().decode(bytes);
      const replaced = whole.split('\uFFFD').length - 1 - real;
      const marked = new TextDecoder().decode(Buffer.from(Buffer.from(bytes).toString('latin1').replaceAll('\u00ef\u00bf\u00bd', '#'), 'latin1'));
      const firstBad = marked.split('\n').findIndex((line) => line.includes('\uFFFD'));
      const reported: Array<[number, number]> = [];
      await chunks(pieces, 'line', (line, sequences) => reported.push([line, sequences]));
      expect(reported).toEqual(replaced === 0 ? [] : [[firstBad + 1, replaced]]);
      if (replaced > 1 && real > 0) counted++;
    }
    expect(counted).toBeGreaterThan(100); // most rounds hold real and invalid ones together
  });

  it('a CR at the end of a piece: the next piece loses only an LF that completes it, and only that once', async () => {
    expect(await chunks(['a\r', 'b\r', 'c'], 'line')).toEqual([
      { text: 'a', line: 1 },
      { text: 'b', line: 2 },
      { text: 'c', line: 3 },
    ]);
    // the blank line after b is a line of its own: c is on line 4
    expect(await chunks(['a\r', '\nb\n', '\nc'], 'line')).toEqual([
      { text: 'a', line: 1 },
      { text: 'b', line: 2 },
      { text: 'c', line: 4 },
    ]);
    // a piece that starts with CR
    expect(await chunks(['a', '\rb\nc'], 'line')).toEqual([
      { text: 'a', line: 1 },
      { text: 'b', line: 2 },
      { text: 'c', line: 3 },
    ]);
  });

  it('the UTF-16 check reads the first bytes of the input, not of each piece, and only a whole byte-order mark', async () => {
    // an empty first piece does not hide the mark
    await expect(chunks([new Uint8Array(0), Uint8Array.of(0xff, 0xfe, 0x68, 0x00)], 'line')).rejects.toThrow(/UTF-16/u);
    // the mark alone, two bytes
    await expect(chunks([Uint8Array.of(0xfe, 0xff)], 'line')).rejects.toThrow(/UTF-16/u);
    // FF FE later in the input, and a stray FE or FF at the start, are invalid UTF-8, not UTF-16
    for (const pieces of [[Buffer.from('ok\n'), Uint8Array.of(0xff, 0xfe, 0x41)], [Uint8Array.of(0x61, 0xfe, 0x0a)], [Uint8Array.of(0xfe, 0x61, 0x0a)], [Uint8Array.of(0x61, 0xff, 0x0a)]]) {
      const reported: number[] = [];
      await expect(chunks(pieces, 'line', (line) => reported.push(line))).resolves.not.toHaveLength(0);
      expect(reported).toHaveLength(1);
    }
  });

  it('binary and UTF-16 input are refused with what to do', async () => {
    await expect(chunks([Uint8Array.of(0x41, 0x00)], 'line')).rejects.toMatchObject({ hint: 'pass a UTF-8 text file' });
    await expect(chunks([Uint8Array.of(0xff, 0xfe, 0x68, 0x00)], 'line')).rejects.toMatchObject({ hint: 'convert it to UTF-8 first, e.g. iconv -f UTF-16 -t UTF-8' });
  });

  it('a real U+FFFD in a piece that ends inside a character is not reported, for characters of 2, 3 and 4 bytes cut anywhere', async () => {
    for (const character of ['¢', 'é', 'ࠀ', '€', '😀']) { // lead bytes C2, C3, E0, E2, F0
      const bytes = Buffer.from(`\uFFFD${character}\uFFFD\n`);
      for (let cut = 4; cut < 3 + Buffer.byteLength(character); cut++) {
        const reported: number[] = [];
        const found = await chunks([bytes.subarray(0, cut), bytes.subarray(cut)], 'line', (line) => reported.push(line));
        expect(found).toEqual([{ text: `\uFFFD${character}\uFFFD`, line: 1 }]);
        expect(reported).toEqual([]);
      }
    }
  });

  it('valid text is never reported, and invalid bytes in two pieces are reported once, at the first', async () => {
    const reported: number[] = [];
    await chunks([Buffer.from('plain\ntext\n'), Buffer.from('more\n')], 'line', (line) => reported.push(line));
    expect(reported).toEqual([]);
    await chunks([Uint8Array.of(0x61, 0x0a, 0x62, 0x0a, 0xff, 0x0a), Uint8Array.of(0x63, 0xff, 0x0a)], 'line', (line) => reported.push(line));
    expect(reported).toEqual([3]);
  });

  it('the line of the first invalid byte counts CR and CRLF line ends, and a real U+FFFD before it is not it', async () => {
    const reportedFor = async (pieces: Uint8Array[]): Promise<number[]> => {
      const reported: number[] = [];
      await chunks(pieces, 'line', (line) => reported.push(line));
      return reported;
    };
    const bad = Uint8Array.of(0xff);
    expect(await reportedFor([Buffer.concat([Buffer.from('ok \uFFFD\nfine '), bad, Buffer.from('\n')])])).toEqual([2]);
    expect(await reportedFor([Buffer.concat([Buffer.from('a\rb\r'), bad])])).toEqual([3]);
    expect(await reportedFor([Buffer.concat([Buffer.from('a\r\nb\r\n'), bad])])).toEqual([3]);
    // a CRLF cut between pieces is one line end
    expect(await reportedFor([Buffer.from('a\r'), Buffer.concat([Buffer.from('\n'), bad])])).toEqual([2]);
    // a CR held from the piece before is completed only by an LF: a second CR is a line end of its own
    expect(await reportedFor([Buffer.from('a\r'), Buffer.concat([Buffer.from('\r'), bad])])).toEqual([3]);
    // an unfinished sequence at the very end, after a CR
    expect(await reportedFor([Buffer.from('a\r'), Uint8Array.of(0xe2)])).toEqual([2]);
  });

  it('the line of a bad byte in a piece that starts with LF counts that LF (no CR held from the piece before)', async () => {
    const reported: number[] = [];
    await chunks([Buffer.from('a'), Buffer.concat([Buffer.from('\nb'), Uint8Array.of(0xff)])], 'line', (line) => reported.push(line));
    expect(reported).toEqual([2]);
  });

  it('batches: one array per piece that completes chunks, none for a piece that completes none', async () => {
    const batches = async (pieces: string[]): Promise<string[][]> => {
      const found: string[][] = [];
      async function* source(): AsyncGenerator<string> {
        yield* pieces;
      }
      for await (const batch of textChunkBatches(source(), { unit: 'line', name: 'x.txt' })) found.push(batch.map((chunk) => chunk.text));
      return found;
    };
    expect(await batches(['a\n', 'b\nc\n'])).toEqual([['a'], ['b', 'c']]);
    expect(await batches(['a', 'b\n', 'c'])).toEqual([['ab'], ['c']]);
    expect(await batches(['a\n'])).toEqual([['a']]);
  });
});
