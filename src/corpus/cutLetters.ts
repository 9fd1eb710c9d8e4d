/**
 * Letters a word tokenizer cuts out of their words, or drops. natural's tokenizers were written for
 * English: WordPunctTokenizer (`wordpunct`, also the pre-tokenizer of `bpe:K`) takes only A-Z, a-z and
 * U+00C0-U+00FF (its pattern's `[A-Za-zÀ-ÿ-]`) for word letters, TreebankWordTokenizer (`treebank`) only
 * A-Z and a-z; any other letter becomes a token of its own. So Polish "zażółć" is 5 tokens (za ż ó ł
 * ć), Russian or Greek text becomes letters, and the model learns letter sequences where the user asked
 * for words. WordTokenizer (`word`) keeps A-Z, a-z and the basic Cyrillic letters (its pattern's
 * `[A-Za-zА-Яа-я0-9_]`) and drops every other letter: "straße" is "stra" and "e".
 *
 * Contract: a CutLetterCount for a tokenizer reads the sentences as they are tokenized and counts, for
 * `wordpunct` and `treebank`, the letters (Unicode \p{L}) the tokenizer does not take for word letters
 * and that stand next to another letter: the letters it cuts out of a word (a Greek letter standing
 * alone, "let α be", is a word of its own and not counted); for `word`, every letter it drops. For every
 * other tokenizer it counts nothing. `warning(tokens)` is the loader's warning when the letters reach
 * CUT_LETTER_WARNING_SHARE of the corpus's tokens, else undefined (for `bpe:K`, counted on its
 * pre-tokenizer's words, it names both and points to the published encodings); `emptyCorpusReason()` explains a corpus
 * left with no token because `word` dropped every letter. Where more than half the letters counted are
 * Han, Hiragana or Katakana (text written without spaces), the warning's way out is `char`, not `whitespace`. `fixedTokenizerWarnings` words the warnings of
 * a reading whose tokenizers the user cannot change (a recipe's). A sentence of English text costs one
 * regular-expression test of its code units.
 */

/** The share of the tokens from which the loader warns: 2% (English text: 0). */
export const CUT_LETTER_WARNING_SHARE = 0.02;

interface CutRule {
  /** Matches a sentence that may hold a cut letter (a code unit beyond the word letters' block). */
  readonly beyond: RegExp;
  /** Matches each cut (or dropped) letter (global). */
  readonly cut: RegExp;
  /** The word letters, for the warning. */
  readonly letters: string;
  /** Whether the tokenizer makes the letters tokens of their own or drops them. */
  readonly drops: boolean;
}

/** A letter outside `kept` with a letter before or after it. */
function cutPattern(kept: string): RegExp {
  return new RegExp(`(?<=\\p{L})(?![${kept}])\\p{L}|(?![${kept}])\\p{L}(?=\\p{L})`, 'gu');
}

const RULES: Readonly<Record<string, CutRule>> = {
  // Without the `u` flag these test code units, which is quicker and decides the same here.
  // wordpunct's pattern is case-insensitive, so Ÿ (U+0178, the capital of ÿ) is a word letter to it too.
  wordpunct: { beyond: /[^\u0000-\u00FF]/, cut: cutPattern('A-Za-z\\u00C0-\\u00FF\\u0178'), letters: 'A-Z and Latin-1', drops: false },
  treebank: { beyond: /[^\u0000-\u007F]/, cut: cutPattern('A-Za-z'), letters: 'A-Z', drops: false },
  word: { beyond: /[^\u0000-\u007F]/, cut: /(?![A-Za-z\u0410-\u044F])\p{L}/gu, letters: 'A-Z and basic Cyrillic', drops: true },
};

/** Counts the letters a tokenizer cuts out of words, sentence by sentence. */
export class CutLetterCount {
  private readonly rule: CutRule | undefined;
  /** Letters cut out of words so far. */
  letters = 0;
  /** Of those, letters of scripts written without spaces between words (Han, Hiragana, Katakana). */
  unspaced = 0;

  /**
   * `tokenizer`: the word tokenizer that reads the text; `shownAs`: the tokenizer the user chose, when
   * the first is its pre-tokenizer (`bpe:K` reads words with `wordpunct`), so the warning names both.
   */
  constructor(private readonly tokenizer: string, private readonly shownAs = tokenizer) {
    this.rule = RULES[tokenizer];
  }

