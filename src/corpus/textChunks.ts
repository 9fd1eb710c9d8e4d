/**
 * Streams a byte source as text chunks that end on a boundary: a blank line (paragraphs) or a line
 * end (lines), each with the number of its first line (1-based) for messages.
 *
 * Contract: yields each non-blank chunk once, in order, without the separator. Memory stays bounded by
 * the longest chunk (a 100 MB file is never held whole) and the work is linear in the input, also for
 * one 50 MB line: pieces are searched for line ends as they arrive and joined once per line.
 * Decoding: UTF-8; a leading byte-order mark is dropped; CRLF and CR line ends are read as LF.
 * `textChunkBatches` yields the chunks of each piece of input as one array (one await per piece, not
 * per line); `textChunks` yields them one by one. No file system and no Node API: the browser uses it.
 * Rejected with InputError: a NUL byte (the input is binary), a UTF-16 or UTF-32 byte-order mark (the text
 * must be converted), and a gzip or zip file's first bytes (it must be unpacked). Invalid UTF-8 is replaced by U+FFFD and reported once through `onInvalidUtf8`,
 * at the end, with the line of the first bad sequence and their number (the caller decides to warn).
 */

import { InputError, UsageError } from '../errors.js';
import { shownValue } from '../validation/valueRule.js';
import { InvalidUtf8Tally, validUtf8 } from './invalidUtf8.js';

export type ChunkUnit = 'paragraph' | 'line';

export interface ChunkOptions {
  readonly unit: ChunkUnit;
  /** Name of the source, for messages. */
  readonly name: string;
  /**
   * Called once, at the end of the input, if it held invalid UTF-8: with the line of the first invalid
   * sequence and the number of them (each replaced by one U+FFFD; see invalidUtf8.ts).
   */
  readonly onInvalidUtf8?: (line: number, sequences: number) => void;
  /** With unit `line`: yield blank lines too (as they are, for --empty-sentences); default: skip them. */
  readonly keepBlank?: boolean;
  /** Called with the number of bytes of each piece as it is read. */
  readonly onBytes?: (bytes: number) => void;
}

export interface TextChunk {
  readonly text: string;
  /** Line number (1-based) of the chunk's first line. */
  readonly line: number;
}

const REPLACEMENT = '\uFFFD';
const BLANK = /^\s*$/u;

export async function* textChunks(bytes: AsyncIterable<Uint8Array | string>, options: ChunkOptions): AsyncGenerator<TextChunk> {
  for await (const batch of textChunkBatches(bytes, options)) yield* batch;
}

const encoder = new TextEncoder();

/** As textChunks, the chunks completed by each piece of input in one array. */
export async function* textChunkBatches(bytes: AsyncIterable<Uint8Array | string>, options: ChunkOptions): AsyncGenerator<TextChunk[]> {
  // Stryker disable next-line ObjectLiteral: equivalent, both are TextDecoder's defaults
  const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  // Stryker disable next-line ConditionalExpression: equivalent, a tally no listener reads (time only)
  const invalid = options.onInvalidUtf8 === undefined ? undefined : new InvalidUtf8Tally();
  const lines = new LineSplitter();
  const paragraph = new ParagraphBuilder();
  let first = true;
  let batch: TextChunk[] = [];

  const emit = (line: string, number: number): void => {
    if (options.unit === 'line') {
      if (options.keepBlank === true || !BLANK.test(line)) batch.push({ text: line, line: number });
      return;
    }
    const done = paragraph.add(line, number);
    if (done !== undefined) batch.push(done);
  };
  const take = (): TextChunk[] => {
    const done = batch;
    batch = [];
    return done;
  };

  for await (const piece of bytes) {
    if (typeof piece !== 'string' && !(piece instanceof Uint8Array)) {
      throw new UsageError(`a piece of ${options.name} must be a string or a Uint8Array of UTF-8, got ${shownValue(piece)}`, 'yield strings or bytes (a Buffer, a Uint8Array) from the text');
    }
    const raw = typeof piece === 'string' ? encoder.encode(piece) : piece;
    if (raw.length === 0) continue;
    options.onBytes?.(raw.length);
    if (first) {
      first = false;
      rejectWideEncodings(raw, options.name);
      rejectArchives(raw, options.name);
    }
    rejectBinary(raw, options.name);
    const text = lenient.decode(raw, { stream: true });
    invalid?.piece(raw, text, (before) => lines.lineAfter(before));
    lines.push(text, emit);
    if (batch.length > 0) yield take();
  }
  const rest = lenient.decode();
  invalid?.end(rest, (before) => lines.lineAfter(before));
  // Stryker disable next-line OptionalChaining: equivalent, a tally implies a listener
  if (invalid?.firstLine !== undefined) options.onInvalidUtf8?.(invalid.firstLine, invalid.sequences);
  lines.push(rest, emit);
  lines.finish(emit);
  const tail = paragraph.finish();
  if (tail !== undefined) batch.push(tail);
  if (batch.length > 0) yield take();
}

