/**
 * runRecipe: loads the corpus, runs a recipe (recipes/collectRecipe.ts, which returns data and writes
 * nothing) and writes its outputs into one folder: the CLI's side of a recipe, the only one touching files.
 *
 * Contract: checks first, before any work, that `out` is a writable folder or can be created, and
 * that none of the files it always writes there is a folder (nor `figures` a file); once the recipe has
 * run, before writing anything, the same for every file it is about to write (InputError otherwise);
 * then writes into it: `curves.csv` (the curves CSV of every cell, as `run`
 * writes it), `sentence-perplexities.csv` when the recipe records them, each table of the recipe,
 * `findings.json` and `findings.md` (claim, sources, the command, every check with its numbers and
 * verdict, notes), `report.html` (the report machinery's page with the findings and the recipe's own
 * charts on top) and `figures/` (one SVG per metric, the survival bands, and each recipe chart).
 * findings.json lists every file of the run (`files`); before writing, the files an earlier run's
 * findings.json there lists are removed (files inside the folder only, links followed to tell: folders
 * and anything a linked folder leads to are left). The files are
 * written one step at a time; when `options.signal` aborts, the steps left are not run and are
 * returned as `unwritten`. Resolves to the findings and the paths written. The recipe's scale defaults
 * to its own; each of its runs passes run's --max-tokens guards before any work.
 */

