import { describe, expect, it } from 'vitest';
import { cellKey, cellNames, expandCells } from '../../src/simulation/cells.js';
import { DEFAULT_SWEEP, type SweepSettings } from '../../src/simulation/settings.js';
import { UsageError } from '../../src/errors.js';
import { MAX_CELLS, validateSweep } from '../../src/simulation/validateSettings.js';

describe('cells', () => {
  it('are the cross product of the lists, the first column varying slowest, named by what varies', () => {
    const sweep: SweepSettings = { ...DEFAULT_SWEEP, humanRatio: [0, 0.5], order: [2, 3], select: ['none', 'dedup'] };
    const cells = expandCells(sweep);
    // 2 x 2 x 2 = 8 cells: human_ratio slowest, then order, then select (an appended column) fastest
    expect(cells.map((cell) => cell.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(cells.map((cell) => cell.id)).toEqual([
      'human_ratio=0/order=2/select=none',
      'human_ratio=0/order=2/select=dedup',
      'human_ratio=0/order=3/select=none',
      'human_ratio=0/order=3/select=dedup',
      'human_ratio=0.5/order=2/select=none',
      'human_ratio=0.5/order=2/select=dedup',
      'human_ratio=0.5/order=3/select=none',
      'human_ratio=0.5/order=3/select=dedup',
    ]);
    const firsts = Object.fromEntries(Object.entries(DEFAULT_SWEEP).map(([name, values]) => [name, (values as unknown[])[0]]));
    expect(cells[5]!.settings).toEqual({ ...firsts, humanRatio: 0.5, order: 2, select: 'dedup' });
  });

  it('are at most MAX_CELLS (100,000): 10^6 took 12 s to list and 10^9 ran out of memory (audit)', () => {
    expect(MAX_CELLS).toBe(100_000);
    // 10 x 10 x 1,000 = 100,000 cells: taken (the sizes named in the refusal); 10 x 10 x 1,001 = 100,100: refused
    const ratios = (n: number): number[] => Array.from({ length: n }, (_, i) => i / 2000);
    const sweep = (n: number): SweepSettings => ({ ...DEFAULT_SWEEP, humanRatio: ratios(n), order: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], tokensGrowth: [1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9] });
    expect(() => validateSweep(sweep(1000))).not.toThrow();
    expect(() => expandCells(sweep(1001))).toThrow(new UsageError('the sweep has 100100 cells (1001 humanRatio x 10 order x 10 tokensGrowth), more than 100000', 'sweep fewer values at once, in several runs', 'sweep'));
  });

  it('refuse a sweep that is not one, naming the list, as a run refuses it (a TypeError before)', () => {
    expect(() => expandCells({} as never)).toThrow(new UsageError('sweep.strategy is required', 'pass a non-empty list of values, each one of: replace, accumulate, accumulate-subsample', 'sweep.strategy'));
    expect(() => expandCells(undefined as never)).toThrow(UsageError);
    expect(() => expandCells({ ...DEFAULT_SWEEP, order: [] })).toThrow(/sweep\.order/u);
    expect(() => expandCells({ ...DEFAULT_SWEEP, humanRatio: [1.5] })).toThrow("sweep.humanRatio must be a number >= 0 and <= 1, got '1.5'");
    expect(() => expandCells({ ...DEFAULT_SWEEP, humanratio: [0] } as never)).toThrow("unknown sweep setting 'humanratio'");
  });

  it('one cell is named default', () => {
    expect(expandCells({ ...DEFAULT_SWEEP, humanRatio: [0] }).map((cell) => cell.id)).toEqual(['default']);
  });

  it('key every first setting, and an appended setting only when it is not at its default', () => {
    const plain = expandCells({ ...DEFAULT_SWEEP, humanRatio: [0.1] })[0]!;
    expect(plain.key).toBe('strategy=replace/human_ratio=0.1/human_pool=fresh/anchor=0/order=3/smoothing=mle/vocab=observed/temperature=1/top_k=0/top_p=1');
    expect(cellKey({ ...plain.settings, tokensGrowth: 1.5 })).toBe(`${plain.key}/tokens_growth=1.5`);
    expect(cellKey({ ...plain.settings, select: 'dedup', tokensGrowth: 2 })).toBe(`${plain.key}/select=dedup/tokens_growth=2`);
  });

  it('name a number as the CSV writes it (no exponent, 6 significant digits), and key it as JavaScript does', () => {
    // (a sweep with 0.1234567 is refused, too many digits: the names are those of settings made by hand)
    const firsts = expandCells(DEFAULT_SWEEP)[0]!.settings;
    const cells = [0.1234567, 0.5].flatMap((humanRatio) => [1e-7, 2].map((tokensGrowth) => ({ ...firsts, humanRatio, tokensGrowth })));
    expect(() => expandCells({ ...DEFAULT_SWEEP, humanRatio: [0.1234567] })).toThrow('has more digits than the CSV');
    expect(cellNames(cells)).toEqual([
      'human_ratio=0.123457/tokens_growth=0.0000001',
      'human_ratio=0.123457/tokens_growth=2',
      'human_ratio=0.5/tokens_growth=0.0000001',
      'human_ratio=0.5/tokens_growth=2',
    ]);
    // the seed key is unchanged by the name: a cell's random draws stay what they were
    expect(cellKey(cells[0]!)).toContain('/human_ratio=0.1234567/');
    expect(cellKey(cells[0]!)).toContain('/tokens_growth=1e-7');
  });

  it('name the cells expandCells gives as their settings (they were all named default: audit of the library)', () => {
    const cells = expandCells({ ...DEFAULT_SWEEP, humanRatio: [0, 0.1], order: [2, 3] });
    expect(cellNames(cells)).toEqual(['human_ratio=0/order=2', 'human_ratio=0/order=3', 'human_ratio=0.1/order=2', 'human_ratio=0.1/order=3']);
    expect(cellNames(cells)).toEqual(cellNames(cells.map((cell) => cell.settings)));
    expect(cells.map((cell) => cell.id)).toEqual(cellNames(cells));
  });

  it('name cells read through valueOf, an undefined value counting as the empty text', () => {
    const rows = [{ human_ratio: 0, top_k: undefined }, { human_ratio: 0.5, top_k: '' }, { human_ratio: 0.5, top_k: undefined }];
    expect(cellNames(rows, (row, column) => (row as Record<string, unknown>)[column])).toEqual(['human_ratio=0', 'human_ratio=0.5', 'human_ratio=0.5']);
    const same = [{ top_k: undefined }, { top_k: '' }];
    expect(cellNames(same, (row, column) => (row as Record<string, unknown>)[column])).toEqual(['default', 'default']);
  });
});
