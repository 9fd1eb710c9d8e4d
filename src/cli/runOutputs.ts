/**
 * The output paths of `run`, checked before any work: each file can be written and is not a corpus
 * input (nor, for `--save-corpora`, a folder holding one); no two outputs (the run record
 * `<out>.run.json` among them) are the same file, nor is one the `--config` file; at most one output
 * goes to standard output; `--resume` needs files and cannot continue `--survival` or
 * `--sentence-perplexities`; `--save-corpora` is a folder (or can be one); `--report` is a file.
 * Returns absolute paths (`-` stays `-`); throws UsageError / InputError.
 */

import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { cellFolder, corpusFilePath, filesToClear, humanFilePath, isCorpusFolderEntry, manifestName, otherManifests, seriesFolder, shardShare, shardTag } from '../export/corpusFiles.js';
import { isLink } from '../corpus/isLink.js';
import { isSpecialFile } from '../export/wholeFile.js';
import { namedFile } from '../corpus/namedFile.js';
import { runRecordPath } from '../export/runRecord.js';
import { seriesTasks } from '../simulation/seriesTask.js';
import { shardTasks } from '../simulation/shard.js';
import { asOutput, checkDistinctOutputs, checkFileName, checkFolderEntries, checkFolderName, checkRemovable, checkFolderHoldsNoCorpus, checkOneStandardOutput, checkStandardOutputNotCorpus, checkTextsNotRead, checkWritable, checkWritableFolder, CORPUS_INPUT, corpusGuard, corpusReach, recordFiles, standardOutputFile, standardOutputIs, standardOutputNamed, namesStandardOutput, type NamedFile } from './outputPaths.js';
import { configOnStandardOutput, type RunConfig } from './runConfig.js';

export interface RunOutputs {
  readonly out: string;
  readonly summary?: string;
  readonly extinctions?: string;
  readonly survival?: string;
  readonly corpora?: string;
  readonly report?: string;
  readonly sentencePerplexities?: string;
  /** The curves file its run record goes beside (`<file>.run.json`): --out, also when it names standard output's own file (recordFiles); none for `-`, or a device. */
  readonly recordBeside?: string;
  /** An earlier run record the run removes: beside --out named as standard output's file, appended to (recordFiles). */
  readonly staleRecord?: string;
}

/** The CSV outputs that may go to standard output (`-`; one at most): a run that writes one there prints its table on stderr. */
export function csvOutputs(outputs: Pick<RunOutputs, 'out' | 'summary' | 'extinctions' | 'sentencePerplexities' | 'survival'>): Array<string | undefined> {
  return [outputs.out, outputs.summary, outputs.extinctions, outputs.sentencePerplexities, outputs.survival];
}

export function checkRunOutputs(config: RunConfig, cwd: string): RunOutputs {
  const reach = corpusReach(config.corpus, cwd);
  const notCorpus = corpusGuard(config.corpus, cwd, CORPUS_INPUT, reach);
  const writable = writableOutput(config, cwd, notCorpus);
  const out = writable(config.out, '--out', true)!;
  const { recordBeside, staleRecord } = checkRecordPlace(config, out, cwd, notCorpus);
  const summary = writable(config.summary, '--summary');
  const extinctions = writable(config.extinctions, '--extinctions', true);
  const sentencePerplexities = writable(config.sentencePerplexities, '--sentence-perplexities', true);
  const survival = writable(config.survival, '--survival');
  // (as given: one named as standard output's file and `-` are refused below as the same file, which says more)
  checkOneStandardOutput(csvOutputs(config));
  // (the table goes to standard output, or stderr beside a CSV there, which is checked above: `>> c.txt` appended it to the corpus: audit)
  if (!config.quiet) checkPrintsNotOnInputs(config, cwd);
  checkResumeTargets(config, out, extinctions);
  const corpora = config.saveCorpora === undefined ? undefined : checkCorporaFolder(config.saveCorpora, cwd);
  const corporaEntries = corpora === undefined ? [] : checkSeriesFolders(corpora, config);
  if (corpora !== undefined) {
    // (every text it writes, through links: only human.txt and cell 1's first text were tried, and a
    // corpus link to cell-2, a glob of generation-2.txt or one of *.json read the others: audit)
    checkTextsNotRead(corpora, savedTextNames(config), reach, cwd, '--save-corpora');
    checkFolderHoldsNoCorpus(corpora, config.corpus, cwd, '--save-corpora');
  }
  const report = writable(config.report, '--report', false, false);
  checkReportAlone(config, cwd, report, [out, summary, extinctions, sentencePerplexities, survival]);
  const outputs = { out, summary, extinctions, survival, corpora, report, sentencePerplexities, recordBeside, staleRecord };
  checkNoOutputTwice(config, cwd, outputs, corporaEntries, notCorpus);
  return presentOutputs(outputs);
}

