/**
 * The run's progress bar on stderr (cli-progress): work done / total in generations, elapsed time and
 * ETA. Only when stderr is a terminal and not --quiet; otherwise a no-op with the same interface.
 *
 * What it counts (ProgressCounter, pure): every series' own progress as its worker reports it (see
 * simulation/generationProgress.ts): finished generations plus the fraction of the generation under
 * way (sampled and trained tokens), whichever series they belong to and whatever order the rows are
 * written in. The ETA (etaText, pure) is extrapolated from the work done in this session only, and is
 * shown as "--" until there is some: at least MIN_ELAPSED_MS and a non-zero amount of work.
 */

import { createRequire } from 'node:module';
import type { CliIO } from './io.js';

// cli-progress is loaded only when a bar is shown (a terminal without --quiet): start-up stays light.
const require = createRequire(import.meta.url);

export interface Progress {
  /** Series `task` is `fraction` (0..1) through generation `generation` (0-based). */
  update(task: number, generation: number, fraction: number): void;
  /** Leaves the final bar on its line and moves to the next line. */
  stop(): void;
}

const SILENT: Progress = { update: () => undefined, stop: () => undefined };

/** Before this much time has passed, no ETA is shown. */
export const MIN_ELAPSED_MS = 2000;

/** Sum over series of generations finished plus the fraction of the one under way. */
export class ProgressCounter {
  private readonly perTask = new Map<number, number>();
  /** Finished generations, summed: whole numbers, so exact. */
  private whole: number;
  /** The fractions under way, summed, and how many series have one. */
  private fractions = 0;
  private underWay = 0;

  /** `done`: generations already finished before this session (a resumed run). */
  constructor(done = 0) {
    this.whole = done;
  }

  /** Records a report; a report behind the series' last one (out of order) changes nothing. */
  update(task: number, generation: number, fraction: number): void {
    const value = generation + Math.min(1, Math.max(0, fraction));
    const before = this.perTask.get(task) ?? 0;
    if (value <= before) return;
    this.perTask.set(task, value);
    const [partBefore, part] = [before - Math.floor(before), value - Math.floor(value)];
    this.whole += Math.floor(value) - Math.floor(before);
    this.underWay += (part > 0 ? 1 : 0) - (partBefore > 0 ? 1 : 0);
    // (no fraction under way: none summed, exactly; a running sum of the fractions' differences ended
    // at 11.999999999999998 of 12, the bar at 99% with no ETA, when two workers' reports interleaved: probe)
    this.fractions = this.underWay === 0 ? 0 : this.fractions + part - partBefore;
  }

  get value(): number {
    return this.whole + this.fractions;
  }
}

/**
 * The ETA as text: remaining work at the rate of this session (`done - start` in `elapsedMs`), "--"
 * before MIN_ELAPSED_MS or before any work, "0s" only when all is done.
 */
export function etaText(elapsedMs: number, start: number, done: number, total: number): string {
  if (done >= total) return '0s';
  const progress = done - start;
  if (elapsedMs < MIN_ELAPSED_MS || progress <= 0) return '--';
  const seconds = Math.ceil(((total - done) * elapsedMs) / progress / 1000);
  return formatDuration(seconds);
}

/** 59 -> "59s", 61 -> "1m01s", 3700 -> "1h01m". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/**
 * The bar, or SILENT. It stops, giving the terminal back its cursor and line wrap, at `stop()` or when
 * `signal` aborts (a Ctrl-C: a second one ends the process before any `finally` runs, and the terminal
 * would keep the cursor hidden).
 */
export function startProgress(io: CliIO, enabled: boolean, total: number, done: number, { now = Date.now, signal }: { now?: () => number; signal?: AbortSignal } = {}): Progress {
  if (!enabled || !io.isTTY || total === 0) return SILENT;
  const cliProgress = require('cli-progress') as typeof import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr as unknown as NodeJS.WritableStream,
      format: 'generations {bar} {shown}/{total} {percentage}% | elapsed {duration_formatted} | ETA {eta_text}',
      hideCursor: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const counter = new ProgressCounter(done);
  const started = now();
  const payload = (): { shown: string; eta_text: string } => ({
    shown: counter.value.toFixed(1).replace(/\.0$/u, ''),
    eta_text: etaText(now() - started, done, counter.value, total),
  });
  bar.start(total, done, payload());
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    signal?.removeEventListener('abort', stop);
    bar.stop();
  };
  signal?.addEventListener('abort', stop, { once: true });
  return {
    update: (task, generation, fraction) => {
      if (stopped) return;
      counter.update(task, generation, fraction);
      bar.update(counter.value, payload());
    },
    stop,
  };
}
