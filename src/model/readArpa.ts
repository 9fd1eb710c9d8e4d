/**
 * readArpa: parses an ARPA back-off language model file (the format ./arpa.ts describes and writes)
 * and scores with back-off, as KenLM and SRILM do.
 *
 * Contract, following SRILM's ngram-format(5) and KenLM's reader (a byte-order mark is skipped):
 * - lines before `\data\` are ignored (the CMU–Cambridge toolkit writes a preamble there), and so is
 *   everything after the first `\end\` ("the format is self-delimiting": ngram-format(5));
 * - `\data\` is followed by `ngram k=N` lines for k = 1, 2, ..., n (each once, none left out);
 * - each `\k-grams:` section (k <= n, each once, in ascending order) holds lines
 *   `log10 p  w1 ... wk  [log10 back-off]`, the fields split by tabs or spaces (SRILM writes tabs,
 *   the CMU toolkit spaces: the section's k says which fields are words; other white space, such as
 *   U+00A0, is part of a word, as in KenLM); `-inf` (any case, `-Infinity` too) is log10(0), and so is
 *   `-1.#INF` (older Windows builds of SRILM); a log10 p above 0 is refused (a
 *   back-off weight may be above 1, so its log10 above 0);
 * - each section lists exactly the N n-grams its `ngram k=N` line declares, none twice, and the file
 *   ends with `\end\`. SRILM only warns about a wrong count; here it is refused, since the common
 *   cause is a file cut short (a copy or a download that stopped), which would score silently wrong.
 * Anything else is refused with a UsageError naming the line (1-based). O(lines).
 */

import { UsageError } from '../errors.js';
import { decimalValue, shownValue } from '../validation/valueRule.js';

/** A parsed ARPA model: enough to score text the way KenLM and SRILM do. */
export interface ArpaModel {
  readonly order: number;
  /** Entries per order as declared in `\data\` (and listed: checked). */
  readonly counts: readonly number[];
  /** Every listed n-gram (words joined by one space) with its log10 probability and log10 back-off (0 if none). */
  readonly entries: ReadonlyMap<string, { readonly p: number; readonly bow: number }>;
  /** log10 P(word | history) with back-off semantics; -Infinity when the word is not in the model. */
  log10Probability(history: readonly string[], word: string): number;
}

type Entries = Map<string, { p: number; bow: number }>;

const CHECK = 'check the file';
const WHOLE = 'pass the whole file, as arpaLines gives it (train --arpa on the command line)';
const SECTION = /^\\(\d+)-grams:$/;
/** `ngram k=N`, spaced as any writer spaces it (CMU Sphinx's reader takes `ngram  1= 3` too). */
const COUNT = /^ngram[ \t]+(\d+)[ \t]*=[ \t]*(\d+)$/;

/**
 * Parses an ARPA file.
 *
 * @throws UsageError on a malformed file (the line is named).
 */
export function readArpa(text: string): ArpaModel {
  if (typeof text !== 'string') throw new UsageError(`readArpa needs the text of an ARPA file, got ${shownValue(text)}`, "read the file first, e.g. readFileSync('model.arpa', 'utf8')");
  // ASCII spaces and tabs only, as KenLM and SRILM split: a token may hold another white space (U+00A0)
  // (a byte-order mark, which some editors write, is no part of the first line)
  const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/).map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ''));
  const data = lines.indexOf('\\data\\');
  if (data < 0) throw new UsageError('the text is not an ARPA file: it has no \\data\\ line', WHOLE);
  const { counts, next } = readCounts(lines, data + 1);
  const entries = readSections(lines, next, counts);
  return scorer(counts, entries);
}

/** The `ngram k=N` lines after `\data\`, up to the first line that opens a section (or `\end\`). */
function readCounts(lines: readonly string[], from: number): { counts: number[]; next: number } {
  const counts: number[] = [];
  let index = from;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (line === '') continue;
    if (SECTION.test(line) || line === '\\end\\') break;
    const count = COUNT.exec(line);
    if (!count) throw new UsageError(`ARPA line ${index + 1} is not an "ngram k=N" header: ${line}`, CHECK);
    const k = Number(count[1]);
    if (k !== counts.length + 1) throw new UsageError(`ARPA line ${index + 1} declares the ${k}-grams where the ${counts.length + 1}-grams come next: ${line}`, 'list ngram 1=N, ngram 2=N, ... in order, each once');
    counts.push(Number(count[2]));
  }
  if (counts.length === 0) throw new UsageError('the text is not an ARPA file: its \\data\\ section has no "ngram k=N" line', WHOLE);
  return { counts, next: index };
}

