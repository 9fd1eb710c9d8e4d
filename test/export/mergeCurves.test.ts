/**
 * mergeCurves (src/export/mergeCurves.ts): which inputs are one run. Two shards of a sweep of 2 cells
 * (human_ratio=0 and 0.1), 1 replicate, generations 0..1: shard 1/2 holds the first cell, 2/2 the
 * second, each row `cell,replicate,seed,generation,x`. The CLI's end-to-end merges are in
 * test/cli/run.test.ts.
 */

import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { mergeCurves, type MergeInput } from '../../src/export/mergeCurves.js';
import { makeRunRecord, type RunIdentity } from '../../src/export/runRecord.js';
import { DEFAULT_RUN } from '../../src/simulation/settings.js';

const HEADER = 'cell,replicate,seed,generation,x';

function identity(change: Partial<RunIdentity> = {}, seed = 42): RunIdentity {
  return { version: '1', load: {}, corpusDigest: 'd', settings: { ...DEFAULT_RUN, generations: 1, replicates: 1, seed }, extinctions: false, ...change };
}

function shard(name: string, cell: string, seed: number, record?: { identity: RunIdentity; shard: string }): MergeInput {
  const content = Buffer.from([HEADER, `${cell},1,${seed},0,1`, `${cell},1,${seed},1,2`, ''].join('\n'));
  return { name, content, ...(record === undefined ? {} : { record: makeRunRecord(record.identity, record.shard) }) };
}

function refusal(inputs: MergeInput[]): string {
  try {
    mergeCurves(inputs);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return `${(error as InputError).message} (${(error as InputError).hint})`;
  }
  return expect.unreachable('merge should refuse');
}

