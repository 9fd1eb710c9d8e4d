/**
 * The milestones a screen reader hears of a run: a quarter of its rows, never sooner than
 * MILESTONE_GAP_MS after the last thing said, never the end (the run's end says it). Screen-reader
 * users heard nothing between Run and the end (audit).
 */

import { describe, expect, it } from 'vitest';
import { milestone, MILESTONE_GAP_MS } from '../../src/playground/browser/progressMilestones.js';

describe('milestone', () => {
  const start = { quarter: 0, at: 0 };

  it('says each quarter reached, with the rows done', () => {
    expect(milestone(start, 24, 100, MILESTONE_GAP_MS)).toBeUndefined();
    expect(milestone(start, 25, 100, MILESTONE_GAP_MS)).toEqual({ line: '25% done: 25 of 100 rows.', quarter: 1 });
    expect(milestone({ quarter: 1, at: 0 }, 49, 100, 10 * MILESTONE_GAP_MS)).toBeUndefined();
    expect(milestone({ quarter: 1, at: 0 }, 1_503, 2_000, 10 * MILESTONE_GAP_MS)).toEqual({ line: '75% done: 1,503 of 2,000 rows.', quarter: 3 });
  });

  it('says nothing sooner than MILESTONE_GAP_MS after the last thing said, then the quarter reached by then', () => {
    expect(milestone(start, 60, 100, MILESTONE_GAP_MS - 1)).toBeUndefined();
    expect(milestone(start, 60, 100, MILESTONE_GAP_MS)).toEqual({ line: '60% done: 60 of 100 rows.', quarter: 2 });
  });

  it('never says the end, nor anything of a run without rows', () => {
    expect(milestone(start, 100, 100, 10 * MILESTONE_GAP_MS)).toBeUndefined();
    expect(milestone(start, 0, 0, 10 * MILESTONE_GAP_MS)).toBeUndefined();
  });

  it('says every row of a run at most once per gap: 1,000 rows over 10 s give 2 milestones at most', () => {
    let said = start;
    const lines: string[] = [];
    for (let row = 1; row <= 1_000; row++) {
      const next = milestone(said, row, 1_000, row * 10);
      if (next === undefined) continue;
      lines.push(next.line);
      said = { quarter: next.quarter, at: row * 10 };
    }
    expect(lines).toEqual(['40% done: 400 of 1,000 rows.', '80% done: 800 of 1,000 rows.']);
  });
});
