/**
 * Utf8Pieces: UTF-8 that arrives in pieces, decoded into text piece by piece.
 *
 * Contract: the texts returned by `decode` for each piece, then by `end`, joined, are exactly what one
 * `TextDecoder('utf-8')` gives for all the bytes at once (WHATWG Encoding: a leading byte-order mark
 * dropped, every invalid or unfinished sequence replaced by U+FFFD), wherever the pieces are cut.
 * `decode` returns the text of the piece up to its last complete sequence; the unfinished sequence it
 * ends with (at most 3 bytes) is kept and read with the next piece. `valid` says whether the bytes
 * decoded by the last `decode` call were valid UTF-8 (asked only when its text holds a U+FFFD: a
 * real U+FFFD, or a replaced byte?).
 *
 * Why not `decode(piece, { stream: true })`: in Node 20 a streaming decoder goes through ICU, which
 * decodes a 1 MB piece into a UTF-16 buffer first: 57-80 ms for brown.txt (6 MB) in 1 MB pieces and
 * 3,800 fresh pages, against 28-50 ms and 1,500-1,700 pages for one-shot calls (simdutf's fast
 * path); no stream state is needed once every call ends on a sequence boundary. Why this is exact: the
 * bytes before a kept lead byte end either on a finished sequence or on a cut-short one, which a
 * streaming decoder too replaces by one U+FFFD when the lead byte arrives (Encoding, "UTF-8
 * decoder": a byte that cannot continue a sequence ends it and is read again on its own).
 */

const EMPTY = new Uint8Array(0);

export class Utf8Pieces {
  /** For the first bytes decoded: drops a leading byte-order mark, as a stream does. */
  private readonly atStart = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  /** For the rest: a U+FEFF later in the text is a character like any other. */
  private readonly later = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  private started = false;
  private held: Uint8Array = EMPTY;
  private last: Uint8Array = EMPTY;

  /** The text of `piece` (after the bytes held from the pieces before it), up to its last complete sequence. */
  decode(piece: Uint8Array): string {
    const bytes = this.held.length === 0 ? piece : joined(this.held, piece);
    const cut = bytes.length - unfinishedLength(bytes);
    this.held = bytes.slice(cut);
    return this.decodeWhole(bytes.subarray(0, cut));
  }

  /** The text of the bytes still held (an unfinished sequence at the end of the input: U+FFFD). */
  end(): string {
    const rest = this.held;
    this.held = EMPTY;
    return this.decodeWhole(rest);
  }

  /** True if the bytes of the last `decode` or `end` call are valid UTF-8. */
  valid(): boolean {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(this.last);
      return true;
    } catch {
      return false;
    }
  }

  private decodeWhole(bytes: Uint8Array): string {
    this.last = bytes;
    if (bytes.length === 0) return '';
    const decoder = this.started ? this.later : this.atStart;
    this.started = true;
    return decoder.decode(bytes);
  }
}

/**
 * How many bytes at the end of `bytes` are the start of a sequence it does not finish (0 to 3): the
 * last byte that is not a continuation byte (10xxxxxx), if one of the last three, and the length its
 * value announces (lead bytes that no valid sequence starts with are held too: they give the same
 * U+FFFD read with the next piece).
 */
export function unfinishedLength(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 3); i--) {
    const byte = bytes[i]!;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return bytes.length - i < length ? bytes.length - i : 0;
  }
  return 0;
}

function joined(a: Uint8Array, b: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(a.length + b.length);
  bytes.set(a);
  bytes.set(b, a.length);
  return bytes;
}