/** Every output path checkRunOutputs found, absent ones undefined. */
type OutputPaths = Readonly<Record<keyof RunOutputs, string | undefined>>;

/**
 * The check of one output path (checkWritable, then not a corpus input): its absolute path, `-` for
 * standard output; a CSV named as standard output's own file or pipe is `-` (the curves, the extinctions
 * and the sentence perplexities are streamed: written in place, `inPlace`; the others whole).
 */
function writableOutput(config: RunConfig, cwd: string, notCorpus: ReturnType<typeof corpusGuard>): (path: string | undefined, flag: string, inPlace?: boolean, csv?: boolean) => string | undefined {
  // (a refusal offers `-` only while no CSV output is there: `--out - --summary /dev/tty` without a terminal was offered it: audit)
  const standardOutputFree = !csvOutputs(config).includes('-');
  return (path, flag, inPlace = false, csv = true) => {
    if (path === undefined) return undefined;
    const absolute = checkWritable(csv ? standardOutputNamed(path, cwd) : path, cwd, flag, { inPlace, standardOutput: csv && standardOutputFree });
    notCorpus(absolute, flag, path, inPlace);
    return absolute;
  };
}

/**
 * The run record's place, checked: beside the curves file `out` (one named as standard output's file,
 * `--out x.csv > x.csv`, too: an earlier run's record there described other curves, audit), writable
 * since a fresh run empties --out before writing it, which must not then fail; and a stale record removable.
 */
function checkRecordPlace(config: RunConfig, out: string, cwd: string, notCorpus: ReturnType<typeof corpusGuard>): { recordBeside: string | undefined; staleRecord: string | undefined } {
  const { beside: recordBeside, stale: staleRecord } = recordFiles(out, config.out, cwd);
  if (recordBeside !== undefined) {
    const record = checkWritable(runRecordPath(recordBeside), cwd, `the run record of --out ${config.out}:`);
    // (a link to a corpus file there: the record was written over the corpus: audit; named where it is,
    // beside the file standard output goes to for `--out /dev/stdout > o.csv`, not /dev/stdout.run.json)
    notCorpus(record, `the run record of --out ${config.out}:`, recordBeside === resolve(cwd, config.out) ? runRecordPath(config.out) : relative(cwd, record));
  }
  if (staleRecord !== undefined) checkRemovable(dirname(staleRecord), config.out, [staleRecord], '--out', "an earlier run's record, which no longer describes the file standard output appends to");
  return { recordBeside, staleRecord };
}

/** What --resume continues must be resumable (checkResumable) and files, not devices or FIFOs. */
function checkResumeTargets(config: RunConfig, out: string, extinctions: string | undefined): void {
  checkResumable(config, { out, ...(extinctions === undefined ? {} : { extinctions }) });
  const device = config.resume ? deviceOutput(config, { out, extinctions }) : undefined;
  // (a resumed --extinctions /dev/null ended in a raw EINVAL from ftruncate: audit)
  if (device !== undefined) throw new UsageError(`--resume needs ${device} to be a file it can continue, and it is a device or a FIFO`, 'rerun the whole run without --resume');
}

