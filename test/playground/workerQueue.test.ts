/**
 * The playground's worker answers one message at a time, in the order sent: a load that is slow (a
 * gzip-embedded corpus, read through a real stream) is finished before a later load begins, so the
 * corpus the worker holds is the one chosen last, and each `loaded` carries the id of its load. (Two
 * loads at once let the one that finished last win: the page named a dropped file and ran brown:news.)
 * The worker module runs here in Node, with `self` stood in for the worker's global scope.
 */

import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXT_OPTIONS } from '../../src/corpus/readText.js';
import { CURVE_COLUMNS } from '../../src/export/curveRecord.js';
import type { FromWorker, ToWorker } from '../../src/playground/browser/messages.js';
import { DEFAULT_RUN } from '../../src/simulation/settings.js';

describe('the playground worker', () => {
  it('loads in the order sent, whichever finishes first, and runs the corpus loaded last', async () => {
    const posted: FromWorker[] = [];
    const scope = { postMessage: (message: FromWorker) => void posted.push(message), onmessage: null as ((event: { data: ToWorker }) => void) | null };
    (globalThis as unknown as { self: typeof scope }).self = scope;
    await import('../../src/playground/browser/worker.js');
    const send = (message: ToWorker): void => scope.onmessage!({ data: message });

    const big = 'the cat sat on the mat and the dog ran after it .\n'.repeat(20_000);
    const small = 'a b c .\nb c d .\n';
    const load = { ...DEFAULT_TEXT_OPTIONS, tokenizer: 'whitespace', sentences: 'line' } as const;
    send({ type: 'load', id: 1, name: 'big.txt', parts: [{ name: 'big.txt', kind: 'text', encoding: 'gzip-base64', data: gzipSync(big).toString('base64'), bytes: big.length }], load });
    send({ type: 'load', id: 2, name: 'small.txt', parts: [{ name: 'small.txt', kind: 'text', encoding: 'text', data: small, bytes: small.length }], load });
    send({ type: 'run', settings: { ...DEFAULT_RUN, generations: 1, replicates: 1, holdout: 0, sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0] } } });
    await expect.poll(() => posted.some((message) => message.type === 'done' || message.type === 'error'), { timeout: 30_000 }).toBe(true);

    expect(posted.filter((message) => message.type === 'error')).toEqual([]);
    const row = posted.find((message) => message.type === 'row');
    expect(row?.type === 'row' ? row.record[CURVE_COLUMNS.indexOf('tokens')] : undefined).toBe('8'); // generation 0's tokens: small.txt's H
    const loaded = posted.flatMap((message) => (message.type === 'loaded' ? [[message.id, message.name, message.tokens]] : []));
    expect(loaded).toEqual([[1, 'big.txt', 260_000], [2, 'small.txt', 8]]);
  });
});
