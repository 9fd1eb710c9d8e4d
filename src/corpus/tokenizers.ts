/**
 * Tokenizers: one sentence's text -> token strings.
 *
 * Contract: every tokenizer is a pure function of one sentence's text, returning non-empty strings with
 * no white space inside. `word` and `treebank` are natural's (WordTokenizer, TreebankWordTokenizer),
 * `wordpunct` gives the tokens of natural's WordPunctTokenizer by a scan of its own (see
 * forEachWordPunct), both it and `treebank` keeping a character beyond U+FFFF whole where natural cuts
 * it into surrogate halves; `whitespace` splits on Unicode white space; `char` yields
 * every grapheme cluster that is not white space (Intl.Segmenter: a letter with its combining accents,
 * an emoji with its skin tone or joined family is one token). natural is loaded from its tokenizers
 * folder only: its package root pulls in storage back-ends and prints banner lines on stdout (the
 * README's "Corpora"). No file system: the browser build uses this module too.
 *
 * To add a tokenizer, add a row to TOKENIZERS (a name, a factory and, if it can, a span scanner); the
 * CLI lists the names from there.
 */

import { UsageError } from '../errors.js';
import { SPAN_HASH_SEED, spanHashStep } from './spanInterner.js';
import { isEncodingLoaded, loadPublishedEncoding, publishedTokenizer } from './subword/publishedEncoding.js';
import { shownValue } from '../validation/valueRule.js';
import { parseSubword, PUBLISHED_ENCODINGS, type PublishedEncodingName } from './subword/subwordNames.js';
import { isHighSurrogate, isLowSurrogate } from '../validation/surrogates.js';

interface NaturalTokenizer {
  tokenize(text: string): string[];
}
interface NaturalTokenizers {
  WordTokenizer: new () => NaturalTokenizer;
  TreebankWordTokenizer: new () => NaturalTokenizer;
}

/**
 * natural's tokenizers, loaded on first use by prepareTokenizer (about 0.05 s): `wordpunct`,
 * `whitespace` and `char` (the default run) never pay it. A dynamic import, so the browser bundle
 * carries it too.
 */
let naturalModule: NaturalTokenizers | undefined;

async function loadNatural(): Promise<NaturalTokenizers> {
  naturalModule ??= ((await import('natural/lib/natural/tokenizers/index.js')) as { default: unknown }).default as NaturalTokenizers;
  return naturalModule;
}

function natural(): NaturalTokenizers {
  if (naturalModule === undefined) throw new Error('internal: natural\'s tokenizers were not loaded (await prepareTokenizer first)');
  return naturalModule;
}

export type Tokenize = (sentence: string) => string[];

const WHITESPACE = /\s/u;

/**
 * natural's tokenizers, with one repair: their tokens are never empty and hold no white space
 * (WordTokenizer splits on a class that holds all of it, TreebankWordTokenizer on /\s+/ with empty
 * strings removed; test/corpus/tokenizers.test.ts checks the contract on random text), but
 * TreebankWordTokenizer's patterns read UTF-16 code units, so a character beyond U+FFFF (an emoji, a
 * historic script) comes out as two tokens, its surrogate halves, which no UTF-8 file can hold and
 * which every emoji of a block shares. The halves are joined again (joinSurrogateHalves).
 */
function fromNatural(tokenizer: NaturalTokenizer): Tokenize {
  return (sentence) => joinSurrogateHalves(tokenizer.tokenize(sentence));
}

/**
 * The tokens with each one that ends in a high surrogate joined to a next one that starts with a low
 * surrogate (in text decoded from UTF-8 a surrogate stands only in such a pair, so the two halves were
 * one character). O(tokens); the list itself when nothing is joined.
 */
export function joinSurrogateHalves(tokens: string[]): string[] {
  let joined: string[] | undefined;
  for (let t = 0; t < tokens.length; t++) {
    let token = tokens[t]!;
    while (t + 1 < tokens.length && isHighSurrogate(token.charCodeAt(token.length - 1)) && isLowSurrogate(tokens[t + 1]!.charCodeAt(0))) {
      joined ??= tokens.slice(0, t);
      token += tokens[++t]!;
    }
    joined?.push(token);
  }
  return joined ?? tokens;
}

/**
 * Visits one token: the span [start, end) of the text, with the hash SpanInterner keys it by (found
 * during the scan, so the loader interns the token without reading it again).
 */
export type SpanVisitor = (start: number, end: number, hash: number) => void;

