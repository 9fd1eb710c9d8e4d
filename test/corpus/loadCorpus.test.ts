/**
 * loadCorpus (src/corpus/loadCorpus.ts) as a library call: how each kind of spec resolves (file, folder,
 * glob, JSON Lines by name or by jsonlField, standard input, Brown with its cache or without), what is
 * summed over sources (line breaks taken as sentence ends, progress), and each refusal's whole line.
 * The CLI's own wording of the same refusals is in test/cli/robustness.test.ts.
 */

import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { asInputError, keepsEmptySentences, loadCorpus, type LoadOptions } from '../../src/corpus/loadCorpus.js';
import { sentenceCount, tokenCount } from '../../src/corpus/tokenCorpus.js';

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ngc-load-'));
  mkdirSync(join(root, 'texts', 'deeper'), { recursive: true });
  mkdirSync(join(root, 'empty'));
  writeFileSync(join(root, 'texts', 'b.txt'), 'Beta gamma\nDelta\n'); // two lines without a final mark
  writeFileSync(join(root, 'texts', 'deeper', 'a.txt'), 'Alpha.\n');
  writeFileSync(join(root, 'texts', 'deeper', 'Z.TXT'), 'Zed.\n');
  writeFileSync(join(root, 'texts', 'c.JSONL'), '{"text": "Jay son."}\n'); // JSON Lines by its name, in any case
  writeFileSync(join(root, 'texts', 'notes.md'), 'not read');
  writeFileSync(join(root, 'empty', 'notes.md'), 'not read');
  writeFileSync(join(root, 'body.data'), '{"body": "Field text."}\n');
  writeFileSync(join(root, 'b-copy.txt'), 'Beta gamma\nDelta\n'); // b.txt's text in a file of its own
  writeFileSync(join(root, 'blank.txt'), '\n \n');
  writeFileSync(join(root, 'blank2.txt'), '');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The corpus's sentences as text. */
async function sentences(specs: string[], options: Partial<LoadOptions> = {}): Promise<string[]> {
  const { vocabulary, corpus } = await loadCorpus(specs, { cwd: root, tokenizer: 'whitespace', lowercase: false, ...options });
  return Array.from({ length: sentenceCount(corpus) }, (_, s) =>
    Array.from(corpus.ids.subarray(corpus.offsets[s], corpus.offsets[s + 1]), (id) => vocabulary.token(id)).join(' '),
  );
}

/** The refusal's line as the CLI prints it. */
async function refusal(load: Promise<unknown>): Promise<string> {
  const error = await load.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputError);
  return `${(error as InputError).message} (${(error as InputError).hint})`;
}

