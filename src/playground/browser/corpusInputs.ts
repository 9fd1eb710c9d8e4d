/**
 * The corpus a user chooses or brings in: the corpus list, a file chosen or dropped (one at a time),
 * pasted text. A text brought in becomes a corpus of the page under its file's name (`pasted.txt`
 * for a paste), counted as a new version of that name, and the settings move to it; a name another
 * kind of corpus holds (embedded, pasted, dropped) is never taken from it: a file takes `./name`, a
 * paste `pasted-2.txt`... Nothing is
 * taken during a run (a file dropped then is named as not taken); a file dropped elsewhere on the page
 * never navigates away.
 */

import { specOfFile } from '../../corpus/corpusSpec.js';
import { corpora, markCorpusStale, refreshCorpusSelect, showCorpusNotice } from './corpusLoad.js';
import { saveBlob } from './downloads.js';
import { $, showMessage } from './elements.js';
import { page } from './pageState.js';
import { setState } from './settingsState.js';

/** The names of the page's corpora that a paste made, and those a dropped or chosen file made. */
const pastedNames = new Set<string>();
const droppedNames = new Set<string>();

/**
 * The first of `candidates` that no corpus holds, or that one of `own` holds (a new version of it: a
 * second paste, the same file dropped again); else the last with `-2`, `-3`... before its extension.
 * A corpus the page embeds, or one the user brought in otherwise, is never replaced (a paste took the
 * place of a file, or of an embedded corpus, named pasted.txt without a word: probe).
 */
function freeName(candidates: readonly string[], own: ReadonlySet<string>): string {
  const free = (name: string): boolean => !corpora.has(name) || own.has(name);
  const found = candidates.find(free);
  if (found !== undefined) return found;
  const last = candidates[candidates.length - 1]!;
  const dot = last.lastIndexOf('.') > last.lastIndexOf('/') ? last.lastIndexOf('.') : last.length;
  for (let n = 2; ; n++) {
    const numbered = `${last.slice(0, dot)}-${n}${last.slice(dot)}`;
    if (free(numbered)) return numbered;
  }
}

/**
 * The name a file is taken under: the spec the command line reads it by, its file's name, or `./name`
 * where the name alone names something else (a file named `brown:news` replaced the embedded Brown news
 * for the rest of the session, and the command line `--corpus brown:news` read the real one; `-` is
 * standard input: audit), or names a corpus of the page that no file dropped made (an embedded one, a paste).
 */
function fileCorpusName(fileName: string): string {
  const spec = specOfFile(fileName);
  return freeName(spec.startsWith('./') ? [spec] : [spec, `./${spec}`], droppedNames);
}

/** The name pasted text runs under: `pasted.txt`, or `pasted-2.txt`... where a file or an embedded corpus holds that name. */
function pastedName(): string {
  return freeName([PASTED], pastedNames);
}

/** Takes a text under `name` (a new version of it where the user brought it in before), and moves the settings to it. */
function addUserCorpus(name: string, kind: 'text' | 'jsonl', data: ArrayBuffer): void {
  corpora.set(name, { name, parts: [{ name, kind, encoding: 'bytes', data, bytes: data.byteLength }] });
  // (a new version of the text: rows made on the old one no longer match its name)
  page.userCorpora.set(name, (page.userCorpora.get(name) ?? 0) + 1);
  // A new text under a name already loaded (a second paste, another file of the same name) is loaded anew.
  markCorpusStale();
  refreshCorpusSelect();
  setState({ ...page.state, corpus: name });
}

/** The name pasted text runs under, unless a corpus the user did not paste holds it. */
const PASTED = 'pasted.txt';
/** The name the last paste runs under (the one "Save the text used as ..." saves). */
let pasted = PASTED;

async function takeFile(file: File): Promise<void> {
  // a file dropped during a run (the file input is disabled then, the drop zone is not a control): said,
  // not taken (it was ignored without a word: audit of the playground)
  if (page.running) {
    showCorpusNotice(`${file.name} was not taken: a run is under way (drop it again when the run ends, or press Stop first)`);
    return;
  }
  showMessage('corpus-error', '');
  const kind = file.name.toLowerCase().endsWith('.jsonl') ? 'jsonl' : 'text';
  const data = await file.arrayBuffer();
  const name = fileCorpusName(file.name);
  droppedNames.add(name);
  addUserCorpus(name, kind, data);
}

export function wireCorpusInputs(): void {
  $<HTMLSelectElement>('corpus-select').addEventListener('change', (event) => setState({ ...page.state, corpus: (event.target as HTMLSelectElement).value }));
  const input = $<HTMLInputElement>('file-input');
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file !== undefined) void takeFile(file);
  });
  wireDropZone();
  $('paste-use').addEventListener('click', () => {
    const text = $<HTMLTextAreaElement>('paste-text').value;
    pasted = pastedName();
    pastedNames.add(pasted);
    addUserCorpus(pasted, 'text', new TextEncoder().encode(text).buffer as ArrayBuffer);
    $('paste-save').textContent = `Save the text used as ${pasted}`;
    $('paste-save').hidden = false;
  });
  // The text the page runs as pasted.txt, saved under that name, so the command line, the --config file
  // and the link, which name it, run on it too (it existed nowhere but the page: audit).
  $('paste-save').addEventListener('click', () => {
    const part = corpora.get(pasted)?.parts[0];
    if (part?.encoding === 'bytes') saveBlob(new Blob([part.data], { type: 'text/plain' }), pasted);
  });
}

function wireDropZone(): void {
  const zone = $('drop-zone');
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    const files = event.dataTransfer?.files;
    // (several files dropped at once: the first was read, the others left without a word: audit)
    if (files !== undefined && files.length > 1 && !page.running) {
      showMessage('corpus-error', `ngram-collapse: ${files.length} files were dropped, and the page reads one corpus file at a time (drop one; the CLI reads several as one corpus: --corpus a.txt b.txt)`);
      return;
    }
    const file = files?.[0];
    if (file !== undefined) void takeFile(file);
  });
  // Dropping a file anywhere else must not navigate away from the page.
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', (event) => event.preventDefault());
}
