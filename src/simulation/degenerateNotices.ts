/**
 * DegenerateNotices: tells the user, once per series and kind, when a generation's measured text has
 * become degenerate. The run goes on (such texts are what model collapse produces, and every metric
 * with a zero denominator is an empty cell); the warning says what happened and from which generation.
 *
 * Kinds, checked on the measured text of generation g >= 1 (what row g describes: the synthetic share
 * topped up from the same model, see measuredText.ts):
 * - `empty`: no tokens at all (the model ends every sentence at once, e.g. an order-1 model that has
 *   collapsed to the empty sentence);
 * - `one-token`: every token is the same type (the model has collapsed to one token);
 * - `one-sentence`: two or more sentences, all the same (the model has collapsed to one sentence);
 * - `rare-extinct`: none of the seed-rare types occurs any more (reported the first time only, even
 *   if human data brings some back later); not checked on an empty text, which `empty` describes.
 * Cost: each check stops at the first counter-example, so on a healthy text it reads a few tokens;
 * a kind already reported is not checked again. Pure apart from calling `warn`.
 * `shortShare(generation, what)` reports, once per series too, what the series loop finds drawing a
 * synthetic share: `short-share` (the model gave fewer tokens than asked, its sentence cap reached)
 * and `dedup-capped` (`select dedup` ran out of new sentences); each generation it happens again, so
 * reporting every one repeated one line per generation. `cutSentences(generation, share, maxLength)`
 * reports, once per series, `cut-sentences`: more than CUT_SHARE of the share's sentences (CUT_FEWEST
 * or more) stopped at maxLength tokens, the model not ending them sooner (text without punctuation had
 * 99 of 101 sentences cut at 200 tokens, and `sentences` doubled, without a word: audit of other
 * languages); O(sentences) until it is reported, nothing after.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import type { SeedReference } from '../metrics/seedReference.js';

export type DegenerateKind = 'empty' | 'one-token' | 'one-sentence' | 'rare-extinct';
export type ShareKind = 'short-share' | 'dedup-capped' | 'cut-sentences';

/** The share of a synthetic share's sentences cut at the cap above which `cut-sentences` is reported, and the fewest cut. */
export const CUT_SHARE = 0.1;
export const CUT_FEWEST = 10;

export class DegenerateNotices {
  private readonly reported = new Set<DegenerateKind | ShareKind>();

  constructor(
    /** Names the series in messages, e.g. `cell default replicate 1`. */
    private readonly where: string,
    private readonly reference: SeedReference,
    private readonly warn: ((message: string) => void) | undefined,
  ) {}

  /** Reports `kind` at `generation`, unless this series reported it already. */
  shortShare(kind: ShareKind, generation: number, what: string): void {
    if (this.reported.has(kind)) return;
    this.reported.add(kind);
    this.warn?.(`${this.where} generation ${generation}: ${what} (said once per series)`);
  }

  /** Reports `cut-sentences` at `generation` when the share's sentences stopped at `maxLength` tokens (see above). */
  cutSentences(generation: number, share: TokenCorpus, maxLength: number): void {
    if (this.reported.has('cut-sentences')) return;
    const { offsets } = share;
    let cut = 0;
    for (let s = 0; s + 1 < offsets.length; s++) if (offsets[s + 1]! - offsets[s]! >= maxLength) cut++;
    const sentences = offsets.length - 1;
    if (cut < CUT_FEWEST || cut <= CUT_SHARE * sentences) return;
    this.shortShare(
      'cut-sentences',
      generation,
      `${cut} of the ${sentences} sentences the model drew were cut at maxSentenceLength, --max-sentence-length on the command line, ${maxLength} tokens (the model did not end them sooner: ` +
        "the corpus's sentences run longer, or it has few sentence ends); raise it, or split the text into sentences",
    );
  }

  /** Checks generation `generation`'s synthetic text; returns the kinds newly reported. */
  observe(generation: number, text: TokenCorpus): DegenerateKind[] {
    const found: DegenerateKind[] = [];
    /** Reports `kind` when it was not reported yet (only then is `holds` checked) and holds; true if it did. */
    const check = (kind: DegenerateKind, holds: () => boolean, what: () => string): boolean => {
      if (this.reported.has(kind) || !holds()) return false;
      this.reported.add(kind);
      found.push(kind);
      this.warn?.(`${this.where} generation ${generation}: ${what()}; the run goes on`);
      return true;
    };
    const tokens = text.ids.length;
    const sentences = text.offsets.length - 1;
    if (tokens === 0) {
      check('empty', () => true, () => 'the measured text holds no tokens (the model ends every sentence at once), so its text metrics are empty cells');
      return found;
    }
    if (!check('one-token', () => oneType(text.ids), () => `the model has collapsed to a single token type (${tokens} tokens, all the same)`)) {
      check('one-sentence', () => sentences >= 2 && oneSentence(text), () => `the model has collapsed to a single sentence (repeated ${sentences} times)`);
    }
    check(
      'rare-extinct',
      () => this.reference.rareTypes > 0 && !holdsRare(text.ids, this.reference.rare),
      () => `every one of the ${this.reference.rareTypes} seed-rare types is extinct (rare_survival 0)`,
    );
    return found;
  }
}

function oneType(ids: Int32Array): boolean {
  const first = ids[0];
  for (let i = 1; i < ids.length; i++) if (ids[i] !== first) return false;
  return true;
}

function oneSentence(text: TokenCorpus): boolean {
  const { ids, offsets } = text;
  const length = offsets[1]!; // offsets[0] is 0 (TokenCorpus)
  for (let s = 1; s < offsets.length - 1; s++) {
    const from = offsets[s]!;
    if (offsets[s + 1]! - from !== length) return false;
    for (let i = 0; i < length; i++) if (ids[from + i] !== ids[i]) return false;
  }
  return true;
}

function holdsRare(ids: Int32Array, rare: Uint8Array): boolean {
  // Stryker disable next-line EqualityOperator: equivalent, rare[undefined] is no element
  for (let i = 0; i < ids.length; i++) if (rare[ids[i]!] === 1) return true;
  return false;
}
