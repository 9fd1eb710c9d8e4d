/**
 * Sentence segmentation of running text (`--sentences auto`): where a sentence ends inside a line or a
 * paragraph whose line breaks are spaces (see lineBreaks.ts for line ends).
 *
 * Contract: `splitSentences(text)` returns the sentences of `text` in order, trimmed, non-empty; joined
 * with spaces they hold every non-white-space character of the text. One pass, O(length): each
 * candidate end is decided from the word before it and the word after it, never by searching further.
 *
 * The rules (whole words, never suffixes, so "hospital." ends a sentence although "al." is an
 * abbreviation):
 * - `。！？｡` (Chinese, Japanese) end a sentence where they stand; `? ! ‼ ।  ॥ ؟ ۔` (and runs of them)
 *   end one when white space follows, unless the next word starts with a lowercase letter ('"Why?" he
 *   asked.').
 * - A period ends a sentence only when white space (or the end) follows it, after any closing quotes
 *   and brackets (CLOSERS; a German “ or « where it closes; a French ` »` after its space), so numbers (3.5, $1.20), dotted names (U.S.A, example.com) stay whole. A run of
 *   periods or `…` (an ellipsis) ends one only before an uppercase word.
 * - Before a lowercase word a period never ends a sentence ("e.g. the", "etc. and").
 * - After a title (Mr., Dr., Gen., ...: TITLES), never.
 * - Before a number, never after an abbreviation that numbers things (No. 5, fig. 3, pp. 12:
 *   NUMBER_ABBREVIATIONS, any case); before anything else such a word is an ordinary word.
 * - After a single capital letter ("J. R. R. Tolkien", "a grade of B. The") or another abbreviation
 *   (St., Jan., Inc., etc.: ABBREVIATIONS; or letters in groups of one or two joined by periods: U.S.,
 *   e.g., a.m., Ph.D.) only when the next word starts a sentence as such words usually do: a
 *   capitalized function word (The, He, But, ...: SENTENCE_STARTERS), never before a number. "Jan. 12",
 *   "the U.S. Army" stay whole, "in the U.S. The" is split.
 * - A word before the period is looked up after its last hyphen (ex-Gov. is Gov.).
 * - After any other word, a period followed by white space ends the sentence.
 * Measured on Brown's sentences detokenized into paragraphs (test/corpus/sentenceBoundaries.test.ts).
 */

/** Words before which a period is part of a name: never a sentence end. */
export const TITLES: ReadonlySet<string> = new Set([
  'Mr', 'Mrs', 'Ms', 'Messrs', 'Mme', 'Mlle', 'Dr', 'Drs', 'Prof', 'Gen', 'Col', 'Capt', 'Cpl', 'Lt', 'Sgt',
  'Maj', 'Adm', 'Cmdr', 'Comdr', 'Rev', 'Gov', 'Sen', 'Sens', 'Rep', 'Reps', 'Hon', 'Pres', 'Supt', 'Msgr',
  'Fr', 'Atty', 'Mt', 'Ft', 'Pvt', 'Pfc', 'Brig', 'Gens', 'Ald', 'Insp', 'Dept', 'Lieut', 'Sgts', 'Mmes',
  'Wm', 'Jas', 'Chas', 'Thos', 'Geo', 'Benj', 'v', 'vs', 'Vs',
]);

/** Abbreviations that may end a sentence: they do only before a SENTENCE_STARTERS word. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'St', 'Jr', 'Sr', 'Co', 'Corp', 'Inc', 'Ltd', 'Bros', 'etc', 'al', 'cf', 'approx', 'ca', 'viz', 'esp',
  'Dist', 'Tech', 'Spec', 'Rul', 'Ry', 'Sect', 'Chap',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Ave', 'Blvd', 'Rd', 'Ky', 'Tenn', 'Calif', 'Fla', 'Ga', 'Ill', 'Mass', 'Mich', 'Minn', 'Okla', 'Pa',
  'Penn', 'Tex', 'Va', 'Wash', 'Wis', 'Ariz', 'Ark', 'Colo', 'Conn', 'Del', 'Ind', 'Kan', 'Kans', 'La',
  'Md', 'Miss', 'Mo', 'Mont', 'Neb', 'Nev', 'Ore', 'Vt', 'Wyo', 'Ala',
  'ft', 'lb', 'lbs', 'oz', 'yd', 'yds', 'sq', 'cu', 'hr', 'hrs', 'dept',
  'Univ', 'Assn', 'Assoc', 'Inst', 'Govt', 'Mfg',
]);

/** Abbreviations that stand before a number ("No. 5", "fig. 3", "pp. 12-14"), matched in any case. */
export const NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'no', 'nos', 'op', 'opp', 'fig', 'figs', 'p', 'pp', 'vol', 'vols', 'art', 'sec', 'ch', 'chap', 'eq', 'eqs',
  'eqn', 'eqns', 'ref', 'refs', 'stat', 'rte', 'pt', 'pl', 'par', 'para', 'nr', 'ex', 'apt', 'bldg', 'ste',
  'rm', 'tel', 'ext', 'ca', 'approx', 'est', 'ed', 'eds',
]);

