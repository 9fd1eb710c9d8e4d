import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { InputError } from '../../src/errors.js';
import { readCorpusSources, DEFAULT_TEXT_OPTIONS } from '../../src/corpus/readText.js';
import { CORPORA_ELEMENT_ID, type EmbeddedCorpus, type EmbeddedPart } from '../../src/playground/embeddedCorpus.js';
import { CORPORA_MARKER, embedCorpus, embedPart, playgroundHtml, TEMPLATE_PATH } from '../../src/playground/playgroundFile.js';
import { cli, tempDir } from '../helpers/cli.js';

/** A part's bytes, as the page's worker gets them after DecompressionStream. */
function partBytes(part: EmbeddedPart): Uint8Array {
  return part.encoding === 'gzip-base64' ? gunzipSync(Buffer.from(part.data, 'base64')) : Buffer.from(part.data, 'utf8');
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** The corpus the page reads from an embedded corpus: the loader's fs-free core, as in the worker. */
function readEmbedded(corpus: EmbeddedCorpus) {
  return readCorpusSources(corpus.parts.map((part) => ({ format: part.kind, name: part.name, text: once(partBytes(part)) })), DEFAULT_TEXT_OPTIONS, corpus.name);
}

describe('embedding corpora', () => {
  it('embedded brown:news reads as exactly the corpus `run --corpus brown:news` loads', async () => {
    const embedded = embedCorpus('brown:news', process.cwd());
    expect(embedded.parts).toHaveLength(1);
    expect(embedded.parts[0]!.encoding).toBe('gzip-base64');
    const page = await readEmbedded(embedded);
    const cliCorpus = await loadCorpus(['brown:news']);
    expect(page.vocabulary.toArray()).toEqual(cliCorpus.vocabulary.toArray());
    expect(page.corpus.ids).toEqual(cliCorpus.corpus.ids);
    expect(page.corpus.offsets).toEqual(cliCorpus.corpus.offsets);
  });

  it('a folder becomes one part per file, read as the CLI reads the folder', async () => {
    const folder = tempDir();
    mkdirSync(join(folder, 'texts'));
    writeFileSync(join(folder, 'texts', 'a.txt'), 'One cat sat.\n\nTwo dogs ran.');
    writeFileSync(join(folder, 'texts', 'b.jsonl'), '{"text": "A bird sang."}\n');
    const embedded = embedCorpus('texts', folder);
    expect(embedded.parts.map((part) => part.kind)).toEqual(['text', 'jsonl']);
    // named as run names them, relative to the working folder (the builder's absolute paths were in every page: audit)
    expect(embedded.parts.map((part) => part.name)).toEqual(['texts/a.txt', 'texts/b.jsonl']);
    expect(embedCorpus('texts/*.txt', folder).parts.map((part) => part.name)).toEqual(['texts/a.txt']);
    expect(embedCorpus(join(folder, 'texts'), '/').parts.map((part) => part.name)).toEqual([join(folder, 'texts', 'a.txt'), join(folder, 'texts', 'b.jsonl')]);
    const page = await readEmbedded(embedded);
    const cliCorpus = await loadCorpus(['texts'], { cwd: folder });
    expect(page.corpus.ids).toEqual(cliCorpus.corpus.ids);
    expect(page.vocabulary.toArray()).toEqual(cliCorpus.vocabulary.toArray());
  });

  it("refuses a corpus that names nothing with run's message, without offering standard input, which it cannot embed (audit)", () => {
    const folder = tempDir();
    expect(() => embedCorpus('nope.txt', folder)).toThrow(new InputError("corpus 'nope.txt' not found", 'pass an existing file, folder or glob, or brown:<category>'));
    expect(() => embedCorpus(' ', folder)).toThrow(new InputError('an empty corpus name was given', 'pass a file, a folder, a glob, or brown:<category>'));
  });

  it('refuses a corpus of blank text (as run does), and takes a folder with one blank file among others', () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'empty.txt'), ' \n\t\n');
    expect(() => embedCorpus('empty.txt', folder)).toThrow(new InputError('the corpus empty.txt holds no tokens', 'pass a non-empty text corpus'));
    // JSONL: records whose every field is blank hold no text for any --jsonl-field the page may pick;
    // one field with text (not 'text') is read with that field
    writeFileSync(join(folder, 'empty.jsonl'), '{"text": ""}\n\n{"text": "  ", "id": 3}\n');
    expect(() => embedCorpus('empty.jsonl', folder)).toThrow('the corpus empty.jsonl holds no tokens');
    writeFileSync(join(folder, 'body.jsonl'), '{"text": "", "body": "One sentence."}\n');
    expect(embedCorpus('body.jsonl', folder).parts).toHaveLength(1);
    // a line that is no JSON object is refused as run refuses it, with its line number as run counts
    // lines (\r, \r\n and \n end one; the page embedded it and failed later: audit)
    writeFileSync(join(folder, 'broken.jsonl'), '{"text": "a"}\r\n\r{"text": \n');
    expect(() => embedCorpus('broken.jsonl', folder)).toThrow(new InputError('broken.jsonl line 3 is not valid JSON', 'fix or remove that line; JSONL needs one JSON object per line'));
    writeFileSync(join(folder, 'list.jsonl'), '\ufeff{"text": "a"}\n["a"]\n');
    expect(() => embedCorpus('list.jsonl', folder)).toThrow('list.jsonl line 2 is not a JSON object, which no field of the page can read');
    // the file's byte-order mark and a line's: both dropped, as the loader drops them (round 2)
    writeFileSync(join(folder, 'marks.jsonl'), '\ufeff\ufeff{"text": "a b"}\n');
    expect(embedCorpus('marks.jsonl', folder).parts).toHaveLength(1);
    mkdirSync(join(folder, 'mixed'));
    writeFileSync(join(folder, 'mixed', 'a.txt'), '\n');
    writeFileSync(join(folder, 'mixed', 'b.txt'), 'One sentence.\n');
    expect(embedCorpus('mixed', folder).parts).toHaveLength(2);
  });

  it('refuses UTF-16 and binary files as run does, before writing a page', () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'wide.txt'), Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00]));
    expect(() => embedCorpus('wide.txt', folder)).toThrow('wide.txt is UTF-16 text');
    writeFileSync(join(folder, 'bin.txt'), Buffer.from([0x61, 0x00, 0x62]));
    expect(() => embedCorpus('bin.txt', folder)).toThrow('bin.txt looks binary (it contains NUL bytes)');
  });

  it('compresses only when that pays', () => {
    // 13 bytes gzip to about 33 bytes, base64 about 44: kept as text. 10,000 x "a" gzip to about 40.
    expect(embedPart('t', 'text', Buffer.from('a short text.')).encoding).toBe('text');
    expect(embedPart('t', 'text', Buffer.from('a'.repeat(10_000))).encoding).toBe('gzip-base64');
  });

  it('text inside the page can never close its element or open markup', () => {
    const hostile: EmbeddedCorpus = { name: '</script><img src=x>', parts: [embedPart('</script>', 'text', Buffer.from('<b>x</b> </script><!--'))] };
    const html = playgroundHtml(`<html>${CORPORA_MARKER}</html>`, [hostile]);
    const json = html.slice(html.indexOf('>', html.indexOf(CORPORA_ELEMENT_ID)) + 1, html.lastIndexOf('</script>'));
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual([hostile]);
  });
});

