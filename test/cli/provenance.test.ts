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
    expect(html).toContain('each row measures 500 tokens');
    expect(html).toContain('0.0% of its sentences occur verbatim in H');
  });
});
