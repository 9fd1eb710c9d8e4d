/**
 * Standard input given as `-` and by a name of it (/dev/stdin, /proc/self/fd/0, the file it is
 * redirected from) is refused as given twice: a pipe was read once and found empty the second time
 * (silently), a redirected file read twice and its counts doubled (last note's list). A name of it
 * alone, or `-` alone, is read as before.
 */

import { spawn, spawnSync } from 'node:child_process';
import { connect, createServer, type Socket } from 'node:net';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const main = join(root, 'dist/cli/main.js');
const fixture = join(root, 'test/fixtures/exp/village.txt');

/**
 * The built CLI with standard input a shell's pipe or the fixture opened as a file (Node's own `input`
 * is a socket, which /dev/stdin cannot open; the arguments here hold no space).
 */
function cli(args: readonly string[], stdin: 'pipe' | 'file'): { status: number | null; stderr: string } {
  if (stdin === 'pipe') return spawnSync('bash', ['-c', `printf 'the cat sat .\\n' | "${process.execPath}" "${main}" ${args.join(' ')}`], { encoding: 'utf8' });
  const fd = openSync(fixture, 'r');
  try {
    return spawnSync(process.execPath, [main, ...args], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8' });
  } finally {
    closeSync(fd);
  }
}

describe('standard input by name besides -', () => {
  it('is refused as a corpus, whether standard input is a pipe or a file', () => {
    for (const stdin of ['pipe', 'file'] as const) {
      const refused = cli(['tokenize', '-', '/dev/stdin', '--out', '/dev/null'], stdin);
      expect([refused.stderr, refused.status], stdin).toEqual(["ngram-collapse: standard input is given twice as a corpus: as - and as '/dev/stdin', which names it (pass - once)\n", 2]);
    }
    // the file it is redirected from, by its own name
    const byFile = cli(['run', '--corpus', '-', '--corpus', fixture, '--generations', '1', '--out', '/dev/null'], 'file');
    expect([byFile.stderr, byFile.status]).toEqual([`ngram-collapse: standard input is given twice as a corpus: as - and as '${fixture}', which names it (pass - once)\n`, 2]);
  });

  it("is refused across a command's inputs when it is a pipe (metrics' text and --reference, train's --corpus and --eval), also by two names", () => {
    const metrics = cli(['metrics', '-', '--reference', '/proc/self/fd/0'], 'pipe');
    expect([metrics.stderr, metrics.status]).toEqual(['ngram-collapse: standard input is given twice (a text - and --reference /proc/self/fd/0), and a pipe can be read once (pass - once)\n', 2]);
    // (two names, no -: the second found the pipe empty and blamed the text, "holds no tokens": audit)
    const train = cli(['train', '--corpus', '/dev/stdin', '--eval', '/dev/stdin'], 'pipe');
    expect([train.stderr, train.status]).toEqual(['ngram-collapse: standard input is given twice (--corpus /dev/stdin and --eval /dev/stdin), and a pipe can be read once (pass - once)\n', 2]);
    // a pipe on another descriptor, by one name or two (the second role found it empty, "holds no tokens": audit)
    const onSeven = (args: string) => spawnSync('bash', ['-c', `exec 7< <(cat "${fixture}"); "${process.execPath}" "${main}" ${args}; echo "exit $?"`], { encoding: 'utf8' });
    for (const [args, places] of [['train --corpus /dev/fd/7 --eval /dev/fd/7', '--corpus /dev/fd/7 and --eval /dev/fd/7'], ['metrics /dev/fd/7 --reference /proc/self/fd/7', 'a text /dev/fd/7 and --reference /proc/self/fd/7']] as const) {
      const refused = onSeven(args);
      expect([refused.stderr, refused.stdout], args).toEqual([`ngram-collapse: one pipe is given twice (${places}), and a pipe can be read once (pass it once)\n`, 'exit 2\n']);
    }
    // two pipes, one each: read
    const two = spawnSync('bash', ['-c', `exec 7< <(cat "${fixture}"); exec 8< <(cat "${fixture}"); "${process.execPath}" "${main}" train --corpus /dev/fd/7 --eval /dev/fd/8 --quiet > /dev/null; echo "exit $?"`], { encoding: 'utf8' });
    expect([two.stderr, two.stdout]).toEqual(['', 'exit 0\n']);
  });

  it('reads a redirected file in two roles, each from its start (as a file named twice in two roles): not refused', () => {
    for (const args of [['train', '--corpus', '-', '--eval', fixture, '--json'], ['metrics', '-', '--reference', '/dev/stdin']]) {
      const read = cli(args, 'file');
      expect([read.stderr, read.status], args.join(' ')).toEqual(['', 0]);
    }
  });

  it("is a corpus input when standard output goes to the file it comes from (`- --out - < c.txt >> c.txt` appended to it: audit)", () => {
    expect(cli(['tokenize', '-', '--out', '/dev/null'], 'file').status).toBe(0); // (standard output elsewhere: fine)
    const same = spawnSync('bash', ['-c', `cp "${fixture}" c.txt && "${process.execPath}" "${main}" tokenize - --out - < c.txt >> c.txt; echo "exit $?"; wc -l < c.txt`], { cwd: mkdtempSync(join(tmpdir(), 'ngram-collapse-stdin-out-')), encoding: 'utf8' });
    expect([same.stderr, same.stdout]).toEqual(['ngram-collapse: --out - (standard output) is also a corpus input (standard input, -, reads the same file), and writing it would destroy the corpus (choose another output path)\n', 'exit 2\n160\n']);
  });

  it('refuses `generate` appending to its own corpus, named or as standard input (it appended its sentences: audit), and writes elsewhere', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ngram-collapse-generate-out-'));
    for (const corpus of ['c.txt', '- < c.txt']) {
      const appended = spawnSync('bash', ['-c', `cp "${fixture}" c.txt && "${process.execPath}" "${main}" generate --corpus ${corpus} --sentences line >> c.txt; echo "exit $?"; wc -l < c.txt`], { cwd: folder, encoding: 'utf8' });
      const spec = corpus === 'c.txt' ? 'the corpus file c.txt' : 'standard input, -, reads the same file';
      expect([appended.stderr, appended.stdout], corpus).toEqual([`ngram-collapse: standard output is a corpus input (${spec}): what the command prints would go into the corpus (redirect standard output to another file)\n`, 'exit 2\n160\n']);
    }
    // (standard output to another file: its 2 sentences, the corpus untouched)
    const elsewhere = spawnSync('bash', ['-c', `"${process.execPath}" "${main}" generate --corpus c.txt --sentences line --count 2 >> other.txt; echo "exit $?"; wc -l < other.txt; wc -l < c.txt`], { cwd: folder, encoding: 'utf8' });
    expect([elsewhere.stderr, elsewhere.stdout]).toEqual(['', 'exit 0\n2\n160\n']);
  });

  it('refuses train, run, a recipe and playground printing onto their corpus (`>> c.txt` appended their summaries to it: audit), and run and a recipe with --quiet, which print nothing', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ngram-collapse-prints-'));
    const line = 'ngram-collapse: standard output is a corpus input (the corpus file c.txt): what the command prints would go into the corpus (redirect standard output to another file)\n';
    const appended = (args: string) => spawnSync('bash', ['-c', `cp "${fixture}" c.txt && "${process.execPath}" "${main}" ${args} >> c.txt; echo "exit $?"; wc -l < c.txt`], { cwd: folder, encoding: 'utf8' });
    // (run --print-config too, --quiet or not: its JSON went into the corpus: audit)
    for (const args of ['train --corpus c.txt', 'run --corpus c.txt --generations 1 --out o.csv', 'run --corpus c.txt --print-config --quiet', 'recipe drift --corpus c.txt --generations 2 --replicates 1 --out rd', 'playground --corpus c.txt --out p.html']) {
      const refused = appended(args);
      expect([refused.stderr, refused.stdout], args).toEqual([line, 'exit 2\n160\n']);
    }
    // (train's --eval text, named as such: it was "the corpus file": audit)
    writeFileSync(join(folder, 'other.txt'), readFileSync(fixture));
    const evaluated = appended('train --corpus other.txt --eval c.txt --json');
    expect([evaluated.stderr, evaluated.stdout]).toEqual(['ngram-collapse: standard output is an --eval text (the --eval file c.txt): what the command prints would go into the --eval text (redirect standard output to another file)\n', 'exit 2\n160\n']);
    for (const args of ['run --corpus c.txt --generations 1 --out o.csv --quiet', 'recipe drift --corpus c.txt --generations 2 --replicates 1 --out rd --quiet']) {
      const quiet = appended(args);
      expect([quiet.stderr, quiet.stdout], args).toEqual(['', 'exit 0\n160\n']);
    }
  });

  it("refuses run's table and --print-config's JSON going into its --config file (`>> c.json` made it no JSON: audit)", () => {
    const folder = mkdtempSync(join(tmpdir(), 'ngram-collapse-config-out-'));
    writeFileSync(join(folder, 'c.txt'), readFileSync(fixture));
    const config = '{"corpus": "c.txt", "generations": 1, "out": "o.csv"}\n';
    for (const args of ['run --config c.json', 'run --config c.json --print-config']) {
      const refused = spawnSync('bash', ['-c', `printf '%s' '${config}' > c.json && "${process.execPath}" "${main}" ${args} >> c.json; echo "exit $?"; cat c.json`], { cwd: folder, encoding: 'utf8' });
      expect([refused.stderr, refused.stdout], args).toEqual(['ngram-collapse: standard output and --config c.json are the same file (redirect standard output to another file)\n', `exit 2\n${config}`]);
    }
    // `> c.json`: the shell empties the file before the command begins (it said "not valid JSON: Unexpected end of JSON input": audit)
    for (const args of ['run --config c.json --print-config', 'run --config c.json']) {
      const emptied = spawnSync('bash', ['-c', `printf '%s' '${config}' > c.json && "${process.execPath}" "${main}" ${args} > c.json; echo "exit $?" >&2`], { cwd: folder, encoding: 'utf8' });
      expect(emptied.stderr, args).toBe('ngram-collapse: standard output and --config c.json are the same file (redirect standard output to another file)\nexit 2\n');
    }
    writeFileSync(join(folder, 'c.json'), config);
    const quiet = spawnSync('bash', ['-c', `"${process.execPath}" "${main}" run --config c.json --quiet >> c.json; echo "exit $?"`], { cwd: folder, encoding: 'utf8' });
    expect([quiet.stderr, quiet.stdout]).toEqual(['', 'exit 0\n']);
  });

  it('lets `generate --corpus -` read and write one socket, as inetd and socat start a program (refused as its corpus: audit)', async () => {
    // the child's standard input and output are one connected UNIX socket; this end sends the corpus, shuts its
    // writing side (the end of input for generate) and reads the sentences back
    const folder = mkdtempSync(join(tmpdir(), 'ngram-collapse-socket-'));
    const server = createServer({ allowHalfOpen: true });
    const accepted = new Promise<Socket>((done) => server.once('connection', done));
    await new Promise<void>((done) => server.listen(join(folder, 's'), done));
    const client = connect(join(folder, 's'));
    await new Promise<void>((done) => client.once('connect', done));
    const child = spawn(process.execPath, [main, 'generate', '--corpus', '-', '--sentences', 'line', '-n', '2'], { stdio: [client, client, 'pipe'] });
    client.destroy(); // (the child holds its own copies)
    const peer = await accepted;
    let printed = '';
    peer.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    peer.on('error', () => undefined); // (a refusing child closes the socket under the corpus being sent)
    const ended = new Promise<void>((done) => peer.once('end', done));
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    peer.end(readFileSync(fixture));
    const status = await new Promise<number | null>((done) => child.on('close', done));
    if (status === 0) await ended; // (all it printed is read)
    peer.destroy();
    server.close();
    expect([stderr, status, printed.split('\n').length]).toEqual(['', 0, 3]);
  });

  it('is read as given by a library caller that passes its own stream for -, whatever fd 0 is (audit)', () => {
    const module = JSON.stringify(join(root, 'dist/corpus/loadCorpus.js'));
    const script = `import { Readable } from 'node:stream'; import(${module}).then(async ({ loadCorpus }) => { const { corpus } = await loadCorpus(['-', ${JSON.stringify(fixture)}], { sentences: 'line', stdin: Readable.from(['hello world .\\n']) }); console.log(corpus.offsets.length - 1); })`;
    const fd = openSync(fixture, 'r');
    try {
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8' });
      expect([child.stderr, child.stdout]).toEqual(['', '161\n']);
    } finally {
      closeSync(fd);
    }
  });

  it('reads a name of it alone, and - alone, as before', () => {
    for (const args of [['tokenize', '/dev/stdin', '--out', '/dev/null', '--quiet'], ['tokenize', '-', fixture, '--out', '/dev/null', '--quiet']]) {
      const read = cli(args, 'pipe');
      expect([read.stderr, read.status], args.join(' ')).toEqual(['', 0]);
    }
  });

  it('is read once by a recipe that reads its corpus per tokenizer (--corpus /dev/stdin, a pipe, as -); another pipe by name is refused (each reading after the first found it empty: audit)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ngram-collapse-recipe-pipe-'));
    const recipe = `"${process.execPath}" "${main}" recipe subword --generations 2 --replicates 1 --quiet`;
    const byName = spawnSync('bash', ['-c', `cat "${fixture}" "${fixture}" | ${recipe} --corpus /dev/stdin --out r1`], { cwd: dir, encoding: 'utf8' });
    expect([byName.stderr, byName.status]).toEqual(['', 0]);
    const other = spawnSync('bash', ['-c', `${recipe} --corpus <(cat "${fixture}") --out r2`], { cwd: dir, encoding: 'utf8' });
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/^ngram-collapse: recipe subword reads its corpus once per tokenizer, and --corpus \/dev\/fd\/\d+ is a pipe, which can be read once \(save the text to a file and pass that, or pipe it into standard input and pass --corpus -\)\n$/u);
  });

  it("is refused besides a name of it by a recipe that reads its corpus per tokenizer, standard input a file (it was counted twice: audit)", () => {
    const refused = cli(['recipe', 'subword', '--generations', '2', '--replicates', '1', '--quiet', '--corpus', '-', '--corpus', fixture, '--out', join(mkdtempSync(join(tmpdir(), 'ngram-collapse-recipe-twice-')), 'r')], 'file');
    expect([refused.stderr, refused.status]).toEqual([`ngram-collapse: standard input is given twice as a corpus: as - and as '${fixture}', which names it (pass - once)\n`, 2]);
  });

  it('is a file of the corpus for --save-corpora: a folder holding the file it comes from is refused (its human.txt was overwritten: audit)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ngram-collapse-stdin-saved-'));
    const run = `"${process.execPath}" "${main}" run --sentences line --order 2 --generations 1 --workers 1 --quiet --out y.csv --save-corpora sc`;
    const saved = spawnSync('bash', ['-c', `${run} --corpus "${fixture}" && cp sc/human.txt kept.txt && ${run} --corpus - < sc/human.txt; echo "exit $?"; cmp sc/human.txt kept.txt && echo same`], { cwd: dir, encoding: 'utf8' });
    expect([saved.stderr, saved.stdout]).toEqual(['ngram-collapse: --save-corpora sc holds sc/human.txt, a file of the corpus - (standard input), and the run writes its texts there (choose an output folder outside the corpus)\n', 'exit 2\nsame\n']);
  });

  it('is read from standard input when a FIFO named by it has lost its writer (opened by name, it waited for ever: audit)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ngram-collapse-stdin-fifo-'));
    const read = spawnSync('bash', ['-c', `mkfifo f && { (echo "one two three ." > f &) ; "${process.execPath}" "${main}" tokenize /dev/stdin --out - --quiet < f; }`], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect([read.stderr, read.stdout, read.status]).toEqual(['', 'one two three .\n', 0]);
  });

  // (named, it was read until the user typed an end: it waited for ever, where `-` is refused: audit).
  // `script` (util-linux, Debian's essential bsdutils) gives the command a terminal as standard input.
  it('a terminal named as a text (/dev/stdin on a terminal, /dev/tty) is refused as - is, not waited on', () => {
    for (const [args, message] of [
      ['metrics /dev/stdin', "ngram-collapse: text '/dev/stdin' is a terminal, not a text"],
      ['run --corpus /dev/tty --quiet', "ngram-collapse: corpus '/dev/tty' is a terminal, not a text"],
    ] as const) {
      const shown = spawnSync('script', ['-qec', `"${process.execPath}" "${main}" ${args}`, '/dev/null'], { encoding: 'utf8', timeout: 20_000 });
      expect(shown.status).toBe(2);
      expect(shown.stdout.trim()).toBe(`${message} (pipe or redirect a text into it: put < corpus.txt after the command, or cat corpus.txt | before it)`);
    }
  });
});

