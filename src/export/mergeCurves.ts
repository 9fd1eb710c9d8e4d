/**
 * mergeCurves: joins curves CSVs (the shards of one sweep, `--shard i/n`) into one, in canonical
 * order, checking that no row is missing or duplicated.
 *
 * Contract: every input must have the same header and no torn last line. Rows are keyed by (cell,
 * replicate, generation). The canonical order of cells comes from the inputs' run records
 * (`<csv>.run.json`) when all have one (some with and some without is refused): they must share the
 * sweep (the same identity, but for whether --extinctions were written), and the expected
 * rows (every cell x replicate 1..R x generation 0..G) must all be present; shards i/n must each
 * appear once. Without run records the order of cells is the one every file agrees on (each file
 * lists its cells in canonical order; ties in order of first appearance, named in `guessedOrder`:
 * the files do not fix that order, so the file may differ from an unsharded run's), and completeness means
 * every cell has the same replicates 1..R and every series the same generations 0..G. Rows of two
 * seeds (the `seed` column) are refused either way, and so are rows of one cell with two sets of
 * settings (its setting columns). Every row must have the header's fields, a whole replicate and
 * generation (as csvNumber reads them: no hex), and, in the tool's own
 * metric columns, what a curves CSV holds (checked as `plot` reads it); blank lines are skipped, and a
 * byte-order mark before the header dropped (csvLines.ts). Rows are copied byte for byte. Throws InputError naming the file and row at fault.
 */

import { InputError } from '../errors.js';
import { readCsvLines, splitCsvLine, type CsvLine } from './csvLines.js';
import { missingRows, runGridOf, type RowPlan } from './runGrid.js';
import { SETTING_COLUMNS } from './report/curveRow.js';
import { csvNumber } from './report/csvNumber.js';
import { curveTableFromRecords } from './report/curveTable.js';
import { METRIC_COLUMNS } from '../metrics/columns.js';
import { describeDifferences, makeRunRecord, runRecordPath, settingName, type RunRecord } from './runRecord.js';
import { largest } from '../stats/extremes.js';
import { quotedText } from '../validation/valueRule.js';

/** The tool's own metric columns: a shard's values there are checked as `plot` checks them. */
const OWN_METRICS: ReadonlySet<string> = new Set(METRIC_COLUMNS);

export interface MergeInput {
  readonly name: string;
  readonly content: Buffer;
  readonly record?: RunRecord;
}

export interface MergeResult {
  /** The whole file: header and rows, each line ending in '\n'. */
  readonly text: string;
  readonly rows: number;
  readonly series: number;
  /** The run record of the merged file (shard 1/1), when the inputs had records. */
  readonly record?: RunRecord;
  /** Without records: the cells whose order no file fixes (put in order of first appearance); else empty. */
  readonly guessedOrder: readonly string[];
}

interface Row {
  readonly cell: string;
  readonly replicate: number;
  readonly generation: number;
  /** The run's --seed, which every row of a run carries. */
  readonly seed: string;
  /** Its cell's settings as the row writes them ("order 3, smoothing mle, ..."): one set per cell. */
  readonly settings: string;
  readonly text: string;
  readonly file: string;
}

/** The curves CSVs `inputs` (shards of one run) joined in canonical order, checked as the header comment says; InputError otherwise. */
export function mergeCurves(inputs: readonly MergeInput[]): MergeResult {
  if (inputs.length === 0) throw new InputError('merge needs at least one CSV', "pass the shards' curves CSVs, a MergeInput each (its name and content)");
  let header: string | undefined;
  const rows: Row[] = [];
  const fileCellOrders: string[][] = [];
  for (const input of inputs) {
    const read = readInput(input, header, inputs[0]!.name);
    header = read.header;
    for (const row of read.rows) rows.push(row); // (not push(...rows): a shard of many rows is more arguments than a call takes)
    fileCellOrders.push(read.order);
  }
  refuseMixedSeeds(rows);
  refuseMixedSettings(rows);
  const records = inputs.map((input) => input.record);
  const withRecords = records.every((record): record is RunRecord => record !== undefined);
  refuseSomeRecords(inputs);
  // (the records first: shards of two sweeps share rows, which were then blamed as rows given twice: audit)
  const plan = withRecords ? expectedFromRecords(inputs, records) : expectedFromRows(rows, fileCellOrders);
  refuseRowsTwice(rows);
  const rank = new Map(plan.cells.map((cell, index) => [cell, index]));
  refuseRowsOutside(rows, plan, rank);
  refuseMissingRows(rows, plan);
  rows.sort((a, b) => rank.get(a.cell)! - rank.get(b.cell)! || a.replicate - b.replicate || a.generation - b.generation);
  const text = [header!, ...rows.map((row) => row.text)].join('\n') + '\n';
  return {
    text,
    rows: rows.length,
    series: plan.cells.length * plan.replicates,
    ...(withRecords ? { record: mergedRecord(records) } : {}),
    guessedOrder: plan.guessed,
  };
}

