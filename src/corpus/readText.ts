/**
 * readCorpusText: text -> sentences -> tokens -> ids, without a file system (the loader's core, also
 * bundled for the browser).
 *
 * Contract: the text (a string, or an AsyncIterable of Uint8Array / string pieces: UTF-8 bytes, decoded
 * as textChunks.ts says) is plain text or, with `format: 'jsonl'`, JSON Lines whose `jsonlField`
 * (default `text`) holds the text. It is normalized to Unicode NFC (`normalize: 'none'` keeps it as
 * it is), split into sentences (`sentences`: `auto` by the line rule and the sentence rules, `line` one
 * per line; a JSONL record's text is a source of its own paragraphs), optionally lowercased, tokenized
 * and interned. loadCorpus reads every file through `readTextInto`; `readCorpusText` is the same for
 * one text. Errors (broken JSONL with its line, binary, UTF-16, more than `maxTokens`, no tokens) are
 * InputErrors; invalid UTF-8 becomes U+FFFD with a warning. Linear in the text; memory is bounded by
 * the ids and the longest paragraph (or line, in `line` mode).
 */

import { InputError, UsageError } from '../errors.js';
import { checkObject, checkValue, nameRule, refuseUnknownKeys, shownValue, TEXT_RULE } from '../validation/valueRule.js';
import { checkTextOptionValues } from './textOptionRules.js';
import { Vocabulary } from '../vocabulary/vocabulary.js';
import { CorpusBuilder } from './corpusBuilder.js';
import { sentenceSplitterFor, type SentenceMode } from './sentenceSplitter.js';
import { textChunkBatches } from './textChunks.js';
import { addBrownLine, brownCharWriter, type PieceWriter } from './brownLine.js';
import type { Merge } from './subword/bpeMerges.js';
import { publishedSentenceWriter } from './subword/publishedEncoding.js';
import { parseSubword } from './subword/subwordNames.js';
import { readWithSubwords, type SubwordOptions } from './subword/learnedBpe.js';
import { lowercasesByDefault, prepareTokenizer, spanScannerFor, tokenizerFor, whitespaceWindows, type TokenizerName, type Tokenize } from './tokenizers.js';
import type { TokenCorpus } from './tokenCorpus.js';
import { CutLetterCount } from './cutLetters.js';

export type Normalization = 'NFC' | 'none';
/** `brown`: Brown's own format (one sentence per line, `word/tag` tokens; no tokenizer, see brownLine.ts). */
export type TextFormat = 'text' | 'jsonl' | 'brown';

/** How text becomes sentences and tokens (the corpus options of every command). */
export interface TextOptions extends SubwordOptions {
  readonly tokenizer: TokenizerName;
  readonly lowercase: boolean;
  readonly sentences: SentenceMode;
  /** Unicode normalization applied when the text is read (default NFC). */
  readonly normalize: Normalization;
  /**
   * With `sentences: 'line'` (plain text only): a blank line is an empty sentence instead of nothing,
   * as in the texts `--save-corpora` writes. Ignored in other modes.
   */
  readonly emptySentences?: boolean;
  /** JSONL field holding the text; setting it reads every file as JSONL. */
  readonly jsonlField?: string;
  /** Refuse corpora larger than this many tokens. */
  readonly maxTokens?: number;
  /** Receives warnings (invalid UTF-8 replaced, ...). */
  readonly onWarning?: (message: string) => void;
}

export const DEFAULT_TEXT_OPTIONS: TextOptions = Object.freeze({ tokenizer: 'wordpunct', lowercase: true, sentences: 'auto', normalize: 'NFC' });

export interface ReadTextResult {
  readonly vocabulary: Vocabulary;
  readonly corpus: TokenCorpus;
  /** `bpe:K` only: the merges the pieces were spelled with (learned, or the ones given). */
  readonly merges?: readonly Merge[];
  /** Line breaks taken as sentence ends although the line had no sentence-final mark (`auto`). */
  readonly lineBreakEnds: number;
}