describe("a descriptor named that the shell did not open: one of Node's own", () => {
  it('is refused, not read (an anonymous inode gave a raw ENOENT, one of its own pipes was waited on for ever: audit); one the shell opened is read', () => {
    const cli = (line: string) => spawnSync('bash', ['-c', `"${process.execPath}" "${main}" ${line}`], { cwd: root, encoding: 'utf8', timeout: 20_000 });
    // with standard streams alone, descriptors 3 to 6 are Node's own (its event loop's epoll and the pipes it signals itself through)
    for (const fd of [3, 4, 5, 6]) {
      for (const name of [`/dev/fd/${fd}`, `/proc/self/fd/${fd}`]) {
        const refused = cli(`tokenize ${name} --quiet < /dev/null`);
        expect([refused.status, refused.stdout], name).toEqual([2, '']);
        expect(refused.stderr, name).toMatch(new RegExp(`^ngram-collapse: corpus '${name}' names a descriptor the shell did not open \\(this program's own (anon_inode:\\[\\w+\\]|pipe:\\[\\d+\\])\\) \\(open one for it, as ${fd}< corpus.txt after the command, or name the file itself\\)\\n$`, 'u'));
      }
    }
    const expected = cli(`tokenize "${fixture}" --quiet`).stdout;
    expect(expected.length).toBeGreaterThan(0);
    // a file, and a pipe another process writes to, on a descriptor the shell opened
    expect(cli(`tokenize /dev/fd/4 --quiet 4< "${fixture}"`).stdout).toBe(expected);
    expect(cli(`tokenize /proc/self/fd/7 --quiet 7< <(cat "${fixture}")`).stdout).toBe(expected);
  });

  it("is refused as an output, a merge input or a --config file (Node's own pipes took the text silently or crashed it, exit 139; the others waited for ever: audit); a pipe another process reads is written", () => {
    const folder = mkdtempSync(join(tmpdir(), 'ngram-collapse-own-'));
    const cli = (line: string) => spawnSync('bash', ['-c', `"${process.execPath}" "${main}" ${line}`], { cwd: folder, encoding: 'utf8', timeout: 20_000 });
    const own = (named: string, fd: number, arrow: string, example: string): RegExp =>
      new RegExp(`^ngram-collapse: ${named} names a descriptor the shell did not open \\(this program's own (anon_inode:\\[\\w+\\]|pipe:\\[\\d+\\])\\) \\(open one for it, as ${fd}${arrow} ${example} after the command, or name the file itself\\)\\n$`, 'u');
    for (const fd of [3, 4, 5, 6]) {
      for (const [line, named, arrow, example] of [
        [`tokenize "${fixture}" --quiet --out /dev/fd/${fd}`, `--out /dev/fd/${fd}`, '>', 'FILE'],
        [`train --corpus "${fixture}" --arpa /dev/fd/${fd}`, `--arpa /dev/fd/${fd}`, '>', 'FILE'],
        [`merge /dev/fd/${fd} --out m.csv`, `the input /dev/fd/${fd}`, '<', 'shard.csv'],
        [`run --config /dev/fd/${fd}`, `--config /dev/fd/${fd}`, '<', 'config.json'],
      ] as const) {
        const refused = cli(`${line} < /dev/null`);
        expect([refused.status, refused.stdout], line).toEqual([2, '']);
        expect(refused.stderr, line).toMatch(own(named, fd, arrow, example));
      }
    }
    expect(readdirSync(folder)).toEqual([]);
    // a pipe another process reads from, on a descriptor the shell opened: written
    const counted = cli(`tokenize "${fixture}" --quiet --out /dev/fd/5 5> >(wc -l > lines.txt); sleep 0.5`);
    expect(counted.status).toBe(0);
    expect(Number(readFileSync(join(folder, 'lines.txt'), 'utf8'))).toBe(cli(`tokenize "${fixture}" --quiet`).stdout.split('\n').length - 1);
  });

  it('is refused when it is a FIFO the shell opened for reading and writing (`7<> fifo`: reading never ended)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ngram-collapse-fifo-'));
    spawnSync('mkfifo', [join(folder, 'ff')]);
    const refused = spawnSync('bash', ['-c', `"${process.execPath}" "${main}" tokenize /dev/fd/7 --quiet 7<> ff`], { cwd: folder, encoding: 'utf8', timeout: 20_000 });
    expect([refused.status, refused.stderr]).toEqual([2, `ngram-collapse: corpus '/dev/fd/7' is the FIFO ${join(folder, 'ff')}, which this program holds open for writing too, so reading it would never end (open it for reading alone: 7< ${join(folder, 'ff')})\n`]);
  });
});