/** The runs between white space (exactly the pieces of split(/\s+/u)), as spans, by one scan. */
export function forEachWord(text: string, visit: SpanVisitor): void {
  let start = -1;
  let hash = SPAN_HASH_SEED;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      if (start >= 0) visit(start, i, hash);
      start = -1;
    } else {
      if (start < 0) {
        start = i;
        hash = SPAN_HASH_SEED;
      }
      hash = spanHashStep(hash, code);
    }
  }
  if (start >= 0) visit(start, text.length, hash);
}

/** Visits the spans [start, end) of the tokens of a text, in order, with their hashes. */
export type SpanScanner = (text: string, visit: SpanVisitor) => void;

/** The tokens of a span scanner, as strings. */
function fromSpans(scan: SpanScanner): Tokenize {
  return (sentence) => {
    const tokens: string[] = [];
    scan(sentence, (start, end) => tokens.push(sentence.slice(start, end)));
    return tokens;
  };
}

/**
 * The classes of natural's WordPunctTokenizer pattern (lib/natural/tokenizers/regexp_tokenizer.js),
 * `/([A-Za-zÀ-ÿ-]+|[0-9._]+|.|!|\?|'|"|:|;|,|-)/i`: a run of letters, a run of digits, `.` and `_`,
 * or any other single code unit (`.` matches all but the line ends, which are white space).
 */
// (tested on one code unit at a time, so without anchors)
const UNCLASSIFIED = 255;
const WORD_PUNCT_LETTER = /[A-Za-zÀ-ÿ-]/i;
const WORD_PUNCT_NUMBER = /[0-9._]/i;
/**
 * Per code unit: 1 letter run, 2 number run, 3 a token of its own, 0 white space (no token), or
 * UNCLASSIFIED until the code unit is first met (classify). Classified as met, not all 65,536 at
 * once: the regular expressions take about 11 ms over every code unit, a tenth of a small run's work.
 */
let wordPunctClasses: Uint8Array | undefined;

/**
 * natural's WordPunctTokenizer, as spans: natural splits on its pattern (a run of letters, a run of
 * digits, `.` and `_`, or any other single UTF-16 code unit but a line end), and we drop white space.
 * The letter and digit classes are the pattern's own, tested code unit by code unit with its
 * case-insensitive flag, so the tokens are natural's, with one difference: natural's pattern cuts a
 * character beyond U+FFFF (an emoji) into its two surrogate halves, tokens no UTF-8 file can hold and
 * that every emoji of a block shares; here such a character is one token (natural's tokens with the
 * halves joined, joinSurrogateHalves). test/corpus/tokenizers.test.ts compares the two.
 */
export function forEachWordPunct(text: string, visit: SpanVisitor): void {
  const classes = (wordPunctClasses ??= new Uint8Array(0x10000).fill(UNCLASSIFIED));
  let i = 0;
  // Stryker disable next-line EqualityOperator: equivalent, the code unit at text.length is NaN, whose class is undefined: no token
  while (i < text.length) {
    const code = text.charCodeAt(i);
    let kind = classes[code]!;
    if (kind === UNCLASSIFIED) kind = classify(classes, code);
    if (kind === 1 || kind === 2) {
      let hash = spanHashStep(SPAN_HASH_SEED, code);
      let end = i + 1;
      // Stryker disable next-line EqualityOperator: equivalent, the code unit at text.length is NaN, whose class is undefined: the run ends
      for (; end < text.length; end++) {
        const next = text.charCodeAt(end);
        const nextKind = classes[next]!;
        if ((nextKind === UNCLASSIFIED ? classify(classes, next) : nextKind) !== kind) break;
        hash = spanHashStep(hash, next);
      }
      visit(i, end, hash);
      i = end;
      continue;
    }
    // (a surrogate's class is 3: no test of the kind needed)
    if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1))) {
      // a character beyond U+FFFF is one token, not its two surrogate halves (see the doc comment)
      visit(i, i + 2, spanHashStep(spanHashStep(SPAN_HASH_SEED, code), text.charCodeAt(i + 1)));
      i += 2;
      continue;
    }
    if (kind === 3) visit(i, i + 1, spanHashStep(SPAN_HASH_SEED, code));
    i++;
  }
}

/** The class of code unit `code`, found and kept in `classes` (wordPunctClasses). */
function classify(classes: Uint8Array, code: number): number {
  const ch = String.fromCharCode(code);
  const kind = WORD_PUNCT_LETTER.test(ch) ? 1 : WORD_PUNCT_NUMBER.test(ch) ? 2 : isSpace(code) ? 0 : 3;
  classes[code] = kind;
  return kind;
}