/**
 * One input's header line, its rows, and its cells in the order they appear; refuses a file with no
 * whole line, a partial last row, a header other than the first file's (`header`, from `firstName`),
 * no key columns, and rows checkRows refuses or whose replicate or generation is not a whole number.
 */
/** Where two headers part: the first column that differs, or the one only the longer has (a version's columns, or an edit by hand: it named only the version: audit). */
function headerDifference(first: readonly string[], other: readonly string[]): string {
  const at = first.findIndex((name, i) => other[i] !== name);
  if (at < 0) return `it has ${other.length - first.length} more column(s), the first ${other[first.length]!}`;
  if (at >= other.length) return `it lacks column ${at + 1}, ${first[at]!}`;
  return `its column ${at + 1} is ${other[at]!} where the first has ${first[at]!}`;
}

function readInput(input: MergeInput, header: string | undefined, firstName: string): { header: string; rows: Row[]; order: string[] } {
  const { lines, tornBytes } = readCsvLines(input.content);
  // (a header cut short is no empty file: it was called one: audit)
  if (lines.length === 0) throw new InputError(tornBytes > 0 ? `${input.name} has no whole line, not even a header` : `${input.name} is empty`, 'pass the CSV files written by ngram-collapse run');
  if (tornBytes > 0) throw new InputError(`${input.name} ends with a partial row`, 'finish that run first (--resume on the command line)');
  const head = lines[0]!;
  const [cellAt, replicateAt, generationAt, seedAt] = ['cell', 'replicate', 'generation', 'seed'].map((name) => head.fields.indexOf(name));
  // (before the headers are compared: an --extinctions file after a curves file was told to be of another version: audit)
  if (cellAt! < 0 || replicateAt! < 0 || generationAt! < 0) {
    throw new InputError(`${input.name} has no cell, replicate and generation columns`, 'pass curves CSVs written by ngram-collapse run');
  }
  if (header !== undefined && head.text !== header) {
    throw new InputError(`${input.name} has another header than ${firstName} (${headerDifference(splitCsvLine(header), head.fields)})`, 'merge only outputs of the same version of ngram-collapse, as written');
  }
  const settingsAt = head.fields.map((name, index) => (SETTING_COLUMNS.includes(name) ? index : -1)).filter((index) => index >= 0);
  const order: string[] = [];
  const rows: Row[] = [];
  // (blank lines, such as a trailing one an editor adds, are no rows; a row must have the header's fields)
  const body = lines.slice(1).filter((line) => line.text !== '');
  checkRows(input.name, head.fields, lines, body);
  for (const line of body) {
    const cell = line.fields[cellAt!]!;
    if (order[order.length - 1] !== cell) order.push(cell);
    const seed = seedAt! < 0 ? '' : line.fields[seedAt!]!;
    const settings = settingsAt.map((index) => `${head.fields[index]} ${line.fields[index]}`).join(', ');
    // (whole numbers; one outside the sweep is refused below, naming the row)
    const key = (column: string, at: number): number => wholeField(input.name, lines, line, column, at);
    rows.push({ cell, replicate: key('replicate', replicateAt!), generation: key('generation', generationAt!), seed, settings, text: line.text, file: input.name });
  }
  return { header: header ?? head.text, rows, order };
}

/** The whole number in `line`'s field `at` (csvNumber: no hex); InputError naming the file, line and `column` otherwise. */
function wholeField(name: string, lines: readonly CsvLine[], line: CsvLine, column: string, at: number): number {
  const value = csvNumber(line.fields[at]!);
  if (Number.isInteger(value)) return value;
  throw new InputError(`${name} line ${lines.indexOf(line) + 1}: ${column} ${quotedText(line.fields[at]!)} is not a whole number`, 'pass the CSV files written by ngram-collapse run');
}

