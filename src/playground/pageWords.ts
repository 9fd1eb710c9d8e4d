/**
 * The CLI's lines in words the page can follow (no DOM: the page's message boxes show them, and tests
 * read them in Node).
 */

/**
 * A line of the CLI's in words the page can follow: its advice to raise `--max-tokens`, a guard the page
 * keeps at the CLI's default with no control for it, points to the command line (the page gave the advice
 * as if it could be taken there: audit), and so does its advice to take a published encoding, which the
 * page does not offer (it recommended `--tokenizer gpt2, cl100k or o200k` on Greek: audit of other languages).
 */
export function inPageWords(text: string): string {
  return text
    .replace(/\braise --max-tokens\b/gu, 'raise --max-tokens on the command line (the page keeps its default guard)')
    .replace(/\(--tokenizer gpt2, cl100k or o200k\)/gu, '(--tokenizer gpt2, cl100k or o200k, on the command line: the page does not offer them)');
}
