/**
 * Suggestions for a box that takes a list of names (strategy, smoothing, human pool, vocab: their
 * help lists the names, but the box took any text and offered none). `suggestNames(input, id, names)`
 * ties `input` to a <datalist> `id` of `names` (returned, for the caller to place beside it), and keeps it
 * suggesting the next name of a list as it is typed: after `replace,` it offers `replace,accumulate`
 * and the other names not yet listed. Nothing is checked or changed in what is typed (settingsCheck.ts checks).
 */

export function suggestNames(input: HTMLInputElement, id: string, names: readonly string[]): HTMLDataListElement {
  const list = document.createElement('datalist');
  list.id = id;
  input.setAttribute('list', id);
  const refill = (): void => {
    const typed = input.value;
    // (the white space typed after the last comma kept: a browser offers only options that hold what is typed: round-2 audit)
    const before = /^(?:.*,\s*)?/su.exec(typed)![0];
    const listed = new Set(before.split(',').map((name) => name.trim()));
    list.replaceChildren(...names.filter((name) => !listed.has(name)).map((name) => new Option(name, `${before}${name}`)));
  };
  input.addEventListener('input', refill);
  input.addEventListener('focus', refill); // (a value written by the page, a link or Reset, fires no input)
  refill();
  return list;
}
