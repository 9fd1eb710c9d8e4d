/**
 * Every bad invocation or bad input gets one stderr line `ngram-collapse: <what> (<what to do>)`,
 * exit code 2, no stack trace, and leaves no output file behind. Each row: the files written into a
 * fresh folder, the argv, and a piece of the expected message.
 */

import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, freshFolder, IS_ROOT, ONE_ERROR_LINE, runIn } from './robustnessHelpers.js';

/** A small valid corpus: 40 sentences, one per line. */
const GOOD = Array.from({ length: 40 }, (_, i) => `the cat number ${i} sat on the mat .`).join('\n') + '\n';
const FAST = ['--generations', '1', '--sentences', 'line', '--quiet'];

interface Case {
  readonly name: string;
  readonly files?: Record<string, string | Buffer>;
  readonly folders?: readonly string[];
  /** Symbolic links to make: name -> target. */
  readonly links?: Record<string, string>;
  readonly argv: readonly string[];
  readonly message: RegExp;
}

const CASES: readonly Case[] = [
  // corpus paths
  { name: 'a missing file', argv: ['run', '--corpus', 'nope.txt'], message: /corpus 'nope.txt' not found/u },
  { name: 'a missing folder', argv: ['run', '--corpus', 'nope/'], message: /corpus 'nope\/' not found/u },
  { name: 'a folder with no text files', folders: ['docs'], files: { 'docs/a.md': 'hello' }, argv: ['run', '--corpus', 'docs'], message: /holds no \.txt or \.jsonl files/u },
  { name: 'a glob matching nothing', files: { 'a.md': 'x' }, argv: ['run', '--corpus', '*.txt'], message: /no file matches '\*\.txt'/u },
  { name: 'a glob with a class no regular expression holds', files: { 'a.txt': 'x' }, argv: ['run', '--corpus', '[z-a]*.txt'], message: /'\[z-a\]\*\.txt' is not a valid pattern \(write a class as \[a-z\]/u },
  { name: 'an empty corpus name', argv: ['run', '--corpus', ''], message: /empty corpus name/u },
  // corpus contents
  { name: 'an empty file', files: { 'c.txt': '' }, argv: ['run', '--corpus', 'c.txt'], message: /holds no tokens/u },
  { name: 'a whitespace-only file', files: { 'c.txt': ' \n\t\n\r\n  \n' }, argv: ['run', '--corpus', 'c.txt'], message: /holds no tokens/u },
  // its markers' warning is held back before the refusal, which says it instead ("holds no tokens" of a file with text: review)
  { name: 'a file of sentence markers alone', files: { 'c.txt': '<s> </s>\n<s>\n' }, argv: ['run', '--corpus', 'c.txt'], message: /^ngram-collapse: the corpus c\.txt holds no tokens: its 3 '<s>' \/ '<\/s>' token\(s\) are sentence boundary markers, which were dropped \(pass a non-empty text corpus\)\n$/u },
  { name: 'a binary file (NUL bytes)', files: { 'c.txt': Buffer.from([0x68, 0x69, 0x00, 0x01, 0x0a]) }, argv: ['run', '--corpus', 'c.txt'], message: /looks binary \(it contains NUL bytes\)/u },
  // UTF-32's marks begin with UTF-16's: it was called UTF-16, and iconv -f UTF-16 then failed (audit)
  { name: 'a UTF-32 file (little-endian)', files: { 'c.txt': Buffer.from([0xff, 0xfe, 0, 0, 0x68, 0, 0, 0, 0x69, 0, 0, 0]) }, argv: ['run', '--corpus', 'c.txt'], message: /c\.txt is UTF-32 text \(convert it to UTF-8 first, e\.g\. iconv -f UTF-32 -t UTF-8\)/u },
  { name: 'a UTF-32 file (big-endian)', files: { 'c.txt': Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x68]) }, argv: ['run', '--corpus', 'c.txt'], message: /c\.txt is UTF-32 text/u },
  { name: 'a UTF-16 file', files: { 'c.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hi there\n', 'utf16le')]) }, argv: ['run', '--corpus', 'c.txt'], message: /is UTF-16 text.*iconv/u },
  { name: 'one sentence, too few for the holdout split', files: { 'c.txt': 'just one sentence here.\n' }, argv: ['run', '--corpus', 'c.txt'], message: /1 sentence\(s\), too few for a holdout share of 0\.1/u },
  { name: 'more anchors than human sentences', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', ...FAST, '--anchor', '500'], message: /: --anchor 500 needs that many human sentences, but the human pool has \d+ \(pass a smaller --anchor or a larger corpus\)\n$/u },
  { name: 'a growth past the library\'s own limit, told by the --max-tokens guard', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', '--sentences', 'line', '--generations', '30', '--tokens-growth', '10', '--quiet'], message: /^ngram-collapse: --tokens-growth 10 makes generation 30's batch about [\d.]+ x 10\^\d+ tokens, above the --max-tokens guard \(200000000\)/u },
  { name: 'a corpus over --max-tokens', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', '--max-tokens', '50'], message: /^ngram-collapse: the corpus has more than 50 tokens \(raise --max-tokens, or pass a smaller corpus\)\n$/u },
  { name: 'JSONL with a missing field', files: { 'c.jsonl': '{"text":"a b"}\n\n{"body":"c d"}\n' }, argv: ['run', '--corpus', 'c.jsonl'], message: /c\.jsonl line 3 has no string field 'text'/u },
  { name: 'JSONL with a broken line', files: { 'c.jsonl': '{"text":"a b"}\r\n{"text": "c\r\n' }, argv: ['run', '--corpus', 'c.jsonl'], message: /c\.jsonl line 2 is not valid JSON/u },
  { name: 'JSONL whose field is not a string', files: { 'c.jsonl': '{"text":42}\n' }, argv: ['run', '--corpus', 'c.jsonl'], message: /line 1 has no string field 'text'/u },
  // k |V| past the largest double: every probability NaN, the run's rows nonsense (was: exit 0)
  { name: 'add-k with a --k too large for the vocabulary', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', ...FAST, '--smoothing', 'add-k', '--k', '1e308'], message: /^ngram-collapse: --k 1e\+308 is too large for add-k over \|V\| = \d+ \(the types and <\/s>\): k \|V\| is past the largest number \(pass a --k below [\d.]+e\+30\d\)\n$/u },
  // the flag named, not the library's field (jsonlField)
  { name: 'a blank --jsonl-field', files: { 'c.jsonl': '{"text":"a b"}\n' }, argv: ['tokenize', 'c.jsonl', '--jsonl-field', ''], message: /^ngram-collapse: --jsonl-field must be a string that is not blank, got '' \(pass a string that is not blank\)\n$/u },
  { name: 'a blank jsonlField in a config file', files: { 'c.jsonl': '{"text":"a b"}\n', 'f.json': '{"corpus": "c.jsonl", "jsonlField": " "}' }, argv: ['run', '--config', 'f.json'], message: /^ngram-collapse: --config f\.json: "jsonlField" must be a string that is not blank, got ' '/u },
  // the library's names (jsonlField, maxTokens, the whitespace tokenizer) as the flags alone (src/cli/cliTerms.ts; they named both: audit)
  { name: 'a JSONL record without the field', files: { 'c.jsonl': '{"body":"a b"}\n' }, argv: ['tokenize', 'c.jsonl'], message: /^ngram-collapse: c\.jsonl line 1 has no string field 'text' \(choose the field with --jsonl-field\)\n$/u },
  { name: 'a corpus past --max-tokens once spelled in BPE pieces', files: { 'c.txt': GOOD }, argv: ['tokenize', 'c.txt', '--tokenizer', 'bpe:3', '--max-tokens', '400'], message: /^ngram-collapse: the corpus has more than 400 tokens once spelled in BPE pieces \(\d+\) \(raise --max-tokens, or pass a smaller corpus\)\n$/u },
  { name: 'a text the word tokenizer cuts every letter of', files: { 'g.txt': 'Καλημέρα κόσμε.\n' }, argv: ['tokenize', 'g.txt', '--tokenizer', 'word'], message: /\(use --tokenizer whitespace, which keeps words of every script whole\)\n$/u },
  { name: 'an unknown Brown category', argv: ['run', '--corpus', 'brown:poetry'], message: /unknown Brown category 'poetry'.*news, editorial/u },
  { name: 'Brown categories joined by a comma, as other flags take lists', argv: ['run', '--corpus', 'brown:news,brown:fiction'], message: /unknown Brown category 'news,brown:fiction' \(.*; give each corpus its own value, e\.g\. --corpus brown:news --corpus brown:fiction\)$/mu },
  { name: 'standard input twice', argv: ['run', '--corpus', '-', '-'], message: /standard input \(-\) is given twice/u },
  // numbers out of range or not numbers
  ...(
    [
      ['--order', '0', /--order must be a whole number from 1 to 10, got '0'/u],
      ['--order', 'three', /--order must be a number, got 'three'/u],
      ['--human-ratio', '1.5', /--human-ratio must be a number >= 0 and <= 1, got '1.5'/u],
      ['--human-ratio', '0,,0.5', /--human-ratio has an empty item/u],
      ['--human-ratio', 'NaN', /--human-ratio must be a number, got 'NaN'/u],
      ['--replicates', '-1', /--replicates must be a whole number from 1 to 100000, got '-1'/u],
      ['--replicates', '2.5', /--replicates must be a whole number/u],
      ['--top-p', '0', /--top-p must be a number > 0 and <= 1, got '0'/u],
      ['--top-k', '-2', /--top-k must be a whole number >= 0/u],
      ['--temperature', '0', /--temperature must be a number > 0, got '0'/u],
      ['--temperature', 'Infinity', /--temperature must be a number, got 'Infinity'/u],
      ['--k', '0', /--k must be a number > 0, got '0'/u],
      ['--k', '-0.5', /--k must be a number > 0, got '-0.5'/u],
      ['--generations', '0', /--generations must be a whole number from 1/u],
      ['--tokens', '0', /--tokens must be a whole number >= 1/u],
      ['--holdout', '1', /--holdout must be a number >= 0 and < 1/u],
      ['--rare-threshold', '0', /--rare-threshold must be a whole number >= 1/u],
      ['--seed', '1e400', /--seed 1e400 is too large to be held as a number \(above 1\.8e308\)/u],
      // Number(' ') is 0: blank is refused, not read as 0
      ['--seed', ' ', /--seed must be a number, got ' '/u],
      ['--max-sentence-length', '0', /--max-sentence-length must be a whole number from 1/u],
      ['--max-tokens', '-5', /--max-tokens must be a whole number >= 1/u],
      ['--anchor', '-1', /--anchor must be a whole number >= 0/u],
    ] as const
  ).map(([flag, value, message]): Case => ({ name: `${flag} ${value}`, files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', flag, value], message })),
  // names
  { name: 'an unknown option', argv: ['run', '--frobnicate'], message: /unknown option '--frobnicate'/u },
  { name: 'an unknown command', argv: ['simulate'], message: /unknown command 'simulate'/u },
  // only switches with a negation in the option table have a --no- form
  { name: 'a --no- form of an option that takes a value', argv: ['run', '--no-order'], message: /unknown option '--no-order'/u },
  // a blank corpus name: the loader's refusal, in the role's name, before an output check walked it as a folder (a raw EACCES in /proc: probe)
  { name: 'a blank corpus name', argv: ['run', '--corpus', ''], message: /^ngram-collapse: an empty corpus name was given \(pass a file, a folder, a glob, - or brown\)\n$/u },
  { name: 'a blank text name beside an output', argv: ['tokenize', '', '--out', 't.txt'], message: /^ngram-collapse: an empty corpus name was given /u },
  { name: 'a blank text to measure', argv: ['metrics', ''], message: /^ngram-collapse: an empty text name was given /u },
  { name: 'a --no- form of a switch without one', argv: ['generate', '--no-quiet'], message: /unknown option '--no-quiet'/u },
  { name: 'an option without its value', argv: ['run', '--order'], message: /option '--order <list>' argument missing/u },
  { name: 'an unknown smoothing', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', '--smoothing', 'good-turing'], message: /unknown --smoothing value 'good-turing' \(use one of: mle, add-k, witten-bell, kneser-ney\)/u },
  { name: 'an unknown strategy', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', '--strategy', 'replace,mix'], message: /unknown --strategy value 'mix' \(use one of: replace, accumulate, accumulate-subsample\)/u },
  { name: 'an unknown tokenizer', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', '--tokenizer', 'bpe'], message: /unknown --tokenizer value 'bpe' \(use one of: word, wordpunct, treebank, whitespace, char, gpt2, cl100k, o200k, bpe:K\)/u },
  { name: 'an unknown sentence mode', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', '--sentences', 'para'], message: /unknown --sentences value 'para' \(use one of: auto, line\)/u },
  { name: 'an unknown vocab mode', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', '--vocab', 'all'], message: /unknown --vocab value 'all'/u },
  { name: 'an unknown human pool', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', '--human-pool', 'mixed'], message: /unknown --human-pool value 'mixed'/u },
  // outputs
  { name: 'an output in a missing folder', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', '--out', 'missing/curves.csv'], message: /--out missing\/curves\.csv: the folder .* does not exist/u },
  { name: 'an output that is a folder', files: { 'c.txt': GOOD }, folders: ['out'], argv: ['run', '--corpus', 'c.txt', '--out', 'out'], message: /--out out is a folder/u },
  { name: 'an output that is the corpus', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', '--out', 'c.txt'], message: /--out c\.txt is also a corpus input/u },
  // named as the user named the output (the input, named otherwise, said beside it)
  { name: 'train: --arpa that is the corpus under another name', files: { 'c.txt': GOOD }, links: { 'link.txt': 'c.txt' }, argv: ['train', '--corpus', 'link.txt', '--arpa', 'c.txt'], message: /^ngram-collapse: --arpa c\.txt is also a corpus input \(the corpus file link\.txt\), and writing it would destroy the corpus \(choose another output path\)\n$/u },
  { name: "playground: an empty --out is told to be a file name (it cannot be -, a page)", files: { 'c.txt': GOOD }, argv: ['playground', '--out', ''], message: /^ngram-collapse: --out must be a path, got '' \(pass a file name\)\n$/u },
  { name: 'train: an empty --arpa is told to be a file name or - (standard output)', files: { 'c.txt': GOOD }, argv: ['train', '--corpus', 'c.txt', '--arpa', ''], message: /^ngram-collapse: --arpa must be a path, got '' \(pass a file name, or - for standard output\)\n$/u },
  { name: 'metrics: an output that is the text', files: { 'c.txt': GOOD }, argv: ['metrics', 'c.txt', '--out', './c.txt'], message: /is also a corpus input/u },
  // two outputs, or an output and an input, naming one file: one would overwrite the other
  { name: '--summary the file of --out', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', '--out', 'a.csv', '--summary', 'a.csv'], message: /^ngram-collapse: --summary a\.csv and --out a\.csv are the same file \(give each output a file of its own\)\n$/u },
  { name: '--extinctions the file of --out, named another way', files: { 'c.txt': GOOD }, folders: ['sub'], argv: ['run', '--corpus', 'c.txt', '--out', 'a.csv', '--extinctions', 'sub/../a.csv'], message: /--extinctions sub\/\.\.\/a\.csv and --out a\.csv are the same file/u },
  { name: '--summary the run record of --out', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', '--out', 'a.csv', '--summary', 'a.csv.run.json'], message: /--summary a\.csv\.run\.json and the run record a\.csv\.run\.json of --out are the same file/u },
  { name: '--save-corpora the file of --out', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', '--out', 'e.csv', '--save-corpora', 'e.csv'], message: /^ngram-collapse: --save-corpora e\.csv and --out e\.csv are the same file \(give each output a file of its own\)\n$/u },
  { name: '--out the manifest --save-corpora writes', files: { 'c.txt': GOOD }, folders: ['saved'], argv: ['run', '--corpus', 'c.txt', '--out', 'saved/manifest.json', '--save-corpora', 'saved'], message: /^ngram-collapse: --out saved\/manifest\.json is a file --save-corpora saved writes \(give the output another name, or the texts another folder\)\n$/u },
  { name: '--summary the human.txt --save-corpora writes', files: { 'c.txt': GOOD }, folders: ['saved'], argv: ['run', '--corpus', 'c.txt', '--summary', 'saved/human.txt', '--save-corpora', 'saved'], message: /--summary saved\/human\.txt is a file --save-corpora saved writes/u },
  { name: '--out a cell folder --save-corpora writes', files: { 'c.txt': GOOD }, folders: ['saved'], argv: ['run', '--corpus', 'c.txt', '--out', 'saved/cell-1', '--save-corpora', 'saved'], message: /--out saved\/cell-1 is a file --save-corpora saved writes/u },
  { name: '--save-corpora the run record of --out', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', '--out', 'e.csv', '--save-corpora', 'e.csv.run.json'], message: /--save-corpora e\.csv\.run\.json and the run record e\.csv\.run\.json of --out are the same file/u },
  { name: '--save-corpora the file of --summary', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', '--summary', 's.csv', '--save-corpora', 's.csv'], message: /--save-corpora s\.csv and --summary s\.csv are the same file/u },
  { name: '--report the file of --survival', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', '--survival', 'x', '--report', 'x'], message: /--report x and --survival x are the same file/u },
  { name: '--sentence-perplexities the file of --extinctions, --out on stdout', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', '--out', '-', '--extinctions', 'e.csv', '--sentence-perplexities', 'e.csv'], message: /--sentence-perplexities e\.csv and --extinctions e\.csv are the same file/u },
  // (a raw system code, "(ENOENT)", where the loader says it in words: audit)
  { name: 'merge: an input whose path runs through a file', files: { 'a.csv': 'x\n', f: 'x' }, argv: ['merge', 'a.csv', 'f/x.csv', '--out', 'm.csv'], message: /^ngram-collapse: f\/x\.csv cannot be read: a part of its path is a file, not a folder \(pass existing CSV files\)\n$/u },
  { name: 'run: a corpus whose path runs through a file (a raw stack trace from the relaunch check, exit 1: audit)', files: { f: 'x' }, argv: ['run', '--corpus', 'f/x.txt'], message: /^ngram-collapse: corpus 'f\/x\.txt' not found \(pass an existing file, folder or glob, - for stdin, or brown\)\n$/u },
  { name: 'merge: an input that does not exist', files: { 'a.csv': 'x\n' }, argv: ['merge', 'a.csv', 'gone.csv', '--out', 'm.csv'], message: /^ngram-collapse: gone\.csv cannot be read: it does not exist \(pass existing CSV files\)\n$/u },
  // (the library says `seed`, its own name: the CLI's line says --seed, as it did: cliTerms.ts)
  { name: 'merge: shards of two seeds', files: { 'a.csv': 'cell,replicate,generation,seed\nA,1,0,42\n', 'b.csv': 'cell,replicate,generation,seed\nB,1,0,7\n' }, argv: ['merge', 'a.csv', 'b.csv', '--out', 'm.csv'], message: /^ngram-collapse: b\.csv was run with --seed 7, a\.csv with --seed 42 \(merge only shards of one run, with one seed\)\n$/u },
  { name: 'merge: --out one of the inputs', files: { 'a.csv': 'x\n', 'b.csv': 'x\n' }, argv: ['merge', 'a.csv', 'b.csv', '--out', 'b.csv'], message: /^ngram-collapse: --out b\.csv and the input b\.csv are the same file \(give each output a file of its own\)\n$/u },
  { name: 'merge: --summary the file of --out', files: { 'a.csv': 'x\n' }, argv: ['merge', 'a.csv', '--out', 'm.csv', '--summary', 'm.csv'], message: /--summary m\.csv and --out m\.csv are the same file/u },
  { name: "merge: --summary an input's run record", files: { 'a.csv': 'x\n' }, argv: ['merge', 'a.csv', '--out', 'm.csv', '--summary', 'a.csv.run.json'], message: /--summary a\.csv\.run\.json and the run record a\.csv\.run\.json of the input a\.csv are the same file/u },
  { name: 'tokenize: --out a file of the corpus folder', files: { 'notes/a.txt': GOOD, 'notes/tokens.txt': GOOD }, folders: ['notes'], argv: ['tokenize', '--corpus', 'notes', '--out', 'notes/tokens.txt'], message: /^ngram-collapse: --out notes\/tokens\.txt is also a corpus input \(a file of notes\), and writing it would destroy the corpus \(choose another output path\)\n$/u },
  { name: 'tokenize: --out a JSON Lines file of the corpus folder', files: { 'notes/a.txt': GOOD, 'notes/b.jsonl': '{"text": "x"}\n' }, folders: ['notes'], argv: ['tokenize', '--corpus', 'notes', '--out', 'notes/b.jsonl'], message: /--out notes\/b\.jsonl is also a corpus input \(a file of notes\)/u },
  { name: 'run: --summary a file the corpus glob matches', files: { 'a.txt': GOOD, 's.txt': GOOD }, argv: ['run', '--corpus', '*.txt', '--summary', 's.txt'], message: /--summary s\.txt is also a corpus input \(a file of \*\.txt\)/u },
  { name: '--save-corpora a folder holding a file of the corpus', files: { 'data/a.txt': GOOD, 'saved/human.txt': GOOD }, folders: ['data', 'saved'], argv: ['run', '--corpus', 'data', 'saved/human.txt', ...FAST, '--save-corpora', 'saved'], message: /^ngram-collapse: --save-corpora saved holds saved\/human\.txt, a file of the corpus saved\/human\.txt, and the run writes its texts there \(choose an output folder outside the corpus\)\n$/u },
  { name: '--save-corpora the folder of a saved text read as corpus', files: { 'saved/cell-1/replicate-1/generation-1.txt': GOOD }, folders: ['saved/cell-1/replicate-1'], argv: ['run', '--corpus', 'saved/cell-1/replicate-1/generation-1.txt', ...FAST, '--save-corpora', 'saved'], message: /--save-corpora saved holds saved\/cell-1\/replicate-1\/generation-1\.txt, a file of the corpus saved\/cell-1\/replicate-1\/generation-1\.txt/u },
  // outputs that cannot be written where they are asked for
  ...(
    [
      [['--out', '-', '--summary', '-'], 'only one output can go to standard output (-) (give the other outputs file names)'],
      [['--survival', '-', '--sentence-perplexities', '-'], 'only one output can go to standard output (-) (give the other outputs file names)'],
      [['--extinctions', '-', '--summary', '-'], 'only one output can go to standard output (-) (give the other outputs file names)'],
      [['--resume', '--out', '-'], '--resume needs --out to be a file (pass --out FILE)'],
      [['--resume', '--extinctions', '-'], '--resume needs --extinctions to be a file (pass --extinctions FILE)'],
      [['--resume', '--survival', 's.csv'], '--resume cannot continue a --survival file (rerun the whole run without --resume)'],
      [['--resume', '--sentence-perplexities', 'p.csv'], '--resume cannot continue a --sentence-perplexities file (rerun the whole run without --resume)'],
      [['--report', '-'], '--report cannot go to standard output (pass --report FILE.html)'],
    ] as const
  ).map(([flags, line]): Case => ({ name: flags.join(' '), files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', ...flags], message: new RegExp(`^ngram-collapse: ${line.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\n$`, 'u') })),
  { name: '--out the --config file', files: { 'c.txt': GOOD, 'cfg.json': '{"generations": 1}' }, argv: ['run', '--corpus', 'c.txt', '--config', 'cfg.json', '--out', 'cfg.json'], message: /^ngram-collapse: --out cfg\.json and --config cfg\.json are the same file \(give each output a file of its own\)\n$/u },
  { name: 'train: --arpa the corpus', files: { 'c.txt': GOOD }, argv: ['train', '--corpus', 'c.txt', '--arpa', 'c.txt'], message: /^ngram-collapse: --arpa c\.txt is also a corpus input, and writing it would destroy the corpus \(choose another output path\)\n$/u },
  { name: 'train: --arpa the --eval text', files: { 'c.txt': GOOD, 'e.txt': GOOD }, argv: ['train', '--corpus', 'c.txt', '--eval', 'e.txt', '--arpa', 'e.txt'], message: /^ngram-collapse: --arpa e\.txt is also an --eval text, and writing it would destroy the --eval text \(choose another output path\)\n$/u },
  { name: 'plot: --out the curves CSV', files: { 'c.csv': 'x\n' }, argv: ['plot', 'c.csv', '--out', 'c.csv'], message: /^ngram-collapse: --out \S*c\.csv and the curves CSV \S*c\.csv are the same file \(give each output a file of its own\)\n$/u },
  // (the record plot reads beside the curves: written over, or made there for the next plot to read: audit)
  { name: 'plot: --out the run record of the curves', files: { 'c.csv': 'cell,replicate,generation,types\nx,1,0,5\n', 'c.csv.run.json': '{}' }, argv: ['plot', 'c.csv', '--out', 'c.csv.run.json'], message: /^ngram-collapse: --out \S*c\.csv\.run\.json and the run record \S*c\.csv\.run\.json of the curves CSV are the same file \(give each output a file of its own\)\n$/u },
  { name: 'plot: --out where the run record of the curves would be', files: { 'c.csv': 'cell,replicate,generation,types\nx,1,0,5\n' }, argv: ['plot', 'c.csv', '--out', 'c.csv.run.json'], message: /^ngram-collapse: --out \S*c\.csv\.run\.json and the run record \S*c\.csv\.run\.json of the curves CSV are the same file/u },
  { name: 'plot: --out one of the charts --svg writes', files: { 'c.csv': 'cell,replicate,generation,types\nx,1,0,5\nx,1,1,4\n' }, folders: ['figs'], argv: ['plot', 'c.csv', '--svg', 'figs', '--out', 'figs/types.svg'], message: /^ngram-collapse: --svg's chart \S*figs\/types\.svg and --out \S*figs\/types\.svg are the same file \(give each output a file of its own\)\n$/u },
  // (the page was written, then making the folder failed on it: EEXIST, exit 1: audit)
  { name: 'plot: --svg the --out file', files: { 'c.csv': 'cell,replicate,generation,types\nx,1,0,5\nx,1,1,4\n' }, argv: ['plot', 'c.csv', '--svg', 'x.html', '--out', 'x.html'], message: /^ngram-collapse: --svg \S*x\.html is the --out file \S*x\.html: a folder of charts cannot be where the page goes \(give --svg a folder of its own\)\n$/u },
  { name: 'plot: --svg inside the --out file', files: { 'c.csv': 'cell,replicate,generation,types\nx,1,0,5\nx,1,1,4\n' }, argv: ['plot', 'c.csv', '--svg', 'x.html/figs', '--out', 'x.html'], message: /^ngram-collapse: --svg \S*x\.html\/figs lies inside the --out file \S*x\.html/u },
  // (through a link to the working folder, the names differ: the page was written, then EEXIST: round 2)
  { name: 'plot: --svg the --out file through a link', files: { 'c.csv': 'cell,replicate,generation,types\nx,1,0,5\nx,1,1,4\n' }, links: { d: '.' }, argv: ['plot', 'c.csv', '--svg', 'd/x.html', '--out', 'x.html'], message: /^ngram-collapse: --svg \S*d\/x\.html is the --out file \S*x\.html/u },
  { name: 'plot: the curves CSV one of the charts --svg writes', files: { 'types.svg': 'cell,replicate,generation,types\nx,1,0,5\nx,1,1,4\n' }, argv: ['plot', 'types.svg', '--svg', '.'], message: /^ngram-collapse: --svg's chart \S*types\.svg and the curves CSV \S*types\.svg are the same file/u },
  { name: 'plot: --out the --summary CSV', files: { 'c.csv': 'x\n', 's.csv': 'x\n' }, argv: ['plot', 'c.csv', '--summary', 's.csv', '--out', 's.csv'], message: /--out \S*s\.csv and --summary \S*s\.csv are the same file/u },
  { name: 'metrics: a missing text', argv: ['metrics', 'nope.txt'], message: /^ngram-collapse: text 'nope.txt' not found/u },
  { name: 'metrics: a missing text after a good one', files: { 'c.txt': GOOD }, argv: ['metrics', 'c.txt', 'nope.txt'], message: /^ngram-collapse: text 'nope.txt' not found/u },
  { name: 'metrics: a missing --reference, named as the flag', files: { 'c.txt': GOOD }, argv: ['metrics', 'c.txt', '--reference', 'nope.txt'], message: /^ngram-collapse: --reference text 'nope.txt' not found/u },
  { name: 'generate: --count 0', files: { 'c.txt': GOOD }, argv: ['generate', '--corpus', 'c.txt', '--count', '0'], message: /--count must be a whole number from 1/u },
  // outputs whose parent is a file: refused for every user, root included (unlike permission bits)
  ...(
    [
      ['--out', 'c.txt/x.csv'],
      ['--summary', 'c.txt/s.csv'],
      ['--extinctions', 'c.txt/e.csv'],
      ['--report', 'c.txt/r.html'],
      ['--sentence-perplexities', 'c.txt/p.csv'],
    ] as const
  ).map(([flag, path]): Case => ({
    name: `${flag} inside a file`,
    files: { 'c.txt': GOOD },
    argv: ['run', '--corpus', 'c.txt', ...FAST, flag, path],
    message: new RegExp(`^ngram-collapse: ${flag} ${path.replace('.', '\\.')}: .*c\\.txt is not a folder \\(choose a path inside a folder\\)\\n$`, 'u'),
  })),
  { name: '--save-corpora inside a file', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', ...FAST, '--save-corpora', 'c.txt/dir'], message: /--save-corpora c\.txt\/dir: .*c\.txt is a file, not a folder \(choose a folder path\)/u },
  { name: 'train --arpa inside a file', files: { 'c.txt': GOOD }, argv: ['train', '--corpus', 'c.txt', '--arpa', 'c.txt/m.arpa'], message: /--arpa c\.txt\/m\.arpa: .*c\.txt is not a folder/u },
  { name: 'an --out name past the system\'s longest with its .partial (a raw ENAMETOOLONG after the work, exit 1: audit)', files: { 'c.txt': GOOD }, argv: ['tokenize', 'c.txt', '--out', `${'n'.repeat(244)}.txt`], message: /^ngram-collapse: --out n+\.txt: the file name is longer than the system takes with the \.partial it is written under first \(247 bytes\) \(choose a shorter name\)\n$/u },
  { name: 'a --save-corpora name past the system\'s longest (a raw ENAMETOOLONG, exit 1: audit)', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', '--generations', '1', '--save-corpora', 'f'.repeat(256)], message: /^ngram-collapse: --save-corpora f+: a name in it is longer than the system takes \(255 bytes\) \(choose a shorter name\)\n$/u },
  { name: 'an --out path past the system\'s longest with its .partial (a raw ENAMETOOLONG, exit 1: audit)', files: { 'c.txt': GOOD }, argv: ['tokenize', 'c.txt', '--out', `${`${'p'.repeat(200)}/`.repeat(20)}${'x'.repeat(90)}.txt`], message: /^ngram-collapse: --out p+\/.*: the path is longer than the system takes with what is written in it \(4095 bytes, 8 of them for that\) \(choose a shorter path\)\n$/u },
  { name: 'a --save-corpora path that leaves no room for its texts (they failed halfway, exit 2 with no path named: audit)', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', '--generations', '1', '--save-corpora', `${`${'q'.repeat(200)}/`.repeat(19)}${'r'.repeat(200)}`], message: /^ngram-collapse: --save-corpora q+\/.*: the path is longer than the system takes with what is written in it \(4095 bytes, 100 of them for that\) \(choose a shorter path\)\n$/u },
  { name: 'metrics --out inside a file', files: { 'c.txt': GOOD }, argv: ['metrics', 'c.txt', '--out', 'c.txt/m.csv'], message: /--out c\.txt\/m\.csv: .*c\.txt is not a folder/u },
  // a blank path is the working directory; a folder is no stream (`-` made a folder named -)
  { name: '--summary given as an empty path', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', ...FAST, '--summary', ''], message: /^ngram-collapse: --summary must be a path, got '' \(pass a file name, or - for standard output\)\n$/u },
  { name: '--save-corpora -', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', ...FAST, '--save-corpora', '-'], message: /^ngram-collapse: --save-corpora names a folder, and cannot be standard output \(-\) \(pass a folder path\)\n$/u },
  { name: 'recipe --out given as a blank path', files: { 'c.txt': GOOD }, argv: ['recipe', 'drift', '--corpus', 'c.txt', '--out', ' '], message: /^ngram-collapse: --out must be a path, got ' ' \(pass a folder path\)\n$/u },
  // one generation would compare generation 1 with itself
  { name: 'recipe --generations 1', files: { 'c.txt': GOOD }, argv: ['recipe', 'perplexity-shift', '--corpus', 'c.txt', '--generations', '1'], message: /^ngram-collapse: --generations must be a whole number from 2 to 100000, got '1' \(pass a whole number from 2 to 100000\)\n$/u },
  // (at 2 its checks could hold only by chance: generation 2's text is drawn alike in every cell: audit)
  { name: 'recipe growth --generations 2', files: { 'c.txt': GOOD }, argv: ['recipe', 'growth', '--corpus', 'c.txt', '--generations', '2'], message: /^ngram-collapse: recipe growth needs --generations 3 or more, got 2: batch 1 is N tokens whatever the growth, so generation 2's text is drawn alike in every cell and growth first shows in generation 3's \(pass --generations 3 or more\)\n$/u },
  { name: 'recipe --out inside a file', files: { 'c.txt': GOOD }, argv: ['recipe', 'drift', '--corpus', 'c.txt', '--out', 'c.txt/r'], message: /c\.txt is a file, not a folder \(choose a folder path\)/u },
  // (outputs before texts, as every command: metrics named the missing text first: audit)
  { name: 'metrics: a bad --out is named before a missing text', files: {}, argv: ['metrics', 'nope.txt', '--out', 'nodir/x.csv'], message: /^ngram-collapse: --out nodir\/x\.csv: the folder .*nodir does not exist/u },
  // (a raw EINVAL from ftruncate, exit 1: audit)
  { name: '--resume with --extinctions a device', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', ...FAST, '--out', 'o.csv', '--extinctions', '/dev/null', '--resume'], message: /^ngram-collapse: --resume needs --extinctions \/dev\/null to be a file it can continue, and it is a device or a FIFO \(rerun the whole run without --resume\)\n$/u },
  // (the record was written over the corpus, exit 0: audit)
  { name: "--out's run record a link to the corpus", files: { 'c.txt': GOOD }, links: { 'o.csv.run.json': 'c.txt' }, argv: ['run', '--corpus', 'c.txt', ...FAST, '--out', 'o.csv'], message: /^ngram-collapse: the run record of --out o\.csv: o\.csv\.run\.json is also a corpus input \(the corpus file c\.txt\), and writing it would destroy the corpus \(choose another output path\)\n$/u },
  // (found when the file was written, after the work: exit 2 with the new curves beside an old summary: audit)
  { name: 'a folder at --summary <file>.partial, where it is written first', files: { 'c.txt': GOOD }, folders: ['s.csv.partial'], argv: ['run', '--corpus', 'c.txt', ...FAST, '--summary', 's.csv'], message: /^ngram-collapse: --summary s\.csv: .*\/s\.csv\.partial is a folder, in the way of writing .*\/s\.csv \(it is written there first\) \(remove or rename that folder\)\n$/u },
  { name: "a folder at --report's <file>.partial", files: { 'c.txt': GOOD }, folders: ['r.html.partial'], argv: ['run', '--corpus', 'c.txt', ...FAST, '--report', 'r.html'], message: /^ngram-collapse: --report r\.html: .*\/r\.html\.partial is a folder, in the way of writing/u },
  { name: "--out's run record path a folder: refused before the old curves are emptied", files: { 'c.txt': GOOD, 'old.csv': 'old rows\n' }, folders: ['old.csv.run.json'], argv: ['run', '--corpus', 'c.txt', '--out', 'old.csv'], message: /the run record of --out old\.csv: .*old\.csv\.run\.json is a folder/u },
  { name: 'train: an --eval file named twice is named as an --eval text', files: { 'c.txt': GOOD, 'e/a.txt': GOOD }, folders: ['e'], argv: ['train', '--corpus', 'c.txt', '--eval', 'e', '--eval', 'e/a.txt'], message: /^ngram-collapse: the --eval text file .*e\/a\.txt is named twice \(by 'e' and 'e\/a\.txt'\)/u },
  // (a raw ENOENT with exit 1, after the work)
  { name: '--out a link into a folder that is not there', files: { 'c.txt': GOOD }, links: { 'out.csv': 'gone/x.csv' }, argv: ['run', '--corpus', 'c.txt', ...FAST, '--out', 'out.csv'], message: /--out out\.csv is a link to .*gone\/x\.csv, whose folder does not exist/u },
  // (a file `new` was written for `new/`, exit 0; through a link to `missing/`, a raw EISDIR with exit 1 after the work and the run record left: audit)
  { name: '--out ending in /', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', ...FAST, '--out', 'new/'], message: /^ngram-collapse: --out new\/ ends in \/, which names a folder \(pass a file path\)\n$/u },
  { name: '--out a link to a folder name that is not there', files: { 'c.txt': GOOD }, links: { L: 'missing/' }, argv: ['run', '--corpus', 'c.txt', ...FAST, '--out', 'L'], message: /^ngram-collapse: --out L is a link to .*\/missing\/, which names a folder/u },
  { name: '--save-corpora entry a link to a folder name that is not there', files: { 'c.txt': GOOD }, folders: ['sv'], links: { 'sv/human.txt': 'gone/' }, argv: ['run', '--corpus', 'c.txt', ...FAST, '--save-corpora', 'sv'], message: /^ngram-collapse: --save-corpora sv: human\.txt is a link to .*\/sv\/gone\/, which names a folder/u },
  // (plot resolves its paths first, which dropped the slash: the file r was written, exit 0: audit)
  { name: 'plot --out ending in /', files: { 'c.csv': 'x\n' }, argv: ['plot', 'c.csv', '--out', 'r/'], message: /^ngram-collapse: --out r\/ ends in \/, which names a folder \(pass a file path\)\n$/u },
  { name: '--out ending in /.', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt', ...FAST, '--out', 'new/.'], message: /^ngram-collapse: --out new\/\. ends in \/\., which names a folder/u },
  // (a raw ENOTDIR from the check that two outputs are not one file, exit 1: audit)
  { name: '--summary a link through a file (f/)', files: { 'c.txt': GOOD, f: 'old\n' }, links: { L: 'f/' }, argv: ['run', '--corpus', 'c.txt', ...FAST, '--summary', 'L'], message: /^ngram-collapse: --summary L is a link to .*\/f\/, which names a folder/u },
  { name: 'a corpus inside a file', files: { 'c.txt': GOOD }, argv: ['run', '--corpus', 'c.txt/x.txt'], message: /corpus 'c\.txt\/x\.txt' not found/u },
  { name: 'a config file inside a file', files: { 'c.txt': GOOD }, argv: ['run', '--config', 'c.txt/x.json'], message: /--config c\.txt\/x\.json cannot be read: a part of its path is a file, not a folder \(pass the path of a JSON file\)\n$/u },
];

describe('bad input: one line, exit code 2, no output file', () => {
  for (const { name, files = {}, folders = [], links = {}, argv, message } of CASES) {
    it(name, async () => {
      const cwd = freshFolder();
      for (const folder of folders) mkdirSync(join(cwd, folder), { recursive: true });
      for (const [path, content] of Object.entries(files)) writeFileSync(join(cwd, path), content);
      for (const [path, target] of Object.entries(links)) symlinkSync(target, join(cwd, path));
      const before = filesUnder(cwd);
      const result = await runIn(cwd, argv);
      expect(result.stderr).toMatch(ONE_ERROR_LINE);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /u);
      expect(result.code).toBe(2);
      expect(filesUnder(cwd)).toEqual(before);
    });
  }

  it('a fresh run whose run record cannot be written leaves the old curves as they were (they were emptied first: audit)', async () => {
    const cases: ReadonlyArray<[string, (cwd: string) => void, number, RegExp]> = [
      ['a folder where the record is written first', (cwd) => mkdirSync(join(cwd, 'old.csv.run.json.partial')), 2, /old\.csv\.run\.json\.partial is a folder, in the way/u],
      // (it was a raw ENOENT, exit 1; now refused with the outputs, before any work)
      ['a link from the record into a folder that is not there', (cwd) => symlinkSync('nowhere/x.json', join(cwd, 'old.csv.run.json')), 2, /^ngram-collapse: the run record of --out old\.csv: .*old\.csv\.run\.json is a link to .*nowhere\/x\.json, whose folder does not exist \(create that folder, or choose another path\)\n$/u],
    ];
    for (const [name, arrange, code, message] of cases) {
      const cwd = freshFolder();
      writeFileSync(join(cwd, 'c.txt'), GOOD);
      writeFileSync(join(cwd, 'old.csv'), 'old rows\n');
      arrange(cwd);
      const result = await runIn(cwd, ['run', '--corpus', 'c.txt', '--generations', '1', '--quiet', '--out', 'old.csv']);
      expect([result.code, result.stderr], name).toEqual([code, expect.stringMatching(message)]);
      expect(readFileSync(join(cwd, 'old.csv'), 'utf8'), name).toBe('old rows\n');
    }
  });

  it("an output where a whole file is written first, at its name and .partial, is refused; one written in place has none (audit: merge said it wrote m.csv.partial, renamed away)", async () => {
    const cwd = freshFolder();
    writeFileSync(join(cwd, 'c.txt'), GOOD);
    const refused = [
      [['--out', 's.csv.partial', '--summary', 's.csv'], '--out s.csv.partial is where --summary s.csv'],
      [['--out', 'o.csv', '--extinctions', 's.csv.partial', '--summary', 's.csv'], '--extinctions s.csv.partial is where --summary s.csv'],
      [['--out', 'o.csv', '--summary', 'r.html.partial', '--report', 'r.html'], '--summary r.html.partial is where --report r.html'],
      [['--out', 'o.csv', '--summary', 'o.csv.run.json.partial'], '--summary o.csv.run.json.partial is where the run record o.csv.run.json of --out'],
    ] as const;
    for (const [flags, what] of refused) {
      const result = await runIn(cwd, ['run', '--corpus', 'c.txt', ...FAST, ...flags]);
      expect([result.stderr, result.code]).toEqual([`ngram-collapse: ${what} is written first (its name and .partial), and would be lost (give each output a file of its own)
`, 2]);
    }
    // --out is written row by row where it stands: a file at its name and .partial is no other's
    const inPlace = await runIn(cwd, ['run', '--corpus', 'c.txt', ...FAST, '--out', 'y.csv', '--summary', 'y.csv.partial']);
    expect([inPlace.stderr, inPlace.code]).toEqual(['', 0]);
    expect(existsSync(join(cwd, 'y.csv.partial'))).toBe(true);
    // through a link the write lands beside the link's file: L.csv -> T.csv is written at T.csv.partial (audit: let through)
    symlinkSync('T.csv', join(cwd, 'L.csv'));
    const linked = await runIn(cwd, ['run', '--corpus', 'c.txt', ...FAST, '--out', 'r.csv', '--survival', 'L.csv', '--summary', 'T.csv.partial']);
    expect([linked.stderr, linked.code]).toEqual(['ngram-collapse: --summary T.csv.partial is where --survival L.csv is written first (its name and .partial), and would be lost (give each output a file of its own)\n', 2]);
    // a stale link at the .partial name is replaced, not followed: no other output there (audit: refused)
    symlinkSync('b2.csv', join(cwd, 'm.csv.partial'));
    const stale = await runIn(cwd, ['run', '--corpus', 'c.txt', ...FAST, '--out', 'b2.csv', '--summary', 'm.csv']);
    expect([stale.stderr, stale.code]).toEqual(['', 0]);
    expect(readFileSync(join(cwd, 'b2.csv'), 'utf8')).toMatch(/^cell,/u);
  });

  it('an input at the name and .partial where an output is written first is refused: the write would remove it (audit: read, then gone, exit 0)', async () => {
    const cwd = freshFolder();
    writeFileSync(join(cwd, 'k.txt.partial'), GOOD);
    const cases = [
      [['tokenize', 'k.txt.partial', '--out', 'k.txt'], '--out k.txt is written first at k.txt.partial, which is a corpus input (k.txt.partial)'],
      [['run', '--corpus', 'k.txt.partial', ...FAST, '--out', 'o.csv', '--summary', 'k.txt'], '--summary k.txt is written first at k.txt.partial, which is a corpus input (k.txt.partial)'],
      [['metrics', 'k.txt.partial', '--out', 'k.txt'], '--out k.txt is written first at k.txt.partial, which is a corpus input (k.txt.partial)'],
    ] as const;
    for (const [argv, what] of cases) {
      const result = await runIn(cwd, argv);
      expect([result.stderr, result.code], argv[0]).toEqual([`ngram-collapse: ${what}: the write would remove it (choose another output path, or rename that file)\n`, 2]);
    }
    expect(readFileSync(join(cwd, 'k.txt.partial'), 'utf8')).toBe(GOOD);
    // an output written in place (run's --out, --extinctions) has no .partial: the input there is read, and kept
    for (const flag of ['--out', '--extinctions']) {
      const inPlace = await runIn(cwd, ['run', '--corpus', 'k.txt.partial', ...FAST, ...(flag === '--out' ? [] : ['--out', 'o2.csv']), flag, 'k.txt']);
      expect([inPlace.stderr, inPlace.code], flag).toEqual(['', 0]);
      expect(readFileSync(join(cwd, 'k.txt'), 'utf8'), flag).toMatch(/^cell,/u);
      expect(readFileSync(join(cwd, 'k.txt.partial'), 'utf8')).toBe(GOOD);
      rmSync(join(cwd, 'k.txt'));
      rmSync(join(cwd, 'k.txt.run.json'), { force: true });
    }
  });

  it('two outputs that are one file through a symbolic link, a hard link or a linked folder', async () => {
    const cwd = freshFolder();
    writeFileSync(join(cwd, 'c.txt'), GOOD);
    writeFileSync(join(cwd, 'a.csv'), 'old curves\n');
    symlinkSync('a.csv', join(cwd, 'soft.csv'));
    linkSync(join(cwd, 'a.csv'), join(cwd, 'hard.csv'));
    mkdirSync(join(cwd, 'real'));
    symlinkSync('real', join(cwd, 'alias'));
    symlinkSync('later.csv', join(cwd, 'dangling.csv')); // a link to a file not yet made
    mkdirSync(join(cwd, 'real', 'sub'));
    symlinkSync('real/sub', join(cwd, 'd'));
    symlinkSync('../y.csv', join(cwd, 'real', 'sub', 'l')); // names real/y.csv, read from real/sub
    const cases = [
      [['--out', 'real/y.csv', '--summary', 'd/l'], '--summary d/l and --out real/y.csv'],
      [['--out', 'a.csv', '--summary', 'soft.csv'], '--summary soft.csv and --out a.csv'],
      [['--out', 'later.csv', '--summary', 'dangling.csv'], '--summary dangling.csv and --out later.csv'],
      [['--out', 'hard.csv', '--extinctions', 'a.csv'], '--extinctions a.csv and --out hard.csv'],
      // neither file exists yet: the same real folder and name
      [['--out', 'real/x.csv', '--summary', 'alias/x.csv'], '--summary alias/x.csv and --out real/x.csv'],
    ] as const;
    for (const [flags, both] of cases) {
      const result = await runIn(cwd, ['run', '--corpus', 'c.txt', ...FAST, ...flags]);
      expect(result.stderr).toBe(`ngram-collapse: ${both} are the same file (give each output a file of its own)\n`);
      expect(result.code).toBe(2);
    }
    expect(existsSync(join(cwd, 'later.csv'))).toBe(false); // nothing written through the link
    // /dev/null is no file two outputs overwrite: it takes them all (refused as "the same file": audit)
    const discarded = await runIn(cwd, ['run', '--corpus', 'c.txt', ...FAST, '--out', '/dev/null', '--summary', '/dev/null']);
    expect([discarded.stderr, discarded.code]).toEqual(['', 0]);
    // a loop of links: no write gets through it
    symlinkSync('loop2', join(cwd, 'loop1'));
    symlinkSync('loop1', join(cwd, 'loop2'));
    const loop = await runIn(cwd, ['run', '--corpus', 'c.txt', ...FAST, '--out', 'x.csv', '--summary', 'loop1']);
    expect([loop.stderr, loop.code]).toEqual(['ngram-collapse: --summary loop1 is a loop of links (point the link at a file)\n', 2]);
    rmSync(join(cwd, 'loop1'));
    rmSync(join(cwd, 'loop2'));
    rmSync(join(cwd, 'dangling.csv'));
    rmSync(join(cwd, 'real', 'sub', 'l'));
    rmSync(join(cwd, 'd'));
    expect(filesUnder(cwd)).toEqual(['a.csv', 'c.txt', 'hard.csv', 'soft.csv']);
    // Two files of the same name in different folders are two outputs.
    const ok = await runIn(cwd, ['run', '--corpus', 'c.txt', ...FAST, '--out', 'x.csv', '--summary', 'real/x.csv']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
  });

  it('--save-corpora inside the corpus folder is refused before any work, there or not yet (a first run wrote it, and every later read of the folder took its texts as human: audit)', async () => {
    const cwd = freshFolder();
    mkdirSync(join(cwd, 'data', 'empty'), { recursive: true });
    writeFileSync(join(cwd, 'data', 'a.txt'), GOOD);
    for (const folder of ['data/saved', 'data/empty']) {
      const refused = await runIn(cwd, ['run', '--corpus', 'data', ...FAST, '--save-corpora', folder]);
      expect([refused.stderr, refused.code]).toEqual([`ngram-collapse: --save-corpora ${folder}: the texts the run writes there would be read as part of the corpus (data), as human text by a later run (choose an output folder outside the corpus)\n`, 2]);
    }
    // a glob that walks the folder too (the first run was let through: audit); a hidden folder, which the walk leaves out, is no corpus folder
    const glob = await runIn(cwd, ['run', '--corpus', 'data/**/*.txt', ...FAST, '--save-corpora', 'data/saved']);
    expect([glob.stderr, glob.code]).toEqual(['ngram-collapse: --save-corpora data/saved: the texts the run writes there would be read as part of the corpus (data/**/*.txt), as human text by a later run (choose an output folder outside the corpus)\n', 2]);
    expect(filesUnder(cwd)).toEqual(['data/a.txt']);
    expect((await runIn(cwd, ['run', '--corpus', 'data', ...FAST, '--quiet', '--save-corpora', 'data/.saved'])).code).toBe(0);
    // any output the corpus would read once written, of any command (tokenize wrote data/tok.txt into it: audit)
    const tokens = await runIn(cwd, ['tokenize', '--corpus', 'data', '--out', 'data/tok.txt']);
    expect([tokens.stderr, tokens.code]).toEqual(['ngram-collapse: --out data/tok.txt would be read as part of the corpus (data) once written (choose an output path outside the corpus)\n', 2]);
    expect((await runIn(cwd, ['tokenize', '--corpus', 'data', '--out', 'data/tok.csv'])).code).toBe(0);
    // a relative glob matches in its own frame: an output outside the folder it walks is no part of it (audit)
    mkdirSync(join(cwd, 'work'));
    writeFileSync(join(cwd, 'work', 'w.txt'), GOOD);
    const outside = await runIn(join(cwd, 'work'), ['tokenize', '--corpus', '**/*.txt', '--out', '../tok.txt']);
    expect([outside.stderr, outside.code]).toEqual([expect.stringMatching(/^sentences: \d+/u), 0]);
    const within = await runIn(join(cwd, 'work'), ['tokenize', '--corpus', './*.txt', '--out', './new.txt']);
    expect([within.stderr, within.code]).toEqual(['ngram-collapse: --out ./new.txt would be read as part of the corpus (./*.txt) once written (choose an output path outside the corpus)\n', 2]);
    // a file or folder whose name holds [ or * is read as itself, not as a pattern (it was refused as one: audit)
    writeFileSync(join(cwd, 'n[1].txt'), GOOD);
    const bracket = await runIn(cwd, ['tokenize', '--corpus', 'n[1].txt', '--out', 'n1.txt']);
    expect([bracket.stderr, bracket.code]).toEqual([expect.stringMatching(/^sentences: \d+/u), 0]);
    // a folder whose name starts as Brown's categories do is a folder like any other
    mkdirSync(join(cwd, 'brown-notes'));
    writeFileSync(join(cwd, 'brown-notes', 'a.txt'), GOOD);
    const named = await runIn(cwd, ['tokenize', '--corpus', 'brown-notes', '--out', 'brown-notes/tok.txt']);
    expect([named.stderr, named.code]).toEqual(['ngram-collapse: --out brown-notes/tok.txt would be read as part of the corpus (brown-notes) once written (choose an output path outside the corpus)\n', 2]);
  });

  it('an output in a folder a link inside the corpus leads to is refused: the walk reads it under the link\'s name (save-corpora and tokenize there were let through: last note\'s list)', async () => {
    const cwd = freshFolder();
    mkdirSync(join(cwd, 'data'));
    mkdirSync(join(cwd, 'elsewhere', 'deep'), { recursive: true });
    writeFileSync(join(cwd, 'data', 'a.txt'), GOOD);
    symlinkSync(join(cwd, 'elsewhere'), join(cwd, 'data', 'ext'));
    // data/ext/saved/human.txt and data/ext/deep/tok.txt are what the folder's walk would read next time
    const saved = await runIn(cwd, ['run', '--corpus', 'data', ...FAST, '--save-corpora', 'elsewhere/saved']);
    expect([saved.stderr, saved.code]).toEqual(['ngram-collapse: --save-corpora elsewhere/saved: the texts the run writes there would be read as part of the corpus (data, as data/ext/saved/human.txt), as human text by a later run (choose an output folder outside the corpus)\n', 2]);
    const tokens = await runIn(cwd, ['tokenize', '--corpus', 'data/**/*.txt', '--out', 'elsewhere/deep/tok.txt']);
    expect([tokens.stderr, tokens.code]).toEqual(['ngram-collapse: --out elsewhere/deep/tok.txt would be read as part of the corpus (data/**/*.txt, as data/ext/deep/tok.txt) once written (choose an output path outside the corpus)\n', 2]);
    expect(filesUnder(join(cwd, 'elsewhere'))).toEqual([]);
    // a pattern that does not reach through the link (one level) leaves the folder out: written
    const shallow = await runIn(cwd, ['tokenize', '--corpus', 'data/*.txt', '--out', 'elsewhere/deep/tok.txt']);
    expect([shallow.stderr, shallow.code]).toEqual([expect.stringMatching(/^sentences: \d+/u), 0]);
    rmSync(join(cwd, 'elsewhere', 'deep', 'tok.txt'));
  });

  it('an output that a link leads to, or that a link to nothing in the corpus leads to once made, is refused (each was written into the corpus: audit)', async () => {
    const cwd = freshFolder();
    mkdirSync(join(cwd, 'data'));
    writeFileSync(join(cwd, 'data', 'a.txt'), GOOD);
    // the output is a link to a file not yet made in the corpus folder: the write would make data/new.txt
    symlinkSync('data/new.txt', join(cwd, 'o.txt'));
    const through = await runIn(cwd, ['tokenize', '--corpus', 'data', '--out', 'o.txt']);
    expect([through.stderr, through.code]).toEqual(['ngram-collapse: --out o.txt would be read as part of the corpus (data, as data/new.txt) once written (choose an output path outside the corpus)\n', 2]);
    // a link to nothing inside the corpus that the output would fill: data/l.txt -> ../made.txt
    symlinkSync('../made.txt', join(cwd, 'data', 'l.txt'));
    const filled = await runIn(cwd, ['tokenize', '--corpus', 'data', '--out', 'made.txt']);
    expect([filled.stderr, filled.code]).toEqual(['ngram-collapse: --out made.txt would be read as part of the corpus (data, as data/l.txt) once written (choose an output path outside the corpus)\n', 2]);
    // a link to a folder not made yet: data/sc -> ../sc, and --save-corpora sc makes it
    symlinkSync('../sc', join(cwd, 'data', 'sc'));
    const folder = await runIn(cwd, ['run', '--corpus', 'data', ...FAST, '--save-corpora', 'sc']);
    expect([folder.stderr, folder.code]).toEqual(['ngram-collapse: --save-corpora sc: the texts the run writes there would be read as part of the corpus (data, as data/sc/human.txt), as human text by a later run (choose an output folder outside the corpus)\n', 2]);
    // nothing but the corpus and the three links, which still lead nowhere
    expect(filesUnder(cwd)).toEqual(['data/a.txt', 'data/l.txt', 'data/sc', 'o.txt']);
    expect(['made.txt', 'sc', 'data/new.txt'].filter((name) => existsSync(join(cwd, name)))).toEqual([]);
    // a chain whose folder is itself a link to nothing: data/chain -> ../a/cell-1, a -> later; --save-corpora later (audit)
    symlinkSync('later', join(cwd, 'a'));
    symlinkSync('../a/cell-1', join(cwd, 'data', 'chain'));
    const chain = await runIn(cwd, ['run', '--corpus', 'data', ...FAST, '--save-corpora', 'later']);
    expect([chain.stderr, chain.code]).toEqual(['ngram-collapse: --save-corpora later: the texts the run writes there would be read as part of the corpus (data, as data/chain/replicate-1/generation-1.txt), as human text by a later run (choose an output folder outside the corpus)\n', 2]);
    // a link through a missing folder and `..` leads nowhere, whatever is made: not refused (it was: audit)
    symlinkSync('../missing/../free.txt', join(cwd, 'data', 'nowhere.txt'));
    const free = await runIn(cwd, ['tokenize', '--corpus', 'data', '--out', 'free.txt']);
    expect([free.stderr, free.code]).toEqual([expect.stringMatching(/^sentences: \d+/u), 0]);
  });

  it('a streamed output (--extinctions) takes a name of 248-255 bytes: it has no .partial (it was refused as one: audit)', async () => {
    const cwd = freshFolder();
    writeFileSync(join(cwd, 'c.txt'), GOOD);
    const name = 'e'.repeat(252);
    const run = await runIn(cwd, ['run', '--corpus', 'c.txt', ...FAST, '--out', 'o.csv', '--extinctions', name]);
    expect([run.stderr, run.code]).toEqual(['', 0]);
    expect(existsSync(join(cwd, name))).toBe(true);
  });

  it('metrics names its --reference text as what it is when an output would overwrite or join it (it was called the corpus: audit)', async () => {
    const cwd = freshFolder();
    mkdirSync(join(cwd, 'ev'));
    writeFileSync(join(cwd, 'a.txt'), GOOD);
    writeFileSync(join(cwd, 'ev', 'r.txt'), GOOD);
    const joined = await runIn(cwd, ['metrics', 'a.txt', '--reference', 'ev', '--out', 'ev/m.txt']);
    expect([joined.stderr, joined.code]).toEqual(['ngram-collapse: --out ev/m.txt would be read as part of the --reference text (ev) once written (choose an output path outside the --reference text)\n', 2]);
    const over = await runIn(cwd, ['metrics', 'a.txt', '--reference', 'ev/r.txt', '--out', 'ev/r.txt']);
    expect([over.stderr, over.code]).toEqual(['ngram-collapse: --out ev/r.txt is also the --reference text, and writing it would destroy the --reference text (choose another output path)\n', 2]);
  });

  it('an output made at a Brown name or a pattern that names nothing is refused: the spec would read it in place of Brown or the pattern (`--corpus brown --save-corpora brown` was let through: audit)', async () => {
    const cwd = freshFolder();
    mkdirSync(join(cwd, 'data'));
    writeFileSync(join(cwd, 'data', 'a.txt'), GOOD);
    const brown = await runIn(cwd, ['run', '--corpus', 'brown:news', ...FAST, '--tokens', '2000', '--save-corpora', 'brown:news']);
    expect([brown.stderr, brown.code]).toEqual(['ngram-collapse: --save-corpora brown:news: the texts the run writes there would be read as part of the corpus (brown:news: a file or folder of that name, once made, is read in its place), as human text by a later run (choose an output folder outside the corpus)\n', 2]);
    const pattern = await runIn(cwd, ['tokenize', '--corpus', 'data/*.txt', '--out', 'data/*.txt']);
    expect([pattern.stderr, pattern.code]).toEqual(['ngram-collapse: --out data/*.txt would be read as part of the corpus (data/*.txt: a file or folder of that name, once made, is read in its place) once written (choose an output path outside the corpus)\n', 2]);
    // through a link to nothing of that name: brown -> sc, then --save-corpora sc
    symlinkSync('sc', join(cwd, 'brown'));
    const linked = await runIn(cwd, ['run', '--corpus', 'brown', ...FAST, '--tokens', '2000', '--save-corpora', 'sc']);
    expect([linked.stderr, linked.code]).toEqual(['ngram-collapse: --save-corpora sc: the texts the run writes there would be read as part of the corpus (brown: a file or folder of that name, once made, is read in its place), as human text by a later run (choose an output folder outside the corpus)\n', 2]);
    expect(filesUnder(cwd)).toEqual(['brown', 'data/a.txt']);
  });

  it('every text --save-corpora writes is checked, not only H and cell 1\'s first: another cell, another generation, the manifest (each got into the corpus: audit)', async () => {
    const cwd = freshFolder();
    mkdirSync(join(cwd, 'data'));
    mkdirSync(join(cwd, 'sc', 'cell-2'), { recursive: true });
    writeFileSync(join(cwd, 'data', 'a.txt'), GOOD);
    const twoCells = ['--human-ratio', '0,0.5', '--generations', '2', '--sentences', 'line', '--quiet'];
    // a corpus link to the second cell's folder
    symlinkSync('../sc/cell-2', join(cwd, 'data', 'l'));
    const cell = await runIn(cwd, ['run', '--corpus', 'data', ...twoCells, '--save-corpora', 'sc']);
    expect([cell.stderr, cell.code]).toEqual(['ngram-collapse: --save-corpora sc: the texts the run writes there would be read as part of the corpus (data, as data/l/replicate-1/generation-1.txt), as human text by a later run (choose an output folder outside the corpus)\n', 2]);
    rmSync(join(cwd, 'data', 'l'));
    // a glob of the second generation's texts, and one of JSON files (the manifest)
    const generation = await runIn(cwd, ['run', '--corpus', 'data/*.txt', '--corpus', 'data/**/generation-2.txt', ...twoCells, '--save-corpora', 'data/sc']);
    expect([generation.stderr, generation.code]).toEqual(['ngram-collapse: --save-corpora data/sc: the texts the run writes there would be read as part of the corpus (data/**/generation-2.txt), as human text by a later run (choose an output folder outside the corpus)\n', 2]);
    const manifest = await runIn(cwd, ['run', '--corpus', 'data/*.txt', '--corpus', 'data/**/*.json', ...twoCells, '--save-corpora', 'data/sc']);
    expect([manifest.stderr, manifest.code]).toEqual(['ngram-collapse: --save-corpora data/sc: the texts the run writes there would be read as part of the corpus (data/**/*.json), as human text by a later run (choose an output folder outside the corpus)\n', 2]);
    expect(filesUnder(cwd)).toEqual(['data/a.txt']);
  });

  it('an output folder that is read-only', async (context) => {
    // Root writes anywhere: the check cannot fail there, so this one case is skipped for root.
    if (IS_ROOT) context.skip();
    const cwd = freshFolder();
    writeFileSync(join(cwd, 'c.txt'), GOOD);
    mkdirSync(join(cwd, 'locked'));
    chmodSync(join(cwd, 'locked'), 0o500);
    try {
      const result = await runIn(cwd, ['run', '--corpus', 'c.txt', '--out', 'locked/curves.csv']);
      expect(result.stderr).toMatch(/--out locked\/curves\.csv is not writable/u);
      expect(result.code).toBe(2);
    } finally {
      chmodSync(join(cwd, 'locked'), 0o700);
    }
  });

  it('an unreadable corpus file (skipped as root)', async (context) => {
    if (IS_ROOT) context.skip();
    const cwd = freshFolder();
    writeFileSync(join(cwd, 'c.txt'), GOOD);
    chmodSync(join(cwd, 'c.txt'), 0o000);
    const result = await runIn(cwd, ['run', '--corpus', 'c.txt', '--out', 'x.csv']);
    chmodSync(join(cwd, 'c.txt'), 0o600);
    expect(result.stderr).toMatch(/cannot read .*c\.txt: permission denied/u);
    expect(result.code).toBe(2);
  });
});

describe('awkward but valid input works', () => {
  it('a BOM and CRLF line ends are read as plain lines', async () => {
    const cwd = freshFolder();
    const text = '\uFEFF' + GOOD.replace(/\n/gu, '\r\n');
    writeFileSync(join(cwd, 'c.txt'), text);
    const result = await runIn(cwd, ['run', '--corpus', 'c.txt', ...FAST, '--out', 'o.csv', '--tokenizer', 'whitespace']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const plain = freshFolder();
    writeFileSync(join(plain, 'c.txt'), GOOD);
    await runIn(plain, ['run', '--corpus', 'c.txt', ...FAST, '--out', 'o.csv', '--tokenizer', 'whitespace']);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(join(cwd, 'o.csv'), 'utf8')).toBe(readFileSync(join(plain, 'o.csv'), 'utf8'));
  });

  it('invalid UTF-8 is replaced by U+FFFD with one warning naming the line and counting the bad sequences', async () => {
    const cwd = freshFolder();
    // "café ." and "naïvé ." in Latin-1 after GOOD's 40 lines: E9, EF (its 76 is no continuation byte) and E9: 3 sequences
    writeFileSync(join(cwd, 'c.txt'), Buffer.concat([Buffer.from(GOOD), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x2e, 0x0a, 0x6e, 0x61, 0xef, 0x76, 0xe9, 0x20, 0x2e, 0x0a])]));
    const result = await runIn(cwd, ['run', '--corpus', 'c.txt', '--generations', '1', '--sentences', 'line', '--out', 'o.csv']);
    expect(result.code).toBe(0);
    const warnings = result.stderr.split('\n').filter((line) => line.includes('UTF-8'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/c\.txt is not valid UTF-8 \(3 invalid byte sequences, the first on line 41\); each was replaced by U\+FFFD/u);
  });

  it('letters the default tokenizer cuts out of words give one warning with the way out; whitespace none', async () => {
    const cwd = freshFolder();
    // 40 Polish sentences: "zażółć" has 3 cut letters (ż ł ć; ó is Latin-1) and 9 tokens per sentence in all
    // (kot nr i zażółć -> za ż ó ł ć, and "."): 3 / 9 = 33%.
    writeFileSync(join(cwd, 'c.txt'), Array.from({ length: 40 }, (_, i) => `kot nr ${i} zażółć .`).join('\n'));
    const result = await runIn(cwd, ['run', '--corpus', 'c.txt', '--generations', '1', '--sentences', 'line', '--out', 'o.csv']);
    expect(result.code).toBe(0);
    const warnings = result.stderr.split('\n').filter((line) => line.includes('out of words'));
    expect(warnings).toEqual([
      'ngram-collapse: warning: the wordpunct tokenizer cut 120 letters out of words, each now a token (33% of the tokens: it takes only A-Z and Latin-1 letters for word letters); --tokenizer whitespace keeps words of every script whole (--tokenizer char makes each character a token, for text written without spaces)',
    ]);
    const whitespace = await runIn(cwd, ['run', '--corpus', 'c.txt', '--generations', '1', '--sentences', 'line', '--out', 'w.csv', '--tokenizer', 'whitespace']);
    expect(whitespace.stderr).not.toContain('out of words');
    // bpe:K reads words with wordpunct: the warning names both, and its way out is an encoding that
    // reads every script (it named wordpunct alone and suggested whitespace, a word tokenizer)
    const bpe = await runIn(cwd, ['run', '--corpus', 'c.txt', '--generations', '1', '--sentences', 'line', '--out', 'b.csv', '--tokenizer', 'bpe:20']);
    expect(bpe.stderr.split('\n').filter((line) => line.includes('out of words'))).toEqual([
      "ngram-collapse: warning: the bpe:20 tokenizer's pre-tokenizer (wordpunct) cut 120 letters out of words, each now a word of its own that no merge joins back (33% of the words: it takes only A-Z and Latin-1 letters for word letters); the published byte-level encodings (--tokenizer gpt2, cl100k or o200k) keep the letters of every script in their words",
    ]);
  });

  it('standard input as the corpus', async () => {
    const cwd = freshFolder();
    const result = await runIn(cwd, ['run', '--corpus', '-', ...FAST, '--out', 'o.csv'], GOOD);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('<s> and </s> in the text are dropped with a warning, not read as boundaries', async () => {
    const cwd = freshFolder();
    writeFileSync(join(cwd, 'c.txt'), GOOD.split('\n').map((line) => (line === '' ? line : `<s> ${line} </s>`)).join('\n'));
    const result = await runIn(cwd, ['metrics', 'c.txt', '--tokenizer', 'whitespace', '--sentences', 'line']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/80 '<s>' \/ '<\/s>' token\(s\).*dropped/u);
    // 40 sentences of 9 tokens ('the cat number i sat on the mat .'): the markers are not counted.
    expect(result.stdout.split('\n')[1]).toMatch(/^c\.txt,360,40,/u);
  });
});