/**
 * What the reader refuses in a file's bytes before decoding them (InputError): UTF-16 or UTF-32 (a byte-order
 * mark at the start) and binary data (a NUL byte). For a caller that holds a file's bytes whole (the
 * playground command, embedding corpora).
 */
export function checkTextBytes(bytes: Uint8Array, name: string): void {
  rejectWideEncodings(bytes, name);
  rejectArchives(bytes, name);
  rejectBinary(bytes, name);
}

function rejectBinary(raw: Uint8Array, name: string): void {
  if (!raw.includes(0)) return;
  // (UTF-16 without a byte-order mark was called binary, with no word of its encoding: audit)
  const wide = unmarkedUtf16(raw);
  if (wide !== undefined) {
    throw new InputError(`${name} looks like ${wide} text without a byte-order mark (NUL bytes between its letters)`, `convert it to UTF-8 first, e.g. iconv -f ${wide} -t UTF-8`);
  }
  // (UTF-16 of another script has NULs only beside its few ASCII characters: it was called binary alone)
  const perhaps = perhapsUtf16(raw);
  if (perhaps !== undefined) {
    throw new InputError(
      `${name} looks binary (it contains NUL bytes), or like ${perhaps} text of a script other than Latin without a byte-order mark`,
      `if it is text, convert it to UTF-8 first, e.g. iconv -f ${perhaps} -t UTF-8; else pass a UTF-8 text file`,
    );
  }
  throw new InputError(`${name} looks binary (it contains NUL bytes)`, 'pass a UTF-8 text file');
}

/** Bytes looked at for UTF-16 without a byte-order mark, and the fewest it takes to say. */
const UTF16_SAMPLE = 1024;
const UTF16_LEAST = 16;

/** How the NULs of the first bytes fall, read as UTF-16 of one byte order: a NUL high byte in `nuls` pairs, `textBeside` of them beside a text byte; `otherParity` when a low byte is NUL too. */
interface NulPattern {
  readonly pairs: number;
  readonly nuls: number;
  readonly textBeside: number;
  readonly otherParity: boolean;
}

const BYTE_ORDERS = [
  ['UTF-16LE', 1],
  ['UTF-16BE', 0],
] as const;

/** The NUL pattern of the first bytes (at most UTF16_SAMPLE, an even number) in one byte order; undefined under UTF16_LEAST. */
function nulPattern(raw: Uint8Array, high: 0 | 1): NulPattern | undefined {
  const length = Math.min(raw.length, UTF16_SAMPLE) & ~1;
  if (length < UTF16_LEAST) return undefined;
  let nuls = 0;
  let textBeside = 0;
  let otherParity = false;
  for (let i = 0; i < length; i += 2) {
    if (raw[i + 1 - high] === 0) otherParity = true;
    if (raw[i + high] !== 0) continue;
    nuls++;
    if (isTextByte(raw[i + 1 - high]!)) textBeside++;
  }
  return { pairs: length / 2, nuls, textBeside, otherParity };
}

/**
 * UTF-16 LE or BE when the first bytes (at least UTF16_LEAST) hold NULs at one parity only, in at least
 * a quarter of the pairs, and the bytes beside those NULs are text (tab, line ends, printable ASCII or
 * Latin-1), as Latin text and the spaces and punctuation of other scripts are in UTF-16; else undefined
 * (binary data: an array of small 16-bit numbers has NULs at one parity too, beside any byte: audit).
 */
function unmarkedUtf16(raw: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  for (const [order, high] of BYTE_ORDERS) {
    const pattern = nulPattern(raw, high);
    if (pattern !== undefined && !pattern.otherParity && pattern.nuls >= pattern.pairs / 4 && pattern.textBeside === pattern.nuls) return order;
  }
  return undefined;
}

/** The least share of printable characters (letters, marks, numbers, punctuation, symbols, spaces, tab, line ends) of text that might be UTF-16. */
const PRINTABLE_SHARE = 0.9;
const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}\t\n\r]/u;
/** The fewest NULs, and the least share of the pairs, of text that might be UTF-16 (its spaces and line ends; a stray NUL is no sign). */
const SPARSE_NULS_LEAST = 2;
const SPARSE_NULS_SHARE = 1 / 128;

/**
 * UTF-16 LE or BE that unmarkedUtf16 cannot tell from binary: NULs at one parity only but in fewer than
 * a quarter of the pairs, each beside a text byte (the ASCII spaces, digits and line ends of Chinese,
 * Japanese, Korean, Cyrillic or Greek text), at least SPARSE_NULS_LEAST of them and SPARSE_NULS_SHARE
 * of the pairs; the first bytes not UTF-8, NULs and all (UTF-8 text with stray NULs read as
 * UTF-16 is as printable, and iconv would turn it into junk: review); and those bytes read in that
 * order PRINTABLE_SHARE printable characters or more (U+FFFD, a lone surrogate, not one of them).
 * Said beside "binary", not instead of it.
 */