/** Run records for every input or for none: some with and some without is refused. */
function refuseSomeRecords(inputs: readonly MergeInput[]): void {
  const without = inputs.find((input) => input.record === undefined);
  const other = inputs.find((input) => input.record !== undefined);
  if (without !== undefined && other !== undefined) {
    throw new InputError(
      `${without.name} has no run record (${runRecordPath(without.name)}) but ${other.name} has one`,
      "keep every shard's .run.json beside it: the records tell which run each shard is from (without any, merge infers the sweep from the rows)",
    );
  }
}

/** Refuses a row given twice. */
function refuseRowsTwice(rows: readonly Row[]): void {
  const seen = new Map<string, string>();
  for (const row of rows) {
    const key = rowKey(row);
    const other = seen.get(key);
    if (other !== undefined) {
      throw new InputError(`the row of ${describe(row)} appears twice (in ${other} and ${row.file})`, 'merge every shard once');
    }
    seen.set(key, row.file);
  }
}

/** Refuses a row of a cell, replicate or generation the plan does not have (`rank`: the plan's cells). */
function refuseRowsOutside(rows: readonly Row[], plan: Plan, rank: ReadonlyMap<string, number>): void {
  for (const row of rows) {
    if (!rank.has(row.cell) || row.replicate < 1 || row.replicate > plan.replicates || row.generation < 0 || row.generation > plan.generations) {
      throw new InputError(`${row.file} holds a row this sweep does not have (${describe(row)})`, 'merge only shards of one sweep');
    }
  }
}

/** Refuses fewer rows than the plan expects, naming the first missing one. */
function refuseMissingRows(rows: readonly Row[], plan: Plan): void {
  const { missing, expected, first } = missingRows(rows, plan);
  if (first === undefined) return;
  throw new InputError(`${missing} of ${expected} rows are missing, the first: ${describe(first)}${plan.note}`, 'run the missing shards (or finish them, --resume on the command line) and merge again');
}

/**
 * The merged file's record: shard 1/1 of the run, with --extinctions only if every shard wrote them;
 * its provenance is the first shard's, its command said to be that shard's (no one command wrote the merged file).
 */
function mergedRecord(records: readonly RunRecord[]): RunRecord {
  const first = records[0]!;
  const identity = { ...first.identity, extinctions: records.every((record) => record.identity.extinctions) };
  const provenance = first.provenance === undefined || first.shard === '1/1' ? first.provenance : { ...first.provenance, command: `merged from ${records.length} shard files; shard ${first.shard} ran: ${first.provenance.command}` };
  return makeRunRecord(identity, '1/1', first.corpus, provenance, first.seedCounts);
}

/**
 * Each row has the header's number of fields, and its values are what a curves CSV holds (the tool's
 * own metrics finite numbers or empty, generations whole numbers: curveTableFromRecords, as `plot`
 * reads them), checked before anything is written. Lines are numbered in the file.
 */
function checkRows(name: string, header: readonly string[], lines: readonly CsvLine[], body: readonly CsvLine[]): void {
  // (a second file's byte-order mark, if it had one, stands before its header inside the joined file)
  const again = body.find((line) => line.text.replace(/^\uFEFF/, '') === lines[0]!.text);
  if (again !== undefined) {
    throw new InputError(`${name} line ${lines.indexOf(again) + 1} repeats the header: files joined into one`, 'merge the shard files themselves, each an input of its own');
  }
  const short = body.find((line) => line.fields.length !== header.length);
  if (short !== undefined) {
    throw new InputError(`${name} line ${lines.indexOf(short) + 1} has ${short.fields.length} fields but the header has ${header.length}`, 'pass the CSV files written by ngram-collapse run');
  }
  // (a file without any of the tool's metric columns has no values to check: its rows are copied as they are)
  if (body.length === 0 || !header.some((column) => OWN_METRICS.has(column))) return;
  const lineNumber = new Map(lines.map((line, index) => [line, index + 1]));
  curveTableFromRecords(header, body.map((line) => line.fields), name, body.map((line) => lineNumber.get(line)!));
}

/**
 * The rows of one cell carry one set of settings (its setting columns): shards without run records
 * can only be told apart by them (a shard run with --order 2 among shards of --order 3).
 */
function refuseMixedSettings(rows: readonly Row[]): void {
  const first = new Map<string, Row>();
  for (const row of rows) {
    const seen = first.get(row.cell);
    if (seen === undefined) first.set(row.cell, row);
    else if (seen.settings !== row.settings) {
      // (one file named twice read as two: audit)
      const where = row.file === seen.file ? `two sets of settings in ${row.file}: ${row.settings}, and ${seen.settings}` : `other settings in ${row.file} (${row.settings}) than in ${seen.file} (${seen.settings})`;
      throw new InputError(`cell ${row.cell} has ${where}`, 'merge only shards of one sweep, run with the same settings');
    }
  }
}

