/**
 * Vocabulary: the one place where token strings become integer ids and back.
 *
 * Contract: ids are dense, starting at 0, in order of first interning. Id 0 is always the sentence
 * start marker `<s>` and id 1 the sentence end marker `</s>` (ARPA convention); real tokens start at 2.
 * After loading, the engine works on ids only; strings are looked up again only for output.
 */

import { InputError, UsageError } from '../errors.js';
import { typedValue } from '../validation/valueRule.js';

export const BOS = 0;
export const EOS = 1;
export const BOS_TOKEN = '<s>';
export const EOS_TOKEN = '</s>';
/** First id of a real token. */
export const FIRST_TOKEN_ID = 2;

/**
 * The largest id space the library takes, 2^24 ids (16,777,214 distinct tokens and the two markers).
 * Models, samplers and metrics keep arrays indexed by id, so memory and time grow with the id space, not
 * only with the text: a three-sentence corpus at 2^24 ids trains Kneser–Ney in 1.5 s and runs two
 * generations in 19 s at 1 GB; at 2^31 - 1 (the 32-bit limit, the bound before) the same run was killed
 * for want of memory at 15 GiB. A vocabulary of that many types is a corpus of billions of tokens, beyond
 * this tool's scale; ids must be dense (a Vocabulary numbers them so).
 */
export const MAX_ID_SPACE = 2 ** 24;

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];

  constructor() {
    this.intern(BOS_TOKEN);
    this.intern(EOS_TOKEN);
  }

  /**
   * Returns the id of `token`, adding it if new (as a string of its own: see ownString). Runs in O(1)
   * expected. Throws InputError rather than give an id of MAX_ID_SPACE or more.
   */
  intern(token: string): number {
    const known = this.ids.get(token);
    if (known !== undefined) return known;
    // (a number was interned as a token of its own, 5 beside '5': audit; only new tokens reach here)
    if (typeof token !== 'string') throw new UsageError(`a token must be a string, got ${typedValue(token, 'text')}`, 'pass the token as a string');
    const id = this.strings.length;
    if (id >= MAX_ID_SPACE) {
      throw new InputError(`the corpus has more than ${MAX_ID_SPACE - FIRST_TOKEN_ID} distinct tokens, the most the library takes`, 'pass a smaller corpus, or read it with fewer distinct tokens (lowercased, or a subword tokenizer)');
    }
    const own = ownString(token);
    this.ids.set(own, id);
    this.strings.push(own);
    return id;
  }

  /** The id of `token`, or -1 if it was never interned. */
  lookup(token: string): number {
    return this.ids.get(token) ?? -1;
  }

  /** The string of `id`; throws UsageError for an id the vocabulary never gave. */
  token(id: number): string {
    const value = this.strings[id];
    if (value === undefined) throw new UsageError(`token id ${String(id)} is not in the vocabulary (ids 0 to ${this.strings.length - 1})`, 'pass an id the vocabulary gave');
    return value;
  }

  /** Number of ids, the two boundary markers included. */
  get size(): number {
    return this.strings.length;
  }

  /** All token strings, indexed by id (a copy). */
  toArray(): string[] {
    return this.strings.slice();
  }

  /**
   * Rebuilds a vocabulary from `toArray()` output (used to ship it to worker threads): the markers
   * first, then distinct strings, each at its id. Throws UsageError for any other list (a list without
   * the markers lost its first two words, a repeated word shifted every later id: audit).
   */
  static fromArray(strings: readonly string[]): Vocabulary {
    if (!Array.isArray(strings) || strings[BOS] !== BOS_TOKEN || strings[EOS] !== EOS_TOKEN) {
      throw new UsageError(`Vocabulary.fromArray takes a list that starts with '${BOS_TOKEN}' and '${EOS_TOKEN}'`, "pass a vocabulary's toArray()");
    }
    const vocabulary = new Vocabulary();
    for (let i = FIRST_TOKEN_ID; i < strings.length; i++) {
      if (vocabulary.intern(strings[i]!) !== i) throw new UsageError(`Vocabulary.fromArray's list holds '${strings[i]!}' twice (at ${vocabulary.lookup(strings[i]!)} and ${i})`, "pass a vocabulary's toArray()");
    }
    return vocabulary;
  }
}

/**
 * `token` as a string that holds only its own characters. A token is usually cut out of a longer
 * string (a line, a 64 KiB piece of decoded text), and V8 represents a cut of 13 characters or more as a
 * view of the whole ("sliced string"): kept in the vocabulary for the run, it would keep the whole
 * piece of text alive (on Brown, 5-12 MB of the text read, with the 1 MB pieces of the time; on a large
 * corpus, most of it). Appending a character makes a new string that V8 copies into a flat one when it
 * is sliced again, so the result refers to a copy of the token alone. Shorter cuts are copies already.
 */
function ownString(token: string): string {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent in value (a copy or not, the same characters); the memory it saves is tested in a child process on the build
  return token.length < 13 ? token : `${token} `.slice(0, -1);
}