describe('mergeCurves', () => {
  it('joins two shards with their records, in canonical order', () => {
    const merged = mergeCurves([
      shard('b.csv', 'human_ratio=0.1', 42, { identity: identity(), shard: '2/2' }),
      shard('a.csv', 'human_ratio=0', 42, { identity: identity(), shard: '1/2' }),
    ]);
    expect(merged.text.split('\n').slice(1, 3)).toEqual(['human_ratio=0,1,42,0,1', 'human_ratio=0,1,42,1,2']);
    expect(merged.guessedOrder).toEqual([]); // the records give the order
    expect([merged.rows, merged.series, merged.record?.shard]).toEqual([4, 2, '1/1']);
  });

  it("says the merged record's command is a shard's, not the merged file's", () => {
    const provenance = (command: string) => ({ command, human: { sentences: 1, tokens: 1, types: 1 }, heldout: { sentences: 0, tokens: 0 }, batchTokens: 1, measureTokens: 1, heldout_overlap: null });
    const withCommand = (name: string, cell: string, part: string): MergeInput => ({ ...shard(name, cell, 42), record: makeRunRecord(identity(), part, ['c.txt'], provenance(`ngram-collapse run --shard ${part}`)) });
    const merged = mergeCurves([withCommand('a.csv', 'human_ratio=0', '1/2'), withCommand('b.csv', 'human_ratio=0.1', '2/2')]);
    expect(merged.record?.provenance?.command).toBe('merged from 2 shard files; shard 1/2 ran: ngram-collapse run --shard 1/2');
  });

  it('refuses rows of two seeds, which without records would fit the sweep inferred from them', () => {
    // Without records the sweep is inferred from the rows, which would fit: only the seed column tells.
    expect(refusal([shard('a.csv', 'human_ratio=0', 42), shard('b.csv', 'human_ratio=0.1', 7)])).toBe(
      'b.csv was run with seed 7, a.csv with seed 42 (merge only shards of one run, with one seed)',
    );
  });

  it('refuses a shard without a run record among shards with one', () => {
    expect(refusal([shard('a.csv', 'human_ratio=0', 42, { identity: identity(), shard: '1/2' }), shard('b.csv', 'human_ratio=0.1', 42)])).toBe(
      "b.csv has no run record (b.csv.run.json) but a.csv has one (keep every shard's .run.json beside it: the records tell which run each shard is from (without any, merge infers the sweep from the rows))",
    );
  });

  it('names what differs between two runs before rows they share (shards of two sweeps were told their rows appear twice: audit)', () => {
    // both files hold the rows of cell human_ratio=0: the records say why
    expect(
      refusal([
        shard('a.csv', 'human_ratio=0', 42, { identity: identity(), shard: '1/2' }),
        shard('b.csv', 'human_ratio=0', 42, { identity: identity({ corpusDigest: 'e' }), shard: '1/2' }),
      ]),
    ).toBe('b.csv comes from another run than a.csv (their run records differ: the corpus\'s tokens) (merge only shards of one sweep, run with the same settings)');
    // one run's shard given twice: that is what is said
    expect(refusal([shard('a.csv', 'human_ratio=0', 42, { identity: identity(), shard: '1/2' }), shard('b.csv', 'human_ratio=0', 42, { identity: identity(), shard: '1/2' })])).toBe(
      'the row of cell human_ratio=0, replicate 1, generation 0 appears twice (in a.csv and b.csv) (merge every shard once)',
    );
  });

  it('names what differs between two runs, and takes shards that differ only in --extinctions', () => {
    const other = refusal([
      shard('a.csv', 'human_ratio=0', 42, { identity: identity(), shard: '1/2' }),
      shard('b.csv', 'human_ratio=0.1', 42, { identity: identity({ corpusDigest: 'e' }), shard: '2/2' }),
    ]);
    expect(other).toBe('b.csv comes from another run than a.csv (their run records differ: the corpus\'s tokens) (merge only shards of one sweep, run with the same settings)');
    // a setting by the library's name, humanRatio (the CLI prints --human-ratio: test/cli/cliTerms.test.ts)
    const settings = { ...DEFAULT_RUN, generations: 1, replicates: 1, seed: 42, sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0.5] } };
    expect(refusal([shard('a.csv', 'human_ratio=0', 42, { identity: identity(), shard: '1/2' }), shard('b.csv', 'human_ratio=0.1', 42, { identity: identity({ settings, load: { jsonlField: 'body' } }), shard: '2/2' })])).toBe(
      'b.csv comes from another run than a.csv (their run records differ: jsonlField, humanRatio) (merge only shards of one sweep, run with the same settings)',
    );
    const withExtinctions = { identity: identity({ extinctions: true }), shard: '2/2' };
    const merged = mergeCurves([shard('a.csv', 'human_ratio=0', 42, { identity: identity(), shard: '1/2' }), shard('b.csv', 'human_ratio=0.1', 42, withExtinctions)]);
    expect(merged.rows).toBe(4);
    // The merged file's record says --extinctions only if every shard wrote them.
    expect(merged.record?.identity.extinctions).toBe(false);
    const both = mergeCurves([
      shard('a.csv', 'human_ratio=0', 42, { identity: identity({ extinctions: true }), shard: '1/2' }),
      shard('b.csv', 'human_ratio=0.1', 42, withExtinctions),
    ]);
    expect(both.record?.identity.extinctions).toBe(true);
  });

  it('refuses each malformed input with its own line: none, an empty file, a torn last row, another header, no key columns', () => {
    const refused = (inputs: MergeInput[]): string => refusal(inputs);
    const file = (name: string, text: string): MergeInput => ({ name, content: Buffer.from(text) });
    expect(refused([])).toBe("merge needs at least one CSV (pass the shards' curves CSVs, a MergeInput each (its name and content))");
    expect(refused([file('e.csv', '')])).toBe('e.csv is empty (pass the CSV files written by ngram-collapse run)');
    // (a header cut short was called empty: audit)
    expect(refused([file('h.csv', HEADER.slice(0, 20))])).toBe('h.csv has no whole line, not even a header (pass the CSV files written by ngram-collapse run)');
    expect(refused([file('t.csv', `${HEADER}\nhuman_ratio=0,1,42,0,1\nhuman_ratio=0,1,4`)])).toBe('t.csv ends with a partial row (finish that run first (--resume on the command line))');
    // naming where the headers part (it named only the version, of a column renamed or removed by hand: audit)
    expect(refused([shard('a.csv', 'human_ratio=0', 42), file('h.csv', 'cell,replicate,seed,generation,y\n')])).toBe(
      'h.csv has another header than a.csv (its column 5 is y where the first has x) (merge only outputs of the same version of ngram-collapse, as written)',
    );
    expect(refused([shard('a.csv', 'human_ratio=0', 42), file('h.csv', 'cell,replicate,seed,generation\n')])).toMatch(/^h\.csv has another header than a\.csv \(it lacks column 5, x\)/u);
    expect(refused([shard('a.csv', 'human_ratio=0', 42), file('h.csv', 'cell,replicate,seed,generation,x,z,w\n')])).toMatch(/^h\.csv has another header than a\.csv \(it has 2 more column\(s\), the first z\)/u);
    expect(refused([file('k.csv', 'cell,replicate,x\nh,1,2\n')])).toBe('k.csv has no cell, replicate and generation columns (pass curves CSVs written by ngram-collapse run)');
    // after a curves file too (an --extinctions file among the shards was told to be of another version: audit)
    expect(refused([shard('a.csv', 'human_ratio=0', 42), file('e.csv', 'cell,replicate,token,seed_count\nh,1,x,2\n')])).toBe('e.csv has no cell, replicate and generation columns (pass curves CSVs written by ngram-collapse run)');
    expect(refused([shard('a.csv', 'human_ratio=0', 42), shard('b.csv', 'human_ratio=0', 42)])).toBe(
      'the row of cell human_ratio=0, replicate 1, generation 0 appears twice (in a.csv and b.csv) (merge every shard once)',
    );
  });

  it('with records: refuses a row the sweep does not have, and names the first missing row and the shards not given', () => {
    const record = (part: string) => ({ identity: identity(), shard: part });
    expect(refusal([shard('a.csv', 'human_ratio=0', 42, record('1/2')), shard('b.csv', 'human_ratio=0.5', 42, record('2/2'))])).toBe(
      'b.csv holds a row this sweep does not have (cell human_ratio=0.5, replicate 1, generation 0) (merge only shards of one sweep)',
    );
    // 2 cells x 1 replicate x generations 0..1 = 4 rows; shard 1/3 alone has 2 of them
    expect(refusal([shard('a.csv', 'human_ratio=0', 42, record('1/3'))])).toBe(
      '2 of 4 rows are missing, the first: cell human_ratio=0.1, replicate 1, generation 0; shard(s) 2/3, 3/3 not given (run the missing shards (or finish them, --resume on the command line) and merge again)',
    );
  });

  it('without records: cells in the order every file agrees on, replicates and generations from the rows', () => {
    // Three cells A, B, C; replicates 1..2; generations 0..1. The first file lists B then C, the second A then B:
    // A comes before B, B before C, whichever file is given first.
    const rows = (cell: string, replicate: number): string[] => [0, 1].map((generation) => `${cell},${replicate},42,${generation},${cell}${replicate}${generation}`);
    const file = (name: string, series: Array<[string, number]>): MergeInput => ({ name, content: Buffer.from([HEADER, ...series.flatMap(([cell, r]) => rows(cell, r)), ''].join('\n')) });
    const merged = mergeCurves([file('one.csv', [['B', 1], ['C', 1], ['C', 2]]), file('two.csv', [['A', 1], ['A', 2], ['B', 2]])]);
    expect(merged.text.split('\n').slice(1, -1).map((line) => line.split(',')[4])).toEqual(['A10', 'A11', 'A20', 'A21', 'B10', 'B11', 'B20', 'B21', 'C10', 'C11', 'C20', 'C21']);
    expect([merged.rows, merged.series, merged.record]).toEqual([12, 6, undefined]);
    expect(merged.guessedOrder).toEqual([]); // the files fix A, B, C
    // A before B in one file, B before A in the other: no order fits both
    expect(refusal([file('x.csv', [['A', 1], ['B', 1]]), file('y.csv', [['B', 2], ['A', 2]])])).toBe('the files list their cells in contradicting orders (merge only shards of one sweep)');
    // Ties (no file relates X and Y) keep the order the cells first appear in.
    const tied = mergeCurves([file('x.csv', [['Y', 1]]), file('y.csv', [['X', 1]])]);
    expect(tied.text.split('\n').slice(1, -1).map((line) => line.split(',')[0])).toEqual(['Y', 'Y', 'X', 'X']);
    // and are named: the unsharded run may have had X first (shards of one cell each, given out of order)
    expect(tied.guessedOrder).toEqual(['Y', 'X']);
    // P before Q in one file, R in another: P, Q, R are open at the first step; Q and R at the second
    expect(mergeCurves([file('p.csv', [['P', 1], ['Q', 1]]), file('r.csv', [['R', 1]])]).guessedOrder).toEqual(['P', 'Q', 'R']);
    // Cell B lacks replicate 2, which cell A has: 2 cells x replicates 1..2 x generations 0..1 are expected.
    expect(refusal([file('x.csv', [['A', 1], ['A', 2], ['B', 1]])])).toBe(
      '2 of 8 rows are missing, the first: cell B, replicate 2, generation 0 (without run records <csv>.run.json the expected rows are inferred from the files) (run the missing shards (or finish them, --resume on the command line) and merge again)',
    );
  });

  it('orders cells that wait for several others, and ties, by where they first appear', () => {
    // each file: its series as [cell, replicate], generation 0 only; the merged file's cells in order
    const cellsOf = (files: Array<Array<[string, number]>>): string[] => {
      const inputs = files.map((series, i) => ({ name: `f${i}.csv`, content: Buffer.from([HEADER, ...series.map(([cell, r]) => `${cell},${r},42,0,x`), ''].join('\n')) }));
      const cells = mergeCurves(inputs).text.split('\n').slice(1, -1).map((line) => line.split(',')[0]!);
      return cells.filter((cell, i) => cells.indexOf(cell) === i);
    };
    // P before Q (first file); R unrelated: once P is out, Q (seen before R) comes next
    expect(cellsOf([[['P', 1], ['Q', 1]], [['R', 1]]])).toEqual(['P', 'Q', 'R']);
    // C after both A and B: it waits for B although it was seen before B (the last two files add no order)
    expect(cellsOf([[['A', 1], ['C', 1]], [['B', 2], ['C', 2]], [['A', 2]], [['B', 1]]])).toEqual(['A', 'B', 'C']);
  });

  it('sorts rows by replicate and generation within a cell, whatever order the files hold them in', () => {
    const file = (name: string, lines: string[]): MergeInput => ({ name, content: Buffer.from([HEADER, ...lines, ''].join('\n')) });
    const merged = mergeCurves([file('a.csv', ['A,2,42,1,a21', 'A,2,42,0,a20']), file('b.csv', ['A,1,42,1,a11', 'A,1,42,0,a10'])]);
    expect(merged.text.split('\n').slice(1, -1).map((line) => line.split(',')[4])).toEqual(['a10', 'a11', 'a20', 'a21']);
  });

  it('finds the key columns wherever the header puts them, and refuses a file missing any one of them', () => {
    const at0 = { name: 'r.csv', content: Buffer.from('replicate,cell,generation,seed\n1,A,0,7\n1,A,1,7\n') };
    expect(mergeCurves([at0]).rows).toBe(2);
    const generationFirst = { name: 'g.csv', content: Buffer.from('generation,cell,replicate\n0,A,1\n1,A,1\n') };
    expect(mergeCurves([generationFirst]).rows).toBe(2);
    // the seed as the first column still tells two runs apart
    const seeds = (seed: number, cell: string): MergeInput => ({ name: `s${seed}.csv`, content: Buffer.from(`seed,cell,replicate,generation\n${seed},${cell},1,0\n`) });
    expect(refusal([seeds(1, 'A'), seeds(2, 'B')])).toBe('s2.csv was run with seed 2, s1.csv with seed 1 (merge only shards of one run, with one seed)');
    // two seeds in one file: named once, by the library's name seed (the CLI says --seed: test/cli/cliTerms.test.ts) (it read "s.csv was run with --seed 7, s.csv with --seed 42": audit)
    const oneFile = { name: 's.csv', content: Buffer.from('seed,cell,replicate,generation\n42,A,1,0\n7,A,1,1\n') };
    expect(refusal([oneFile])).toBe('s.csv holds rows of two seeds, seed 42 and seed 7: rows of two runs (merge only shards of one run, with one seed)');
    for (const header of ['replicate,generation,x', 'cell,generation,x', 'cell,replicate,x']) {
      expect(refusal([{ name: 'k.csv', content: Buffer.from(`${header}\n1,2,3\n`) }])).toBe('k.csv has no cell, replicate and generation columns (pass curves CSVs written by ngram-collapse run)');
    }
  });

  it('with records: refuses replicates and generations outside the sweep, names every field that differs, and says which input has a record', () => {
    const record = (part: string, change: Partial<RunIdentity> = {}) => ({ identity: identity(change), shard: part });
    const file = (name: string, lines: string[], part: string): MergeInput => ({ name, content: Buffer.from([HEADER, ...lines, ''].join('\n')), record: makeRunRecord(identity(), part) });
    for (const [line, what] of [['human_ratio=0,0,42,0,1', 'replicate 0, generation 0'], ['human_ratio=0,2,42,0,1', 'replicate 2, generation 0'], ['human_ratio=0,1,42,-1,1', 'replicate 1, generation -1'], ['human_ratio=0,1,42,2,1', 'replicate 1, generation 2']] as const) {
      expect(refusal([file('x.csv', [line], '1/1')])).toBe(`x.csv holds a row this sweep does not have (cell human_ratio=0, ${what}) (merge only shards of one sweep)`);
    }
    expect(
      refusal([shard('a.csv', 'human_ratio=0', 42, record('1/2')), shard('b.csv', 'human_ratio=0.1', 42, record('2/2', { corpusDigest: 'e', version: '2' }))]),
    ).toMatch(/^b\.csv comes from another run than a\.csv \(their run records differ: the corpus's tokens, the program version\)/u);
    expect(refusal([shard('a.csv', 'human_ratio=0', 42), shard('b.csv', 'human_ratio=0.1', 42, record('2/2'))])).toMatch(/^a\.csv has no run record \(a\.csv\.run\.json\) but b\.csv has one/u);
    // every shard given but a row lost: no shard is named
    expect(refusal([file('x.csv', ['human_ratio=0,1,42,0,1', 'human_ratio=0,1,42,1,1', 'human_ratio=0.1,1,42,0,1'], '1/1')])).toBe(
      '1 of 4 rows are missing, the first: cell human_ratio=0.1, replicate 1, generation 1 (run the missing shards (or finish them, --resume on the command line) and merge again)',
    );
  });

  it('refuses a replicate or generation that is no whole number as the file writes one (replicate 0x2 was merged as 2)', () => {
    const file = (row: string): MergeInput => ({ name: 'h.csv', content: Buffer.from([HEADER, 'c,1,42,0,1', row, ''].join('\n')) });
    expect(refusal([file('c,0x2,42,0,1')])).toBe('h.csv line 3: replicate "0x2" is not a whole number (pass the CSV files written by ngram-collapse run)');
    expect(refusal([file('c,1,42,1.5,1')])).toBe('h.csv line 3: generation "1.5" is not a whole number (pass the CSV files written by ngram-collapse run)');
  });

  it('skips blank lines and a byte-order mark, as plot reads a file (a trailing blank line read as a row of seed undefined)', () => {
    const plain = mergeCurves([shard('a.csv', 'human_ratio=0', 42), shard('b.csv', 'human_ratio=0.1', 42)]).text;
    const edited = (input: MergeInput, text: (content: string) => string): MergeInput => ({ ...input, content: Buffer.from(text(input.content.toString('utf8'))) });
    const blank = edited(shard('a.csv', 'human_ratio=0', 42), (content) => `${content}\r\n\n`);
    const marked = edited(shard('b.csv', 'human_ratio=0.1', 42), (content) => `\uFEFF${content}`);
    expect(mergeCurves([blank, marked]).text).toBe(plain);
  });

  it('refuses a row without the header\'s fields, and a value of the tool\'s own metrics that is no number, naming the file and line', () => {
    const rows = (name: string, lines: string[]): MergeInput => ({ name, content: Buffer.from(['cell,replicate,seed,generation,ttr', ...lines, ''].join('\n')) });
    expect(refusal([rows('a.csv', ['c,1,42,0,0.5', 'c,1,42,1'])])).toBe('a.csv line 3 has 4 fields but the header has 5 (pass the CSV files written by ngram-collapse run)');
    expect(refusal([rows('a.csv', ['c,1,42,0,0.5', 'c,1,42,1,abc'])])).toMatch(/^a\.csv line 3: ttr is "abc", not a number/u);
    // two shards joined with cat: the second header is a row
    expect(refusal([rows('a.csv', ['c,1,42,0,0.5', 'cell,replicate,seed,generation,ttr', 'c,1,42,1,0.4'])])).toBe(
      'a.csv line 3 repeats the header: files joined into one (merge the shard files themselves, each an input of its own)',
    );
    // ... also when the second file began with a byte-order mark (its header read as a row of 4 bad fields)
    expect(refusal([rows('a.csv', ['c,1,42,0,0.5', '\uFEFFcell,replicate,seed,generation,ttr', 'c,1,42,1,0.4'])])).toMatch(/^a\.csv line 3 repeats the header/u);
    // lines are the file's: the blank lines before the bad value count (the metric check said line 3 for line 5)
    expect(refusal([rows('a.csv', ['c,1,42,0,0.5', '', '', 'c,1,42,1,abc'])])).toMatch(/^a\.csv line 5: ttr is "abc", not a number/u);
  });

  it('refuses, without records, a cell whose rows carry two sets of settings (a shard run with another --order)', () => {
    const rows = (name: string, lines: string[]): MergeInput => ({ name, content: Buffer.from(['cell,order,replicate,seed,generation,x', ...lines, ''].join('\n')) });
    expect(refusal([rows('a.csv', ['c,3,1,42,0,1', 'c,3,1,42,1,1']), rows('b.csv', ['c,2,2,42,0,1', 'c,2,2,42,1,1'])])).toBe(
      'cell c has other settings in b.csv (order 2) than in a.csv (order 3) (merge only shards of one sweep, run with the same settings)',
    );
    // both in one file: named once
    expect(refusal([rows('a.csv', ['c,3,1,42,0,1', 'c,2,1,42,1,1'])])).toBe(
      'cell c has two sets of settings in a.csv: order 2, and order 3 (merge only shards of one sweep, run with the same settings)',
    );
  });
});