  /** Counts the cut letters of one sentence. */
  read(sentence: string): void {
    const rule = this.rule;
    if (rule === undefined || !rule.beyond.test(sentence)) return;
    rule.cut.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = rule.cut.exec(sentence)) !== null) {
      this.letters++;
      if (UNSPACED.test(match[0])) this.unspaced++;
    }
  }

  /** The warning for a corpus of `tokens` tokens, if the letters reach CUT_LETTER_WARNING_SHARE of them. */
  warning(tokens: number): string | undefined {
    const rule = this.rule;
    if (rule === undefined || tokens === 0) return undefined;
    const share = this.letters / tokens;
    if (share < CUT_LETTER_WARNING_SHARE) return undefined;
    // (bpe:K learns its merges inside the pre-tokenizer's words: a letter cut out is a word of its own,
    // which no merge joins back, and the way out is an encoding that reads every script, not words)
    if (this.shownAs !== this.tokenizer) {
      return (
        `the ${this.shownAs} tokenizer's pre-tokenizer (${this.tokenizer}) cut ${this.lettersText()} out of words, each now a word ` +
        `of its own that no merge joins back (${percentOf(share)} of the words: it takes only ${rule.letters} letters for word letters); ${SUBWORD_WAY_OUT}`
      );
    }
    const what = rule.drops
      ? `dropped ${this.lettersText()} (${droppedShare(share)}): it keeps only ${rule.letters} letters in words`
      : `cut ${this.lettersText()} out of words, each now a token (${percentOf(share)} of the tokens: it takes only ${rule.letters} letters for word letters)`;
    return `the ${this.tokenizer} tokenizer ${what}; ${this.mostlyUnspaced() ? UNSPACED_WAY_OUT : WAY_OUT}`;
  }

  /** Why a corpus has no token, if the tokenizer dropped letters (`word` on Greek text), else undefined. */
  emptyCorpusReason(): string | undefined {
    if (this.rule?.drops !== true || this.letters === 0) return undefined;
    return `the ${this.tokenizer} tokenizer dropped its ${this.lettersText()}, keeping only ${this.rule.letters} letters in words`;
  }

  /** Whether more than half the letters counted are of scripts written without spaces (then `char`, not `whitespace`, reads them as the user meant). */
  mostlyUnspaced(): boolean {
    return this.unspaced * 2 > this.letters;
  }

  private lettersText(): string {
    return `${this.letters} ${this.letters === 1 ? 'letter' : 'letters'}`;
  }
}

// (in the library's words, the tokenizers by name; the CLI names its flag: src/cli/cliTerms.ts)
export const WAY_OUT = 'the whitespace tokenizer keeps words of every script whole (the char tokenizer makes each character a token, for text written without spaces)';
// Chinese and Japanese put no spaces between words: `whitespace` would make each sentence one token
// (audit), so where most cut letters are of those scripts the characters come first.
export const UNSPACED_WAY_OUT = 'most are Chinese or Japanese characters, written without spaces between words: the char tokenizer makes each character a token (the whitespace tokenizer would make each sentence one token)';
/** A letter of a script written without spaces between words (by its script extensions: the long-vowel mark ー is Common, used by both kana). */
const UNSPACED = /[\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}]/u;
export const SUBWORD_WAY_OUT = 'the published byte-level encodings (the gpt2, cl100k and o200k tokenizers) keep the letters of every script in their words';

/**
 * The warnings of a corpus read once per tokenizer of a set the user cannot change (a recipe that
 * compares tokenizers): `warn` gets each cut-letter warning with `advice` in place of the way out
 * (another --tokenizer, which such a reading refuses), and a bpe:K pre-tokenizer's warning only if no
 * reading by that word tokenizer warned before (the same letters of the same text: it said it).
 * Every other warning is passed on as it is.
 */
export function fixedTokenizerWarnings(advice: string, warn: (message: string) => void): (message: string) => void {
  const warned = new Set<string>();
  return (message) => {
    const wayOut = [WAY_OUT, UNSPACED_WAY_OUT, SUBWORD_WAY_OUT].find((text) => message.endsWith(`; ${text}`));
    if (wayOut === undefined) {
      warn(message);
      return;
    }
    const tokenizer = /^the (\S+) tokenizer's pre-tokenizer \((\S+)\)|^the (\S+) tokenizer/u.exec(message)!;
    const word = tokenizer[2] ?? tokenizer[3]!;
    if (tokenizer[2] !== undefined && warned.has(word)) return;
    warned.add(word);
    warn(`${message.slice(0, -wayOut.length)}${advice}`);
  };
}

/** Dropped letters against the tokens kept: "65% as many as the tokens", and from as many on, "2.3 for each token" ("225% as many" read oddly: audit). */
function droppedShare(share: number): string {
  return share < 1 ? `${percentOf(share)} as many as the tokens` : `${Number(share.toPrecision(2))} for each token`;
}

/** A share as a percentage: one decimal below 10%. */
function percentOf(share: number): string {
  return `${(100 * share).toFixed(share < 0.1 ? 1 : 0)}%`;
}
