/**
 * The loader's options of every command that reads a corpus (run, metrics, generate, train, recipe,
 * tokenize): the parsed corpus flags (LOAD_ROWS of ./options.ts) plus what only the CLI knows
 * (standard input, the working directory, where warnings go) -> the loader's LoadOptions. Fills in
 * what depends on other flags: lowercase follows the tokenizer (lowercasesByDefault), and
 * --empty-sentences needs --sentences line.
 */

import { resolve } from 'node:path';
import type { LoadOptions } from '../corpus/loadCorpus.js';
import { lowercasesByDefault } from '../corpus/tokenizers.js';
import { namesStandardInput, standardInputIsStream, streamIdentity } from '../corpus/standardInput.js';
import { oneLine, UsageError } from '../errors.js';
import { inCliText } from './cliTerms.js';
import type { CliIO } from './io.js';
import type { ParsedOptions } from './optionRow.js';
import { DEFAULT_MAX_TOKENS, LOAD_ROWS } from './options.js';
import { WARNING } from './heldWarnings.js';

export { DEFAULT_MAX_TOKENS };

/** The corpus flags as parsed by their rows (tokenizer, sentences and maxTokens with their defaults). */
export type LoadValues = ParsedOptions<typeof LOAD_ROWS>;

/** The corpus flags out of a command's parsed options. */
export function loadValuesOf(values: Readonly<Record<string, unknown>>): LoadValues {
  return Object.fromEntries(Object.keys(LOAD_ROWS).map((key) => [key, values[key]])) as LoadValues;
}

/** Parsed corpus flags -> LoadOptions; throws UsageError for --empty-sentences without --sentences line. */
export function loadOptionsFor(values: LoadValues, io: CliIO, onWarning: (message: string) => void): LoadOptions {
  if (values.emptySentences === true && values.sentences !== 'line') {
    throw new UsageError(`--empty-sentences needs --sentences line, got --sentences ${values.sentences}`, 'add --sentences line: one sentence per line, a blank line an empty sentence');
  }
  return {
    tokenizer: values.tokenizer,
    lowercase: values.lowercase ?? lowercasesByDefault(values.tokenizer),
    sentences: values.sentences,
    normalize: values.normalize === false ? 'none' : 'NFC',
    maxTokens: values.maxTokens,
    // (absent, the library reads the process's own standard input, and only for `-`: see io.ts)
    ...(io.stdin === undefined ? {} : { stdin: io.stdin }),
    cwd: io.cwd,
    onWarning,
    ...(values.jsonlField === undefined ? {} : { jsonlField: values.jsonlField }),
    ...(values.emptySentences === true ? { emptySentences: true } : {}),
  };
}

/** The warning line every command prints: `ngram-collapse: warning: ...` (none when quiet; a message said before, not again). */
export function warnTo(io: CliIO, quiet = false): (message: string) => void {
  const said = new Set<string>();
  return (message) => {
    // a warning every series of a cell gives in the same words is printed once
    if (quiet || said.has(message)) return;
    said.add(message);
    // (in the CLI's words: a loader's warning named the library's jsonlField: audit of other languages)
    io.stderr.write(`${WARNING}${oneLine(inCliText(message))}\n`);
  };
}

/**
 * A pipe or socket named twice across the lists, by one name or two (`train --corpus /dev/fd/7 --eval
 * /dev/fd/7`: the second role found it empty, "holds no tokens": audit).
 */
function refuseNamedPipeTwice(cwd: string, lists: ReadonlyArray<readonly [readonly string[], string]>): void {
  const seen = new Map<string, string>();
  for (const [specs, name] of lists) {
    for (const spec of specs) {
      const identity = spec === '-' ? undefined : streamIdentity(resolve(cwd, spec));
      if (identity === undefined) continue;
      const other = seen.get(identity);
      if (other !== undefined) throw new UsageError(`one pipe is given twice (${other} and ${name} ${spec}), and a pipe can be read once`, 'pass it once');
      seen.set(identity, `${name} ${spec}`);
    }
  }
}

/**
 * Standard input can be read once: `-` given more than once across a command's corpus arguments
 * (`train --corpus - --eval -`, `metrics - --reference -`, `metrics - -`) is refused, where the second
 * read would find it empty and blame the text ("holds no tokens"); so is a pipe given twice, as `-`
 * and by a name of it or by two names (`train --corpus /dev/stdin --eval /dev/stdin`:
 * standardInput.ts), and any other pipe named twice (`/dev/fd/7`). A redirected file may be read by
 * name in another role: each name opens it from its start (within one corpus, the loader refuses it
 * twice). `lists` pairs each list with how the message
 * names it; names are read from `cwd`.
 */
export function refuseStandardInputTwice(cwd: string, ...lists: ReadonlyArray<readonly [readonly string[], string]>): void {
  const places = lists.flatMap(([specs, name]) => specs.filter((spec) => spec === '-').map(() => name));
  if (places.length > 1) throw new UsageError(`standard input (-) is given twice (${places.join(' and ')})`, 'pass - once');
  if (standardInputIsStream()) {
    const given = lists.flatMap(([specs, name]) => specs.filter((spec) => spec === '-' || namesStandardInput(resolve(cwd, spec))).map((spec) => `${name} ${spec}`));
    if (given.length > 1) throw new UsageError(`standard input is given twice (${given.join(' and ')}), and a pipe can be read once`, 'pass - once');
  }
  refuseNamedPipeTwice(cwd, lists);
}