/**
 * Capitalized words that start sentences far more often than they continue a name: determiners,
 * pronouns, conjunctions, prepositions and adverbs of English (a closed class).
 */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set(
  (
    'A An The This That These Those Some Such Many Most Much More Each Every Any All Both No None Neither Either ' +
    'I He She It We You They His Her Its Our Their My Your Him Them Us Me One Nobody Everyone Someone ' +
    'There Here Then Now Thus Hence So Yet Still Also Even Only Just Perhaps Indeed However Moreover Meanwhile ' +
    'But And Or Nor For If When While Although Though Because Since Unless Until After Before As Once ' +
    'In On At By With Without From Of To Into Under Over Among Between During Through Despite Like ' +
    'What Who Whom Whose Which Where Why How Whatever Whoever ' +
    'Is Are Was Were Do Does Did Has Have Had Can Could Will Would Shall Should May Might Must ' +
    'Not Never Always Often Sometimes Today Yesterday Tomorrow Last Next Other Another Few Several Two Three'
  ).split(' '),
);

/**
 * Closing quotes and brackets that stay with the sentence they close: English ” ’ », CJK
 * 」』】〕）｣》〉, and German and French ones below.
 */
const CLOSING = '"\')]}\u201D\u2019\u00BB\u203A\u300D\u300F\u3011\u3015\uFF09\uFF63\u300B\u3009';
const CLOSERS = new Set([...CLOSING]);
/**
 * Quotes that close in German (“ ‘ after „ ‚, « › after » ‹) and open in English and Chinese: a closer
 * only where white space, the end, another quote or bracket, or , ; : ! ? follows it (`„Hallo.“ Dann`, never
 * `。“好` or `end.“Next`). German “ and «, missing, joined a sentence ended in a quote to the next;
 * taken everywhere, the “ opening the next Chinese sentence after 。 stayed with the one before (audits).
 */
const AMBIGUOUS_CLOSING = '\u201C\u2018\u00AB\u2039';
const AMBIGUOUS_CLOSERS = new Set([...AMBIGUOUS_CLOSING]);
/** Punctuation that may follow a closing quote (not `.`, which may begin an ellipsis, `»...aber`). */
const AFTER_CLOSER = new Set([...',;:!?']);
/** Quotes and brackets that may follow a quote that closes directly after its mark (`‚Halt!‘“ Dann`). */
const NESTED_CLOSERS = new Set([...CLOSING, ...AMBIGUOUS_CLOSING]);
/** Opening quotes and brackets before the next sentence's first word (German „ ‚ and » › too). */
const OPENERS = new Set([...'"\'([{\u201C\u2018\u00AB\u2039\u201E\u201A\u00BB\u203A\u300C\u300E\u3010\u3014\uFF08\uFF62\u300A\u3008']);
/**
 * Closing quotes written after a space (a no-break, narrow no-break or thin one, or a plain space), as
 * French writes » and › and English a nested ” or ’: `« Bonjour. » Puis`, `« Oui. », dit-il`, `‘No.’ ”
 * Then` keep the closer with the sentence it closes when white space, the end, or , ; : ! ? follows it
 * (»Hallo, a German opener, is followed by its word; ` »›Nein` by another quote). It began the next
 * sentence: audits.
 */