function perhapsUtf16(raw: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  for (const [order, high] of BYTE_ORDERS) {
    const pattern = nulPattern(raw, high);
    if (pattern === undefined || pattern.otherParity || pattern.textBeside !== pattern.nuls) continue;
    if (pattern.nuls < Math.max(SPARSE_NULS_LEAST, pattern.pairs * SPARSE_NULS_SHARE)) continue;
    const sample = raw.subarray(0, pattern.pairs * 2);
    if (validUtf8(new Uint8Array(0), sample)) continue; // (its NULs are UTF-8 too)
    const characters = [...new TextDecoder(order).decode(sample)];
    const printable = characters.filter((character) => character !== REPLACEMENT && PRINTABLE.test(character)).length;
    if (printable >= PRINTABLE_SHARE * characters.length) return order;
  }
  return undefined;
}

/** A byte that is a character of text as the low byte of UTF-16 below U+0100: tab, LF, CR, printable ASCII or Latin-1. */
function isTextByte(byte: number): boolean {
  return byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte !== 0x7f && (byte < 0x80 || byte >= 0xa0));
}

/**
 * A gzip or zip file, told by its first bytes (1F 8B; PK 03 04): it was called binary, "pass a UTF-8
 * text file", which did not say what to do with it (audit of other languages).
 */
function rejectArchives(raw: Uint8Array, name: string): void {
  const [a, b, c, d] = raw;
  if (a === 0x1f && b === 0x8b) throw new InputError(`${name} is gzip-compressed`, `decompress it first, e.g. gunzip -k ${name}`);
  if (a === 0x50 && b === 0x4b && c === 0x03 && d === 0x04) throw new InputError(`${name} is a zip archive`, 'unpack it first (unzip) and give the text files it holds');
}

function rejectWideEncodings(raw: Uint8Array, name: string): void {
  const encoding = byteOrderMarked(raw);
  if (encoding !== undefined) {
    throw new InputError(`${name} is ${encoding} text`, `convert it to UTF-8 first, e.g. iconv -f ${encoding} -t UTF-8`);
  }
}

/**
 * The encoding a byte-order mark at the start names: UTF-32's marks first, as UTF-32 LE's (FF FE 00 00)
 * begins with UTF-16 LE's (FF FE; a UTF-32 file was called UTF-16, and iconv -f UTF-16 then failed).
 */
function byteOrderMarked(raw: Uint8Array): 'UTF-32' | 'UTF-16' | undefined {
  const [a, b, c, d] = raw;
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) return 'UTF-32';
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return 'UTF-16';
  return undefined;
}

/**
 * Cuts decoded text into lines as it arrives; CRLF and lone CR end a line too. A line's pieces are
 * kept in a list and joined once, so a very long line costs linear time; the next LF and CR are each
 * searched for once per piece of text, not once per line (no rescanning: linear in the text).
 */
class LineSplitter {
  private parts: string[] = [];
  private heldCarriageReturn = false;
  private next = 1;

  /** The number of the line that the end of `text` would be on, were it pushed next. */
  lineAfter(text: string): number {
    let line = this.next;
    for (let i = this.heldCarriageReturn && text.charCodeAt(0) === 10 ? 1 : 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) line++;
      else if (code === 13) {
        line++;
        if (text.charCodeAt(i + 1) === 10) i++;
      }
    }
    return line;
  }

  /** Passes every line completed by `text` to `done`, with its number. */
  push(text: string, done: (line: string, number: number) => void): void {
    let start = 0;
    if (this.heldCarriageReturn) {
      this.heldCarriageReturn = false;
      if (text.charCodeAt(0) === 10) start = 1;
    }
    let lf = text.indexOf('\n', start);
    let cr = text.indexOf('\r', start);
    while (lf >= 0 || cr >= 0) {
      const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      this.finishLine(text.slice(start, end), done);
      start = end + 1;
      if (end === cr) {
        if (end + 1 === text.length) this.heldCarriageReturn = true;
        else if (text.charCodeAt(end + 1) === 10) start = end + 2;
      }
      // Stryker disable next-line LogicalOperator: equivalent, searching again when not needed finds the same LF (time only)
      if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
      // Stryker disable next-line LogicalOperator: equivalent, searching again when not needed finds the same CR (time only)
      if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
    }
    if (start < text.length) this.parts.push(text.slice(start));
  }

  /** The last line if the text did not end with a line end. */
  finish(done: (line: string, number: number) => void): void {
    if (this.parts.length > 0) this.finishLine('', done);
  }

  private finishLine(last: string, done: (line: string, number: number) => void): void {
    let line = last;
    if (this.parts.length > 0) {
      this.parts.push(last);
      line = this.parts.join('');
      this.parts = [];
    }
    done(line, this.next++);
  }
}

/** Groups lines into paragraphs separated by blank lines. */
class ParagraphBuilder {
  private lines: string[] = [];
  private firstLine = 0;

  add(line: string, number: number): TextChunk | undefined {
    if (BLANK.test(line)) return this.finish();
    if (this.lines.length === 0) this.firstLine = number;
    this.lines.push(line);
    return undefined;
  }

  finish(): TextChunk | undefined {
    if (this.lines.length === 0) return undefined;
    const chunk = { text: this.lines.join('\n'), line: this.firstLine };
    this.lines = [];
    return chunk;
  }
}
