/**
 * The names of the playground's downloads: `ngram-collapse-`, then which run made the file, then what
 * it is. A run is named by its corpus, how the corpus is read where not as by default (tokenizer,
 * sentences, case, JSON Lines field), its main settings, then every other setting not at the page's
 * default, then its seed (`ngram-collapse-brown-news-order3-ratio0_0.1-replace-seed42-curves.csv`;
 * `...-replace-kneser-ney-topp0.9-seed42-...` with those set; `...-brown-news-tok-bpe-500-order3-...`), a
 * recipe by its name, how the corpus is read, and its seed (`ngram-collapse-human-ratio-seed42-curves.csv`). Contract: a name holds only ASCII letters,
 * digits, `.`, `-` and `_` (a corpus file's own name, `Mes essais (v2).txt`, included), never starts
 * with a dot, is the same for the same settings, and its stem is at most 180 characters (a longer one
 * cuts the settings before the seed, which it always keeps, and ends with `h` and a tag of the whole
 * stem before the seed, so that two runs cut alike keep two names); a value left empty (the CLI's
 * default) is left out of it.
 */

import { readingChanges } from '../corpus/readingChanges.js';
import { defaultPageSettings, type PageSettings } from './pageConfig.js';

/** The longest piece one value or corpus name adds to a name. */
const LONGEST_PART = 40;

/** `text` in safe characters (accents dropped, `été` -> `ete`): every run of other characters one `-`, no `-` or `.` at either end. */
function safe(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9._]+/gu, '-').slice(0, LONGEST_PART).replace(/^[-._]+|[-._]+$/gu, '');
}

/**
 * A corpus spec's short name: a file's name without its folder and `.txt` / `.jsonl`; `brown:news` as
 * `brown-news`; a name with no safe character left (`日本語.txt`) as `corpus-` and a hash of it, so
 * that two such corpora keep two names (both were left out: round-2 audit).
 */
function corpusPart(corpus: string): string {
  const base = corpus.split(/[/\\]/u).pop() ?? corpus;
  const name = safe(base.replace(/\.(txt|jsonl)$/iu, ''));
  return name !== '' || corpus.trim() === '' ? name : `corpus-${fnv1a(corpus)}`;
}

/** FNV-1a, 32 bits, of `text`'s UTF-16 code units, as 8 hex digits: a short, stable tag. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/**
 * The settings a name shows when they differ from the page's defaults, after the main ones, each with
 * its short prefix (a run with another smoothing or transform was named as the default run: round-2
 * audit). Smoothing and strategy-like names stand alone.
 */
const OTHER_SETTINGS: ReadonlyArray<readonly [keyof PageSettings['values'], string]> = [
  ['smoothing', ''], ['temperature', 'temp'], ['topK', 'topk'], ['topP', 'topp'], ['humanPool', 'pool-'],
  ['anchor', 'anchor'], ['vocab', 'vocab-'], ['select', 'select-'], ['tokensGrowth', 'growth'],
  ['generations', 'gen'], ['replicates', 'rep'], ['tokens', 'tokens'], ['measureTokens', 'measure'],
  ['k', 'k'], ['holdout', 'holdout'], ['rareThreshold', 'rare'], ['maxSentenceLength', 'maxlen'],
];

/** The longest stem: the parts past it are cut (a file name has room for 255 bytes). */
const LONGEST_STEM = 180;

/** A setting as typed, its list's values joined by `_` (`0,0.1` -> `0_0.1`), after `prefix`; '' when empty. */
function settingPart(prefix: string, value: string): string {
  const values = value.split(',').map((item) => safe(item.trim())).filter((item) => item !== '');
  return values.length === 0 ? '' : `${prefix}${values.join('_')}`;
}

/**
 * How the corpus is read, where it differs from the defaults (readingChanges: the case against the
 * tokenizer's own default): the tokenizer (`tok-bpe-500`), the sentence mode (`sent-line`), the case
 * (`cased`, `lowercase`) and a JSON Lines field (`field-body`). A bpe:500 run and a wordpunct run of
 * the same settings were named alike (audit).
 */
function readingParts(state: PageSettings): string[] {
  const changes = readingChanges({ tokenizer: state.tokenizer, lowercase: state.lowercase, sentences: state.sentences, ...(state.jsonlField.trim() === '' ? {} : { jsonlField: state.jsonlField }) });
  return [
    changes.tokenizer === undefined ? '' : settingPart('tok-', changes.tokenizer),
    changes.sentences === undefined ? '' : settingPart('sent-', changes.sentences),
    changes.lowercase === undefined ? '' : changes.lowercase ? 'lowercase' : 'cased',
    changes.jsonlField === undefined ? '' : settingPart('field-', changes.jsonlField),
  ];
}

/** The part of a download's name that says which run made it: `state`'s, or recipe `recipe`'s at `state`'s seed. */
export function runFileStem(state: PageSettings, recipe?: string): string {
  const { values } = state;
  const defaults = defaultPageSettings(state.corpus).values;
  const others = OTHER_SETTINGS.filter(([key]) => values[key].trim() !== defaults[key]).map(([key, prefix]) => settingPart(prefix, values[key]));
  const parts = recipe === undefined
    ? [corpusPart(state.corpus), ...readingParts(state), settingPart('order', values.order), settingPart('ratio', values.humanRatio), settingPart('', values.strategy), ...others]
    : [safe(recipe), ...readingParts(state)];
  const body = ['ngram-collapse', ...parts.filter((part) => part !== '')].join('-');
  const seed = settingPart('seed', values.seed);
  const whole = seed === '' ? body : `${body}-${seed}`;
  if (whole.length <= LONGEST_STEM) return whole;
  // Too long: the settings past the corpus are cut, never the seed, and a tag of the whole stem
  // takes their place, so that two runs cut alike keep two names (the seed went first, cut off the
  // end: probe).
  const kept = [`h${fnv1a(whole)}`, seed].filter((part) => part !== '').join('-');
  return `${body.slice(0, LONGEST_STEM - kept.length - 1).replace(/[-._]+$/u, '')}-${kept}`;
}

/** A download's file name: the run's stem, then what the file is (`curves.csv`, `rare_survival.svg`). */
export function downloadName(stem: string, what: string): string {
  return `${stem}-${safe(what.replace(/\.[^.]*$/u, ''))}${/\.[A-Za-z0-9]+$/u.exec(what)?.[0] ?? ''}`;
}