/** --report is a file, and not on standard output beside a CSV output (`csvPaths`) there. */
function checkReportAlone(config: RunConfig, cwd: string, report: string | undefined, csvPaths: ReadonlyArray<string | undefined>): void {
  if (report === '-') refuseReportOnStandardOutput();
  // (a report named as what standard output goes to, /dev/stdout, is written there: the curves CSV there too
  // put both down one stream)
  // (on a terminal too, where /dev/stdout stays a name: the CSV and the page both went there, exit 0: audit)
  if (report !== undefined && namesStandardOutput(report, cwd) && csvPaths.some((path) => path !== undefined && namesStandardOutput(path, cwd))) {
    throw new UsageError(`only one output can go to standard output (-), and --report ${config.report} goes there`, 'give the other outputs file names');
  }
}

/** No two outputs (the run record and the --save-corpora folder's entries among them) are one file, nor one the --config file. */
function checkNoOutputTwice(config: RunConfig, cwd: string, outputs: OutputPaths, corporaEntries: readonly string[], notCorpus: ReturnType<typeof corpusGuard>): void {
  const { out, summary, extinctions, sentencePerplexities, survival, report, corpora, recordBeside } = outputs;
  const named = (path: string | undefined, flag: string, given: string | undefined, inPlace = false): NamedFile | undefined =>
    path === undefined ? undefined : { label: `${flag} ${given!}`, path, ...(inPlace ? { inPlace } : {}) };
  const files = [
    named(out, '--out', config.out, true),
    recordBeside === undefined ? undefined : { label: `the run record ${runRecordPath(config.out)} of --out`, path: runRecordPath(recordBeside) },
    named(summary, '--summary', config.summary),
    named(extinctions, '--extinctions', config.extinctions, true),
    named(sentencePerplexities, '--sentence-perplexities', config.sentencePerplexities, true),
    named(survival, '--survival', config.survival),
    named(report, '--report', config.report),
  ];
  if (corpora !== undefined) checkNotInCorporaFolder(files, corpora, config.saveCorpora!);
  const written = corpora === undefined ? [] : checkLinkedEntries(corpora, config, corporaEntries, notCorpus, cwd);
  checkDistinctOutputs([...files, named(corpora, '--save-corpora', config.saveCorpora), ...written], config.config === undefined ? [] : [{ label: `--config ${config.config}`, path: resolve(cwd, config.config) }]);
}

/** The outputs as RunOutputs: the ones given, without the absent ones' keys. */
function presentOutputs(outputs: OutputPaths): RunOutputs {
  const { out, summary, extinctions, survival, corpora, report, sentencePerplexities, recordBeside, staleRecord } = outputs;
  return {
    out: out!,
    ...(summary === undefined ? {} : { summary }),
    ...(extinctions === undefined ? {} : { extinctions }),
    ...(survival === undefined ? {} : { survival }),
    ...(corpora === undefined ? {} : { corpora }),
    ...(report === undefined ? {} : { report }),
    ...(sentencePerplexities === undefined ? {} : { sentencePerplexities }),
    ...(recordBeside === undefined ? {} : { recordBeside }),
    ...(staleRecord === undefined ? {} : { staleRecord }),
  };
}

function refuseReportOnStandardOutput(): never {
  throw new UsageError('--report cannot go to standard output', 'pass --report FILE.html');
}

/**
 * --print-config's check of the outputs by name alone (a config may be meant for another machine, so
 * no file is looked at): two outputs, the run record `<out>.run.json` among them, or an output and the
 * --config file, named alike (resolved against `cwd`) are refused as the run refuses them (the printed
 * config ran into `--summary x.csv and --out x.csv are the same file`: audit). Standard output, as `-`
 * or by one of its names (/dev/stdout, /dev/fd/1, /proc/self/fd/1), takes one output
 * (checkOneStandardOutput); /dev/null may be named more than once. Each name is checked as the run
 * checks it before looking at a file (blank, a folder's name, `-` for --save-corpora or --report:
 * printed with exit 0: audit).
 */
