import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { formatShard, inShard, parseShard, shardTasks, WHOLE_RUN } from '../../src/simulation/shard.js';

describe('shards', () => {
  it('parse i/n, with spaces around the numbers and numbers of several digits', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 12 / 30 ')).toEqual({ index: 12, count: 30 });
  });

  it('accept the bounds: the first and the last of n, and 1/1', () => {
    expect(parseShard('1/4')).toEqual({ index: 1, count: 4 });
    expect(parseShard('4/4')).toEqual({ index: 4, count: 4 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
  });

  it.each(['0/3', '4/3', '1/0', 'a/b', '1', '1/2/3', '1/99999999999999999999'])("refuse '%s'", (raw) => {
    expect(() => parseShard(raw)).toThrow(UsageError);
    expect(() => parseShard(raw)).toThrow(`shard must be i/n with 1 <= i <= n, got '${raw}'`);
  });

  it('quote a value that is no text as every refusal does (it was its String(): `got \'undefined\'`: library probe)', () => {
    expect(() => parseShard(undefined as never)).toThrow('shard must be i/n with 1 <= i <= n, got undefined');
    expect(() => parseShard(2 as never)).toThrow("shard must be i/n with 1 <= i <= n, got '2'");
    expect(() => parseShard({ index: 1, count: 2 } as never)).toThrow('shard must be i/n with 1 <= i <= n, got {"index":1,"count":2}');
  });

  it('name the flag they were given, and say what to pass', () => {
    try {
      parseShard('5/2', '--part');
      expect.unreachable();
    } catch (error) {
      expect((error as UsageError).message).toBe("--part must be i/n with 1 <= i <= n, got '5/2'");
      expect((error as UsageError).hint).toBe('pass e.g. --part 2/4 for the second of four shares');
    }
    // the library's own word: no flag in the hint (it named --shard: review)
    expect(() => parseShard('5/2')).toThrow(new UsageError("shard must be i/n with 1 <= i <= n, got '5/2'", "pass e.g. '2/4' for the second of four shares"));
    // a config file's key: the value as the file writes it (the hint mixed the flag and the key: probe)
    expect(() => parseShard('3/2', '--config s.json: "shard"')).toThrow(new UsageError('--config s.json: "shard" must be i/n with 1 <= i <= n, got \'3/2\'', 'write e.g. "shard": "2/4" for the second of four shares'));
  });

  it('write i/n back as parseShard reads it', () => {
    expect(formatShard({ index: 2, count: 4 })).toBe('2/4');
    expect(parseShard(formatShard({ index: 7, count: 9 }))).toEqual({ index: 7, count: 9 });
    expect(formatShard(WHOLE_RUN)).toBe('1/1');
  });

  it('partition the tasks round robin, keeping canonical order', () => {
    const tasks = Array.from({ length: 10 }, (_, position) => ({ position }));
    const shares = [1, 2, 3].map((index) => shardTasks(tasks, { index, count: 3 }).map((task) => task.position));
    expect(shares).toEqual([[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]]);
    expect(inShard(5, { index: 3, count: 3 })).toBe(true); // 5 mod 3 = 2 = 3 - 1
    expect(inShard(5, { index: 2, count: 3 })).toBe(false);
  });

  it('the whole run is the one shard that holds every task', () => {
    const tasks = Array.from({ length: 4 }, (_, position) => ({ position }));
    expect(shardTasks(tasks, WHOLE_RUN)).toEqual(tasks);
  });
});