/** Where one source's text goes. */
export interface TextSource {
  readonly text: string | AsyncIterable<Uint8Array | string>;
  readonly format: TextFormat;
  /** For messages ("notes.txt line 3 is not valid JSON"). */
  readonly name: string;
  /** Told the size in bytes of every piece read. */
  readonly onBytes?: (bytes: number) => void;
}

/** readCorpusText's option keys: TextOptions (and its subword options), the format and the name (the type keeps the list whole). */
const TEXT_OPTION_KEYS: readonly string[] = Object.keys({
  tokenizer: true, lowercase: true, sentences: true, normalize: true, emptySentences: true, jsonlField: true, maxTokens: true,
  onWarning: true, subwordTraining: true, bpeMerges: true, format: true, name: true,
} satisfies Record<keyof TextOptions | 'format' | 'name', true>);

/** Sentences of this many characters or more are tokenized in pieces (see whitespaceWindows). */
const LONG_SENTENCE = 1 << 16;

/**
 * Reads one text into a fresh (or the given) vocabulary.
 * @example
 *   const { corpus, vocabulary } = await readCorpusText('It was first. The dog ran.', { tokenizer: 'whitespace' });
 *   // corpus has 2 sentences: ["it", "was", "first."] and ["the", "dog", "ran."]
 */
export async function readCorpusText(
  text: string | AsyncIterable<Uint8Array | string>,
  options: Partial<TextOptions> & { readonly format?: TextFormat; readonly name?: string } = {},
  vocabulary: Vocabulary = new Vocabulary(),
): Promise<ReadTextResult> {
  if (typeof text !== 'string' && (typeof text !== 'object' || text === null || !(Symbol.asyncIterator in text))) {
    throw new UsageError(`text must be a string or an async iterable of chunks, got ${shownValue(text)}`, "pass e.g. 'It was first. The dog ran.'");
  }
  const object = checkObject('options', options);
  refuseUnknownKeys(object, TEXT_OPTION_KEYS, 'readCorpusText option');
  checkTextOptionValues(object);
  if (options.format !== undefined) checkValue('format', options.format, nameRule(['text', 'jsonl', 'brown'] as const));
  if (options.name !== undefined) checkValue('name', options.name, TEXT_RULE);
  checkVocabulary(vocabulary);
  const name = options.name ?? UNNAMED_TEXT;
  const format = options.format ?? (options.jsonlField === undefined ? 'text' : 'jsonl');
  return readCorpusSources([{ text, format, name }], options, name, vocabulary);
}

/** What messages call a text read without a name. */
const UNNAMED_TEXT = 'the text';
/** What messages call standard input (loadCorpus's `-`). */
export const STDIN_NAME = 'standard input';

/**
 * A record's text cut into lines as a file's is: a line break ends a line, so a final one starts none
 * ("c\n" is one line, "\n" one blank line; with emptySentences a record ending in a line break gained an
 * empty sentence a file does not: audit). An empty record is one empty line: a record a sentence, as
 * generated text is stored, keeps its empty sentences.
 */
