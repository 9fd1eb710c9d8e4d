/**
 * The corpora a playground page carries, as the page reads them (shared by the command that embeds
 * them and the browser code that unpacks them; no node: imports).
 *
 * Contract: an EmbeddedCorpus is named by the `--corpus` spec that reads the same text in the CLI
 * (`brown:news`, `corpora/lighthouse.txt`); its parts are read in order as the loader's TextSources
 * (`brown`: Brown's tagged lines; `text` / `jsonl`: a file's bytes). A part is gzip-compressed and
 * base64-encoded when that is smaller than its text, else stored as text.
 */

export interface EmbeddedPart {
  readonly name: string;
  readonly kind: 'brown' | 'text' | 'jsonl';
  readonly encoding: 'gzip-base64' | 'text';
  readonly data: string;
  /** Size of the uncompressed bytes. */
  readonly bytes: number;
}

export interface EmbeddedCorpus {
  readonly name: string;
  readonly parts: readonly EmbeddedPart[];
}

/** What a page carries by default: two Brown categories and the demo text. */
export const DEFAULT_PLAYGROUND_CORPORA: readonly string[] = ['brown:news', 'brown:fiction', 'corpora/lighthouse.txt'];

/** The id of the <script type="application/json"> element holding the corpora. */
export const CORPORA_ELEMENT_ID = 'embedded-corpora';