/** The `\k-grams:` sections from `from` up to `\end\`, each checked against its declared count. */
function readSections(lines: readonly string[], from: number, counts: readonly number[]): Entries {
  const entries: Entries = new Map();
  let section = 0;
  let listed = 0;
  for (let index = from; index < lines.length; index++) {
    const line = lines[index]!;
    if (line === '') continue;
    if (line === '\\end\\') {
      checkListed(section, listed, counts, index);
      checkUnlisted(section, counts, index);
      return entries;
    }
    const header = SECTION.exec(line);
    if (header) {
      checkListed(section, listed, counts, index);
      const k = Number(header[1]);
      if (k <= section || k > counts.length) throw new UsageError(`ARPA line ${index + 1} opens the ${k}-grams ${k > counts.length ? `where \\data\\ declares ${counts.length} orders` : `after the ${section}-grams`}: ${line}`, 'list the sections \\1-grams:, \\2-grams:, ... in order, as \\data\\ declares them');
      checkUnlisted(section, counts.slice(0, k - 1), index);
      section = k;
      listed = 0;
      continue;
    }
    // (a section is open here: readCounts stops at the first section header or `\end\`)
    addEntry(entries, line, section, index);
    listed++;
  }
  throw new UsageError(`the ARPA text has no \\end\\ line after its ${section}-grams: the file may be cut short`, WHOLE);
}

/** One line of a k-gram section: log10 p, k words, an optional log10 back-off. */
function addEntry(entries: Entries, line: string, k: number, index: number): void {
  const fields = line.split(/[ \t]+/);
  if (fields.length !== k + 1 && fields.length !== k + 2) throw new UsageError(`ARPA line ${index + 1} is malformed: a ${k}-gram line holds log10 p, ${k} word${k === 1 ? '' : 's'} and an optional back-off, got ${fields.length} fields: ${line}`, CHECK);
  const p = log10Value(fields[0]!);
  const bow = fields.length === k + 2 ? log10Value(fields[k + 1]!) : 0;
  if (Number.isNaN(p) || Number.isNaN(bow)) throw new UsageError(`ARPA line ${index + 1} is malformed: ${Number.isNaN(p) ? `its log10 probability "${fields[0]}"` : `its back-off "${fields[k + 1]}"`} is no number: ${line}`, CHECK);
  if (p > 0) throw new UsageError(`ARPA line ${index + 1} is malformed: its log10 probability ${fields[0]} is above 0, a probability above 1: ${line}`, CHECK);
  const key = fields.slice(1, k + 1).join(' ');
  if (entries.has(key)) throw new UsageError(`ARPA line ${index + 1} lists the ${k}-gram "${key}" a second time`, CHECK);
  entries.set(key, { p, bow });
}

/**
 * A log10 field: a decimal number (valueRule's decimalValue) with no white space in it (a U+00A0 belongs
 * to a word), or `-inf` / `-Infinity` for log10(0), or `-1.#INF`, as older Windows builds of SRILM print it
 * (Microsoft's C library's -infinity: it was refused as no number); NaN for anything else (`0x0`, which
 * Number reads: round 2; `-1.#IND`, Microsoft's undefined value).
 */
function log10Value(field: string): number {
  if (/^-(?:inf(inity)?|1\.#inf)$/i.test(field)) return Number.NEGATIVE_INFINITY;
  const value = /\s/u.test(field) ? Number.NaN : decimalValue(field);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** The section that just closed (k > 0) listed as many n-grams as `\data\` declares. */
function checkListed(k: number, listed: number, counts: readonly number[], index: number): void {
  if (k > 0 && listed !== counts[k - 1]) throw new UsageError(`the ARPA section \\${k}-grams: lists ${listed} n-grams where \\data\\ declares ${counts[k - 1]} (line ${index + 1}): the file may be cut short or edited`, WHOLE);
}

/** Every order above `k` that `counts` declares with n-grams has no section: refused. */
function checkUnlisted(k: number, counts: readonly number[], index: number): void {
  for (let missing = k + 1; missing <= counts.length; missing++) {
    if (counts[missing - 1]! > 0) throw new UsageError(`the ARPA text has no \\${missing}-grams: section where \\data\\ declares ${counts[missing - 1]} (line ${index + 1}): the file may be cut short or edited`, WHOLE);
  }
}

/** Back-off scoring over the parsed entries (see ./arpa.ts's header for the semantics). */
function scorer(counts: readonly number[], entries: Entries): ArpaModel {
  const order = counts.length;
  const log10Probability = (history: readonly string[], word: string): number => {
    // Stryker disable next-line MethodExpression,ArithmeticOperator: equivalent, a longer context adds n-grams that are never listed and have no back-off weight
    const context = history.slice(Math.max(0, history.length - (order - 1)));
    for (let start = 0; start <= context.length; start++) {
      const hit = entries.get([...context.slice(start), word].join(' '));
      if (hit !== undefined) {
        let bows = 0;
        for (let s = 0; s < start; s++) bows += entries.get(context.slice(s).join(' '))?.bow ?? 0;
        return hit.p + bows;
      }
    }
    return Number.NEGATIVE_INFINITY;
  };
  return { order, counts, entries, log10Probability };
}