/**
 * Every row of one run carries its seed (RunSettings.seed, the CSV's seed column): rows of two seeds are
 * two runs, whatever their records say. Named `seed`, the library's name (the CLI prints --seed: cliTerms.ts).
 */
function refuseMixedSeeds(rows: readonly Row[]): void {
  const other = rows.find((row) => row.seed !== rows[0]!.seed);
  if (other === undefined) return;
  const first = rows[0]!;
  // (rows of two seeds in one file were named as two files of one name: "s.csv was run with --seed abc, s.csv with --seed 42": audit)
  if (other.file === first.file) throw new InputError(`${first.file} holds rows of two seeds, seed ${first.seed} and seed ${other.seed}: rows of two runs`, 'merge only shards of one run, with one seed');
  throw new InputError(`${other.file} was run with seed ${other.seed}, ${first.file} with seed ${first.seed}`, 'merge only shards of one run, with one seed');
}

interface Plan extends RowPlan {
  readonly note: string;
  /** The cells put in order of first appearance because the files leave their order open. */
  readonly guessed: readonly string[];
}

function rowKey(row: Pick<Row, 'cell' | 'replicate' | 'generation'>): string {
  return `${row.cell}\u0000${row.replicate}\u0000${row.generation}`;
}

function describe(row: Pick<Row, 'cell' | 'replicate' | 'generation'>): string {
  return `cell ${row.cell}, replicate ${row.replicate}, generation ${row.generation}`;
}

function expectedFromRecords(inputs: readonly MergeInput[], records: readonly RunRecord[]): Plan {
  const first = records[0]!;
  records.forEach((record, i) => {
    // Whether a shard also wrote --extinctions changes no curve row. (Settings by the library's names,
    // humanRatio: the CLI prints --human-ratio, cliTerms.ts.)
    const differences = describeDifferences({ ...first.identity, extinctions: false }, { ...record.identity, extinctions: false }, settingName);
    if (differences.length > 0) {
      throw new InputError(`${inputs[i]!.name} comes from another run than ${inputs[0]!.name} (their run records differ: ${differences.join(', ')})`, 'merge only shards of one sweep, run with the same settings');
    }
  });
  const count = Number(first.shard.split('/')[1]);
  const shards = records.map((record) => record.shard);
  const absent = Array.from({ length: count }, (_, i) => `${i + 1}/${count}`).filter((shard) => !shards.includes(shard));
  return {
    ...runGridOf(first.identity.settings),
    note: absent.length === 0 ? '' : `; shard(s) ${absent.join(', ')} not given`,
    guessed: [],
  };
}

/** Cell order from the files' own orders (a topological merge), replicates and generations from the rows. */
function expectedFromRows(rows: readonly Row[], orders: readonly string[][]): Plan {
  const firstSeen: string[] = [];
  const after = new Map<string, Set<string>>();
  const before = new Map<string, number>();
  for (const order of orders) {
    order.forEach((cell, i) => {
      if (!after.has(cell)) {
        if (!before.has(cell)) before.set(cell, 0);
        after.set(cell, new Set());
        firstSeen.push(cell);
      }
      const next = order[i + 1];
      if (next !== undefined && !after.get(cell)!.has(next)) {
        after.get(cell)!.add(next);
        before.set(next, (before.get(next) ?? 0) + 1);
      }
    });
  }
  const cells: string[] = [];
  const guessed = new Set<string>();
  const ready = firstSeen.filter((cell) => before.get(cell) === 0);
  while (ready.length > 0) {
    // (two cells could come next: no file orders them)
    if (ready.length > 1) for (const cell of ready) guessed.add(cell);
    ready.sort((a, b) => firstSeen.indexOf(a) - firstSeen.indexOf(b));
    const cell = ready.shift()!;
    cells.push(cell);
    for (const next of after.get(cell)!) {
      before.set(next, before.get(next)! - 1);
      if (before.get(next) === 0) ready.push(next);
    }
  }
  if (cells.length !== firstSeen.length) throw new InputError('the files list their cells in contradicting orders', 'merge only shards of one sweep');
  return {
    cells,
    replicates: Math.max(0, largest(rows.map((row) => row.replicate))),
    generations: Math.max(0, largest(rows.map((row) => row.generation))),
    note: ' (without run records <csv>.run.json the expected rows are inferred from the files)',
    guessed: cells.filter((cell) => guessed.has(cell)),
  };
}
