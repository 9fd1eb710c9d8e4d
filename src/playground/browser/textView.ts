/**
 * The text itself: sample sentences of a few generations side by side (in the human text, the words
 * that died by the last generation marked), one word's count per generation with the generation it
 * went extinct, and the rare seed words that died first (each a button that looks it up). Fed by
 * the worker's `texts` messages (replicate 1 of each cell). In a subword run the words are those the
 * pieces spell (the samples' `wordCounts`, as the word_* columns count them), not the pieces. Everything a user brought in is written
 * with textContent, never parsed as markup.
 */

import { extinctAt, shownGenerations } from '../wordHistory.js';
import { redrawGroup, rovingFocus } from './rovingFocus.js';
import type { GenerationSample } from './messages.js';

export interface SeedInfo {
  readonly seedTypes: Int32Array;
  readonly seedCounts: Int32Array;
  readonly rareThreshold: number;
}

/** How long typing in the word search pauses before the word is looked up. */
const WORD_PAUSE_MS = 300;

export class TextView {
  /** cell -> generation -> sample. */
  private readonly samples = new Map<string, Map<number, GenerationSample>>();
  private vocabulary: readonly string[] = [];
  private ids = new Map<string, number>();
  private seed: SeedInfo | undefined;
  private typing: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly cellSelect: HTMLSelectElement,
    private readonly samplesHost: HTMLElement,
    private readonly wordInput: HTMLInputElement,
    private readonly wordResult: HTMLElement,
    private readonly rareList: HTMLElement,
    private readonly rareNote: HTMLElement,
  ) {
    cellSelect.addEventListener('change', () => this.render());
    rovingFocus(samplesHost);
    rovingFocus(rareList);
    // (looked up once typing pauses: the result, a live region, was announced at every keystroke: round 2)
    wordInput.addEventListener('input', () => {
      clearTimeout(this.typing);
      this.typing = setTimeout(() => this.renderWord(), WORD_PAUSE_MS);
    });
  }

  setVocabulary(vocabulary: readonly string[]): void {
    this.vocabulary = vocabulary;
    this.ids = new Map(vocabulary.map((token, id) => [token, id]));
  }

  reset(seed: SeedInfo): void {
    this.samples.clear();
    this.seed = seed;
    this.cellSelect.replaceChildren();
    this.render();
  }

  add(sample: GenerationSample): void {
    let cell = this.samples.get(sample.cell);
    if (cell === undefined) {
      cell = new Map();
      this.samples.set(sample.cell, cell);
      this.cellSelect.append(new Option(sample.cell, sample.cell));
    }
    cell.set(sample.generation, sample);
  }

  private current(): Map<number, GenerationSample> | undefined {
    return this.samples.get(this.cellSelect.value);
  }

  render(): void {
    this.renderSamples();
    this.renderWord();
    this.renderRare();
  }

  private renderSamples(): void {
    const cell = this.current();
    if (cell === undefined) {
      this.samplesHost.replaceChildren(paragraph('Run the simulation to see its text.'));
      return;
    }
    const generations = [...cell.keys()].sort((a, b) => a - b);
    const gone = this.goneIn(cell, generations);
    const articles = shownGenerations(generations).map((generation) => {
      const article = document.createElement('article');
      const heading = document.createElement('h4');
      heading.textContent = generation === 0 ? 'generation 0 (human text)' : `generation ${generation}`;
      const sentences = cell.get(generation)!.sentences;
      article.append(heading, ...sentences.map((sentence) => (generation === 0 && generations.length > 1 ? markedSentence(sentence, gone, (word) => this.search(word)) : sampleSentence(sentence))));
      return article;
    });
    redrawGroup(this.samplesHost, () => this.samplesHost.replaceChildren(...articles, ...(gone.size > 0 ? [goneKey(generations.at(-1)!)] : [])));
  }

  /** The generation each word of the cell's human samples went extinct at, by word (words alive at the end are left out). */
  private goneIn(cell: Map<number, GenerationSample>, generations: readonly number[]): Map<string, number> {
    const gone = new Map<string, number>();
    for (const sentence of cell.get(0)?.sentences ?? []) {
      for (const word of sentence.split(' ')) {
        if (gone.has(word)) continue;
        const found = this.lookUpExactly(cell, word);
        const at = found === undefined ? undefined : extinctAt(generations, generations.map((generation) => found(cell.get(generation)!)));
        if (at !== undefined) gone.set(word, at);
      }
    }
    return gone;
  }

  /** How often a sample holds `word` as the cell's texts count it, spelled exactly so; undefined for a word they do not know. */
  private lookUpExactly(cell: Map<number, GenerationSample>, word: string): ((sample: GenerationSample) => number) | undefined {
    if (byWord(cell)) return (sample) => sample.wordCounts!.get(word) ?? 0;
    const id = this.ids.get(word);
    return id === undefined ? undefined : (sample) => sample.counts[id] ?? 0;
  }

  /** Looks `word` up in the word search, as if typed there (a rare word of the list or a marked word, clicked). */
  private search(word: string): void {
    this.wordInput.value = word;
    clearTimeout(this.typing);
    this.renderWord();
    this.wordInput.scrollIntoView({ block: 'nearest' });
  }

  private renderWord(): void {
    const cell = this.current();
    const word = this.wordInput.value.trim();
    if (cell === undefined || word === '') {
      this.wordResult.replaceChildren();
      return;
    }
    const found = this.lookUp(cell, word);
    if (found === undefined) {
      const where = byWord(cell) ? "in none of this cell's texts (H and replicate 1's generations, read as words)" : "not in the corpus's vocabulary";
      this.wordResult.replaceChildren(paragraph(`"${word}" is ${where}.`));
      return;
    }
    const generations = [...cell.keys()].sort((a, b) => a - b);
    const counts = generations.map((generation) => found.count(cell.get(generation)!));
    const name = found.text;
    const table = document.createElement('table');
    const head = table.insertRow();
    const body = table.insertRow();
    const label = (row: HTMLTableRowElement, text: string): void => {
      const cellElement = document.createElement('th');
      cellElement.scope = 'row';
      cellElement.textContent = text;
      row.append(cellElement);
    };
    label(head, 'generation');
    // (generation 0 is H; from generation 1 on, the model's own text, without the human share: a halved
    // count at human ratio 0.5 read as the word dying: audit)
    label(body, `count of "${name}" (H, then the synthetic text)`);
    generations.forEach((generation, index) => {
      head.insertCell().textContent = String(generation);
      body.insertCell().textContent = String(counts[index]);
    });
    const gone = extinctAt(generations, counts);
    const verdict =
      counts[0] === 0
        ? `"${name}" is not in the human pool of this run (it may be in the held-out part${byWord(cell) ? ', or a word the model made up' : ''}).`
        : gone === undefined
          ? `"${name}" is still alive at generation ${generations.at(-1)}.`
          : `"${name}" went extinct at generation ${gone}.`;
    this.wordResult.replaceChildren(paragraph(verdict), table);
  }

  /**
   * The word typed as the cell's texts count it (as typed, else the spelling alike but for case that H
   * holds most often): a vocabulary id, or, in a subword run, a word some text of the cell spells; with
   * how often a sample holds it.
   */
  private lookUp(cell: Map<number, GenerationSample>, typed: string): { readonly text: string; readonly count: (sample: GenerationSample) => number } | undefined {
    if (byWord(cell)) {
      const word = wordIn(cell, typed);
      return word === undefined ? undefined : { text: word, count: (sample) => sample.wordCounts!.get(word) ?? 0 };
    }
    const human = cell.get(0)?.counts;
    const id = this.ids.get(typed) ?? likeButCase(this.vocabulary, typed, (candidate) => human?.[candidate] ?? 0);
    return id === undefined ? undefined : { text: this.vocabulary[id]!, count: (sample) => sample.counts[id] ?? 0 };
  }

  /** The human pool's rare types (words, in a subword run) with their counts in H. */
  private seedRare(cell: Map<number, GenerationSample>, seed: SeedInfo): Array<{ readonly token: string; readonly count: number; readonly countIn: (sample: GenerationSample) => number }> {
    const rare: Array<{ readonly token: string; readonly count: number; readonly countIn: (sample: GenerationSample) => number }> = [];
    if (byWord(cell)) {
      for (const [word, count] of cell.get(0)?.wordCounts ?? []) {
        if (count <= seed.rareThreshold) rare.push({ token: word, count, countIn: (sample) => sample.wordCounts!.get(word) ?? 0 });
      }
      return rare;
    }
    seed.seedTypes.forEach((id, index) => {
      const count = seed.seedCounts[index]!;
      if (count <= seed.rareThreshold) rare.push({ token: this.vocabulary[id] ?? '?', count, countIn: (sample) => sample.counts[id] ?? 0 });
    });
    return rare;
  }

  private renderRare(): void {
    const cell = this.current();
    const seed = this.seed;
    if (cell === undefined || seed === undefined) {
      this.rareList.replaceChildren();
      this.rareNote.textContent = '';
      return;
    }
    const generations = [...cell.keys()].sort((a, b) => a - b);
    const died: Array<{ token: string; generation: number; count: number }> = [];
    for (const { token, count, countIn } of this.seedRare(cell, seed)) {
      const gone = extinctAt(generations, generations.map((generation) => countIn(cell.get(generation)!)));
      if (gone !== undefined) died.push({ token, generation: gone, count });
    }
    // Words before numbers and punctuation: what a reader recognises comes first.
    const wordFirst = (token: string): number => (/^\p{L}/u.test(token) ? 0 : 1);
    died.sort((a, b) => a.generation - b.generation || wordFirst(a.token) - wordFirst(b.token) || a.count - b.count || (a.token < b.token ? -1 : 1));
    const shown = died.slice(0, RARE_SHOWN);
    this.rareNote.textContent = rareNote(died, seed.rareThreshold);
    const items = shown.map(({ token, generation, count }) => {
      const item = document.createElement('li');
      // (a word of the list is looked up in the word search when clicked: its count generation by generation)
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.textContent = token;
      button.dir = 'auto';
      button.title = `show the count of "${token}" generation by generation`;
      button.addEventListener('click', () => this.search(token));
      item.append(button, ` (seen ${count}× in the human pool, gone at generation ${generation})`);
      return item;
    });
    redrawGroup(this.rareList, () => this.rareList.replaceChildren(...items));
  }
}