describe('loadCorpus resolves', () => {
  it('a folder to its .txt and .jsonl files below it, sorted by path, JSON Lines by name in any case', async () => {
    // texts/b.txt, texts/c.JSONL, texts/deeper/Z.TXT, texts/deeper/a.txt ('Z' sorts before 'a'); notes.md is not read
    expect(await sentences(['texts'])).toEqual(['Beta gamma', 'Delta', 'Jay son.', 'Zed.', 'Alpha.']);
  });

  it('a glob to the files it matches, JSON Lines again by name', async () => {
    expect(await sentences(['texts/*'])).toEqual(['Beta gamma', 'Delta', 'Jay son.', 'not read']);
    expect(await sentences(['texts/**/a.txt', 'texts/b.txt'])).toEqual(['Alpha.', 'Beta gamma', 'Delta']);
    expect(await sentences(['texts/**/*.txt'])).toEqual(['Beta gamma', 'Delta', 'Alpha.']); // a glob's case is the user's
  });

  it('any file as JSON Lines when jsonlField is set, and standard input too', async () => {
    expect(await sentences(['body.data'], { jsonlField: 'body' })).toEqual(['Field text.']);
    expect(await sentences(['texts/**/*.txt'], { jsonlField: 'text' }).catch((error: Error) => error.message)).toMatch(/line 1 is not valid JSON/u);
    // a .txt file, or standard input, is JSON Lines only by jsonlField: the hint says so (a .jsonl file's does not)
    const hint = await loadCorpus(['texts/b.txt'], { cwd: root, jsonlField: 'text' }).catch((error: InputError) => error.hint);
    expect(hint).toBe('fix or remove that line; JSONL needs one JSON object per line; jsonlField, --jsonl-field on the command line: it reads every file as JSON Lines, texts/b.txt too');
    // a file named by its spec is named so; one of a folder or a glob given relatively, relative to cwd;
    // under an absolute spec, absolutely (each was its absolute path: audit)
    const message = (specs: string[]) => loadCorpus(specs, { cwd: root, jsonlField: 'text' }).catch((error: InputError) => error.message);
    expect(await message(['./texts/b.txt'])).toMatch(/^\.\/texts\/b\.txt line 1 is not valid JSON/u);
    expect(await message(['texts/*.txt'])).toMatch(/^texts\/\S+\.txt line 1 is not valid JSON/u);
    expect(await message([join(root, 'texts')])).toMatch(new RegExp(`^${join(root, 'texts')}/\\S+ line 1 is not valid JSON`, 'u'));
    // a relative spec that leads out of the working folder keeps its way there
    mkdirSync(join(root, 'elsewhere'), { recursive: true });
    const outside = await loadCorpus(['../texts'], { cwd: join(root, 'elsewhere'), jsonlField: 'text' }).catch((error: InputError) => error.message);
    expect(outside).toMatch(/^\.\.\/texts\/\S+ line 1 is not valid JSON/u);
    writeFileSync(join(root, 'broken.jsonl'), 'not json\n');
    expect(await loadCorpus(['broken.jsonl'], { cwd: root, jsonlField: 'text' }).catch((error: InputError) => error.hint)).toBe('fix or remove that line; JSONL needs one JSON object per line');
    expect(await loadCorpus(['-'], { cwd: root, jsonlField: 'text', stdin: new PassThrough().end('not json\n') }).catch((error: InputError) => error.hint)).toBe('fix or remove that line; JSONL needs one JSON object per line; jsonlField, --jsonl-field on the command line: it reads standard input as JSON Lines');
    const stdin = new PassThrough().end('{"t": "From input."}\n');
    expect(await sentences(['-'], { stdin, jsonlField: 't' })).toEqual(['From input.']);
    expect(await sentences(['-'], { stdin: new PassThrough().end('Plain input.\n') })).toEqual(['Plain input.']);
  });

  it('brown, with the build\'s cache or without, to the same corpus', async () => {
    const cached = await loadCorpus(['brown:humor'], { tokenizer: 'whitespace' });
    const read = await loadCorpus(['brown:humor'], { tokenizer: 'whitespace', brownCache: false });
    expect(Array.from(cached.corpus.ids)).toEqual(Array.from(read.corpus.ids));
    expect(cached.vocabulary.toArray()).toEqual(read.vocabulary.toArray());
    expect(tokenCount(cached.corpus)).toBeGreaterThan(20_000);
  });

  it("brown with text options it does not read: the same corpus, and a warning naming them (they changed nothing without a word: audit)", async () => {
    const warnings: string[] = [];
    const plain = await loadCorpus(['brown:humor'], { tokenizer: 'whitespace' });
    const given = await loadCorpus(['brown:humor'], { tokenizer: 'whitespace', sentences: 'line', emptySentences: true, jsonlField: 'text', onWarning: (message) => warnings.push(message) });
    expect(Array.from(given.corpus.ids)).toEqual(Array.from(plain.corpus.ids));
    expect(warnings).toEqual(["sentences 'line', emptySentences and jsonlField \"text\" do nothing on Brown: its sentences and tokens are its own, read from its tagged text"]);
    const one: string[] = [];
    await loadCorpus(['brown:humor'], { tokenizer: 'whitespace', sentences: 'line', onWarning: (message) => one.push(message) });
    expect(one).toEqual(["sentences 'line' does nothing on Brown: its sentences and tokens are its own, read from its tagged text"]);
    // a text file beside Brown reads them: no warning
    writeFileSync(join(root, 'line.txt'), 'One line\n');
    const mixed: string[] = [];
    await loadCorpus(['brown:humor', 'line.txt'], { cwd: root, tokenizer: 'whitespace', sentences: 'line', onWarning: (message) => mixed.push(message) });
    expect(mixed).toEqual([]);
  });

  it('a file of several that gives no token is named in one warning (it passed unnoticed: audit); a blank line kept as an empty sentence is text', async () => {
    const warned = async (specs: string[], options: Partial<LoadOptions> = {}, role?: string): Promise<string[]> => {
      const warnings: string[] = [];
      await loadCorpus(specs, { cwd: root, tokenizer: 'whitespace', onWarning: (message) => warnings.push(message), ...options }, undefined, role);
      return warnings;
    };
    expect(await warned(['texts/b.txt', 'blank.txt'])).toEqual(['blank.txt gives no token (empty, blank lines, or nothing the tokenizer keeps); the corpus is read from the rest']);
    // a folder of 4 files (a.txt, Z.TXT, b.txt, c.JSONL) between two that give nothing: 2 of the 6
    expect(await warned(['blank.txt', 'texts', 'blank2.txt'])).toEqual([
      '2 files (blank.txt, blank2.txt) give no token (empty, blank lines, or nothing the tokenizer keeps); the corpus is read from the rest',
    ]);
    mkdirSync(join(root, 'many'), { recursive: true });
    for (const name of ['e1', 'e2', 'e3', 'e4']) writeFileSync(join(root, 'many', `${name}.txt`), '');
    writeFileSync(join(root, 'many', 'words.txt'), 'Some words.\n');
    // more than three are counted, not named; `--eval text` names its own role
    expect(await warned(['many'], {}, '--eval text')).toEqual([
      '4 files (many/e1.txt, many/e2.txt, many/e3.txt and 1 more) give no token (empty, blank lines, or nothing the tokenizer keeps); the --eval text is read from the rest',
    ]);
    // `word` keeps no punctuation: a file of punctuation alone gives it nothing
    writeFileSync(join(root, 'marks.txt'), '... !!\n');
    expect(await warned(['texts/b.txt', 'marks.txt'], { tokenizer: 'word' })).toEqual([expect.stringMatching(/^marks.txt gives no token /u)]);
    // beside Brown, whose hundreds of files the user named as one, no count of files (round 2)
    expect(await warned(['brown:humor', 'blank2.txt'])).toEqual(['blank2.txt gives no token (empty, blank lines, or nothing the tokenizer keeps); the corpus is read from the rest']);
    expect(await warned(['texts/b.txt', 'marks.txt'])).toEqual([]);
    // blank lines read with emptySentences are empty sentences: no warning
    expect(await warned(['texts/b.txt', 'blank.txt'], { sentences: 'line', emptySentences: true })).toEqual([]);
    // nothing at all is still refused, without the warning
    await expect(warned(['blank.txt', 'blank2.txt'])).rejects.toThrow('holds no tokens');
  });

  it('a file named like a Brown spec to the file, when it exists', async () => {
    writeFileSync(join(root, 'brown:mine'), 'Mine.\n');
    expect(await sentences(['brown:mine'])).toEqual(['Mine.']);
  });

  it('a file and Brown together, in the order given', async () => {
    const { vocabulary, corpus } = await loadCorpus(['texts/deeper/a.txt', 'brown:humor'], { cwd: root, tokenizer: 'whitespace', lowercase: false });
    const humor = await loadCorpus(['brown:humor'], { tokenizer: 'whitespace', lowercase: false });
    expect(sentenceCount(corpus)).toBe(sentenceCount(humor.corpus) + 1);
    expect(vocabulary.token(corpus.ids[0]!)).toBe('Alpha.');
    expect(vocabulary.token(corpus.ids[1]!)).toBe(humor.vocabulary.token(humor.corpus.ids[0]!));
  });
});

