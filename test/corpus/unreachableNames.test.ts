/**
 * Files a corpus names but cannot open by that name, said for what they are (probe): a name whose bytes
 * are no UTF-8 (Node lists it, and passes it on from the command line, with U+FFFD in their place: a
 * raw ENOENT, exit 1, for a folder holding one; "not found" for one named), and a file inside a folder
 * this user may not search ("not found"). The second runs the built CLI as user nobody (65534), which
 * only root can start.
 */

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { tokenCount } from '../../src/corpus/tokenCorpus.js';
import { InputError } from '../../src/errors.js';

const refusal = async (specs: string[], cwd: string): Promise<InputError> => {
  try {
    await loadCorpus(specs, { cwd });
  } catch (error) {
    return error as InputError;
  }
  throw new Error('loaded');
};

describe('a file name that is no UTF-8', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ngram-collapse-latin1-'));
  mkdirSync(join(dir, 'd'));
  // bad\xff.txt: 0xff begins no UTF-8 character
  writeFileSync(Buffer.concat([Buffer.from(join(dir, 'd', 'bad')), Buffer.of(0xff), Buffer.from('.txt')]), 'the cat sat\n');
  writeFileSync(join(dir, 'd', 'good.txt'), 'a dog ran\n');

  it('in a folder or matched by a pattern: refused, naming it, where its opening failed with a raw ENOENT', async () => {
    const folder = await refusal(['d'], dir);
    expect(folder).toBeInstanceOf(InputError);
    expect([folder.message, folder.hint]).toEqual([
      `corpus 'd' holds ${join(dir, 'd', 'bad\u{FFFD}.txt')}, whose name is not UTF-8 (its bytes shown as \u{FFFD}): Node cannot open it by name`,
      'rename it in UTF-8 (e.g. convmv -f latin1 -t utf8 --notest NAME), or move it out of the folder',
    ]);
    expect((await refusal(['d/*.txt'], dir)).message).toMatch(/^corpus 'd\/\*\.txt' matches .*bad\u{FFFD}\.txt, whose name is not UTF-8/u);
    // a pattern that leaves it out reads the rest
    expect(tokenCount((await loadCorpus(['d/g*.txt'], { cwd: dir })).corpus)).toBe(3);
  });

  it('named as it comes from the command line (U+FFFD in place of its byte): not found, saying why', async () => {
    const named = await refusal(['d/bad\u{FFFD}.txt'], dir);
    expect(named.message).toBe("corpus 'd/bad\u{FFFD}.txt' not found: its name holds \u{FFFD}, which stands in for bytes that are not UTF-8 where Node was given such a name (Node cannot pass them on)");
    // a name that merely holds U+FFFD, and is there, is read
    writeFileSync(join(dir, 'odd\u{FFFD}.txt'), 'one two\n');
    expect(tokenCount((await loadCorpus(['odd\u{FFFD}.txt'], { cwd: dir })).corpus)).toBe(2);
  });
});

describe('a file in a folder this user may not search', () => {
  it.runIf(process.getuid?.() === 0)('is said to be out of reach, naming the folder (it was "not found": probe)', () => {
    const shared = mkdtempSync('/tmp/ngram-collapse-unsearchable-');
    chmodSync(shared, 0o755);
    try {
      mkdirSync(join(shared, 'closed'));
      writeFileSync(join(shared, 'closed', 'a.txt'), 'the cat sat\n');
      chmodSync(join(shared, 'closed'), 0o700); // root's: user nobody may neither list nor search it
      const main = new URL('../../dist/cli/main.js', import.meta.url).pathname;
      const asNobody = spawnSync(process.execPath, [main, 'metrics', 'closed/a.txt'], { cwd: shared, uid: 65534, gid: 65534, encoding: 'utf8', timeout: 60_000 });
      expect([asNobody.stderr, asNobody.status]).toEqual([`ngram-collapse: text 'closed/a.txt' cannot be reached: the folder ${join(shared, 'closed')} may not be searched (permission denied) (make it searchable (chmod u+x), or pass a file elsewhere)\n`, 2]);
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
  });
});
