/**
 * Where a run came from: the `.run.json` sidecar's provenance, the warning for a held-out set that
 * shares sentences with H, and the report that shows both at its top.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/export/runRecord.js';
import { cli, tempDir } from '../helpers/cli.js';

const VILLAGE = readFileSync(new URL('../fixtures/exp/village.txt', import.meta.url), 'utf8');

describe('provenance of a run', () => {
  it('records command, sizes, N and held-out overlap in the sidecar; a duplicated corpus is warned about', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'twice.txt'), VILLAGE + VILLAGE); // every sentence twice: E's sentences have twins in H
    const args = ['run', '--corpus', 'twice.txt', '--sentences', 'line', '--order', '2', '--generations', '2', '--human-ratio', '0', '--out', 'c.csv', '--report', 'r.html'];
    const result = await cli(args, { cwd: dir });
    expect(result.code).toBe(0);
    const record = JSON.parse(readFileSync(join(dir, 'c.csv.run.json'), 'utf8')) as RunRecord;
    const provenance = record.provenance!;
    expect(provenance.command).toBe(`ngram-collapse ${args.join(' ')}`);
    // 320 sentences, holdout 0.1: E = 32, H = 288; N = H's tokens
    expect(provenance.heldout.sentences).toBe(32);
    expect(provenance.human.sentences).toBe(288);
    expect(provenance.batchTokens).toBe(provenance.human.tokens);
    expect(provenance.measureTokens).toBe(provenance.human.tokens);
    const overlap = provenance.heldout_overlap!;
    expect(overlap).toBeGreaterThan(0.5);
    expect(result.stderr).toContain(`ngram-collapse: warning: ${(overlap * 100).toFixed(1)}% of the held-out sentences also occur verbatim in the human pool`);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html).toContain('<dt>command</dt><dd>ngram-collapse run --corpus twice.txt');
    expect(html).toContain('<table id="last-generation">');
  });

  it('a run is the same run whether N and the measured size are its defaults or given as them: one fingerprint, merged and resumed (they differed: audit)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'once.txt'), VILLAGE);
    const base = ['run', '--corpus', 'once.txt', '--sentences', 'line', '--order', '2', '--generations', '2', '--human-ratio', '0,0.5', '--quiet'];
    const fingerprintOf = async (file: string, extra: readonly string[]): Promise<string> => {
      expect((await cli([...base, ...extra, '--out', file], { cwd: dir })).code).toBe(0);
      return (JSON.parse(readFileSync(join(dir, `${file}.run.json`), 'utf8')) as RunRecord).fingerprint;
    };
    const plain = await fingerprintOf('plain.csv', []);
    const n = (JSON.parse(readFileSync(join(dir, 'plain.csv.run.json'), 'utf8')) as RunRecord).provenance!.batchTokens;
    expect(await fingerprintOf('given.csv', ['--tokens', String(n)])).toBe(plain);
    expect(await fingerprintOf('measured.csv', ['--measure-tokens', String(n)])).toBe(plain);
    expect(readFileSync(join(dir, 'given.csv'), 'utf8') === readFileSync(join(dir, 'plain.csv'), 'utf8')).toBe(true);
    // another N, or another measured size, is another run
    const other = await fingerprintOf('other.csv', ['--tokens', String(n - 1)]);
    expect(other).not.toBe(plain);
    expect(await fingerprintOf('smaller.csv', ['--tokens', String(n - 1), '--measure-tokens', String(n - 1)])).toBe(other);
    expect(await fingerprintOf('part.csv', ['--measure-tokens', String(n - 1)])).not.toBe(plain);
    // shards run one way and the other merge; a resume given N continues the default's file
    expect((await cli([...base, '--shard', '1/2', '--out', 's1.csv'], { cwd: dir })).code).toBe(0);
    expect((await cli([...base, '--tokens', String(n), '--shard', '2/2', '--out', 's2.csv'], { cwd: dir })).code).toBe(0);
    const merged = await cli(['merge', 's1.csv', 's2.csv', '--out', 'm.csv', '--quiet'], { cwd: dir });
    expect([merged.code, merged.stderr]).toEqual([0, '']);
    expect(readFileSync(join(dir, 'm.csv'), 'utf8') === readFileSync(join(dir, 'plain.csv'), 'utf8')).toBe(true);
    const whole = readFileSync(join(dir, 'plain.csv'), 'utf8');
    writeFileSync(join(dir, 'plain.csv'), whole.slice(0, whole.indexOf('\n', whole.length / 2) + 1));
    const resumed = await cli([...base, '--tokens', String(n), '--measure-tokens', String(n), '--out', 'plain.csv', '--resume'], { cwd: dir });
    expect([resumed.code, resumed.stderr]).toEqual([0, '']);
    expect(readFileSync(join(dir, 'plain.csv'), 'utf8') === whole).toBe(true);
  });

  it('does not warn when E shares no sentence with H, and plot shows the sidecar too', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'once.txt'), VILLAGE);
    const result = await cli(['run', '--corpus', 'once.txt', '--sentences', 'line', '--order', '2', '--generations', '2', '--measure-tokens', '500', '--out', 'c.csv', '--quiet'], { cwd: dir });
    expect(result.stderr).toBe('');
    const record = JSON.parse(readFileSync(join(dir, 'c.csv.run.json'), 'utf8')) as RunRecord;
    expect(record.provenance!.heldout_overlap).toBe(0);
    expect(record.provenance!.measureTokens).toBe(500);
    const plot = await cli(['plot', 'c.csv', '--out', 'p.html'], { cwd: dir });
    expect(plot.code).toBe(0);
    const html = readFileSync(join(dir, 'p.html'), 'utf8');
    expect(html).toContain('each row from generation 1 on measures 500 tokens');
    expect(html).toContain('0.0% of its sentences occur verbatim in H');
  });
});