import { InputError, UsageError } from '../errors.js';
import { RECIPES } from '../recipes/registry.js';
import { makeFolder } from '../export/makeFolder.js';
import { writeWholeFile } from '../export/wholeFile.js';
import { lstatSync, readFileSync, realpathSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { loadCorpus, refuseStandardInputNamedTwice, type LoadOptions } from '../corpus/loadCorpus.js';
import { DEFAULT_LOAD_OPTIONS } from '../corpus/loadOptions.js';
import { fixedTokenizerWarnings } from '../corpus/cutLetters.js';
import { parseSubword } from '../corpus/subword/subwordNames.js';
import { namesStandardInput, standardInputIsStream } from '../corpus/standardInput.js';
import { openCsv } from '../export/csvFile.js';
import { CURVE_COLUMNS, curveRecord } from '../export/curveRecord.js';
import { checkFolderEntries, checkWritableFolder } from '../export/outputPaths.js';
import { corpusGuard } from './outputPaths.js';
import { writeInTurn, type OutputStep } from './outputSteps.js';
import { openSentencePerplexityCsv } from '../export/sentencePerplexityCsv.js';
import type { TokenizerName } from '../corpus/tokenizers.js';
import { learningOnHuman } from '../simulation/holdoutSplit.js';
import { checkRecipeCorpus, checkRecipeTokens } from '../recipes/recipeGuards.js';
import { wordViewSpec } from '../simulation/preparedRun.js';
import { DEFAULT_SHARED } from '../simulation/settings.js';
import { collectRecipeAsync, recipeSeries, type CollectOptions } from '../recipes/collectRecipe.js';
import { recipeCommandLine } from '../recipes/recipeCommand.js';
import { observedText, oneReplicateCaveat, verdictCount, verdictOf, type Finding, type Recipe, type RecipeData, type RecipeScale } from '../recipes/recipe.js';

export interface RunRecipeOptions {
  readonly out: string;
  /** Folder against which a relative `out` resolves (the CLI's io.cwd). */
  readonly cwd: string;
  readonly corpus?: readonly string[];
  readonly generations?: number;
  readonly replicates?: number;
  readonly seed?: number;
  readonly load?: Partial<LoadOptions>;
  /** The command line that reproduces this run, for findings.md (default: built from the options). */
  readonly command?: string;
  readonly onProgress?: (done: number, total: number, cell: string) => void;
  readonly warn?: (message: string) => void;
  /**
   * Stops the recipe: between two generations while it runs (RecipeStoppedError, nothing written, the
   * folder as it was), or between two files while it writes (`unwritten` lists the rest).
   */
  readonly signal?: AbortSignal;
}

/** A recipe stopped by its signal before it had run: nothing was written, the folder is as it was. */
export class RecipeStoppedError extends Error {
  constructor(recipe: string) {
    super(`recipe ${recipe} was stopped while it ran, before it wrote anything`);
    this.name = 'RecipeStoppedError';
  }
}

export interface RecipeOutcome {
  readonly findings: readonly Finding[];
  readonly written: readonly string[];
  readonly data: RecipeData;
  readonly command: string;
  /** The files not written, when the options' signal stopped the writing (empty when all were). */
  readonly unwritten: readonly string[];
}

export async function runRecipe(recipe: Recipe, options: RunRecipeOptions): Promise<RecipeOutcome> {
  // (resolved against options.cwd, where it was checked, not the process's own folder)
  const out = checkWritableFolder(options.out, options.cwd, '--out');
  const corpusSpecs = options.corpus ?? recipe.defaultCorpus;
  const notCorpus = corpusGuard(corpusSpecs, options.cwd);
  // (none of them a corpus file: `--corpus rq/findings.md --out rq` replaced the corpus: audit)
  const checkEntries = (entries: readonly string[]): void => {
    checkFolderEntries(out, options.out, entries, '--out');
    for (const entry of entries) if (!entry.endsWith('/')) notCorpus(join(out, entry), '--out', join(options.out, entry));
  };
  checkEntries(['curves.csv', 'findings.json', 'findings.md', 'report.html', 'figures/']);
  const scale: RecipeScale = {
    generations: options.generations ?? recipe.defaults.generations,
    replicates: options.replicates ?? recipe.defaults.replicates,
    seed: options.seed ?? DEFAULT_SHARED.seed,
  };
  const command = options.command ?? recipeCommandLine(recipe, corpusSpecs, scale);
  // The --max-tokens guards of `run`, for each of the recipe's runs: before the corpus is read, then on it.
  checkRecipeTokens(recipe, scale, options.load?.maxTokens);
  const signal = options.signal ?? new AbortController().signal;
  const data = await collectData(recipe, corpusSpecs, scale, options, signal);
  if (data === undefined) throw new RecipeStoppedError(recipe.name);
  const findings = recipe.findings(data);
  const records = data.rows.map((row) => curveRecord(row, scale.seed));
  // Loaded here: the report code, which `recipe list` does not need (Vega comes at the first chart).
  const { recipeReportFiles, writeRecipeReport } = await import('./recipeReport.js');
  const tables = recipe.tables?.(data) ?? [];
  const perplexities = data.sentencePerplexities.length > 0 ? ['sentence-perplexities.csv'] : [];
  const reportFiles = recipeReportFiles(recipe, data, records);
  checkEntries([...perplexities, ...tables.map((table) => table.file), ...reportFiles]);

  // (a signal as the simulation ended: the earlier run's files were removed, and nothing written: audit)
  if (signal.aborted) throw new RecipeStoppedError(recipe.name);
  makeFolder(out);
  const at = (file: string) => join(out, file);
  const files = ['findings.json', 'findings.md', 'curves.csv', ...perplexities, ...tables.map((table) => table.file), ...reportFiles.filter((file) => !file.endsWith('/'))];
  // One run's files in the folder: an earlier run's (another recipe's, another seed's) go first, so an
  // interrupted writing leaves this run's files and no one else's.
  // (but a corpus file, which a later run may have been given from there: it was removed: audit)
  for (const file of earlierRunFiles(out)) if (!isCorpusInput(notCorpus, at(file))) removeFileInside(out, at(file));
  const report = findingsReport(recipe, { command, corpus: corpusSpecs, scale, findings, files });
  const written: string[] = [];
  // (each step one whole file, or the report and its figures, each whole)
  const file = (name: string, write: () => Promise<void>): OutputStep => ({ output: name, write: async () => { await write(); written.push(at(name)); } });
  const steps: OutputStep[] = [
    file('findings.json', () => writeWholeFile(at('findings.json'), `${JSON.stringify(report, null, 2)}\n`)),
    file('findings.md', () => writeWholeFile(at('findings.md'), findingsMarkdown(recipe, findings, command, scale.replicates))),
    file('curves.csv', () => writeTable(at('curves.csv'), CURVE_COLUMNS, records)),
    ...perplexities.map((name) => file(name, () => writeSentencePerplexities(at(name), data))),
    ...tables.map((table) => file(table.file, () => writeTable(at(table.file), table.header, table.records))),
    { output: 'report.html, figures/', write: async () => void written.push(...(await writeRecipeReport(recipe, data, findings, records, { out, command }))) },
  ];
  const unwritten = await writeInTurn(steps, signal);
  return { findings, written, data, command, unwritten };
}

/** The recipe's data, on the corpus or once per tokenizer of its own, with its progress and warnings passed on; undefined once `signal` aborted. */
async function collectData(recipe: Recipe, corpusSpecs: readonly string[], scale: RecipeScale, options: RunRecipeOptions, signal: AbortSignal): Promise<RecipeData | undefined> {
  const collect = options.onProgress === undefined && options.warn === undefined
    ? {}
    : { ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }), ...(options.warn === undefined ? {} : { warn: options.warn }) };
  return recipe.tokenizers === undefined
    ? await collectOnCorpus(recipe, corpusSpecs, options.load ?? {}, scale, collect, signal)
    : await collectPerTokenizer(recipe, recipe.tokenizers, readOnceAsStandardInput(corpusSpecs, options.cwd, recipe.name), options.load ?? {}, scale, collect, signal);
}