function textLines(text: string): string[] {
  const lines = text.split(/\r\n?|\n/u);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** A caller's vocabulary to read into: a Vocabulary (a UsageError otherwise, before any reading). */
export function checkVocabulary(vocabulary: unknown): asserts vocabulary is Vocabulary {
  if (!(vocabulary instanceof Vocabulary)) throw new UsageError(`vocabulary must be a Vocabulary, got ${shownValue(vocabulary)}`, 'leave it out for a fresh one');
}

/**
 * Options with their defaults: DEFAULT_TEXT_OPTIONS for each left out (or undefined), but `lowercase`,
 * when left out, follows the tokenizer as on the command line (lowercasesByDefault: word-level
 * tokenizers lowercase, subword ones keep case; the library lowercased for every tokenizer, so one
 * corpus read with gpt2 gave other tokens than the CLI's: audit).
 */
export function withTextDefaults<T extends Partial<TextOptions>>(options: T): TextOptions & T {
  // an option given as undefined is not given (as loadCorpus reads it): its default stays
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as T;
  const tokenizer = given.tokenizer ?? DEFAULT_TEXT_OPTIONS.tokenizer;
  return { ...DEFAULT_TEXT_OPTIONS, lowercase: lowercasesByDefault(tokenizer), ...given };
}

/** readCorpusText for several texts read in order into one corpus (`label` names them in messages). */
export async function readCorpusSources(
  sources: readonly TextSource[],
  options: Partial<TextOptions> = {},
  label = UNNAMED_TEXT,
  vocabulary: Vocabulary = new Vocabulary(),
): Promise<ReadTextResult> {
  const settings: TextOptions = withTextDefaults(options);
  if (sources.length > 0 && sources.every((source) => source.format === 'brown')) warnBrownTextOptions(settings);
  await prepareTokenizer(settings.tokenizer);
  const read = await readWithSubwords(settings, vocabulary, async (wordSettings, target) => {
    const keepEmpty = wordSettings.emptySentences === true && wordSettings.sentences === 'line';
    const builder = new CorpusBuilder(target, wordSettings.maxTokens, keepEmpty);
    const cutLetters = new CutLetterCount(wordSettings.tokenizer, settings.tokenizer);
    let lineBreakEnds = 0;
    for (const source of sources) lineBreakEnds += await readTextInto(source, wordSettings, builder, cutLetters);
    return { vocabulary: target, corpus: finishCorpus(builder, label, wordSettings, cutLetters), lineBreakEnds };
  });
  warnLineBreakEnds(read, settings);
  return read;
}

/** The share of a corpus's sentences above which the line breaks that ended them are warned of (LINE_BREAK_FEWEST at least). */
export const LINE_BREAK_SHARE = 0.1;
export const LINE_BREAK_FEWEST = 10;

/**
 * Warns (onWarning) when more than LINE_BREAK_SHARE of the sentences (and LINE_BREAK_FEWEST or more)
 * ended at a line break with no sentence-final mark (`--sentences auto`): headlines, verse and list
 * items do, and so does hard-wrapped prose the reader did not take for wrapped (a licence text's
 * paragraphs: 128 of 351 sentences cut mid-sentence, and only `tokenize` said so: audit of other
 * languages). Brown as a text file, a sentence a line, has 7.9% (its headlines and quotes).
 */
export function warnLineBreakEnds(read: { readonly corpus: TokenCorpus; readonly lineBreakEnds: number }, settings: Pick<TextOptions, 'sentences' | 'onWarning'>): void {
  const sentences = read.corpus.offsets.length - 1;
  if (settings.sentences !== 'auto' || read.lineBreakEnds < LINE_BREAK_FEWEST || read.lineBreakEnds <= LINE_BREAK_SHARE * sentences) return;
  settings.onWarning?.(
    `${read.lineBreakEnds} of the ${sentences} sentences end at a line break with no sentence-final mark (headlines, verse, list items, or hard-wrapped ` +
      "prose the reader did not take for wrapped: see them with `ngram-collapse tokenize`); pass sentences 'line' if each line is a sentence, or join the wrapped lines of a paragraph",
  );
}

/**
 * Warns (onWarning), for a corpus of Brown alone, of each text option that Brown does not read: its
 * sentences and tokens are its own (tagged text), so `sentences: 'line'`, `emptySentences` and
 * `jsonlField` changed nothing without a word (validation audit). Used by loadCorpus and
 * readCorpusSources (the playground's embedded Brown said nothing: audit). In the library's words
 * (`sentences 'line', emptySentences and jsonlField "body" do nothing on Brown`); the CLI names its flags
 * (src/cli/cliTerms.ts).
 */
export function warnBrownTextOptions(settings: Pick<TextOptions, 'sentences' | 'emptySentences' | 'jsonlField' | 'onWarning'>): void {
  const unused = [
    ...(settings.sentences === 'line' ? ["sentences 'line'"] : []),
    ...(settings.emptySentences === true ? ['emptySentences'] : []),
    // (last, and as JSON: the CLI reads the field's name back from the warning whatever it holds)
    ...(settings.jsonlField === undefined ? [] : [`jsonlField ${JSON.stringify(settings.jsonlField)}`]),
  ];
  if (unused.length === 0) return;
  const given = unused.length === 1 ? `${unused[0]!} does` : `${unused.slice(0, -1).join(', ')} and ${unused.at(-1)!} do`;
  // (not naming the specs: `metrics` and `train --eval` put the text's name before each warning of it)
  settings.onWarning?.(`${given} nothing on Brown: its sentences and tokens are its own, read from its tagged text`);
}

let charWriter: PieceWriter | undefined;

/** The piece writer that Brown's tokens are written with, if the tokenizer is a published encoding or `char` (other word tokenizers keep Brown's tokens). */
export function brownEncoder(tokenizer: string): PieceWriter | undefined {
  if (tokenizer === 'char') return (charWriter ??= brownCharWriter());
  const subword = parseSubword(tokenizer);
  return subword?.kind === 'published' ? publishedSentenceWriter(subword.encoding) : undefined;
}

/** Where and how many: `3 invalid byte sequences, the first on line 2); each was`. */
function invalidSequences(line: number, sequences: number): string {
  return sequences === 1 ? `1 invalid byte sequence, on line ${line}); it was` : `${sequences} invalid byte sequences, the first on line ${line}); each was`;
}

/**
 * Reads one source into `builder`; returns its line breaks taken as sentence ends. `cutLetters`, if
 * given, reads every sentence (see cutLetters.ts).
 */
export async function readTextInto(source: TextSource, settings: TextOptions, builder: CorpusBuilder, cutLetters?: CutLetterCount): Promise<number> {
  const { name } = source;
  const onInvalidUtf8 = (line: number, sequences: number): void =>
    settings.onWarning?.(
      `${name} is not valid UTF-8 (${invalidSequences(line, sequences)} replaced by U+FFFD ` +
        '(a Latin-1 or Windows-1252 file has one at each accented letter: if many words read so, convert it first, e.g. iconv -f latin1 -t utf-8)',
    );
  // Stryker disable next-line StringLiteral: equivalent, a string read as an iterable of its characters gives the same text
  const pieces = typeof source.text === 'string' ? [source.text] : source.text;
  const bytes = (async function* () {
    yield* pieces;
  })();
  const chunkOptions = { name, onInvalidUtf8, ...(source.onBytes === undefined ? {} : { onBytes: source.onBytes }) };
  if (source.format === 'brown') {
    const encode = brownEncoder(settings.tokenizer);
    for await (const batch of textChunkBatches(bytes, { ...chunkOptions, unit: 'line' })) {
      for (const { text } of batch) addBrownLine(builder, text, settings.lowercase, encode);
    }
    return 0;
  }
  const lines = sentenceLines(settings, builder, cutLetters);
  if (source.format === 'jsonl') return readJsonLines(textChunkBatches(bytes, { ...chunkOptions, unit: 'line' }), name, settings, lines);
  warnTableFile(name, settings);
  return readTextLines(textChunkBatches(bytes, { ...chunkOptions, unit: 'line', keepBlank: true }), name, settings, lines);
}

/** A file named as a table (.csv, .tsv) is read as text, separators and header line too: said once (it was read without a word: audit). */
function warnTableFile(name: string, settings: TextOptions): void {
  const table = /\.(csv|tsv)$/iu.exec(name);
  if (table === null) return;
  settings.onWarning?.(
    `${name} is read as plain text, its ${table[1]!.toLowerCase() === 'csv' ? 'commas' : 'tabs'} and header line too ` +
      '(for a table of texts, take the text column out first, or write the rows as JSON Lines and name the field with jsonlField, --jsonl-field on the command line)',
  );
}

/** What the line readers do with a line: take its sentence markers out, measure it as written, add a sentence. */
interface SentenceLines {
  readonly normalize: (text: string) => string;
  /** The line with its sentence markers out, before the sentence splitter reads it: `sat.</s> <s>The` must end a sentence. */
  readonly unmarked: (line: string) => string;
  /**
   * The line as written, for the line rule's widths: before NFC, its markers as spaces as in the line
   * read (counted there once), so a line that NFC leaves alone is measured once (as read). Markers
   * counted as written made one-sentence lines `<s>...</s>` of 33-45 characters look wrapped: audit.
   */
  readonly asWritten: (written: string, normalized: string, read: string) => string;
  /** Adds one sentence (lowercased if asked) by the settings' tokenizer; `cutLetters` reads it first. */
  readonly add: (sentence: string) => void;
  /** With emptySentences under the line rule: each line is one sentence, blank or not. */
  readonly keepEmpty: boolean;
}

function sentenceLines(settings: TextOptions, builder: CorpusBuilder, cutLetters: CutLetterCount | undefined): SentenceLines {
  const addCased = sentenceAdder(settings.tokenizer, builder);
  return {
    normalize: settings.normalize === 'NFC' ? toNfc : (text: string) => text,
    unmarked: (line) => withoutMarkers(line, builder, settings.lowercase),
    asWritten: (written, normalized, read) => (written === normalized ? read : markersAsSpaces(written, settings.lowercase)),
    add: (sentence) => {
      cutLetters?.read(sentence);
      addCased(settings.lowercase ? sentence.toLowerCase() : sentence);
    },
    keepEmpty: settings.emptySentences === true && settings.sentences === 'line',
  };
}

/** Adds a sentence's tokens to `builder`: a published encoding's pieces, spans of the sentence (no string per token), or the tokenizer's strings. */
function sentenceAdder(tokenizer: string, builder: CorpusBuilder): (sentence: string) => void {
  const subword = parseSubword(tokenizer);
  // Stryker disable next-line StringLiteral: equivalent, without the writer the encoding's tokenizer gives the same pieces as strings
  const addPieces = subword?.kind === 'published' ? publishedSentenceWriter(subword.encoding) : undefined;
  if (addPieces !== undefined) return (sentence) => addPieces(sentence, builder);
  const scan = spanScannerFor(tokenizer);
  if (scan === undefined) {
    const tokenize = tokenizerFor(tokenizer);
    return (sentence) => addSentence(builder, tokenize, sentence);
  }
  return (sentence) => {
    builder.beginSentence();
    scan(sentence, (start, end, hash) => builder.appendSpan(sentence, start, end, hash));
    builder.endSentence();
  };
}

type LineBatches = AsyncIterable<ReadonlyArray<{ readonly text: string; readonly line: number }>>;

/** A JSON Lines text: each record's field, its lines split into sentences (the record ends the last); returns the line breaks taken as sentence ends. */
async function readJsonLines(batches: LineBatches, name: string, settings: TextOptions, lines: SentenceLines): Promise<number> {
  const field = settings.jsonlField ?? 'text';
  // (a file not named .jsonl, or standard input, is JSON Lines only because jsonlField made every
  // text of the corpus so: say it)
  const byField = settings.jsonlField !== undefined && name !== UNNAMED_TEXT && !/\.jsonl$/iu.test(name);
  const why = name === STDIN_NAME ? 'reads standard input as JSON Lines' : `reads every file as JSON Lines, ${name} too`;
  const notJsonHint = `fix or remove that line; JSONL needs one JSON object per line${byField ? `; jsonlField, --jsonl-field on the command line: it ${why}` : ''}`;
  let lineBreakEnds = 0;
  for await (const batch of batches) {
    for (const { text, line } of batch) {
      const record = sentenceSplitterFor(settings.sentences);
      // (each line of the record as written too: the line rule measures both: audit; NFC keeps line ends)
      for (const written of textLines(jsonlText(text, field, `${name} line ${line}`, notJsonHint))) {
        const recordLine = lines.normalize(written);
        // with emptySentences, each line of a record's text is one sentence, blank or not (as in a text file)
        if (lines.keepEmpty) lines.add(lines.unmarked(recordLine).trim());
        else {
          const read = lines.unmarked(recordLine);
          for (const sentence of record.line(read, lines.asWritten(written, recordLine, read))) lines.add(sentence);
        }
      }
      for (const sentence of record.end()) lines.add(sentence);
      lineBreakEnds += record.lineBreakEnds;
    }
  }
  return lineBreakEnds;
}

/** A plain text, its lines split into sentences (a first line that is a JSON object warned of); returns the line breaks taken as sentence ends. */
async function readTextLines(batches: LineBatches, name: string, settings: TextOptions, lines: SentenceLines): Promise<number> {
  const splitter = sentenceSplitterFor(settings.sentences);
  let firstLineSeen = false;
  for await (const batch of batches) {
    if (!firstLineSeen) {
      const first = batch.find(({ text }) => text.trim() !== '');
      if (first !== undefined) {
        firstLineSeen = true;
        if (isJsonObjectLine(first.text)) settings.onWarning?.(jsonLinesAsText(name));
      }
    }
    // Stryker disable next-line MethodExpression: equivalent, no tokenizer makes a token of white space
    if (lines.keepEmpty) for (const { text } of batch) lines.add(lines.unmarked(lines.normalize(text)).trim()); // one line, one sentence, blank or not
    else {
      for (const { text } of batch) {
        const normalized = lines.normalize(text);
        const read = lines.unmarked(normalized);
        for (const sentence of splitter.line(read, lines.asWritten(text, normalized, read))) lines.add(sentence);
      }
    }
  }
  for (const sentence of splitter.end()) lines.add(sentence);
  return splitter.lineBreakEnds;
}

/**
 * True for a line that is a JSON object (`{"text": ...}`): a text file of them is JSON Lines read as
 * plain text, its braces, keys and quotes taken for words (standard input, a `.ndjson` file: audit).
 */
function isJsonObjectLine(line: string): boolean {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{"') || !trimmed.endsWith('}')) return false;
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function jsonLinesAsText(name: string): string {
  return `${name} looks like JSON Lines (its first line is a JSON object) but is read as plain text, its keys, quotes and braces as words (pass a field's name as jsonlField, --jsonl-field on the command line: it reads that field of each line as the text; a file named .jsonl is read so)`;
}

/** `<s>` and `</s>`, standing as words or attached to one (`<s>The cat sat.</s>`); in any case, for lowercased text. */
const MARKERS = /<\/?s>/gu;
const MARKERS_ANY_CASE = /<\/?[sS]>/gu; // (not the i flag: with u it would take `ſ`, which lowercasing keeps)

/**
 * The line without the boundary markers in it, counted as dropped in `builder`: taken out before the
 * sentence splitter and any tokenizer see them (the splitter would not end a sentence at `sat.</s>`, a
 * tokenizer would split them into pieces, `<`, `s`, `>` under wordpunct, or keep them inside a word,
 * `<s>The` under whitespace). Each is replaced by a space, so a marker between two words still parts
 * them. `lowercased`: the text will be lowercased, so `<S>` is a marker too. Text without `s>` (or
 * `S>`) is returned as it is.
 */
function withoutMarkers(line: string, builder: CorpusBuilder, lowercased: boolean): string {
  let count = 0;
  const kept = markersAsSpaces(line, lowercased, () => count++);
  builder.countDroppedMarkers(count);
  return kept;
}

/** The line with each boundary marker replaced by a space (see withoutMarkers); `onMarker` is called for each. */
function markersAsSpaces(line: string, lowercased: boolean, onMarker: () => void = () => undefined): string {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: equivalent, a shortcut: the replace below finds nothing in such a line (time only)
  if (!line.includes('s>') && !(lowercased && line.includes('S>'))) return line;
  return line.replace(lowercased ? MARKERS_ANY_CASE : MARKERS, () => {
    onMarker();
    return ' ';
  });
}

/**
 * Unicode NFC. Every character below U+0300 is unchanged by NFC and cannot combine with what precedes
 * it (NFC_Quick_Check = Yes), so such text (ASCII, Latin-1, most Latin) is returned without the call.
 */
// Without the `u` flag the class is matched per UTF-16 code unit, which decides the same for every string
// (an astral character's surrogates, and a lone one, are above U+02FF too) and scans a two-byte string
// about five times faster (unicode mode walks it code point by code point).
// Stryker disable next-line Regex: equivalent, NFC leaves the other text unchanged too (time only)
const MAY_CHANGE_UNDER_NFC = /[^\u0000-\u02FF]/;

function toNfc(text: string): string {
  return MAY_CHANGE_UNDER_NFC.test(text) ? text.normalize('NFC') : text;
}

const WHITESPACE_HINT = 'use the whitespace tokenizer, --tokenizer whitespace on the command line, which keeps words of every script whole';
const UNSPACED_HINT = 'use the char tokenizer, --tokenizer char on the command line, which makes each character a token: Chinese and Japanese put no spaces between words';

/**
 * Warns about dropped boundary markers and, if `cutLetters` counted enough, letters the tokenizer cut
 * out of words; refuses an empty corpus; builds it.
 */
export function finishCorpus(builder: CorpusBuilder, name: string, settings: Pick<TextOptions, 'onWarning'>, cutLetters?: CutLetterCount, role = 'corpus'): TokenCorpus {
  if (builder.droppedMarkers > 0) {
    settings.onWarning?.(
      `the corpus contains ${builder.droppedMarkers} '<s>' / '</s>' token(s); they are the sentence boundary markers and were dropped`,
    );
  }
  // (a text of empty sentences alone, read with emptySentences, is a text: a saved generation of a model that ends every sentence at once)
  if (builder.tokenCount === 0 && builder.sentenceCount === 0) {
    // "the corpus a.txt, b.txt", but "the text" (not "the corpus the text") for a text read without a name
    const corpus = name === UNNAMED_TEXT ? name : `the ${role} ${name}`;
    const dropped = cutLetters?.emptyCorpusReason();
    if (dropped !== undefined) throw new InputError(`${corpus} holds no tokens: ${dropped}`, cutLetters!.mostlyUnspaced() ? UNSPACED_HINT : WHITESPACE_HINT);
    // (the markers' warning is not printed before a refusal, so the refusal says it: review)
    const markers = builder.droppedMarkers > 0 ? `: its ${builder.droppedMarkers} '<s>' / '</s>' token(s) are sentence boundary markers, which were dropped` : '';
    throw new InputError(`${corpus} holds no tokens${markers}`, 'pass a non-empty text corpus');
  }
  const cut = cutLetters?.warning(builder.tokenCount);
  if (cut !== undefined) settings.onWarning?.(cut);
  return builder.build();
}

/** Tokenizes one sentence into the builder; a very long one piece by piece (bounded memory). */
function addSentence(builder: CorpusBuilder, tokenize: Tokenize, sentence: string): void {
  if (sentence.length < LONG_SENTENCE) {
    builder.addSentence(tokenize(sentence));
    return;
  }
  for (const piece of whitespaceWindows(sentence, LONG_SENTENCE)) builder.appendTokens(tokenize(piece));
  builder.endSentence();
}

function jsonlText(line: string, field: string, where: string, notJsonHint: string): string {
  let record: unknown;
  try {
    // (a byte-order mark at a line's start, where two files were joined, is dropped as at the file's)
    record = JSON.parse(line.startsWith('\ufeff') ? line.slice(1) : line);
  } catch {
    throw new InputError(`${where} is not valid JSON`, notJsonHint);
  }
  const value = typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[field] : undefined;
  if (typeof value !== 'string') {
    throw new InputError(`${where} has no string field '${field}'`, 'choose the field with jsonlField, --jsonl-field on the command line');
  }
  // A NUL written as \u0000 is refused as a NUL byte in a text file is (textChunks.checkTextBytes).
  if (value.includes('\u0000')) throw new InputError(`${where} has a NUL character (\\u0000) in its field '${field}'`, 'remove it: NUL is not text');
  // A lone surrogate (an escape such as \ud83d: half an emoji, cut) is no character: U+FFFD, as a text
  // file's invalid UTF-8 decodes to. Kept, each was a type of its own that every output writes as U+FFFD.
  return value.replace(LONE_SURROGATE, '\ufffd');
}

/** A high surrogate not followed by a low one, or a low one not after a high one (string.toWellFormed, ES2024). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;