export function checkOutputNames(config: RunConfig, cwd: string): void {
  for (const [given, flag] of [[config.out, '--out'], [config.summary, '--summary'], [config.extinctions, '--extinctions'], [config.sentencePerplexities, '--sentence-perplexities'], [config.survival, '--survival']] as const) {
    if (given !== undefined) checkFileName(given, flag);
  }
  if (config.report !== undefined) checkFileName(config.report, '--report', { standardOutput: false });
  if (config.report === '-') refuseReportOnStandardOutput();
  if (config.saveCorpora !== undefined) checkFolderName(config.saveCorpora, '--save-corpora');
  // (standard output's own names are that on every Linux machine: `--out - --summary /dev/stdout`
  // was printed, and the printed config refused: audit)
  const onStandardOutput = (given: string | undefined): boolean => given !== undefined && (given === '-' || STANDARD_OUTPUT_NAMES.has(resolve(cwd, given)));
  checkOneStandardOutput(csvOutputs(config).map((given) => (onStandardOutput(given) ? '-' : given)));
  if (onStandardOutput(config.report) && csvOutputs(config).some(onStandardOutput)) {
    throw new UsageError(`only one output can go to standard output (-), and --report ${config.report!} goes there`, 'give the other outputs file names');
  }
  const seen = new Map<string, string>();
  if (config.config !== undefined) seen.set(resolve(cwd, config.config), `--config ${config.config}`);
  const record = config.out === '-' ? undefined : runRecordPath(config.out);
  const outputs: Array<readonly [string | undefined, string]> = [
    [config.out, `--out ${config.out}`],
    [record, `the run record ${record!} of --out`],
    [config.summary, `--summary ${config.summary!}`],
    [config.extinctions, `--extinctions ${config.extinctions!}`],
    [config.sentencePerplexities, `--sentence-perplexities ${config.sentencePerplexities!}`],
    [config.survival, `--survival ${config.survival!}`],
    [config.report, `--report ${config.report!}`],
    [config.saveCorpora, `--save-corpora ${config.saveCorpora!}`],
  ];
  for (const [given, label] of outputs) {
    if (given === undefined || onStandardOutput(given) || given === '/dev/null') continue;
    const path = resolve(cwd, given);
    const other = seen.get(path);
    if (other !== undefined) throw new UsageError(`${label} and ${other} are the same file`, 'give each output a file of its own');
    seen.set(path, label);
  }
}

/** The names of standard output on Linux, whatever it goes to (refused by name beside another output there). */
const STANDARD_OUTPUT_NAMES = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

/**
 * What `run` prints (its table, or --print-config's JSON) goes to standard output: refused where that is
 * a file the run reads, a corpus file or its --config file (`>> c.txt` and `>> c.json` appended to them:
 * audits).
 */
export function checkPrintsNotOnInputs(config: RunConfig, cwd: string): void {
  checkStandardOutputNotCorpus(config.corpus, cwd);
  if (config.config !== undefined && standardOutputIs(resolve(cwd, config.config))) throw configOnStandardOutput(config.config);
}

/** No output may be one of the files --save-corpora writes (human.txt, manifest.json, cell-<c>/...): one would overwrite the other. */
function checkNotInCorporaFolder(files: ReadonlyArray<NamedFile | undefined>, corpora: string, folder: string): void {
  // both as the system follows links (a link to the folder, or to one of its files, names it too)
  const realFolder = existsSync(corpora) ? realpathSync(corpora) : corpora;
  for (const file of files) {
    // (standard output is the file it goes to: `--out - > D/human.txt` lost the curves to the run's human.txt: audit)
    const path = file?.path === '-' ? standardOutputFile() : file?.path;
    if (file === undefined || path === undefined) continue;
    const inside = relative(realFolder, namedFile(path));
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) continue;
    if (isCorpusFolderEntry(inside.split(sep)[0]!)) {
      throw new UsageError(`${file.label} is a file --save-corpora ${folder} writes`, 'give the output another name, or the texts another folder');
    }
  }
}

