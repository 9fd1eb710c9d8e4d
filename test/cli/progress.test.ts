import { describe, expect, it } from 'vitest';
import { etaText, formatDuration, MIN_ELAPSED_MS, ProgressCounter, startProgress } from '../../src/cli/progress.js';
import { captureIO } from './captureIO.js';

describe('ProgressCounter: finished generations plus the fraction under way, over every series', () => {
  it('adds up series reported in any order, not only the first one in output order', () => {
    const counter = new ProgressCounter();
    counter.update(1, 0, 1); // series 1 finished generation 0 before series 0 did anything
    counter.update(1, 1, 0.5); // and is half-way through generation 1
    expect(counter.value).toBe(1.5);
    counter.update(0, 0, 0.25);
    expect(counter.value).toBe(1.75);
    counter.update(0, 0, 1);
    expect(counter.value).toBe(2.5);
  });

  it('ignores a report behind the series\' last one and clamps fractions to 0..1', () => {
    const counter = new ProgressCounter();
    counter.update(0, 2, 0.5); // 2.5
    counter.update(0, 2, 0.25); // behind: no change
    counter.update(0, 1, 1); // = 2, behind
    expect(counter.value).toBe(2.5);
    counter.update(0, 2, 7); // clamped: 3
    expect(counter.value).toBe(3);
  });

  it('reads exactly the total once every series is done, whatever fractions came before (two series at sixths: a running sum ended at 1.9999999999999996, the bar at 99%: probe)', () => {
    for (const steps of [6, 7, 10, 11]) {
      const counter = new ProgressCounter();
      // two series report k/steps of generation 0 in turn, then each finishes it (1 + 1 = 2)
      for (let k = 1; k < steps; k++) for (const task of [0, 1]) counter.update(task, 0, k / steps);
      for (const task of [0, 1]) counter.update(task, 1, 0);
      expect(counter.value, `${steps} steps`).toBe(2);
    }
  });

  it('starts at the generations a resumed run already has', () => {
    const counter = new ProgressCounter(8);
    counter.update(3, 0, 0.5);
    expect(counter.value).toBe(8.5);
  });
});

describe('etaText', () => {
  it('shows no ETA before there is data: no work yet, or too little time', () => {
    expect(etaText(10_000, 0, 0, 100)).toBe('--');
    expect(etaText(MIN_ELAPSED_MS - 1, 0, 50, 100)).toBe('--');
    expect(etaText(MIN_ELAPSED_MS, 0, 50, 100)).toBe('2s'); // from MIN_ELAPSED_MS on: 50 left at 50 per 2 s
    expect(etaText(60_000, 4, 4, 100)).toBe('--'); // resumed at 4, nothing new done yet
  });

  it('extrapolates from the work done in this session: 10 of 100 in 20 s leaves 90 at 0.5/s = 180 s', () => {
    expect(etaText(20_000, 0, 10, 100)).toBe('3m00s');
    // resumed at 50: 10 more in 20 s, 40 left -> 80 s
    expect(etaText(20_000, 50, 60, 100)).toBe('1m20s');
  });

  it('says 0s only when everything is done', () => {
    expect(etaText(0, 0, 100, 100)).toBe('0s');
    expect(etaText(100_000, 0, 99.999, 100)).toBe('1s');
  });

  it('formats durations as s, m s, h m', () => {
    expect([formatDuration(59), formatDuration(61), formatDuration(3700)]).toEqual(['59s', '1m01s', '1h01m']);
    // at each unit's edge
    expect([formatDuration(60), formatDuration(3599), formatDuration(3600)]).toEqual(['1m00s', '59m59s', '1h00m']);
  });
});

describe('startProgress: a bar only on a terminal, when asked for, with work to do', () => {
  const drawn = (isTTY: boolean, enabled: boolean, total: number): string => {
    const captured = captureIO(process.cwd(), isTTY);
    // cli-progress draws only on a stream that says it is a terminal; what is tested is io.isTTY
    Object.assign(captured.io.stderr, { isTTY: true, columns: 120 });
    const progress = startProgress(captured.io, enabled, total, 0, { now: () => 0 });
    progress.update(0, 0, 0.5);
    progress.stop();
    progress.stop(); // a second stop changes nothing
    return captured.stderr();
  };

  it('shows the work done without a trailing .0, as it is when the bar stops, and stops once', () => {
    const captured = captureIO(process.cwd(), true);
    Object.assign(captured.io.stderr, { isTTY: true, columns: 120 });
    let time = 1000;
    const progress = startProgress(captured.io, true, 4, 0, { now: () => time });
    time = 6000;
    progress.update(0, 1, 0);
    progress.update(1, 0, 0.5);
    progress.stop();
    const text = captured.stderr();
    expect(text).toContain(' 0/4 '); // drawn at the start: 0, not 0.0
    expect(text).toContain(' 1.5/4 ');
    expect(text).toContain('\u001B[?25l'); // the cursor hidden while the bar is drawn
    expect(text).toContain('ETA 9s'); // 1.5 of 4 done in 5 s: 2.5 left take 8.3 s, shown rounded up
    progress.update(1, 1, 0); // after stop: the bar is not drawn again
    progress.stop();
    expect(captured.stderr()).toBe(text);
  });

  it('stops when the run is interrupted, giving the terminal its cursor back before a second Ctrl-C could end the process (it stayed hidden)', () => {
    const captured = captureIO(process.cwd(), true);
    Object.assign(captured.io.stderr, { isTTY: true, columns: 120 });
    const interrupt = new AbortController();
    const progress = startProgress(captured.io, true, 4, 0, { now: () => 0, signal: interrupt.signal });
    progress.update(0, 1, 0);
    expect(captured.stderr()).not.toContain('\u001B[?25h');
    interrupt.abort();
    const text = captured.stderr();
    expect(text.lastIndexOf('\u001B[?25h')).toBeGreaterThan(text.lastIndexOf('\u001B[?25l')); // shown again, after the last hiding
    progress.update(1, 1, 0); // the loop's last reports: not drawn
    progress.stop();
    expect(captured.stderr()).toBe(text);
  });

  it('draws the bar with the generations done and total', () => {
    expect(drawn(true, true, 4)).toContain('generations');
    expect(drawn(true, true, 4)).toContain('/4 ');
  });

  it('draws nothing off a terminal, with --quiet, or with no generation to run', () => {
    expect(drawn(false, true, 4)).toBe('');
    expect(drawn(true, false, 4)).toBe('');
    expect(drawn(true, true, 0)).toBe('');
  });
});