/**
 * The word of a subword run's texts the user means by `typed`: as typed, else the one spelled alike but
 * for case that H holds most often (a run keeps case: `ines` finds `Ines`; the lowercase spelling is
 * not preferred: `MANTLE` found `mantle`, once in H, over `Mantle`, 41 times: last notes' 'Not done').
 */
function wordIn(cell: ReadonlyMap<number, GenerationSample>, typed: string): string | undefined {
  const samples = [...cell.values()];
  const known = (word: string): boolean => samples.some((sample) => sample.wordCounts!.has(word));
  if (known(typed)) return typed;
  const words = [...new Set(samples.flatMap((sample) => [...sample.wordCounts!.keys()]))];
  const human = cell.get(0)?.wordCounts;
  const index = likeButCase(words, typed, (candidate) => human?.get(words[candidate]!) ?? 0);
  return index === undefined ? undefined : words[index];
}

/**
 * The index of the entry of `entries` spelled as `typed` but for case that `countInH` gives most (the
 * first of a tie), or undefined (a text that keeps case: `ines` and `INES` find `Ines`: round 3).
 */
function likeButCase(entries: readonly string[], typed: string, countInH: (index: number) => number): number | undefined {
  const folded = typed.toLowerCase();
  let best: number | undefined;
  entries.forEach((entry, index) => {
    if (entry.toLowerCase() === folded && (best === undefined || countInH(index) > countInH(best))) best = index;
  });
  return best;
}