/**
 * --resume continues files whose rows are whole series: --out and --extinctions as files, no --survival
 * or --sentence-perplexities (UsageError naming the flag). `written`: where --out and --extinctions go,
 * `-` for standard output (also for a file named as standard output's own, `--out r.csv >> r.csv`).
 */
export function checkResumable(config: Pick<RunConfig, 'resume' | 'out' | 'extinctions' | 'survival' | 'sentencePerplexities'>, written: Pick<RunConfig, 'out' | 'extinctions'> = config): void {
  if (!config.resume) return;
  const isStandardOutput = (flag: string, given: string | undefined, path: string | undefined): void => {
    if (path !== '-') return;
    const why = given === '-' ? '' : ` it can continue, and ${flag} ${given!} names standard output here (it is what standard output goes to)`;
    throw new UsageError(`--resume needs ${flag} to be a file${why}`, given === '-' ? `pass ${flag} FILE` : `pass ${flag} FILE, a file standard output is not redirected to`);
  };
  isStandardOutput('--out', config.out, written.out);
  isStandardOutput('--extinctions', config.extinctions, written.extinctions);
  if (config.survival !== undefined) throw new UsageError('--resume cannot continue a --survival file', 'rerun the whole run without --resume');
  if (config.sentencePerplexities !== undefined) {
    throw new UsageError('--resume cannot continue a --sentence-perplexities file', 'rerun the whole run without --resume');
  }
}

/** `--out X` or `--extinctions X` when it names a device or FIFO (written directly, never a file --resume continues); else undefined. */
export function deviceOutput(config: Pick<RunConfig, 'out' | 'extinctions'>, written: { readonly out: string; readonly extinctions?: string | undefined }): string | undefined {
  if (written.out !== '-' && isSpecialFile(written.out)) return `--out ${config.out}`;
  if (written.extinctions !== undefined && written.extinctions !== '-' && isSpecialFile(written.extinctions)) return `--extinctions ${config.extinctions!}`;
  return undefined;
}

/**
 * What --save-corpora writes must fit what the folder holds: `human.txt` and the manifest files, the
 * folders of a series' texts (`cell-<c>/replicate-<r>`, for the series this run or shard writes) folders,
 * and each `generation-<g>.txt` a file (looked for in a series folder that exists): the other way
 * round would fail the run at its first text, or a series mid-way, with files written; no folder may
 * stand where a file is written first (`<file>.partial`). Returns the entries (relative; folders end in `/`).
 */
/** The names (relative to the --save-corpora folder) of the files the run writes there: H, the manifest and each series' texts (a shard's own series). */
function savedTextNames(config: Pick<RunConfig, 'settings' | 'shard'>): string[] {
  const names = [humanFilePath(''), manifestName(config.shard)];
  for (const task of shardTasks(seriesTasks(config.settings), config.shard)) {
    for (let generation = 1; generation <= config.settings.generations; generation++) names.push(corpusFilePath('', task.cell, task.replicate, generation));
  }
  return names;
}

