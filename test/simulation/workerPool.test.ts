import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import type { SeriesRow } from '../../src/simulation/series.js';
import { simulate, simulateAsync } from '../../src/simulation/simulate.js';
import { seriesTasks, type SeriesTask } from '../../src/simulation/seriesTask.js';
import { prepareRun } from '../../src/simulation/preparedRun.js';
import { DEFAULT_RUN, type RunSettings } from '../../src/simulation/settings.js';
import { poolSize, runTasks, seriesTokens, SMALL_SERIES_TOKENS, type TaskOutcome } from '../../src/simulation/workerPool.js';
import { validateTaskOptions } from '../../src/simulation/validateSettings.js';
import { ProgressCounter } from '../../src/cli/progress.js';
import { Vocabulary } from '../../src/vocabulary/vocabulary.js';

// The village fixture, tokenized on spaces (one sentence per line).
const vocabulary = new Vocabulary();
const corpus = corpusFromSentences(
  readFileSync(new URL('../fixtures/exp/village.txt', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.toLowerCase().split(/\s+/u).map((token) => vocabulary.intern(token))),
);
const settings: RunSettings = { ...DEFAULT_RUN, generations: 2, replicates: 2, sweep: { ...DEFAULT_RUN.sweep, order: [2], humanRatio: [0, 0.5] } };
const key = (row: SeriesRow): string => JSON.stringify([row.cell.id, row.replicate, row.generation, row.values]);

describe('runTasks', () => {
  it('gives the rows of simulate, in the same order', async () => {
    const expected: string[] = [];
    simulate(corpus, vocabulary.size, settings, { emit: (row) => expected.push(key(row)) });
    const rows: string[] = [];
    const result = await simulateAsync(corpus, vocabulary.size, settings, { workers: 1 }, { onRow: (row) => rows.push(key(row)) });
    expect(result).toMatchObject({ ended: 4, failed: 0, interrupted: false });
    expect(rows).toEqual(expected);
  });

  it('reports the progress of every series on worker threads, each generation ending at 1', async () => {
    // Series 1..3 run on 2 workers; each series reports its generations 0..2 ending at 1.
    const counter = new ProgressCounter();
    const ends = new Map<number, number>();
    await simulateAsync(corpus, vocabulary.size, settings, { workers: 2 }, {
      onProgress: (task, generation, fraction) => {
        counter.update(task.position, generation, fraction);
        if (fraction === 1) ends.set(task.position, (ends.get(task.position) ?? 0) + 1);
      },
    });
    expect(counter.value).toBeCloseTo(4 * 3, 9); // 4 series x generations 0..2
    expect([...ends.values()]).toEqual([3, 3, 3, 3]);
  });

  it('reports a failing series and finishes the others', async () => {
    const run = prepareRun(corpus, vocabulary.size, settings);
    const tasks = seriesTasks(settings);
    const broken: SeriesTask = { ...tasks[1]!, cell: { ...tasks[1]!.cell, id: 'broken', settings: { ...tasks[1]!.cell.settings, smoothing: 'no-such' as never } } };
    const ends: Array<[string, TaskOutcome]> = [];
    const rows: SeriesRow[] = [];
    const result = await runTasks(run, corpus, [tasks[0]!, broken, tasks[2]!, tasks[3]!], { workers: 1 }, {
      onRow: (row) => rows.push(row),
      onEnd: (task, outcome) => ends.push([task.cell.id, outcome]),
    });
    expect(result).toEqual({ ended: 4, failed: 1, interrupted: false });
    expect(ends.map(([id, outcome]) => [id, outcome.error?.message])).toEqual([
      ['human_ratio=0', undefined],
      ['broken', "unknown cell.settings.smoothing value 'no-such'"],
      ['human_ratio=0.5', undefined],
      ['human_ratio=0.5', undefined],
    ]);
    expect(rows).toHaveLength(3 * 3);
  });

  it('in process, a handler that throws rejects the run with its error (not a failed series)', async () => {
    const run = prepareRun(corpus, vocabulary.size, settings);
    const tasks = seriesTasks(settings);
    const rows: SeriesRow[] = [];
    const onRow = (row: SeriesRow): void => {
      rows.push(row);
      if (rows.length === 2) throw new Error('disk full');
    };
    await expect(runTasks(run, corpus, tasks, { workers: 1 }, { onRow })).rejects.toThrow('disk full');
    expect(rows).toHaveLength(2); // no row after the failing one
    await expect(runTasks(run, corpus, tasks, { workers: 1 }, { onEnd: () => { throw new Error('no room'); } })).rejects.toThrow('no room');
  });

  it('stops at once when aborted, keeping what was delivered', async () => {
    const controller = new AbortController();
    const rows: SeriesRow[] = [];
    const result = await simulateAsync(corpus, vocabulary.size, settings, { workers: 1, signal: controller.signal }, {
      onRow: (row) => {
        rows.push(row);
        if (rows.length === 4) controller.abort();
      },
    });
    expect(result).toMatchObject({ ended: 1, interrupted: true });
    expect(rows).toHaveLength(4);
  });

  it('with 2 workers, a worker that dies takes its series with it and is replaced; a failing series is reported; the rest finishes in order', async () => {
    // 6 series: slots 1 and 3 kill their worker, so slots 4 and 5 need the replacements
    const six: RunSettings = { ...settings, replicates: 3 };
    const run = prepareRun(corpus, vocabulary.size, six);
    const tasks = seriesTasks(six);
    const expected: string[] = [];
    simulate(corpus, vocabulary.size, six, { emit: (row) => expected.push(key(row)) });
    const rows: string[] = [];
    const ends: Array<[number, string | undefined]> = [];
    // two worker threads, this thread only waiting: every slot goes to the crashing worker script
    const result = await runTasks(run, corpus, tasks, { workers: 2, inThisThread: false, workerScript: new URL('../fixtures/crashingWorker.mjs', import.meta.url) }, {
      onRow: (row) => rows.push(key(row)),
      onEnd: (task, outcome) => ends.push([task.position, outcome.error?.message]),
    });
    expect(result).toEqual({ ended: 6, failed: 3, interrupted: false });
    expect(ends).toEqual([
      [tasks[0]!.position, undefined],
      [tasks[1]!.position, 'worker died on slot 1'],
      [tasks[2]!.position, 'series failed on slot 2'],
      [tasks[3]!.position, 'worker died on slot 3'],
      [tasks[4]!.position, undefined],
      [tasks[5]!.position, undefined],
    ]);
    // the rows (generations 0..2) of series 0, 4 and 5: exactly those simulate gives
    const rows0 = settings.generations + 1;
    expect(rows).toEqual([...expected.slice(0, rows0), ...expected.slice(4 * rows0)]);
  });

  it('a worker thread that ends without a reply or an error takes its series with it, and is replaced (the run never settled: review)', async () => {
    const six: RunSettings = { ...settings, replicates: 3 };
    const run = prepareRun(corpus, vocabulary.size, six);
    const tasks = seriesTasks(six);
    const ends: Array<[number, string | undefined]> = [];
    const result = await runTasks(run, corpus, tasks, { workers: 2, inThisThread: false, workerScript: new URL('../fixtures/quittingWorker.mjs', import.meta.url) }, {
      onRow: () => undefined,
      onEnd: (task, outcome) => ends.push([task.position, outcome.error?.message]),
    });
    expect(result).toEqual({ ended: 6, failed: 1, interrupted: false });
    expect(ends.find(([position]) => position === tasks[1]!.position)).toEqual([tasks[1]!.position, 'a worker thread ended (exit code 0) before its task did']);
    // a script that is no worker at all ends every thread at once, each with the series it was given:
    // every series fails, and the run ends (it waited for ever)
    const none = await runTasks(run, corpus, tasks, { workers: 2, inThisThread: false, workerScript: new URL('../fixtures/noWorker.mjs', import.meta.url) }, { onRow: () => undefined });
    expect(none).toEqual({ ended: 6, failed: 6, interrupted: false });
  });

  it('takes the worker script as a path or a file: URL string too (the README says "a URL or path"; "file://..." was a raw TypeError: audit)', async () => {
    const six: RunSettings = { ...settings, replicates: 3 };
    const run = prepareRun(corpus, vocabulary.size, six);
    const script = new URL('../fixtures/crashingWorker.mjs', import.meta.url);
    for (const workerScript of [fileURLToPath(script), script.href]) {
      const result = await runTasks(run, corpus, seriesTasks(six), { workers: 2, inThisThread: false, workerScript }, { onRow: () => undefined });
      // the crashing script's three failures (slots 1, 2 and 3), as with the URL above
      expect(result).toEqual({ ended: 6, failed: 3, interrupted: false });
    }
    expect(() => validateTaskOptions({ workerScript: '' }, {})).toThrow("options.workerScript must be a URL or a path, got ''");
    expect(() => validateTaskOptions({ workerScript: 'file://[' }, {})).toThrow('options.workerScript must be a URL or a path');
  });

  it('with 2 threads (this one and a worker, or two workers) gives the rows of simulate, in the same order', async () => {
    const expected: string[] = [];
    simulate(corpus, vocabulary.size, settings, { emit: (row) => expected.push(key(row)) });
    for (const inThisThread of [true, false]) {
      const rows: string[] = [];
      const result = await simulateAsync(corpus, vocabulary.size, settings, { workers: 2, inThisThread }, { onRow: (row) => rows.push(key(row)) });
      expect(result).toMatchObject({ ended: 4, failed: 0, interrupted: false });
      expect(rows).toEqual(expected);
    }
  });

  it('with 2 threads, a series failing in this thread is reported and the others finish', async () => {
    // the worker takes slot 0 first, this thread slot 1: the broken series runs here
    const run = prepareRun(corpus, vocabulary.size, settings);
    const tasks = seriesTasks(settings);
    const broken: SeriesTask = { ...tasks[1]!, cell: { ...tasks[1]!.cell, id: 'broken', settings: { ...tasks[1]!.cell.settings, smoothing: 'no-such' as never } } };
    const ends: Array<[string, string | undefined]> = [];
    const rows: SeriesRow[] = [];
    const result = await runTasks(run, corpus, [tasks[0]!, broken, tasks[2]!, tasks[3]!], { workers: 2 }, {
      onRow: (row) => rows.push(row),
      onEnd: (task, outcome) => ends.push([task.cell.id, outcome.error?.message]),
    });
    expect(result).toEqual({ ended: 4, failed: 1, interrupted: false });
    expect(ends).toEqual([
      ['human_ratio=0', undefined],
      ['broken', "unknown cell.settings.smoothing value 'no-such'"],
      ['human_ratio=0.5', undefined],
      ['human_ratio=0.5', undefined],
    ]);
    expect(rows).toHaveLength(3 * 3);
  });

  it('with 2 threads, a handler that throws for a series of this thread rejects the run with its error', async () => {
    const run = prepareRun(corpus, vocabulary.size, settings);
    const tasks = seriesTasks(settings);
    const failing = runTasks(run, corpus, tasks, { workers: 2, extras: { extinctions: false, texts: true } }, {
      onTexts: (task) => {
        if (task.position === tasks[1]!.position) throw new Error('disk full');
      },
    });
    await expect(failing).rejects.toThrow('disk full');
  });

  it('with 2 threads, stops when aborted, keeping what was delivered in order; this thread starts no generation after', async () => {
    const long: RunSettings = { ...settings, generations: 40 };
    const expected: string[] = [];
    simulate(corpus, vocabulary.size, long, { emit: (row) => expected.push(key(row)) });
    const tasks = seriesTasks(long);
    const controller = new AbortController();
    const rows: string[] = [];
    let afterAbort = 0;
    // this thread runs slot 1 first: abort when its series reports generation 2, mid-series
    const result = await simulateAsync(corpus, vocabulary.size, long, { workers: 2, signal: controller.signal }, {
      onRow: (row) => rows.push(key(row)),
      onProgress: (task, generation) => {
        // the generation running at the abort ends (it cannot be cut short); no other may start
        if (controller.signal.aborted && (task.position !== tasks[1]!.position || generation !== 2)) afterAbort++;
        else if (task.position === tasks[1]!.position && generation === 2) controller.abort();
      },
    });
    expect(result.interrupted).toBe(true);
    expect(result.ended).toBeLessThan(4);
    expect(rows).toEqual(expected.slice(0, rows.length));
    // nothing more happens: no row, and no new generation of this thread's series (progress) after the abort
    const delivered = rows.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(rows).toHaveLength(delivered);
    expect(afterAbort).toBe(0);
  });

  it('with 2 threads, a handler that aborts stops every later handler call, and `ended` counts the ends delivered (audit: 7 rows and an end came after the abort, `ended` said 1 of 2)', async () => {
    for (const abortAt of [5, 9]) {
      // the rows arrive in order, 3 a series (generations 0..2); the 5th is series 2's second, the 9th series 3's last
      const controller = new AbortController();
      const calls: string[] = [];
      let afterAbort = 0;
      const result = await simulateAsync(corpus, vocabulary.size, settings, { workers: 2, signal: controller.signal }, {
        onRow: (row) => {
          if (controller.signal.aborted) afterAbort++;
          calls.push(`row ${row.cell.id} ${row.replicate}`);
          if (calls.filter((call) => call.startsWith('row')).length === abortAt) controller.abort();
        },
        onEnd: (task) => {
          if (controller.signal.aborted) afterAbort++;
          calls.push(`end ${task.position}`);
        },
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(afterAbort, `abort at row ${abortAt}`).toBe(0);
      expect(result, `abort at row ${abortAt}`).toEqual({ ended: calls.filter((call) => call.startsWith('end')).length, failed: 0, interrupted: true, run: expect.anything() });
      // rows 1-3 and series 1's end, then rows 4-5 (2 series' first two rows) or rows 4-9 and series 2's end
      expect(result.ended, `abort at row ${abortAt}`).toBe(abortAt === 5 ? 1 : 2);
    }
  });

  it('no handler is called once a handler aborted, in process and in this thread of a pool too; an abort in the last onEnd leaves the run whole (audit: onRow, onTexts and onProgress followed an abort in this thread; `interrupted` differed by path)', async () => {
    const layouts = [{ workers: 1 }, { workers: 2 }, { workers: 3 }, { workers: 2, inThisThread: false }];
    for (const layout of layouts) {
      for (const where of ['onTexts', 'onProgress', 'onRow'] as const) {
        const controller = new AbortController();
        const after: string[] = [];
        let ends = 0;
        const call = (name: string) => (): void => {
          if (controller.signal.aborted) after.push(name);
          else if (name === where) controller.abort();
        };
        const result = await simulateAsync(corpus, vocabulary.size, settings, { ...layout, signal: controller.signal, extras: { extinctions: false, texts: true } }, {
          onTexts: call('onTexts'),
          onProgress: call('onProgress'),
          onRow: call('onRow'),
          onEnd: () => {
            if (controller.signal.aborted) after.push('onEnd');
            else ends++;
          },
        });
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect({ layout, where, after }).toEqual({ layout, where, after: [] });
        expect(result).toMatchObject({ ended: ends, interrupted: true });
      }
      // an abort inside the last task's onEnd: every task ended, nothing to resume
      const controller = new AbortController();
      let ends = 0;
      const whole = await simulateAsync(corpus, vocabulary.size, settings, { ...layout, signal: controller.signal }, {
        onEnd: () => {
          if (++ends === 4) controller.abort();
        },
      });
      expect({ layout, whole: { ended: whole.ended, interrupted: whole.interrupted } }).toEqual({ layout, whole: { ended: 4, interrupted: false } });
    }
  });

  it('a warn that throws rejects the run with its error, whichever thread the warning comes from (audit: in this thread it was a failed series)', async () => {
    // 50 tokens a batch: the models collapse to one sentence, and the loop warns
    const tiny: RunSettings = { ...settings, tokens: 50, generations: 8, replicates: 1 };
    for (const options of [{ workers: 1 }, { workers: 2 }, { workers: 2, inThisThread: false }]) {
      const run = simulateAsync(corpus, vocabulary.size, tiny, { ...options, warn: () => { throw new Error('log closed'); } }, {});
      await expect(run, JSON.stringify(options)).rejects.toThrow('log closed');
    }
  });
});

describe('poolSize and seriesTokens', () => {
  it('by default runs small series in this thread and larger ones on one thread per core; --workers always wins', () => {
    const small = SMALL_SERIES_TOKENS - 1;
    expect(poolSize(undefined, 4, small, 8)).toBe(1);
    expect(poolSize(undefined, 4, SMALL_SERIES_TOKENS, 8)).toBe(4); // one per core, never more than the tasks
    expect(poolSize(undefined, 16, SMALL_SERIES_TOKENS, 8)).toBe(8);
    expect(poolSize(3, 4, small, 8)).toBe(3); // asked for: a small run too
    expect(poolSize(3, 2, SMALL_SERIES_TOKENS, 8)).toBe(2);
  });

  it('sums the batches over the generations, growing by the sweep\'s largest growth', () => {
    // tokens 1,000, growth 2: generations 1..3 hold 1,000 + 2,000 + 4,000 = 7,000 tokens
    const growing: RunSettings = { ...settings, tokens: 1000, generations: 3, sweep: { ...settings.sweep, tokensGrowth: [1, 2] } };
    expect(seriesTokens(growing, corpus)).toBe(7000);
    // no --tokens: the whole corpus each generation (2 generations)
    expect(seriesTokens(settings, corpus)).toBe(2 * corpus.ids.length);
  });
});