/** Whether the cell's texts are counted by word: a subword run, whose words are spelled by its pieces. */
function byWord(cell: ReadonlyMap<number, GenerationSample>): boolean {
  return cell.values().next().value?.wordCounts !== undefined;
}

/** How many of the rare words that died the list shows. */
const RARE_SHOWN = 60;

/**
 * What the rare-word list is: how many died, where, and, when the list is cut inside a generation's
 * tie, how the tie is ordered (60 words all "gone at generation 1", alphabetically, read as the 60
 * that died first: audit). `died` is in the list's order.
 */
function rareNote(died: ReadonlyArray<{ readonly generation: number }>, rareThreshold: number): string {
  if (died.length === 0) return 'No rare word of the human pool has died yet in replicate 1 of this cell.';
  const shown = Math.min(died.length, RARE_SHOWN);
  const cutAt = died[shown - 1]!.generation;
  const tied = died.filter((one) => one.generation === cutAt).length;
  const seen = rareThreshold === 1 ? 'once' : `at most ${rareThreshold} times`;
  const ties = tied > 1 && died.length > shown ? ` (${tied} died at generation ${cutAt}; among them, words that start with a letter come first, then the rarest, then by character code: capitals before small letters)` : '';
  return `${died.length} of the human pool's rare words (seen ${seen}) died in replicate 1 of this cell (missing from its synthetic text); the first ${shown} by generation${ties}.`;
}