/** What findings.json holds: the recipe, how it was run, each finding with its verdict, the caveat, the notes and the files. */
function findingsReport(recipe: Recipe, run: { command: string; corpus: readonly string[]; scale: RecipeScale; findings: readonly Finding[]; files: readonly string[] }) {
  const { command, corpus, scale, findings, files } = run;
  const caveat = oneReplicateCaveat(scale.replicates);
  return { recipe: recipe.name, title: recipe.title, claim: recipe.claim, sources: recipe.sources, command, corpus, ...scale, findings: findings.map((finding) => ({ ...finding, verdict: verdictOf(finding) })), ...(caveat === undefined ? {} : { caveat }), notes: recipe.notes ?? [], files };
}

async function writeTable(path: string, header: readonly string[], records: Iterable<readonly string[]>): Promise<void> {
  const writer = openCsv(path, header, { whole: true, label: 'a file of the recipe, at' });
  for (const record of records) writer.write(record);
  await writer.close();
}

async function writeSentencePerplexities(path: string, data: RecipeData): Promise<void> {
  const writer = openSentencePerplexityCsv(path, { whole: true });
  for (const one of data.sentencePerplexities) writer.write(one.cell, one.replicate, one.generation, one.values);
  await writer.close();
}

/**
 * The files an earlier recipe run wrote into `out`, as its findings.json lists them (`files`, paths
 * inside the folder); none when there is no such list.
 */
function earlierRunFiles(out: string): string[] {
  const findings = join(out, 'findings.json');
  // (a regular file only: a link to /dev/zero or /dev/full was read without end, and the process
  // aborted out of memory, exit 134 and no line: audit)
  if (statSync(findings, { throwIfNoEntry: false })?.isFile() !== true) return [];
  let earlier: { recipe?: unknown; files?: unknown };
  try {
    earlier = JSON.parse(readFileSync(findings, 'utf8')) as { recipe?: unknown; files?: unknown };
  } catch {
    return [];
  }
  // A recipe's own findings.json, and the names a recipe writes: a findings.json of anyone else's that
  // listed notes.txt and data/keep.csv had them removed (audit).
  if (typeof earlier !== 'object' || earlier === null || !RECIPES.some((recipe) => recipe.name === earlier.recipe) || !Array.isArray(earlier.files)) return [];
  return earlier.files.filter((file): file is string => typeof file === 'string' && RECIPE_FILE.test(file));
}

/** The names a recipe writes in its folder: findings, tables and the report at the top, figures in figures/. */
const RECIPE_FILE = /^(?:[\w.-]+\.(?:csv|md|json|html)|figures\/[\w.-]+\.svg)$/u;

/** `read()`, its InputError said as the reading with one of the recipe's tokenizers (the --max-tokens refusal of bpe:500 named neither: audit). */
async function asTokenizers<T>(recipe: Recipe, tokenizer: TokenizerName, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`recipe ${recipe.name} reads the corpus with ${tokenizer}: ${error.message}`, error.hint);
    throw error;
  }
}

/** Whether `path` is one of the corpus's files (corpusGuard's refusal of it as an output). */
function isCorpusInput(notCorpus: ReturnType<typeof corpusGuard>, path: string): boolean {
  try {
    notCorpus(path, '--out');
    return false;
  } catch (error) {
    if (error instanceof InputError) return true;
    throw error;
  }
}

/**
 * Removes a file (or a link) that is there and stands in `folder` itself, its parent followed through
 * any link (a listed `shared/x` with `shared` a link to another folder is that folder's file: left);
 * leaves a folder.
 */
function removeFileInside(folder: string, path: string): void {
  const entry = lstatSync(path, { throwIfNoEntry: false });
  if (entry === undefined || entry.isDirectory()) return;
  const root = realpathSync(folder);
  const parent = realpathSync(dirname(path));
  if (parent !== root && !parent.startsWith(root + sep)) return;
  unlinkSync(path);
}

