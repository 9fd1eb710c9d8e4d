/**
 * Test fixture generator: Brown's own sentences, detokenized into paragraphs of running prose, with
 * the gold sentence boundaries, and boundary precision / recall / F1 of a segmenter against them.
 *
 * Construction (deterministic for a seed):
 * - Tokens lose their tags and are joined as a typesetter would: no space before `. , ; : ? ! ) ''`
 *   and a closing `'`, none after `(` and an opening quote; both Brown quotes become `"`.
 * - A gold sentence ends where a Brown sentence ends in `.`, `?` or `!` (closing quotes or brackets may
 *   follow). Brown also cuts at `;` (2,781 times), and at some `:`, `--` and `,`: in the running text
 *   those read as one sentence, so such a Brown sentence is joined with the next one.
 * - Headlines (sentences whose last token is tagged `-hl`) stand alone, as their own paragraph.
 * - Gold sentences of one file are grouped into paragraphs of 2 to 8 sentences (seeded), joined by one
 *   space; a file never shares a paragraph with the next.
 * Boundaries are compared as offsets counted in non-white-space characters, so a segmenter may trim
 * or collapse white space; only boundaries inside a paragraph count (a paragraph's end is given).
 */

import { readFileSync } from 'node:fs';
import seedrandom from 'seedrandom';
import { brownFiles } from '../../src/corpus/brown.js';

export interface Paragraph {
  readonly text: string;
  /** Gold sentences, in order; `text` is them joined by single spaces. */
  readonly sentences: readonly string[];
}

export interface BoundaryScore {
  readonly truePositives: number;
  readonly predicted: number;
  readonly gold: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

const NO_SPACE_BEFORE = new Set(['.', ',', ';', ':', '?', '!', ')', "''", "'"]);
const NO_SPACE_AFTER = new Set(['(', '``']);
const FINAL = /[.?!]$/u;

interface BrownToken {
  readonly word: string;
  readonly tag: string;
}

function brownTokens(line: string): BrownToken[] {
  return line
    .split(/\s+/u)
    .filter((tagged) => tagged.length > 0)
    .map((tagged) => {
      const slash = tagged.lastIndexOf('/');
      return slash > 0 ? { word: tagged.slice(0, slash), tag: tagged.slice(slash + 1) } : { word: tagged, tag: '' };
    });
}

/** Joins Brown tokens into plain text (see the header). */
export function detokenize(tokens: readonly string[]): string {
  let text = '';
  let glue = true;
  for (const token of tokens) {
    const word = token === '``' || token === "''" ? '"' : token;
    if (!glue && !NO_SPACE_BEFORE.has(token)) text += ' ';
    text += word;
    glue = NO_SPACE_AFTER.has(token);
  }
  return text;
}

/** The last token that is not a closing quote or bracket. */
function finalWord(tokens: readonly BrownToken[]): string {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const word = tokens[i]!.word;
    if (word !== "''" && word !== "'" && word !== ')') return word;
  }
  return '';
}

/** Gold sentences of one Brown file, and whether each is a headline. */
function goldSentences(path: string): Array<{ text: string; headline: boolean }> {
  const found: Array<{ text: string; headline: boolean }> = [];
  let pending: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const tokens = brownTokens(line);
    if (tokens.length === 0) continue;
    const headline = tokens[tokens.length - 1]!.tag.endsWith('-hl');
    if (headline) {
      if (pending.length > 0) found.push({ text: detokenize(pending), headline: false });
      pending = [];
      found.push({ text: detokenize(tokens.map((token) => token.word)), headline: true });
      continue;
    }
    pending.push(...tokens.map((token) => token.word));
    if (FINAL.test(finalWord(tokens))) {
      found.push({ text: detokenize(pending), headline: false });
      pending = [];
    }
  }
  if (pending.length > 0) found.push({ text: detokenize(pending), headline: false });
  return found;
}

/** Paragraphs from the Brown files of `spec` (default all of Brown), grouped with a seeded draw. */
export function brownParagraphs(options: { spec?: string; seed?: string; every?: number } = {}): Paragraph[] {
  const random = seedrandom(options.seed ?? 'brown-paragraphs');
  const paragraphs: Paragraph[] = [];
  const files = brownFiles(options.spec ?? 'brown').filter((_, i) => i % (options.every ?? 1) === 0);
  for (const file of files) {
    let group: string[] = [];
    let size = 2 + Math.floor(random() * 7);
    const flush = (): void => {
      if (group.length > 0) paragraphs.push({ text: group.join(' '), sentences: group });
      group = [];
      size = 2 + Math.floor(random() * 7);
    };
    for (const sentence of goldSentences(file)) {
      if (sentence.headline) {
        flush();
        paragraphs.push({ text: sentence.text, sentences: [sentence.text] });
        continue;
      }
      group.push(sentence.text);
      if (group.length >= size) flush();
    }
    flush();
  }
  return paragraphs;
}

/** Offsets (in non-white-space characters) where the 2nd, 3rd, ... sentence starts. */
export function boundaryOffsets(sentences: readonly string[]): number[] {
  const offsets: number[] = [];
  let at = 0;
  sentences.forEach((sentence, i) => {
    if (i > 0) offsets.push(at);
    at += sentence.replace(/\s+/gu, '').length;
  });
  return offsets;
}

/** Boundary precision, recall and F1 of `segment` over the paragraphs. */
export function scoreBoundaries(paragraphs: readonly Paragraph[], segment: (text: string) => readonly string[]): BoundaryScore {
  let truePositives = 0;
  let predicted = 0;
  let gold = 0;
  for (const paragraph of paragraphs) {
    const expected = new Set(boundaryOffsets(paragraph.sentences));
    const found = boundaryOffsets(segment(paragraph.text).filter((sentence) => sentence.trim().length > 0));
    gold += expected.size;
    predicted += found.length;
    for (const offset of found) if (expected.has(offset)) truePositives++;
  }
  const precision = predicted === 0 ? 1 : truePositives / predicted;
  const recall = gold === 0 ? 1 : truePositives / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, predicted, gold, precision, recall, f1 };
}