/**
 * A sentence of the human text with each word in `gone` marked, struck through; with `onPick`, each a
 * button that looks the word up (its counts and the generation it went at: on hover alone, a keyboard
 * or a phone could not get it: round 2), else a plain mark (the key's sample). Words are the sentence's
 * space-separated parts, as the samples are written.
 */
function markedSentence(sentence: string, gone: ReadonlyMap<string, number>, onPick?: (word: string) => void): HTMLParagraphElement {
  const element = document.createElement('p');
  // (its direction from its own first strong letter: a Hebrew or Arabic sentence whose struck words are
  // buttons ran left to right, the buttons breaking the right-to-left run: audit of other languages)
  element.dir = 'auto';
  sentence.split(' ').forEach((word, index) => {
    if (index > 0) element.append(' ');
    const at = gone.get(word);
    if (at === undefined) {
      element.append(word);
      return;
    }
    const mark = document.createElement(onPick === undefined ? 'mark' : 'button');
    mark.className = 'gone';
    mark.textContent = word;
    mark.title = `gone at generation ${at}`;
    if (mark instanceof HTMLButtonElement) {
      mark.type = 'button';
      mark.setAttribute('aria-label', `${word}, gone at generation ${at}: show its counts`);
      mark.addEventListener('click', () => onPick!(word));
    }
    element.append(mark);
  });
  return element;
}

/** The key to the marks of markedSentence. */
function goneKey(last: number): HTMLParagraphElement {
  const key = markedSentence('Marked like this', new Map([['this', last]]));
  key.className = 'hint';
  key.append(` in the human text: its words gone from the synthetic text by generation ${last}; select one for its counts and the generation it went at (Tab reaches the first; the arrow keys the others, as in the list of rare words).`);
  return key;
}

/** A sentence of a generation's text, its direction from its own first strong letter (as markedSentence's). */
function sampleSentence(sentence: string): HTMLParagraphElement {
  const element = paragraph(sentence);
  element.dir = 'auto';
  return element;
}

function paragraph(text: string): HTMLParagraphElement {
  const element = document.createElement('p');
  element.textContent = text;
  return element;
}
