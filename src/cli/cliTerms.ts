/**
 * The library's refusals in the CLI's words. The library names its settings (`k`, `maxTokens`,
 * `jsonlField`), and where a hint serves a library caller and a command line alike it names both
 * ("raise maxTokens, --max-tokens on the command line"); the line the CLI prints names the flag alone
 * (`ngram-collapse: k 1e+308 is too large for add-k ...` spoke of a `k` no flag is called: audit).
 *
 * Contract: `inCliText(text)` gives a text (a warning) with each library phrase replaced, as in an error.
 * `inCliTerms(error)` gives an InputError's message and hint with each library phrase of
 * LIBRARY_PHRASES replaced by its CLI phrase, in a copy of the error: its class (LinkLoopError, a
 * caller's own subclass), name, stack and every other property of its own kept (it was rebuilt as a
 * plain InputError or UsageError); any other error, and one without a library phrase, as it is.
 * The library's own errors keep the library's names (their tests pin them: test/model/addK.test.ts,
 * test/corpus/corpusBuilder.test.ts, test/corpus/readText.test.ts, test/corpus/subword/learnedBpe.test.ts,
 * test/export/mergeCurves.test.ts, test/export/runRecord.test.ts).
 */

import { SUBWORD_WAY_OUT, UNSPACED_WAY_OUT, WAY_OUT } from '../corpus/cutLetters.js';
import { InputError } from '../errors.js';
import { flagName } from '../validation/flagName.js';

/** `text` as the end of a warning, after its `; `. */
function wholeEnd(text: string): RegExp {
  return new RegExp(`(?<=; )${text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}$`, 'u');
}

/** The text options Brown does not read, as readText.ts's warnBrownTextOptions names them (jsonlField's as JSON, last). */
const BROWN_OPTION = /sentences 'line'|emptySentences|jsonlField ("(?:[^"\\]|\\.)*")/gu;
const BROWN_UNREAD = /(?<=^|: )((?:sentences 'line'|emptySentences|jsonlField "(?:[^"\\]|\\.)*")(?:(?:, | and )(?:emptySentences|jsonlField "(?:[^"\\]|\\.)*"))*) (does|do) nothing on Brown(?=: its sentences and tokens are its own\b)/u;

/** `--sentences line`, `--empty-sentences`, `--jsonl-field NAME` for a text option of BROWN_OPTION. */
function flagOf(option: string, field: string | undefined): string {
  if (field !== undefined) return `--jsonl-field ${JSON.parse(field) as string}`;
  return option === 'emptySentences' ? '--empty-sentences' : '--sentences line';
}

