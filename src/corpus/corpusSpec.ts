/**
 * corpusSpec: what a `--corpus` spec may name before any file is looked at. `-` is standard input;
 * `brown` and `brown:<category>` the built-in corpus, unless a file of that very name is in the
 * folder (loadCorpus reads the file then); any other spec is a path (a glob where it has wildcards and
 * no file of that very name exists: ./glob.ts). Pure: the playground asks it too.
 *
 * Contract: `isBrownSpec(spec)`; `namesItself(name)`, whether a file called `name` is read as itself
 * wherever its name is given as a spec (not `-`, always standard input, nor `brown` or `brown:...`,
 * the built-in corpus wherever no such file is present); `specOfFile(name)`, the spec that reads a file
 * of that name in the current folder in every case: the name, or `./name` where the name alone may be
 * read as something else.
 */

/** The spec of standard input. */
export const STANDARD_INPUT_SPEC = '-';

/** True if `spec` names the built-in corpus (`brown` or `brown:<category>`). */
export function isBrownSpec(spec: string): boolean {
  return spec === 'brown' || spec.startsWith('brown:');
}

export function namesItself(name: string): boolean {
  return name !== STANDARD_INPUT_SPEC && !isBrownSpec(name);
}

export function specOfFile(name: string): string {
  return namesItself(name) ? name : `./${name}`;
}