describe('ngram-collapse playground', () => {
  it.runIf(existsSync(TEMPLATE_PATH))('writes one page with the corpora asked for, and refuses bad input before writing', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'mine.txt'), 'The cat sat on the mat.');
    const written = await cli(['playground', '--out', 'page.html', '--corpus', 'mine.txt', 'brown:fiction'], { cwd: folder });
    expect(written).toMatchObject({ code: 0, stderr: '' });
    expect(written.stdout).toMatch(/^playground written to page\.html \([\d.]+ MB; corpora: mine\.txt, brown:fiction\)\n$/u);
    const html = readFileSync(join(folder, 'page.html'), 'utf8');
    const start = html.indexOf(`id="${CORPORA_ELEMENT_ID}">`) + `id="${CORPORA_ELEMENT_ID}">`.length;
    const corpora = JSON.parse(html.slice(start, html.indexOf('</script>', start))) as EmbeddedCorpus[];
    expect(corpora.map((corpus) => corpus.name)).toEqual(['mine.txt', 'brown:fiction']);
    expect(html).not.toContain(CORPORA_MARKER);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/[^"']*\.(js|css)\b/u);

    const missing = await cli(['playground', '--out', 'other.html', '--corpus', 'nope.txt'], { cwd: folder });
    expect(missing).toMatchObject({ code: 2, stdout: '', stderr: "ngram-collapse: corpus 'nope.txt' not found (pass an existing file, folder or glob, or brown:<category>)\n" });
    expect(existsSync(join(folder, 'other.html'))).toBe(false);
    const onCorpus = await cli(['playground', '--out', 'mine.txt', '--corpus', 'mine.txt'], { cwd: folder });
    expect(onCorpus.code).toBe(2);
    expect(readFileSync(join(folder, 'mine.txt'), 'utf8')).toBe('The cat sat on the mat.');
  });
});