/** The code units /\s/u matches (Unicode White_Space and U+FEFF). */
export function isSpace(code: number): boolean {
  // Stryker disable next-line EqualityOperator: equivalent, U+0080 is white space in neither branch
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Grapheme clusters that are not white space (UAX #29 via Intl.Segmenter). */
function graphemes(): Tokenize {
  // Stryker disable next-line ObjectLiteral: equivalent, graphemes are Intl.Segmenter's default granularity (said here for the reader)
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return (sentence) => {
    const tokens: string[] = [];
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, the windows give ASCII the same clusters (time only)
    if (ASCII_ONLY.test(sentence)) {
      // In ASCII every character is a cluster of its own (CR LF, the one pair, is white space).
      for (const character of sentence) if (!WHITESPACE.test(character)) tokens.push(character);
      return tokens;
    }
    for (let start = 0; start < sentence.length; ) start = segmentWindow(segmenter, sentence, start, tokens);
    return tokens;
  };
}

// Stryker disable next-line Regex: equivalent, a text the pattern misses goes through the windows, to the same clusters (time only)
const ASCII_ONLY = /^[\0-\x7f]*$/u;

/**
 * Code units given to Intl.Segmenter at a time. Iterating its segments gets slower with the length of
 * the text it was given (V8 20: 0.35 us a character in pieces of 256, 1.2 us in pieces of 4,096, 11
 * us in one of 65,536), so a long sentence (a paragraph of Chinese, a file without line breaks) is
 * segmented in windows.
 */
const GRAPHEME_WINDOW = 256;

/**
 * Pushes the clusters of a window of `text` from `start` (a cluster boundary) that are whole, and
 * returns where the next window starts: the start of the window's last cluster, which the window's
 * end may have cut (unless the window reaches the text's end). A boundary depends only on the text
 * before it and the one character after it (UAX #29), so each window's boundaries but its last are
 * the whole text's, if the window ends between characters (not inside a surrogate pair); a window
 * holding one cluster only is doubled.
 */
function segmentWindow(segmenter: Intl.Segmenter, text: string, start: number, tokens: string[]): number {
  for (let size = GRAPHEME_WINDOW; ; size *= 2) {
    let end = Math.min(text.length, start + size);
    // Not between the two halves of a surrogate pair: the boundary before the last character needs all of it.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator: equivalent, charCodeAt past the end is NaN, and a whole pair more (end++) or one character less is as good a cut
    if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end--;
    const clusters = Array.from(segmenter.segment(text.slice(start, end)), ({ segment, index }) => ({ segment, index }));
    const whole = end === text.length ? clusters.length : clusters.length - 1;
    if (whole === 0) continue;
    for (let c = 0; c < whole; c++) pushCluster(clusters[c]!.segment, tokens);
    return end === text.length ? end : start + clusters[whole]!.index;
  }
}

/**
 * A cluster as a token: whole unless it holds white space, which is never a token. A space with the
 * combining marks after it is one cluster (UAX #29, GB9): its marks are kept, a token as they are after
 * a tab (a cluster of their own); they were dropped with the space (audit).
 */
function pushCluster(cluster: string, tokens: string[]): void {
  if (!WHITESPACE.test(cluster)) tokens.push(cluster);
  else {
    const marks = cluster.replace(ALL_WHITESPACE, '');
    if (marks !== '') tokens.push(marks);
  }
}

const ALL_WHITESPACE = /\s/gu;

interface TokenizerRow {
  /** Makes a fresh tokenizer. */
  readonly make: () => Tokenize;
  /** The same tokens as spans of the text, when the tokenizer can give them (the loader then makes no string per token). */
  readonly spans?: SpanScanner;
}

/** The tokenizers by name. */
const TOKENIZERS = {
  word: { make: () => fromNatural(new (natural().WordTokenizer)()) },
  wordpunct: { make: () => fromSpans(forEachWordPunct), spans: forEachWordPunct },
  treebank: { make: () => fromNatural(new (natural().TreebankWordTokenizer)()) },
  whitespace: { make: () => fromSpans(forEachWord), spans: forEachWord },
  char: { make: graphemes },
} satisfies Record<string, TokenizerRow>;

export type WordTokenizerName = keyof typeof TOKENIZERS;
export const WORD_TOKENIZER_NAMES = Object.freeze(Object.keys(TOKENIZERS)) as readonly WordTokenizerName[];
/** Every tokenizer: the word-level ones, the published subword encodings and `bpe:K` (./subword/). */
export type TokenizerName = WordTokenizerName | PublishedEncodingName | `bpe:${number}`;
/** The names as help and error messages list them (`bpe:K` stands for every K). */
export const TOKENIZER_NAMES: readonly string[] = Object.freeze([...WORD_TOKENIZER_NAMES, ...PUBLISHED_ENCODINGS, 'bpe:K']);

/** Whether `name` names a tokenizer (a malformed `bpe:K` does not). */
export function isTokenizerName(name: string): name is TokenizerName {
  if (Object.hasOwn(TOKENIZERS, name)) return true;
  try {
    return parseSubword(name) !== undefined;
  } catch {
    return false;
  }
}

/** `name` as a TokenizerName; throws UsageError listing the valid names otherwise. */
export function tokenizerName(name: string): TokenizerName {
  if (typeof name !== 'string') throw new UsageError(`tokenizer must be a name, got ${shownValue(name)}`, `use one of: ${TOKENIZER_NAMES.join(', ')}`);
  if (Object.hasOwn(TOKENIZERS, name)) return name as TokenizerName;
  if (parseSubword(name) !== undefined) return name as TokenizerName; // a malformed bpe:K throws its own message
  throw new UsageError(`unknown tokenizer '${name}'`, `use one of: ${TOKENIZER_NAMES.join(', ')}`);
}

/**
 * Whether text is lowercased when the user does not say: yes for the word-level tokenizers, no for the
 * subword ones (a language model's encoding sees the text's case).
 */
export function lowercasesByDefault(name: string): boolean {
  return parseSubword(name) === undefined;
}

/**
 * Loads what a tokenizer needs before tokenizerFor can return it (a published encoding's merge
 * tables, 0.5-1 s; natural's tokenizers for `word` and `treebank`), on first use only; loadCorpus and
 * readCorpusText call it. Throws UsageError for a bad name.
 */
export async function prepareTokenizer(name: string): Promise<void> {
  const subword = parseSubword(tokenizerName(name));
  if (subword?.kind === 'published') await loadPublishedEncoding(subword.encoding);
  if (NEEDS_NATURAL.has(name)) await loadNatural();
}

/** What a tokenizer name stands for: a row of the table (`bpe:K`: its pre-tokenizer's) or a published encoding. */
type Resolved = { readonly row: TokenizerRow } | { readonly encoding: PublishedEncodingName };

function resolve(name: string): Resolved {
  const subword = parseSubword(tokenizerName(name));
  if (subword === undefined) return { row: TOKENIZERS[name as WordTokenizerName] };
  return subword.kind === 'learned' ? { row: TOKENIZERS.wordpunct } : { encoding: subword.encoding };
}

/**
 * Returns the tokenizer called `name`; throws UsageError listing the valid names otherwise, and one
 * saying to `await prepareTokenizer(name)` first for a tokenizer whose code is not loaded yet (`word`,
 * `treebank` and the published encodings; loadCorpus and readCorpusText load it). For `bpe:K` this
 * is the pre-tokenizer (`wordpunct`): the pieces are learned and applied after loading (see
 * ./subword/learnedBpe.ts).
 */
export function tokenizerFor(name: string): Tokenize {
  const resolved = resolve(name);
  const ready = 'row' in resolved ? !NEEDS_NATURAL.has(name) || naturalModule !== undefined : isEncodingLoaded(resolved.encoding);
  if (!ready) throw new UsageError(`tokenizer '${name}' is not loaded yet`, `await prepareTokenizer('${name}') first (loadCorpus and readCorpusText load it)`);
  return 'row' in resolved ? resolved.row.make() : publishedTokenizer(resolved.encoding);
}

/** The tokenizers that are natural's (loaded on first use). */
const NEEDS_NATURAL: ReadonlySet<string> = new Set(['word', 'treebank']);

/** The span scanner of tokenizer `name`, or undefined if it only gives strings. */
export function spanScannerFor(name: string): SpanScanner | undefined {
  const resolved = resolve(name);
  return 'row' in resolved ? resolved.row.spans : undefined;
}

/**
 * Cuts a long text at white space into pieces of at least `size` characters (the last may be
 * shorter), so that a sentence of millions of tokens is tokenized piece by piece. The word tokenizers
 * split at white space, so their tokens are the same as on the whole text, with one care: `treebank`
 * reads a period before spaces at the end of its text as a sentence's end (natural's `/\. *(\n|$)/`),
 * so a piece never ends in a period and spaces: a cut goes after white space that is not a space, or
 * after a space that follows neither a period nor a space, and not before a combining mark (`char`
 * drops one after white space with it); a text with no such place after `size` characters stays one
 * piece. A word (a run without white space) is only cut if it is longer than `size` characters, at a
 * grapheme cluster boundary (clusterCut). O(length).
 */
export function* whitespaceWindows(text: string, size: number): Generator<string> {
  let start = 0;
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: equivalent, with `size` characters or fewer left windowCut finds no cut
  while (text.length - start > size) {
    const cut = windowCut(text, start + size, size);
    // Stryker disable next-line ConditionalExpression: equivalent, without the break the rest is yielded and start becomes undefined, which ends both the loop and the last yield
    if (cut === undefined) break;
    yield text.slice(start, cut);
    start = cut;
  }
  if (start < text.length) yield text.slice(start);
}

/**
 * A place to cut after: white space but a space, or a space after neither a period nor white space;
 * and not before a character that joins the white space's grapheme cluster (UAX #29 GB9 and GB9a:
 * Extend, ZWJ, SpacingMark), which `char` drops with the white space.
 */
const CLEAN_CUT = /(?:(?! )\s|[^.\s] )(?![\p{M}\u200c\u200d\uff9e\uff9f\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}])/gu;

/**
 * Where to cut, at or after `from`: after the first clean white space if the next `size` characters
 * have white space (however far the clean one is); else inside the word, at the first grapheme cluster
 * boundary at or after `from` (clusterCut). Undefined when the rest of the text is to stay one piece.
 */
function windowCut(text: string, from: number, size: number): number | undefined {
  if (WHITESPACE.test(text.slice(from, from + size))) {
    CLEAN_CUT.lastIndex = from;
    const clean = CLEAN_CUT.exec(text);
    return clean === null ? undefined : clean.index + clean[0].length;
  }
  if (text.length - from <= size) return undefined;
  return clusterCut(text, from, from - size);
}

/**
 * Where to cut a word at `at` or just after, `start` being where its piece starts (a cluster boundary):
 * the first grapheme cluster boundary at or after `at`, as Intl.Segmenter finds it in the
 * GRAPHEME_WINDOW code units on either side (a boundary depends on the text before it and the one
 * character after it, UAX #29), so that `char` gives the pieces the clusters of the whole line (it cut
 * a 👍🏽 or a q́ in two: audit). Flags are pairs of regional indicators counted from the start of
 * their run, which a window may not see: inside a run the pairs are counted here, from the run's start
 * or the piece's, and the segmenter starts at the flag (flagStart). `at`, moved past a high surrogate, if one cluster spans the window's second
 * half (a cluster of hundreds of marks).
 */
function clusterCut(text: string, at: number, start: number): number {
  clusterSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  // (from a flag's start, a boundary, the segmenter finds the flag's end and any mark it carries: the
  // end of the pair alone cut a combining mark, ZWJ or VS16 off it: audit)
  const low = flagStart(text, at, start) ?? Math.max(start, at - GRAPHEME_WINDOW);
  for (const { index } of clusterSegmenter.segment(text.slice(low, at + GRAPHEME_WINDOW))) {
    if (low + index >= at) return low + index;
  }
  return isHighSurrogate(text.charCodeAt(at - 1)) ? at + 1 : at;
}

/**
 * Where the flag starts that a cut at `at` (or inside the surrogate pair there) falls in or before, when
 * `at` is between two regional indicators (U+1F1E6..U+1F1FF, two code units each): pairs counted from
 * the start of the run of indicators or from `start`, whichever is later (UAX #29 GB12/GB13), so the
 * result is a cluster boundary; undefined elsewhere. O(the run back to `start`).
 */
function flagStart(text: string, at: number, start: number): number | undefined {
  const p = isLowSurrogate(text.charCodeAt(at)) ? at - 1 : at;
  if (p - 2 < start || !isRegionalIndicator(text, p) || !isRegionalIndicator(text, p - 2)) return undefined;
  let run = p - 2;
  while (run - 2 >= start && isRegionalIndicator(text, run - 2)) run -= 2;
  return (p - run) % 4 === 0 ? p : p - 2;
}

function isRegionalIndicator(text: string, at: number): boolean {
  const low = text.charCodeAt(at + 1);
  return text.charCodeAt(at) === 0xd83c && low >= 0xdde6 && low <= 0xddff;
}

let clusterSegmenter: Intl.Segmenter | undefined;