function checkSeriesFolders(corpora: string, config: Pick<RunConfig, 'settings' | 'saveCorpora' | 'shard' | 'resume'>): string[] {
  const entries = [humanFilePath(''), manifestName(config.shard)];
  // (a shard's own series only: shards started together into one folder clear theirs meanwhile, and
  // the probe of a folder another shard removed refused one of them: CI)
  const sweep = seriesTasks(config.settings);
  for (const task of shardTasks(sweep, config.shard)) {
    const series = seriesFolder(task.cell, task.replicate);
    if (!entries.includes(`${cellFolder(task.cell)}/`)) entries.push(`${cellFolder(task.cell)}/`);
    entries.push(`${series}/`);
    if (!existsSync(join(corpora, series))) continue;
    for (let generation = 1; generation <= config.settings.generations; generation++) entries.push(corpusFilePath('', task.cell, task.replicate, generation));
  }
  // (in a shard human.txt goes through `human.txt.<shard>.partial`, so that shards sharing the folder do
  // not meet: a folder at `human.txt.partial` was refused there, where it is in no one's way: audit)
  const tag = shardTag(config.shard);
  checkFolderEntries(corpora, config.saveCorpora!, entries, '--save-corpora', tag === undefined ? {} : { [humanFilePath('')]: tag });
  // what the run removes first, as run.ts's corpusFolder does: an earlier run's texts (but the other
  // shards'), or on --resume the manifests of another split
  const shown = `--save-corpora ${config.saveCorpora!}`;
  const cleared = asOutput(shown, () => (config.resume ? otherManifests(corpora, config.shard.count) : filesToClear(corpora, shardShare(sweep, config.shard))));
  checkRemovable(corpora, config.saveCorpora!, cleared, '--save-corpora', "which the run removes before it writes (an earlier run's)");
  return entries;
}

/**
 * The entries of the --save-corpora folder as the run writes them, through links: a file that is a
 * link may lead to no corpus file, and every file is returned, named, for the check that no two outputs
 * (these among them) are one file; a series folder that is a link may hold no corpus, nor lie in a corpus
 * folder, nor be another series folder. Links there wrote H over the corpus, the curves into human.txt,
 * one text over another, and a series' texts into the corpus folder, which the next run then read (audits).
 */
function checkLinkedEntries(corpora: string, config: Pick<RunConfig, 'saveCorpora' | 'corpus'>, entries: readonly string[], notCorpus: ReturnType<typeof corpusGuard>, cwd: string): NamedFile[] {
  const files: NamedFile[] = [];
  const folders = new Map<string, string>();
  for (const entry of entries) {
    const folder = entry.endsWith('/');
    const name = folder ? entry.slice(0, -1) : entry;
    const path = join(corpora, name);
    const shown = `--save-corpora ${config.saveCorpora!}: ${name}`;
    const linked = isLink(path);
    if (folder) {
      if (!existsSync(path)) continue;
      if (linked) checkFolderHoldsNoCorpus(path, config.corpus, cwd, '--save-corpora');
      const real = realpathSync(path);
      const other = folders.get(real);
      if (other !== undefined) throw new UsageError(`${shown} and ${other} are one folder, through a link: their series would write the same texts`, 'remove the link');
      folders.set(real, name);
      continue;
    }
    const target = linked ? namedFile(path) : path;
    if (linked) notCorpus(target, shown, `(a link to ${relative(cwd, target)})`);
    files.push({ label: linked ? `${shown} (a link to ${relative(cwd, target)})` : shown, path: target });
  }
  return files;
}


function checkCorporaFolder(folder: string, cwd: string): string {
  // no `-`, no blank path, a writable folder (or one that can be made); then its parent must exist
  const corpora = checkWritableFolder(folder, cwd, '--save-corpora');
  if (existsSync(corpora) && !statSync(corpora).isDirectory()) throw new UsageError(`--save-corpora ${folder} is a file`, 'pass a folder name');
  // (in the words of every other output's missing folder: it said 'folder ... does not exist (create it first)': audit)
  if (!existsSync(dirname(corpora))) throw new UsageError(`--save-corpora ${folder}: the folder ${dirname(corpora)} does not exist`, 'create the folder first, or choose another path');
  if (!statSync(dirname(corpora)).isDirectory()) throw new UsageError(`--save-corpora ${folder}: ${dirname(corpora)} is not a folder`, 'choose a path inside a folder');
  return corpora;
}
