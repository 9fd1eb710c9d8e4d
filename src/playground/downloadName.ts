/**
 * The names of the playground's downloads: `ngram-collapse-`, then which run made the file, then what
 * it is. A run is named by its corpus and main settings with its seed
 * (`ngram-collapse-brown-news-order3-ratio0_0.1-replace-seed42-curves.csv`), a recipe by its name and
 * seed (`ngram-collapse-human-ratio-seed42-curves.csv`). Contract: a name holds only ASCII letters,
 * digits, `.`, `-` and `_` (a corpus file's own name, `Mes essais (v2).txt`, included), never starts
 * with a dot, and is the same for the same settings; a value left empty (the CLI's default) is left
 * out of it.
 */

import type { PageSettings } from './pageConfig.js';

/** The longest piece one value or corpus name adds to a name. */
const LONGEST_PART = 40;

/** `text` in safe characters (accents dropped, `été` -> `ete`): every run of other characters one `-`, no `-` or `.` at either end. */
function safe(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9._]+/gu, '-').slice(0, LONGEST_PART).replace(/^[-._]+|[-._]+$/gu, '');
}

/** A corpus spec's short name: a file's name without its folder and `.txt` / `.jsonl`; `brown:news` as `brown-news`. */
function corpusPart(corpus: string): string {
  const base = corpus.split(/[/\\]/u).pop() ?? corpus;
  return safe(base.replace(/\.(txt|jsonl)$/iu, ''));
}

/** A setting as typed, its list's values joined by `_` (`0,0.1` -> `0_0.1`), after `prefix`; '' when empty. */
function settingPart(prefix: string, value: string): string {
  const values = value.split(',').map((item) => safe(item.trim())).filter((item) => item !== '');
  return values.length === 0 ? '' : `${prefix}${values.join('_')}`;
}

/** The part of a download's name that says which run made it: `state`'s, or recipe `recipe`'s at `state`'s seed. */
export function runFileStem(state: PageSettings, recipe?: string): string {
  const { values } = state;
  const parts = recipe === undefined
    ? [corpusPart(state.corpus), settingPart('order', values.order), settingPart('ratio', values.humanRatio), settingPart('', values.strategy), settingPart('seed', values.seed)]
    : [safe(recipe), settingPart('seed', values.seed)];
  return ['ngram-collapse', ...parts.filter((part) => part !== '')].join('-');
}

/** A download's file name: the run's stem, then what the file is (`curves.csv`, `rare_survival.svg`). */
export function downloadName(stem: string, what: string): string {
  return `${stem}-${safe(what.replace(/\.[^.]*$/u, ''))}${/\.[A-Za-z0-9]+$/u.exec(what)?.[0] ?? ''}`;
}
