import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseShard, shardTasks } from '../../src/simulation/shard.js';

describe('shards', () => {
  it('parse i/n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
  });

  it.each(['0/3', '4/3', '1/0', 'a/b', '1', '1/2/3'])("refuse '%s'", (raw) => {
    expect(() => parseShard(raw)).toThrow(UsageError);
    expect(() => parseShard(raw)).toThrow(`--shard must be i/n with 1 <= i <= n, got '${raw}'`);
  });

  it('partition the tasks round robin, keeping canonical order', () => {
    const tasks = Array.from({ length: 10 }, (_, position) => ({ position }));
    const shares = [1, 2, 3].map((index) => shardTasks(tasks, { index, count: 3 }).map((task) => task.position));
    expect(shares).toEqual([[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]]);
  });
});