/** A recipe on the corpus as loaded (bpe:K learned on the recipe's H, as `run` learns it on the run's). */
async function collectOnCorpus(recipe: Recipe, specs: readonly string[], load: Partial<LoadOptions>, scale: RecipeScale, options: CollectOptions, signal: AbortSignal): Promise<RecipeData | undefined> {
  const split = recipe.runs(scale)[0]!;
  const { vocabulary, corpus } = await loadCorpus(specs, { ...load, ...learningOnHuman(load.tokenizer, split) });
  checkRecipeCorpus(recipe, scale, corpus, load.maxTokens);
  const words = wordViewSpec(load.tokenizer ?? DEFAULT_LOAD_OPTIONS.tokenizer, vocabulary);
  return collectRecipeAsync(recipe, corpus, vocabulary.size, scale, { ...options, ...(words === undefined ? {} : { words }) }, signal);
}

/**
 * A recipe that compares tokenizers: its runs on the corpus read with each tokenizer in turn (bpe:K
 * learned on H), rows and cells renamed `tokenizer=NAME/<cell>`, each cell's seed reference kept
 * (`referenceOf`: H in that tokenizer's tokens); the other data are the first's.
 */
async function collectPerTokenizer(
  recipe: Recipe,
  tokenizers: readonly TokenizerName[],
  specs: readonly string[],
  load: Partial<LoadOptions>,
  scale: RecipeScale,
  options: CollectOptions,
  signal: AbortSignal,
): Promise<RecipeData | undefined> {
  const split = recipe.runs(scale)[0]!;
  const parts: RecipeData[] = [];
  // (standard input can be read once: the first reading keeps its pieces, and the others read those;
  // given by a name too, a redirected file was counted twice, the readings' stream not being fd 0: audit)
  refuseStandardInputNamedTwice(specs, load);
  const piped = specs.includes('-') ? recordedStdin(load.stdin ?? process.stdin) : undefined;
  // Every tokenizer's corpus is read and guarded before any is simulated (a later one past --max-tokens
  // was refused after the first ones had run)
  const loaded = [];
  // (a warning about letters cut out of words advised another --tokenizer, which the recipe refuses, and
  // came once per merge budget of bpe:K, whose pre-tokenizer is the word model's: last note's list)
  const onWarning = load.onWarning === undefined ? {} : { onWarning: fixedTokenizerWarnings(fixedTokenizerAdvice(recipe.name, tokenizers), load.onWarning) };
  for (const [index, tokenizer] of tokenizers.entries()) {
    const stdin = piped === undefined ? {} : { stdin: index === 0 ? piped.first : Readable.from(piped.pieces) };
    const { vocabulary, corpus } = await asTokenizers(recipe, tokenizer, () => loadCorpus(specs, { ...load, ...recipe.load, tokenizer, ...learningOnHuman(tokenizer, split), ...stdin, ...onWarning }));
    checkRecipeCorpus(recipe, scale, corpus, load.maxTokens);
    // (a signal while the tokenizers read the corpus in turn: heard after each, not after all: audit)
    if (signal.aborted) return undefined;
    loaded.push({ tokenizer, vocabulary, corpus });
  }
  // Progress counts every tokenizer's series together (it started again at 1 for each: audit); each
  // tokenizer runs the same runs.
  const each = recipeSeries(recipe.runs(scale));
  let before = 0;
  const onProgress = options.onProgress;
  const progress: Pick<CollectOptions, 'onProgress'> = onProgress === undefined ? {} : { onProgress: (done, _total, cell) => onProgress(before + done, each * loaded.length, cell) };
  for (const { tokenizer, vocabulary, corpus } of loaded) {
    const words = wordViewSpec(tokenizer, vocabulary);
    const renameCell = (id: string): string => `tokenizer=${tokenizer}${id === 'default' ? '' : `/${id}`}`;
    const part = await collectRecipeAsync(recipe, corpus, vocabulary.size, scale, { ...options, ...progress, renameCell, ...(words === undefined ? {} : { words }) }, signal);
    if (part === undefined) return undefined;
    before += each;
    parts.push(part);
  }
  const cells = parts.flatMap((part) => part.cells).map((cell, index) => ({ ...cell, index }));
  const byId = new Map(cells.map((cell) => [cell.id, cell]));
  const references = new Map(parts.flatMap((part) => part.cells.map((cell) => [cell.id, part.run.reference] as const)));
  return {
    ...parts[0]!,
    referenceOf: (cell) => references.get(cell) ?? parts[0]!.run.reference,
    rows: parts.flatMap((part) => part.rows.map((row) => ({ ...row, cell: byId.get(row.cell.id)! }))),
    cells,
    survival: parts.flatMap((part) => part.survival),
    sentencePerplexities: parts.flatMap((part) => part.sentencePerplexities),
  };
}