/** [the library's phrase, in a message or a hint, the CLI's phrase for it (as String.replace takes it)]. */
const LIBRARY_PHRASES: ReadonlyArray<readonly [RegExp, string | ((phrase: string, ...groups: string[]) => string)]> = [
  // model/addK.ts checkAddKReserve: its message and its hint
  // (not anchored at the start: a caller may put its own words before the library's, `recipe ...: `)
  // (at the message's start or after a caller's `...: `, a hint's end: a file's name is the user's: review)
  [/(?<=^|: )k (\S+) is too large for add-k (?=over \|V\| = \d+ \(the types and <\/s>\): k \|V\| is past the largest number)/u, '--k $1 is too large for add-k '],
  [/\bpass a k below (\S+)$/u, 'pass a --k below $1'],
  // corpus/corpusBuilder.ts and corpus/subword/learnedBpe.ts: a corpus past maxTokens
  [/\bmaxTokens, --max-tokens on the command line\b/u, '--max-tokens'],
  // corpus/readText.ts: a JSONL record without the field
  [/\bjsonlField, --jsonl-field on the command line\b/u, '--jsonl-field'],
  // corpus/readText.ts: a text the word tokenizer cut every letter of
  [/\bthe whitespace tokenizer, --tokenizer whitespace on the command line\b/u, '--tokenizer whitespace'],
  [/\bthe char tokenizer, --tokenizer char on the command line\b/u, '--tokenizer char'],
  // simulation/degenerateNotices.ts: sentences cut at the cap
  [/\bmaxSentenceLength, --max-sentence-length on the command line,/u, '--max-sentence-length'],
  // simulation/preparedRun.ts: more anchor sentences than the human pool holds
  [/(?<=^|: )anchor (\d+) needs that many human sentences(?=, but the human pool has \d+)/u, '--anchor $1 needs that many human sentences'],
  [/^pass a smaller anchor or\b/u, 'pass a smaller --anchor or'],
  // simulation/preparedRun.ts: a run past MAX_LOOP_TOKENS
  [/(?<= tokens in one text \(a generation's batch, its )select candidates(?=, or the pool an accumulating strategy keeps: H and every batch\), more than \d+$)/u, '--select candidates'],
  // simulation/holdoutSplit.ts: a corpus too small for the holdout share (a recipe's is its own: "with run")
  // (whole hints: a file's name in a message is the user's, never rewritten: review)
  [/^pass a larger corpus, or a holdout share of 0 (\(none held out, no held-out metrics\))$/u, 'pass a larger corpus, or, with run, --holdout 0 $1'],
  [/^pass a larger corpus, or a holdout share of at least (\S+) \(one held out\) or of 0 (\(none held out, no held-out metrics\))$/u, 'pass a larger corpus, or, with run, --holdout $1 or more (one held out) or --holdout 0 $2'],
  // simulation/settings.ts: a batch that growth shrinks to nothing, a human share beyond the pool
  [/(?<=^|: )tokens growth (\S+) shrinks the batch of (?=\d+ tokens to 0 by generation \d+: a model trained on nothing$)/u, '--tokens-growth $1 shrinks the batch of '],
  [/^use a tokens growth closer to 1, more tokens or fewer generations$/u, 'use a --tokens-growth closer to 1, more --tokens or fewer --generations'],
  [/(?<=^|: )human ratio (\S+) asks for (?=[\d,]+ human tokens in )/u, '--human-ratio $1 asks for '],
  [/(?<='s batch of [\d,]+ tokens )\(tokens growth (\S+)\)(?=, and the human pool H holds [\d,]+: the rest would be synthetic text$)/u, '(--tokens-growth $1)'],
  [/^use a smaller human ratio, fewer generations or less growth$/u, 'use a smaller --human-ratio, fewer --generations or less --tokens-growth'],
  [/^use a smaller human ratio, (fewer tokens, generations or growth|fewer tokens)(, a smaller holdout)?, or a larger corpus$/u, (_hint, fewer: string, holdout: string | undefined) =>
    `use a smaller --human-ratio, ${fewer === 'fewer tokens' ? 'fewer --tokens' : 'fewer --tokens, --generations or less --tokens-growth'}${holdout === undefined ? '' : ', a smaller --holdout'}, or a larger corpus`],
  // export/mergeCurves.ts: hints of a shard cut short, rows missing, files joined into one (whole hints)
  [/^finish that run first \(--resume on the command line\)$/u, 'finish that run with --resume first'],
  [/^run the missing shards \(or finish them, --resume on the command line\) and merge again$/u, 'run the missing shards (or finish them with --resume) and merge again'],
  [/^merge the shard files themselves, each an input of its own$/u, 'merge the shard files themselves, e.g. ngram-collapse merge part-*.csv --out all.csv'],
  // export/resumePlan.ts: a file of another header
  [/: start afresh \(without --resume on the command line\)$/u, ': start afresh without --resume'],
  // export/report/svgCharts.ts: two charts of one file name
  [/^rename one of the columns, or leave one out of metrics, --metrics on the command line$/u, 'rename one of the columns, or leave one out with --metrics'],
  // export/mergeCurves.ts: shards of two seeds (the seed column; a file's name is the user's, kept as it is)
  [/ was run with seed (\S*), (.+) with seed (\S*)$/u, ' was run with --seed $1, $2 with --seed $3'],
  [/ holds rows of two seeds, seed (\S*) and seed (\S*): rows of two runs$/u, ' holds rows of two seeds, --seed $1 and --seed $2: rows of two runs'],
  // export/mergeCurves.ts: shards of two runs, their records' differences by the library's names (runRecord.ts settingName;
  // a setting's flag as fieldName spells it, the rest as they are)
  [/(?<= \(their run records differ: )[^)]+(?=\)$)/u, (names) => names.split(', ').map((name) => (/^[a-z][a-zA-Z]*$/u.test(name) ? flagName(name) : name)).join(', ')],
  // corpus/readText.ts: sentences that end at line breaks; text options Brown does not read
  [/(?<=\); )pass sentences 'line' if each line is a sentence\b/u, 'pass --sentences line if each line is a sentence'],
  // corpus/brown.ts and corpus/loadCorpus.ts: names joined where each needs its own
  [/\bgive each corpus a name of its own, e\.g\. \['brown:news', 'brown:fiction'\], --corpus brown:news --corpus brown:fiction on the command line$/u, 'give each corpus its own value, e.g. --corpus brown:news --corpus brown:fiction'],
  [/\bgive each file or pattern as a name of its own \(\['a\.txt', 'b\.txt'\], --corpus a\.txt b\.txt on the command line\)$/u, 'give each file or pattern (--corpus a.txt b.txt)'],
  // corpus/cutLetters.ts: the way out of a tokenizer that cut letters, the whole of a warning's end
  [wholeEnd(WAY_OUT), '--tokenizer whitespace keeps words of every script whole (--tokenizer char makes each character a token, for text written without spaces)'],
  [wholeEnd(UNSPACED_WAY_OUT), 'most are Chinese or Japanese characters, written without spaces between words: --tokenizer char makes each character a token (--tokenizer whitespace would make each sentence one token)'],
  [wholeEnd(SUBWORD_WAY_OUT), 'the published byte-level encodings (--tokenizer gpt2, cl100k or o200k) keep the letters of every script in their words'],
  [BROWN_UNREAD, (_phrase, options: string, verb: string) => `${options.replace(BROWN_OPTION, flagOf)} ${verb} nothing on Brown`],
];

/** A text of the library's (a warning: a loader's, a run's) in the CLI's words, as inCliTerms gives an error's. */
export function inCliText(text: string): string {
  return translated(text);
}

function translated(text: string): string {
  // (one call per overload of replace: a text or a function, which TypeScript does not take as a union)
  return LIBRARY_PHRASES.reduce((said, [library, cli]) => (typeof cli === 'string' ? said.replace(library, cli) : said.replace(library, cli)), text);
}

export function inCliTerms(error: unknown): unknown {
  if (!(error instanceof InputError)) return error;
  const [message, hint] = [translated(error.message), translated(error.hint)];
  if (message === error.message && hint === error.hint) return error;
  // a native Error (util.types.isNativeError, structuredClone and toString read it as one: round-2 audit) given the error's class
  const said = new Error(message) as InputError;
  Object.setPrototypeOf(said, Object.getPrototypeOf(error) as object);
  const { message: _message, ...own } = Object.getOwnPropertyDescriptors(error);
  Object.defineProperties(said, own);
  Object.defineProperty(said, 'hint', { value: hint, writable: true, configurable: true, enumerable: true });
  return said;
}
