/**
 * Streams a byte source as text chunks that end on a boundary: a blank line (paragraphs) or a line
 * end (lines), each with the number of its first line (1-based) for messages.
 *
 * Contract: yields each non-blank chunk once, in order, without the separator. Memory stays bounded by
 * the longest chunk (a 100 MB file is never held whole) and the work is linear in the input, also for
 * one 50 MB line: pieces are searched for line ends as they arrive and joined once per line.
 * Decoding: UTF-8; a leading byte-order mark is dropped; CRLF and CR line ends are read as LF.
 * Rejected with InputError: a NUL byte (the input is binary) and a UTF-16 byte-order mark (the text
 * must be converted). Invalid UTF-8 is replaced by U+FFFD and reported once through `onInvalidUtf8`
 * with the line of the first bad byte (the caller decides to warn).
 */

import { InputError } from '../errors.js';

export type ChunkUnit = 'paragraph' | 'line';

export interface ChunkOptions {
  readonly unit: ChunkUnit;
  /** Name of the source, for messages. */
  readonly name: string;
  /** Called once, at the first invalid UTF-8 sequence, with its line number. */
  readonly onInvalidUtf8?: (line: number) => void;
}

export interface TextChunk {
  readonly text: string;
  /** Line number (1-based) of the chunk's first line. */
  readonly line: number;
}

const REPLACEMENT = '\uFFFD';
const BLANK = /^\s*$/u;
const UTF8 = new TextEncoder();
type Decoder = InstanceType<typeof TextDecoder>;

export async function* textChunks(bytes: AsyncIterable<Uint8Array | string>, options: ChunkOptions): AsyncGenerator<TextChunk> {
  const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  // A second, strict decoder runs alongside until the first invalid sequence, to tell a real U+FFFD
  // in the text from a replaced byte.
  let strict: Decoder | undefined = options.onInvalidUtf8 === undefined ? undefined : new TextDecoder('utf-8', { fatal: true });
  const lines = new LineSplitter();
  const paragraph = new ParagraphBuilder();
  let first = true;

  const emit = function* (line: string, number: number): Generator<TextChunk> {
    if (options.unit === 'line') {
      if (!BLANK.test(line)) yield { text: line, line: number };
      return;
    }
    const done = paragraph.add(line, number);
    if (done !== undefined) yield done;
  };

  for await (const piece of bytes) {
    const raw = typeof piece === 'string' ? UTF8.encode(piece) : piece;
    if (raw.length === 0) continue;
    if (first) {
      first = false;
      rejectUtf16(raw, options.name);
    }
    if (raw.includes(0)) {
      throw new InputError(`${options.name} looks binary (it contains NUL bytes)`, 'pass a UTF-8 text file');
    }
    const text = lenient.decode(raw, { stream: true });
    strict = checkStrict(strict, () => strict!.decode(raw, { stream: true }), text, lines.lineNumber, options);
    for (const [line, number] of lines.push(text)) yield* emit(line, number);
  }
  const rest = lenient.decode();
  strict = checkStrict(strict, () => strict!.decode(), rest, lines.lineNumber, options);
  for (const [line, number] of lines.push(rest)) yield* emit(line, number);
  const last = lines.finish();
  if (last !== undefined) yield* emit(last[0], last[1]);
  const tail = paragraph.finish();
  if (tail !== undefined) yield tail;
}

function rejectUtf16(raw: Uint8Array, name: string): void {
  const bom = raw.length >= 2 && ((raw[0] === 0xff && raw[1] === 0xfe) || (raw[0] === 0xfe && raw[1] === 0xff));
  if (bom) {
    throw new InputError(`${name} is UTF-16 text`, 'convert it to UTF-8 first, e.g. iconv -f UTF-16 -t UTF-8');
  }
}

/** Runs the strict decoder; at its first failure reports the line and returns undefined (stop checking). */
function checkStrict(
  strict: Decoder | undefined,
  decode: () => string,
  lenientText: string,
  lineAtStart: number,
  options: ChunkOptions,
): Decoder | undefined {
  if (strict === undefined) return undefined;
  try {
    decode();
    return strict;
  } catch {
    const at = lenientText.indexOf(REPLACEMENT);
    let line = lineAtStart;
    for (let i = 0; i < at; i++) if (lenientText.charCodeAt(i) === 10) line++;
    options.onInvalidUtf8?.(line);
    return undefined;
  }
}

/**
 * Cuts decoded text into lines as it arrives; CRLF and lone CR end a line too. A line's pieces are
 * kept in a list and joined once, so a very long line costs linear time.
 */
class LineSplitter {
  private parts: string[] = [];
  private heldCarriageReturn = false;
  private next = 1;

  /** Number of the line currently being read. */
  get lineNumber(): number {
    return this.next;
  }

  push(text: string): Array<[string, number]> {
    const done: Array<[string, number]> = [];
    let start = 0;
    if (this.heldCarriageReturn) {
      this.heldCarriageReturn = false;
      if (text.charCodeAt(0) === 10) start = 1;
    }
    for (;;) {
      const lf = text.indexOf('\n', start);
      const cr = text.indexOf('\r', start);
      const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (end < 0) break;
      this.parts.push(text.slice(start, end));
      done.push([this.parts.join(''), this.next++]);
      this.parts = [];
      if (text.charCodeAt(end) === 13) {
        if (end + 1 === text.length) {
          this.heldCarriageReturn = true;
          start = end + 1;
          continue;
        }
        start = text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
      } else {
        start = end + 1;
      }
    }
    if (start < text.length) this.parts.push(text.slice(start));
    return done;
  }

  /** The last line if the text did not end with a line end. */
  finish(): [string, number] | undefined {
    if (this.parts.length === 0) return undefined;
    const line = this.parts.join('');
    this.parts = [];
    return [line, this.next++];
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