/**
 * What a warning about letters cut out of words says in a recipe over `tokenizers`, which the user
 * cannot change: which of its models see letters where there were words, and the way to the loop on
 * the text's words.
 */
function fixedTokenizerAdvice(recipe: string, tokenizers: readonly TokenizerName[]): string {
  const bytes = tokenizers.filter((tokenizer) => parseSubword(tokenizer)?.kind === 'published');
  const words = tokenizers.filter((tokenizer) => !bytes.includes(tokenizer));
  const kept = bytes.length === 0 ? '' : `its ${listed(bytes)} ${bytes.length === 1 ? 'model keeps' : 'models keep'} the letters of every script in words; `;
  return `recipe ${recipe} reads the corpus with its own tokenizers: on this text its ${listed(words)} ${words.length === 1 ? 'model sees' : 'models see'} these words cut (${kept}the loop on the whole words: run --tokenizer whitespace)`;
}

/** "a", "a and b", "a, b and c". */
function listed(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

/**
 * The specs of a recipe that reads its corpus once per tokenizer, where a pipe can be read once: a name
 * of standard input that is a pipe (`--corpus /dev/stdin`) is read as `-`, whose pieces are kept for
 * the other readings; any other pipe or socket by name (`--corpus <(cat a.txt)`) is refused (each
 * reading after the first found it empty: "holds no tokens", audit).
 */
function readOnceAsStandardInput(specs: readonly string[], cwd: string, recipe: string): string[] {
  const stream = (spec: string): boolean => {
    const stats = spec === '-' ? undefined : statSync(resolve(cwd, spec), { throwIfNoEntry: false });
    return stats?.isFIFO() === true || stats?.isSocket() === true;
  };
  const read = specs.map((spec) => (stream(spec) && standardInputIsStream() && namesStandardInput(resolve(cwd, spec)) ? '-' : spec));
  const pipe = read.find(stream);
  if (pipe !== undefined) throw new UsageError(`recipe ${recipe} reads its corpus once per tokenizer, and --corpus ${pipe} is a pipe, which can be read once`, 'save the text to a file and pass that, or pipe it into standard input and pass --corpus -');
  if (read.filter((spec) => spec === '-').length > 1) throw new UsageError('standard input (-) is given twice as a corpus', 'pass - once');
  return read;
}

/**
 * Standard input for the first reading (`first`), keeping each piece as that reading takes it
 * (`pieces`, read again in the same pieces by the others): the loader stops at --max-tokens as it
 * reads, so no more is kept than it would read. Undefined for a terminal (the loader refuses it).
 */
function recordedStdin(stdin: Readable): { first: Readable; pieces: Buffer[] } | undefined {
  if ((stdin as { isTTY?: boolean }).isTTY === true) return undefined;
  const pieces: Buffer[] = [];
  const first = stdin.pipe(
    new Transform({
      transform(piece: Buffer | string, _encoding, done) {
        pieces.push(typeof piece === 'string' ? Buffer.from(piece) : piece);
        done(null, piece);
      },
    }),
  );
  stdin.once('error', (error) => first.destroy(error)); // (a pipe does not pass its source's error on)
  return { first, pieces };
}

export { recipeCommandLine } from '../recipes/recipeCommand.js';

export function findingsMarkdown(recipe: Recipe, findings: readonly Finding[], command: string, replicates: number): string {
  const lines = [
    `# ${recipe.name}: ${recipe.title}`,
    '',
    `**Claim.** ${recipe.claim}`,
    '',
    `**Source.** ${recipe.sources.join('; ')}`,
    '',
    '**Command.**',
    '',
    '```sh',
    command,
    '```',
    '',
    `**Findings** (${verdictCount(findings)}; numbers are means over replicates unless a check says otherwise: pooled or counted over all replicates):`,
    '',
    '| check | expected | observed | verdict |',
    '|---|---|---|---|',
    ...findings.map((finding) => `| ${cell(finding.name)} | ${cell(finding.expected)} | ${cell(observedText(finding))} | ${verdictOf(finding) === 'holds' ? 'holds' : `**${verdictOf(finding)}**`} |`),
    '',
  ];
  const caveat = oneReplicateCaveat(replicates);
  if (caveat !== undefined) lines.push(`**${caveat}**`, '');
  if ((recipe.notes ?? []).length > 0) lines.push('**Notes.**', '', ...(recipe.notes ?? []).map((note) => `- ${note}`), '');
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
