/**
 * Streams a byte source as text chunks that end on a boundary: a blank line (paragraphs) or a line
 * end (lines). Memory stays bounded by the longest chunk, so a 100 MB file is never held whole.
 *
 * Contract: yields each non-blank chunk once, in order, without the separator. Decodes UTF-8; a
 * leading byte-order mark is dropped; CRLF and CR line ends are read as LF. A NUL byte means the
 * input is binary: InputError. Invalid UTF-8 is replaced by U+FFFD and reported once through
 * `onInvalidUtf8` (the caller decides to warn).
 */

import { InputError } from '../errors.js';

export type ChunkUnit = 'paragraph' | 'line';

export interface ChunkOptions {
  readonly unit: ChunkUnit;
  /** Name of the source, for messages. */
  readonly name: string;
  readonly onInvalidUtf8?: () => void;
}

const REPLACEMENT = '\uFFFD';

export async function* textChunks(
  bytes: AsyncIterable<Uint8Array | string>,
  options: ChunkOptions,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  const separator = options.unit === 'paragraph' ? /\n[ \t\f\v]*\n/gu : /\n/gu;
  let pending = '';
  // Where the next separator search starts: text before it holds no separator (long lines stay linear).
  let searchFrom = 0;
  let heldCarriageReturn = false;
  let reported = false;
  for await (const piece of bytes) {
    const raw = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    if (raw.includes(0)) {
      throw new InputError(`${options.name} looks binary (it contains NUL bytes)`, 'pass a UTF-8 text file');
    }
    const text = decoder.decode(raw, { stream: true });
    if (!reported && text.includes(REPLACEMENT) && !Buffer.from(raw).includes(Buffer.from(REPLACEMENT))) {
      reported = true;
      options.onInvalidUtf8?.();
    }
    let decoded: string = (heldCarriageReturn ? '\r' : '') + text;
    heldCarriageReturn = decoded.endsWith('\r');
    if (heldCarriageReturn) decoded = decoded.slice(0, -1);
    pending += normaliseLineEnds(decoded);
    yield* drain();
  }
  pending += normaliseLineEnds((heldCarriageReturn ? '\r' : '') + decoder.decode());
  const last = pending.trim();
  if (last.length > 0) yield pending;

  function* drain(): Generator<string> {
    for (;;) {
      separator.lastIndex = searchFrom;
      const match = separator.exec(pending);
      if (match === null) {
        // A separator may straddle the next piece: rescan the last few characters then.
        searchFrom = Math.max(0, pending.length - 8);
        return;
      }
      const chunk = pending.slice(0, match.index);
      pending = pending.slice(match.index + match[0].length);
      searchFrom = 0;
      if (chunk.trim().length > 0) yield chunk;
    }
  }
}

function normaliseLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/gu, '\n') : text;
}