describe('loadCorpus sums over its sources', () => {
  it('the line breaks taken as sentence ends', async () => {
    // b.txt: "Beta gamma" ends at a line break with no final mark (1 per reading; "Delta" ends with the file)
    const one = await loadCorpus(['texts/b.txt'], { cwd: root });
    const two = await loadCorpus(['texts/b.txt', 'b-copy.txt'], { cwd: root });
    expect([one.lineBreakEnds, two.lineBreakEnds]).toEqual([1, 2]);
  });

  it('the bytes read, against the files\' total size (none for standard input)', async () => {
    const calls: [number, number | undefined][] = [];
    await loadCorpus(['texts/b.txt', 'texts/deeper/a.txt'], { cwd: root, onProgress: (read, total) => calls.push([read, total]) });
    expect(calls.at(-1)).toEqual([17 + 7, 17 + 7]);
    const piped: [number, number | undefined][] = [];
    await loadCorpus(['texts/b.txt', '-'], { cwd: root, stdin: new PassThrough().end('x y\n'), onProgress: (read, total) => piped.push([read, total]) });
    expect(piped.at(-1)).toEqual([17 + 4, undefined]);
    const first: [number, number | undefined][] = [];
    await loadCorpus(['-', 'texts/b.txt'], { cwd: root, stdin: new PassThrough().end('x y\n'), onProgress: (read, total) => first.push([read, total]) });
    expect(first.at(-1)).toEqual([4 + 17, undefined]);
    const brown: [number, number | undefined][] = [];
    await loadCorpus(['brown:humor'], { onProgress: (read, total) => brown.push([read, total]) });
    expect(brown.at(-1)![0]).toBe(brown.at(-1)![1]);
  });
});