const SPACED_CLOSING = '\u00BB\u203A\u201D\u2019';
const SPACED_CLOSERS = new Set([...SPACED_CLOSING]);
const CLOSER_SPACING = ' \u00A0\u202F\u2009';
const CLOSER_SPACES = new Set([...CLOSER_SPACING]);
/** End marks that end a sentence where they stand, no space needed (CJK full stops and marks). */
const IMMEDIATE = new Set([...'\u3002\uFF01\uFF1F\uFF61']);
/** End marks that end a sentence before white space: ? ! and the marks of other scripts. */
const STRONG = new Set([...'?!\u203C\u2047\u2048\u2049\u0964\u0965\u061F\u06D4']);
const CANDIDATE = /[.?!\u2026\u203C\u2047-\u2049\u0964\u0965\u061F\u06D4\u3002\uFF01\uFF1F\uFF61]/gu;
/** A character class of `chars`, each written as its code point. */
const classOf = (chars: string): string => `[${[...chars].map((ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`).join('')}]`;
/**
 * Text that ends with a sentence-final mark, after any closers (a French one after its space): the
 * line rule counts the line breaks it takes for sentence ends without one (sentenceSplitter.ts).
 */
export const FINAL_MARK = new RegExp(`${CANDIDATE.source}${classOf(CLOSING + AMBIGUOUS_CLOSING)}*(?:${classOf(CLOSER_SPACING)}${classOf(SPACED_CLOSING)})?$`, 'u');
const SPACE = /\s/u;
const LOWER = /^\p{Ll}/u;
const UPPER = /^\p{Lu}/u;
const DIGIT = /^\p{Nd}/u;
/** Letters in groups of one or two joined by periods: U.S, e.g, a.m, Ph.D (not example.com). */
const DOTTED = /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u;

/** Splits running text into sentences (see the header for the rules). O(length). */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match !== null; match = CANDIDATE.exec(text)) {
    const at = match.index;
    // (charAt past the end is '', no mark and no closer)
    let end = at + 1;
    while (isMark(text.charAt(end))) end++;
    // closers, each also after a space: `“ Non. ” » Puis` (the » began the next sentence: audit)
    for (let before = -1; before !== end; ) {
      before = end;
      end = afterSpacedCloser(text, afterClosers(text, end));
    }
    CANDIDATE.lastIndex = end;
    if (!endsSentence(text, at, end)) continue;
    sentences.push(text.slice(start, end).trim()); // never empty: it holds its mark
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest.length > 0) sentences.push(rest);
  return sentences;
}

/** Past the closers from `end`: CLOSERS, and AMBIGUOUS_CLOSERS where they close. */
function afterClosers(text: string, end: number): number {
  for (;;) {
    const ch = text.charAt(end);
    if (CLOSERS.has(ch) || (AMBIGUOUS_CLOSERS.has(ch) && (closesBefore(text, end + 1) || NESTED_CLOSERS.has(text.charAt(end + 1))))) end++;
    else return end;
  }
}

/**
 * True when a closer may end at `at`: the text's end, white space, or AFTER_CLOSER follows. Not another
 * quote for a closer after a space: ` »›Nein` and ` ”’Tis` open the next sentence (audit).
 */
function closesBefore(text: string, at: number): boolean {
  return at === text.length || SPACE.test(text.charAt(at)) || AFTER_CLOSER.has(text.charAt(at));
}

/** `end`, or the end of a spaced closer there (` »` before white space, punctuation or the text's end). */
function afterSpacedCloser(text: string, end: number): number {
  if (!CLOSER_SPACES.has(text.charAt(end)) || !SPACED_CLOSERS.has(text.charAt(end + 1))) return end;
  return closesBefore(text, end + 2) ? end + 2 : end;
}

function isMark(ch: string): boolean {
  return ch === '.' || ch === '\u2026' || STRONG.has(ch) || IMMEDIATE.has(ch);
}

/**
 * Decides the candidate whose marks and closers span [at, end). At the text's end it says no: the
 * rest of the text is the last sentence anyway.
 */
function endsSentence(text: string, at: number, end: number): boolean {
  const marks = text.slice(at, end);
  if (hasImmediate(marks)) return true;
  if (!SPACE.test(text.charAt(end))) return false;
  const next = nextWord(text, end);
  if (next === '') return true;
  if (hasStrong(marks)) return !LOWER.test(next);
  if (LOWER.test(next)) return false;
  const dots = marks.replace(/[^.\u2026]/gu, '');
  if (dots.length > 1 || dots.includes('\u2026')) return UPPER.test(next);
  return periodEnds(previousWord(text, at), next);
}

function hasImmediate(marks: string): boolean {
  for (const ch of marks) if (IMMEDIATE.has(ch)) return true;
  return false;
}

function hasStrong(marks: string): boolean {
  for (const ch of marks) if (STRONG.has(ch)) return true;
  return false;
}

/** A single period after `word` (without the period), before `next` (not lowercase). */
function periodEnds(written: string, next: string): boolean {
  // (a word ending in a hyphen leaves '', which is no abbreviation: the period ends the sentence)
  const word = written.slice(written.lastIndexOf('-') + 1);
  if (TITLES.has(word)) return false;
  if (DIGIT.test(next) && NUMBER_ABBREVIATIONS.has(word.toLowerCase())) return false;
  const initial = word.length === 1 && UPPER.test(word);
  const abbreviation = initial || ABBREVIATIONS.has(word) || DOTTED.test(word);
  if (!abbreviation) return true;
  // (so never before a number: no starter is one)
  return SENTENCE_STARTERS.has(stripWord(next));
}

/** The word before position `at` (a period), without opening quotes or brackets. */
function previousWord(text: string, at: number): string {
  let from = at;
  while (from > 0 && !SPACE.test(text[from - 1]!)) from--;
  while (OPENERS.has(text[from]!)) from++; // stops at `at` at the latest: a mark is no opener
  return text.slice(from, at);
}

/**
 * The next word after `end`, without opening quotes or brackets. Each word is read here for one
 * candidate at most (a candidate before it is in white space or openers, which hold no mark), so the
 * scans stay O(length).
 */
function nextWord(text: string, end: number): string {
  let from = end;
  while (SPACE.test(text.charAt(from))) from++;
  while (OPENERS.has(text.charAt(from))) from++;
  let to = from;
  // Stryker disable next-line EqualityOperator: equivalent, one step past the end reads undefined (no white space) and the slice stops at the end
  while (to < text.length && !SPACE.test(text[to]!)) to++;
  return text.slice(from, to);
}

/** A word without trailing punctuation ("The," -> "The"). */
function stripWord(word: string): string {
  return word.replace(/[^\p{L}\p{N}]+$/u, '');
}
