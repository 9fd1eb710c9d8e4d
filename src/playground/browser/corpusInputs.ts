/**
 * The corpus a user chooses or brings in: the corpus list, a file chosen or dropped (one at a time),
 * pasted text. A text brought in becomes a corpus of the page under its file's name (`pasted.txt`
 * for a paste), counted as a new version of that name, and the settings move to it. Nothing is
 * taken during a run (a file dropped then is named as not taken); a file dropped elsewhere on the page
 * never navigates away.
 */

import { specOfFile } from '../../corpus/corpusSpec.js';
import { corpora, markCorpusStale, refreshCorpusSelect, showCorpusNotice } from './corpusLoad.js';
import { saveBlob } from './downloads.js';
import { $, showMessage } from './elements.js';
import { page } from './pageState.js';
import { setState } from './settingsState.js';

/**
 * Takes a text under the spec the command line reads it by: its file's name, or `./name` where the
 * name alone names something else (a file named `brown:news` replaced the embedded Brown news for the
 * rest of the session, and the command line `--corpus brown:news` read the real one; `-` is standard
 * input: audit).
 */
function addUserCorpus(fileName: string, kind: 'text' | 'jsonl', data: ArrayBuffer): void {
  const name = specOfFile(fileName);
  corpora.set(name, { name, parts: [{ name, kind, encoding: 'bytes', data, bytes: data.byteLength }] });
  // (a new version of the text: rows made on the old one no longer match its name)
  page.userCorpora.set(name, (page.userCorpora.get(name) ?? 0) + 1);
  // A new text under a name already loaded (a second paste, another file of the same name) is loaded anew.
  markCorpusStale();
  refreshCorpusSelect();
  setState({ ...page.state, corpus: name });
}

/** The name pasted text runs under. */
const PASTED = 'pasted.txt';

async function takeFile(file: File): Promise<void> {
  // a file dropped during a run (the file input is disabled then, the drop zone is not a control): said,
  // not taken (it was ignored without a word: audit of the playground)
  if (page.running) {
    showCorpusNotice(`${file.name} was not taken: a run is under way (drop it again when the run ends, or press Stop first)`);
    return;
  }
  showMessage('corpus-error', '');
  const kind = file.name.toLowerCase().endsWith('.jsonl') ? 'jsonl' : 'text';
  addUserCorpus(file.name, kind, await file.arrayBuffer());
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
    addUserCorpus(PASTED, 'text', new TextEncoder().encode(text).buffer as ArrayBuffer);
    $('paste-save').hidden = false;
  });
  // The text the page runs as pasted.txt, saved under that name, so the command line, the --config file
  // and the link, which name it, run on it too (it existed nowhere but the page: audit).
  $('paste-save').addEventListener('click', () => {
    const part = corpora.get(PASTED)?.parts[0];
    if (part?.encoding === 'bytes') saveBlob(new Blob([part.data], { type: 'text/plain' }), PASTED);
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
