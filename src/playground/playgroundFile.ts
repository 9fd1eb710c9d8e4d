/**
 * `ngram-collapse playground`: writes the self-contained playground page with its corpora.
 *
 * Contract: the page template (dist/playground/template.html, built by bundle.ts at `npm run build`)
 * holds CORPORA_MARKER once; `playgroundHtml(template, corpora)` replaces it by a JSON script element
 * (every `<` written \u003c, so no text inside can end the element). `embedCorpus(spec, cwd)` reads a
 * spec as the CLI's loader would (brown names, files, folders, globs: resolveSpec), gzip-compressing
 * each part when that pays. `writePlayground(out, specs, cwd)` checks every input before writing, then
 * writes the page in one go; `playgroundPage(specs, cwd)` is the page it writes. Needs no bundler at run time: only this file and the template.
 */

import { existsSync, readFileSync } from 'node:fs';
import { writeWholeFileSync } from '../export/wholeFile.js';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { resolveSpec, shownName, DEFAULT_LOAD_OPTIONS } from '../corpus/loadCorpus.js';
import { checkTextBytes } from '../corpus/textChunks.js';
import { InputError, UsageError } from '../errors.js';
import { CORPORA_ELEMENT_ID, type EmbeddedCorpus, type EmbeddedPart } from './embeddedCorpus.js';

export const CORPORA_MARKER = '<!--ngram-collapse:corpora-->';

/** The package's folder (two above this module, in src/ and in dist/; also the bundled CLI's, dist/cli/). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The built template (from dist/, also when this file runs from src/ in tests). */
export const TEMPLATE_PATH = join(PACKAGE_ROOT, 'dist', 'playground', 'template.html');

/** One part, compressed when that pays. */
export function embedPart(name: string, kind: EmbeddedPart['kind'], bytes: Uint8Array): EmbeddedPart {
  const packed = gzipSync(bytes, { level: 9 }).toString('base64');
  if (packed.length < bytes.length) return { name, kind, encoding: 'gzip-base64', data: packed, bytes: bytes.length };
  return { name, kind, encoding: 'text', data: Buffer.from(bytes).toString('utf8'), bytes: bytes.length };
}

/**
 * The loader's refusal of a spec, its hint without standard input (`-`), which a page cannot embed (it
 * offered `- for stdin` to the command that refuses it: audit).
 */
function withoutStandardInput<T>(resolveSources: () => T): T {
  try {
    return resolveSources();
  } catch (error) {
    const offered = /, - (?:for stdin, )?or brown$/u;
    if (error instanceof InputError && offered.test(error.hint)) throw new InputError(error.message, error.hint.replace(offered, ', or brown:<category>'));
    throw error;
  }
}

/** Reads one `--corpus` spec into an embedded corpus (the default demo text resolves against the package). */
export function embedCorpus(spec: string, cwd: string): EmbeddedCorpus {
  const base = spec === 'corpora/lighthouse.txt' && !existsSync(resolve(cwd, spec)) ? PACKAGE_ROOT : cwd;
  if (spec === '-') throw new UsageError('the playground cannot embed standard input (-)', 'pass a file, a folder, a glob or brown:<category>');
  const sources = withoutStandardInput(() => resolveSpec(spec, { ...DEFAULT_LOAD_OPTIONS, cwd: base }));
  if (sources.every((source) => source.kind === 'brown')) {
    // Brown is read line by line: its files joined by a line end read exactly as the files one by one.
    const text = sources.map((source) => readFileSync((source as { path: string }).path, 'utf8')).join('\n');
    return { name: spec, parts: [embedPart(spec, 'brown', Buffer.from(text, 'utf8'))] };
  }
  let blank = true;
  const parts = sources.map((source) => {
    const path = (source as { path: string }).path;
    // (as run names it: a file of a folder or glob relative to the working folder; its absolute path
    // showed the builder's folders in every shared page: audit)
    const name = shownName(path, spec, base);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      throw new InputError(`cannot read ${name}: ${(error as Error).message}`, 'check the path and its permissions');
    }
    checkTextBytes(bytes, name); // as run reads it: no UTF-16, no binary data
    const text = bytes.toString('utf8');
    blank = (source.kind === 'jsonl' ? jsonlHoldsNoText(text, name) : text.trim() === '') && blank;
    return embedPart(name, source.kind as EmbeddedPart['kind'], bytes);
  });
  // (as run refuses it: no tokenizer finds a token in blank text, whatever the page's settings)
  if (blank) throw new InputError(`the corpus ${spec} holds no tokens`, 'pass a non-empty text corpus');
  return { name: spec, parts };
}

/**
 * True when no record of a JSONL text holds text in any field (the page may read any field,
 * --jsonl-field); a line that is no JSON object is refused as the loader refuses it whatever field it
 * reads (../corpus/readText.ts: the same line numbers, lines ending at \n, \r\n or \r; the file's
 * byte-order mark dropped, and one at a line's start; blank lines skipped): the page embedded such a
 * file and failed on it later, where every other command refuses it (audit). One line at a time.
 */
function jsonlHoldsNoText(text: string, name: string): boolean {
  const lines = text.split(/\r\n|\r|\n/u);
  let blank = true;
  for (let i = 0; i < lines.length; i++) {
    let line = i === 0 ? withoutMark(lines[i]!) : lines[i]!;
    line = withoutMark(line);
    if (line.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      throw new InputError(`${name} line ${i + 1} is not valid JSON`, 'fix or remove that line; JSONL needs one JSON object per line');
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new InputError(`${name} line ${i + 1} is not a JSON object, which no field of the page can read`, 'fix or remove that line; JSONL needs one JSON object per line');
    }
    blank &&= Object.values(record).every((value) => typeof value !== 'string' || value.trim() === '');
  }
  return blank;
}

function withoutMark(line: string): string {
  return line.startsWith('\ufeff') ? line.slice(1) : line;
}

export function playgroundHtml(template: string, corpora: readonly EmbeddedCorpus[]): string {
  const at = template.indexOf(CORPORA_MARKER);
  if (at < 0) throw new Error('the playground template has no corpora marker');
  const json = JSON.stringify(corpora).replace(/</gu, '\\u003c');
  const element = `<script type="application/json" id="${CORPORA_ELEMENT_ID}">${json}</script>`;
  return template.slice(0, at) + element + template.slice(at + CORPORA_MARKER.length);
}

export function readTemplate(): string {
  if (!existsSync(TEMPLATE_PATH)) {
    throw new InputError(`the playground template ${TEMPLATE_PATH} is missing`, 'run npm run build in the package folder');
  }
  return readFileSync(TEMPLATE_PATH, 'utf8');
}

/** Embeds `specs` (default: DEFAULT_PLAYGROUND_CORPORA) and writes the page; resolves to its size in bytes. */
export function writePlayground(out: string, specs: readonly string[], cwd: string, template = readTemplate()): number {
  const html = playgroundPage(specs, cwd, template);
  writeWholeFileSync(resolve(cwd, out), html);
  return Buffer.byteLength(html);
}

/** The page with `specs` embedded, for a caller that writes it itself (the CLI, which watches signals as it writes). */
export function playgroundPage(specs: readonly string[], cwd: string, template = readTemplate()): string {
  const names = new Set<string>();
  for (const spec of specs) {
    if (names.has(spec)) throw new UsageError(`--corpus ${spec} is given twice`, 'pass each corpus once');
    names.add(spec);
  }
  return playgroundHtml(template, specs.map((spec) => embedCorpus(spec, cwd)));
}