describe('loadCorpus refuses', () => {
  it('no spec, - twice, an empty name', async () => {
    expect(await refusal(loadCorpus([]))).toBe("no corpus given (pass specs naming a file, a folder, a glob, - (standard input) or brown, e.g. ['brown:news'])");
    expect(await refusal(loadCorpus(['-', 'brown', '-']))).toBe('standard input (-) is given twice as a corpus (pass - once)');
    expect(await refusal(loadCorpus(['brown', ' ']))).toBe('an empty corpus name was given (pass a file, a folder, a glob, - or brown)');
  });

  it('a file named twice, by the same spec, a folder and a file in it, overlapping globs, a link, a hard link, or Brown twice, before reading anything', async () => {
    symlinkSync(join(root, 'texts', 'b.txt'), join(root, 'link.txt'));
    const options = { cwd: root, onProgress: () => expect.unreachable('nothing is read') };
    const b = join(root, 'texts', 'b.txt');
    const hint = 'name each file once: a file read twice would count twice';
    expect(await refusal(loadCorpus(['texts/b.txt', 'texts/b.txt'], options))).toBe(`the corpus file ${b} is named twice (by 'texts/b.txt' twice) (${hint})`);
    expect(await refusal(loadCorpus(['texts', 'texts/b.txt'], options))).toBe(`the corpus file ${b} is named twice (by 'texts' and 'texts/b.txt') (${hint})`);
    expect(await refusal(loadCorpus(['texts/*.txt', 'texts/b*'], options))).toBe(`the corpus file ${b} is named twice (by 'texts/*.txt' and 'texts/b*') (${hint})`);
    expect(await refusal(loadCorpus(['texts/b.txt', 'link.txt'], options))).toBe(`the corpus file ${join(root, 'link.txt')} (the file ${b}) is named twice (by 'texts/b.txt' and 'link.txt') (${hint})`);
    expect(await refusal(loadCorpus(['brown', 'brown:news'], { onProgress: options.onProgress }))).toBe(`the corpus file Brown's text ca01 is named twice (by 'brown' and 'brown:news') (${hint})`);
    // a hard link: another real path, the same file (it was read twice, its counts doubled)
    linkSync(b, join(root, 'hard.txt'));
    expect(await refusal(loadCorpus(['texts/b.txt', 'hard.txt'], options))).toBe(`the corpus file ${join(root, 'hard.txt')}, a hard link to ${b}, is named twice (by 'texts/b.txt' and 'hard.txt') (${hint})`);
    // a folder that holds a link to one of its own files reaches that file twice: said so (it said "by 'linked' twice" and "name each file once", which the user did)
    mkdirSync(join(root, 'linked'));
    writeFileSync(join(root, 'linked', 'a.txt'), 'A.\n');
    symlinkSync('a.txt', join(root, 'linked', 'latest.txt'));
    expect(await refusal(loadCorpus(['linked'], options))).toBe(`corpus 'linked' reaches the file ${join(root, 'linked', 'a.txt')} twice, as ${join(root, 'linked', 'a.txt')} and ${join(root, 'linked', 'latest.txt')} (a link) (remove the link, or name the files to read: a file read twice would count twice)`);
    // a text read for another purpose is named as that (train --eval: it said "the corpus file")
    expect(await refusal(loadCorpus(['texts', 'texts/b.txt'], options, undefined, '--eval text'))).toBe(`the --eval text file ${b} is named twice (by 'texts' and 'texts/b.txt') (${hint})`);
    // Two different files, and standard input beside a file, are read as before.
    expect(await sentences(['texts/b.txt', 'texts/deeper/a.txt'])).toEqual(['Beta gamma', 'Delta', 'Alpha.']);
  });

  it('a missing path, a folder without text files, a glob matching nothing, before reading anything', async () => {
    const options = { cwd: root, onProgress: () => expect.unreachable('nothing is read') };
    expect(await refusal(loadCorpus(['texts/b.txt', 'nope.txt'], options))).toBe(
      "corpus 'nope.txt' not found (pass an existing file, folder or glob, - for stdin, or brown)",
    );
    expect(await refusal(loadCorpus(['empty'], options))).toBe("folder 'empty' holds no .txt or .jsonl files (pass a folder of text files)");
    // one whose text files are all hidden says so, and how to read them (it said it held none)
    mkdirSync(join(root, 'hidden-only', '.drafts'), { recursive: true });
    writeFileSync(join(root, 'hidden-only', '.a.txt'), 'A.\n');
    writeFileSync(join(root, 'hidden-only', '.drafts', 'b.txt'), 'B.\n');
    expect(await refusal(loadCorpus(['hidden-only'], options))).toBe("folder 'hidden-only' holds no .txt or .jsonl files but hidden ones (names beginning with .), which a folder leaves out (name them, or a pattern such as 'hidden-only/.*.txt')");
    rmSync(join(root, 'hidden-only', '.a.txt'));
    expect(await refusal(loadCorpus(['hidden-only'], options))).toMatch(/but hidden ones/u);
    expect(await refusal(loadCorpus(['texts/*.csv'], options))).toBe("no file matches 'texts/*.csv' (check the pattern, or quote it so the shell does not expand it)");
    // a pattern that matches folders with text files in them says so (it was only told no file matched: audit)
    expect(await refusal(loadCorpus(['tex?s'], options))).toBe(
      "no file matches 'tex?s', only folders with text files in them (name a folder to read its .txt and .jsonl files, or a pattern of files such as 'tex?s/*.txt')",
    );
    expect(await refusal(loadCorpus(['emp?y'], options))).toBe("no file matches 'emp?y' (check the pattern, or quote it so the shell does not expand it)");
    // braces, a shell's alternatives, quoted: said to be no wildcard here (it was only "not found": audit)
    const braces = "braces {a,b} are no wildcard here: leave them unquoted for the shell to expand, or give each file or pattern as a name of its own (['a.txt', 'b.txt'], --corpus a.txt b.txt on the command line)";
    expect(await refusal(loadCorpus(['texts/{a,b}.txt'], options))).toBe(`corpus 'texts/{a,b}.txt' not found (${braces})`);
    expect(await refusal(loadCorpus(['texts/*.{csv,md}'], options))).toBe(`no file matches 'texts/*.{csv,md}' (${braces})`);
    // a brace without alternatives is a name's own character
    expect(await refusal(loadCorpus(['texts/{a}.txt'], options))).toBe("corpus 'texts/{a}.txt' not found (pass an existing file, folder or glob, - for stdin, or brown)");
    // a link to nothing, and a loop of links, are names that exist: said as such (they were 'not found')
    symlinkSync(join(root, 'gone.txt'), join(root, 'dangling.txt'));
    symlinkSync(join(root, 'loop-b'), join(root, 'loop-a'));
    symlinkSync(join(root, 'loop-a'), join(root, 'loop-b'));
    for (const spec of ['dangling.txt', 'loop-a']) {
      expect(await refusal(loadCorpus([spec], options))).toBe(`corpus '${spec}' is a link to nothing, or a loop of links (pass the file or folder the link should point to)`);
    }
  });

  it('a FIFO in a folder or matched by a glob, before reading anything (audit: the read waited for a writer for ever)', async () => {
    const options = { cwd: root, onProgress: () => expect.unreachable('nothing is read') };
    mkdirSync(join(root, 'piped'));
    writeFileSync(join(root, 'piped', 'a.txt'), 'Real.\n');
    execFileSync('mkfifo', [join(root, 'piped', 'pipe.txt')]);
    const hint = 'move it out of the folder, or name the files to read';
    expect(await refusal(loadCorpus(['piped'], options))).toBe(`corpus 'piped' holds ${join(root, 'piped', 'pipe.txt')}, which is not a regular file (a FIFO, a socket or a device) (${hint})`);
    expect(await refusal(loadCorpus(['piped/*.txt'], options))).toBe(`corpus 'piped/*.txt' matches ${join(root, 'piped', 'pipe.txt')}, which is not a regular file (a FIFO, a socket or a device) (leave it out of the pattern, or name the files to read)`);
    // one that is not a .txt or .jsonl file is not read, so not refused
    rmSync(join(root, 'piped', 'pipe.txt'));
    execFileSync('mkfifo', [join(root, 'piped', 'pipe')]);
    expect(await sentences(['piped'])).toEqual(['Real.']);
  });

  it('a folder without its hidden files and folders (a notebook\'s .ipynb_checkpoints, macOS\'s ._ files), which a pattern can name', async () => {
    mkdirSync(join(root, 'notebook', '.ipynb_checkpoints'), { recursive: true });
    writeFileSync(join(root, 'notebook', 'story.txt'), 'Once.\n');
    writeFileSync(join(root, 'notebook', '.ipynb_checkpoints', 'story-checkpoint.txt'), 'Once.\n');
    writeFileSync(join(root, 'notebook', '._story.txt'), '\u0000\u0005\u0016\u0007'); // AppleDouble: binary
    expect(await sentences(['notebook'])).toEqual(['Once.']);
    expect(await sentences(['notebook/.ipynb_checkpoints'])).toEqual(['Once.']);
    expect(await sentences(['notebook/.ipynb_checkpoints/*.txt'])).toEqual(['Once.']);
  });

  it('a corpus without tokens, naming every spec', async () => {
    expect(await refusal(loadCorpus(['blank.txt', 'blank2.txt'], { cwd: root }))).toBe('the corpus blank.txt, blank2.txt holds no tokens (pass a non-empty text corpus)');
    // standard input is named as such (it was "the corpus - holds no tokens")
    const stdin = new PassThrough();
    stdin.end('\n \n');
    expect(await refusal(loadCorpus(['-'], { cwd: root, stdin }))).toBe('the corpus standard input holds no tokens (pass a non-empty text corpus)');
    // and a text read for another purpose as that (train --eval said "the corpus standard input")
    expect(await refusal(loadCorpus(['blank.txt'], { cwd: root }, undefined, '--eval text'))).toBe('the --eval text blank.txt holds no tokens (pass a non-empty text corpus)');
    // what messages call the specs must be text (a number began every message, "3 'nope.txt' not found": audit)
    await expect(loadCorpus(['nope.txt'], { cwd: root }, undefined, 3 as never)).rejects.toThrow("role must be a string that is not blank, got the number '3'");
  });

  it('unreadable standard input, naming it', async () => {
    expect(await refusal(loadCorpus(['-'], { stdin: new PassThrough().end(Buffer.from([0x68, 0x69, 0x00, 0x0a])) }))).toBe(
      'standard input looks binary (it contains NUL bytes) (pass a UTF-8 text file)',
    );
  });

  it('a terminal as standard input', async () => {
    const terminal = Object.assign(new PassThrough(), { isTTY: true });
    expect(await refusal(loadCorpus(['-'], { stdin: terminal }))).toBe(
      'standard input (-) is a terminal, not a text (pipe or redirect a text into it: put < corpus.txt after the command, or cat corpus.txt | before it)',
    );
  });
});

