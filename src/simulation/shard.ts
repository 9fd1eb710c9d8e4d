/**
 * Shards: a deterministic share of a run's (cell, replicate) tasks, so that one sweep can run on many
 * machines (`--shard i/n`) and be joined with `merge`.
 *
 * Contract: shard i of n (1 <= i <= n) holds the tasks whose canonical position p has p mod n = i - 1
 * (round robin, so every shard gets a similar mix of cells). The n shards partition the tasks; each
 * shard keeps canonical order. Pure.
 */

import { UsageError } from '../errors.js';
import { shownValue } from '../validation/valueRule.js';
import type { SeriesTask } from './seriesTask.js';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export const WHOLE_RUN: Shard = { index: 1, count: 1 };

/** Parses `i/n`; throws UsageError naming `flag` (the CLI's `--shard`; the library's `shard`) and the value. */
export function parseShard(raw: string, flag = 'shard'): Shard {
  const match = typeof raw === 'string' ? /^\s*(\d+)\s*\/\s*(\d+)\s*$/u.exec(raw) : null;
  const index = match === null ? Number.NaN : Number(match[1]);
  const count = match === null ? Number.NaN : Number(match[2]);
  // (1 <= index <= count already makes count >= 1)
  if (!(index >= 1 && index <= count && Number.isSafeInteger(count))) {
    // (a value that is no text was quoted as its String(): `got 'undefined'`: library probe)
    throw new UsageError(`${flag} must be i/n with 1 <= i <= n, got ${shownValue(raw)}`, `${example(flag)} for the second of four shares`);
  }
  return { index, count };
}

/**
 * A shard written right where `flag` is: `pass e.g. --shard 2/4` for a flag, `write e.g. "shard":
 * "2/4"` for a key of a config file (`--config s.json: "shard"`: the hint read `pass e.g. --config
 * s.json: "shard" 2/4`: probe), `pass e.g. '2/4'` for the library's setting.
 */
function example(flag: string): string {
  const key = /: "([^"]+)"$/u.exec(flag)?.[1];
  if (key !== undefined) return `write e.g. "${key}": "2/4"`;
  return `pass e.g. ${flag.startsWith('--') ? `${flag} 2/4` : "'2/4'"}`;
}

/** A shard as `--shard` writes it: `i/n`. */
export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

export function inShard(position: number, shard: Shard): boolean {
  return position % shard.count === shard.index - 1;
}

/** A shard's share of `tasks`: every n-th task from the i-th, by canonical position. */
export function shardTasks<T extends Pick<SeriesTask, 'position'>>(tasks: readonly T[], shard: Shard): T[] {
  return tasks.filter((task) => inShard(task.position, shard));
}
