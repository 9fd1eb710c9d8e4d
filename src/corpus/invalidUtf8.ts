/**
 * Invalid UTF-8 in a stream of byte pieces, as a lenient TextDecoder reads them: where the first
 * invalid sequence is, and how many there are.
 *
 * Contract: fed each piece's bytes with the text the lenient decoder gave for them (in stream mode),
 * then the decoder's last text, `InvalidUtf8Tally` holds the line of the first invalid sequence and
 * the number of invalid sequences, each of which the decoder replaced by one U+FFFD (the WHATWG
 * Encoding Standard's UTF-8 decoder: one U+FFFD per maximal subpart of an ill-formed sequence, as in
 * Unicode's "U+FFFD Substitution of Maximal Subparts", chapter 3.9). A U+FFFD written in the text
 * itself (the bytes EF BF BD) is no invalid sequence. The count is exact for pieces cut at any byte:
 * tested against the whole input decoded at once. Work: one search of each piece's text for U+FFFD;
 * a piece that holds one is read again as bytes (for EF BF BD); the line of the first invalid sequence
 * is found once (a binary search).
 */

const REPLACEMENT = '\uFFFD';

export class InvalidUtf8Tally {
  /** The bytes of a multi-byte sequence the pieces so far left unfinished (the decoder holds them). */
  private pending: Uint8Array = new Uint8Array(0);
  /** The line of the first invalid sequence, once one is seen. */
  firstLine: number | undefined;
  /** The invalid sequences seen so far. */
  sequences = 0;

  /**
   * Reads one piece: `raw` its bytes, `text` what the lenient decoder gave for them; `lineAfter(t)`
   * gives the line that the end of `t` would be on, read just before `text`.
   */
  piece(raw: Uint8Array, text: string, lineAfter: (text: string) => number): void {
    const replaced = replacements(text);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a piece whose text has no U+FFFD completes no EF BF BD (time only)
    if (replaced > 0) {
      const bytes = concatBytes(this.pending, raw);
      // a real U+FFFD that this piece completes starts in it or in the unfinished bytes before it
      this.add(replaced - writtenReplacements(bytes), () => lineAfter(validPrefix(bytes)));
    }
    this.pending = unfinishedSequence(this.pending, raw);
  }

  /** Reads the decoder's last text: each U+FFFD in it replaces a sequence the input left unfinished. */
  end(rest: string, lineAfter: (text: string) => number): void {
    // Stryker disable next-line StringLiteral: equivalent, any text without a line end gives the same line
    this.add(replacements(rest), () => lineAfter(''));
  }

  private add(sequences: number, line: () => number): void {
    if (sequences === 0) return;
    this.firstLine ??= line();
    this.sequences += sequences;
  }
}

/** The U+FFFD characters in `text`. */
function replacements(text: string): number {
  let count = 0;
  for (let at = text.indexOf(REPLACEMENT); at >= 0; at = text.indexOf(REPLACEMENT, at + 1)) count++;
  return count;
}

/** The U+FFFD characters written in `bytes` as UTF-8 (EF BF BD: EF is never a continuation byte). */
function writtenReplacements(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(0xef); at >= 0; at = bytes.indexOf(0xef, at + 1)) {
    if (bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd) count++;
  }
  return count;
}

/** True if `raw`, after the unfinished sequence `tail` of the piece before it, is valid UTF-8 so far. */
export function validUtf8(tail: Uint8Array, raw: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(concatBytes(tail, raw), { stream: true });
  } catch {
    return false;
  }
  return true;
}

/** The bytes of a multi-byte sequence left unfinished at the end of `tail` + `raw` (at most 3). */
function unfinishedSequence(tail: Uint8Array, raw: Uint8Array): Uint8Array {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the last 3 bytes are raw's either way (time only)
  const bytes = raw.length >= 4 ? raw : concatBytes(tail, raw);
  // Stryker disable next-line MethodExpression: equivalent, a lead byte found further back than 3 has a sequence the end completes
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 3); i--) {
    const byte = bytes[i]!;
    if ((byte & 0xc0) === 0x80) continue;
    // (C0 and C1 start no sequence: the decoder replaces them at once, and holds nothing)
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 ? 2 : 1;
    return bytes.length - i < length ? bytes.slice(i) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  // Stryker disable next-line ConditionalExpression: equivalent, a copy of the same bytes (time only)
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/**
 * The text of `bytes` (invalid UTF-8) before its first invalid sequence. A strict decoder in stream
 * mode throws on a prefix once the prefix completes an invalid sequence (an unfinished one at the end
 * is held back), so the longest prefix that decodes ends where the first bad sequence starts or within
 * it: a binary search over prefix lengths finds it (runs once per input, at the first bad byte).
 */
function validPrefix(bytes: Uint8Array): string {
  let low = 0;
  let high = bytes.length;
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if (validUtf8(new Uint8Array(0), bytes.subarray(0, middle))) low = middle;
    else high = middle;
  }
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, the prefix is valid, so a lenient decoder reads it alike
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, low), { stream: true });
}