describe('asInputError', () => {
  it('words a file system failure as an input error the user can fix, and passes anything else on', () => {
    const shown = (code: string): string => {
      const error = asInputError(Object.assign(new Error('x'), { code }), 'f.txt') as InputError;
      expect(error).toBeInstanceOf(InputError);
      return `${error.message} (${error.hint})`;
    };
    // (ENXIO: a socket, which open() refuses; it was shown as the raw code)
    expect(['EACCES', 'EPERM', 'EISDIR', 'ENOENT', 'ENXIO', 'EMFILE'].map(shown)).toEqual(
      ['permission denied', 'permission denied', 'it is a folder', 'it does not exist', 'it is a socket, not a file', 'EMFILE'].map((reason) => `cannot read f.txt: ${reason} (check the path and its permissions)`),
    );
    const input = new InputError('bad', 'fix');
    expect(asInputError(input, 'f.txt')).toBe(input);
    const bug = new TypeError('a bug');
    expect(asInputError(bug, 'f.txt')).toBe(bug);
    expect(asInputError(undefined, 'f.txt')).toBeUndefined();
  });
});

describe('keepsEmptySentences', () => {
  it('is true only with emptySentences in line mode', () => {
    expect(keepsEmptySentences({ emptySentences: true, sentences: 'line' })).toBe(true);
    expect(keepsEmptySentences({ emptySentences: true, sentences: 'auto' })).toBe(false);
    expect(keepsEmptySentences({ emptySentences: false, sentences: 'line' })).toBe(false);
    expect(keepsEmptySentences({ sentences: 'line' })).toBe(false);
  });
});
