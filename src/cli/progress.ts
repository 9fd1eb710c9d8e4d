/**
 * The run's progress bar on stderr (cli-progress): generations done / total, elapsed time and ETA.
 * Only when stderr is a terminal and not --quiet; otherwise a no-op with the same interface.
 */

import { createRequire } from 'node:module';
import type { CliIO } from './io.js';

// cli-progress is loaded only when a bar is shown (a terminal without --quiet): start-up stays light.
const require = createRequire(import.meta.url);

export interface Progress {
  /** One more generation done. */
  tick(): void;
  /** Removes nothing: leaves the final bar on its line and moves to the next line. */
  stop(): void;
}

const SILENT: Progress = { tick: () => undefined, stop: () => undefined };

export function startProgress(io: CliIO, enabled: boolean, total: number, done: number): Progress {
  if (!enabled || !io.isTTY || total === 0) return SILENT;
  const cliProgress = require('cli-progress') as typeof import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr as unknown as NodeJS.WritableStream,
      format: 'generations {bar} {value}/{total} {percentage}% | elapsed {duration_formatted} | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 100,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, done);
  let stopped = false;
  return {
    tick: () => bar.increment(),
    stop: () => {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
