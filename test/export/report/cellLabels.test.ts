import { describe, expect, it } from 'vitest';
import { cellLabels } from '../../../src/export/report/cellLabels.js';

const settings = { strategy: 'replace', human_ratio: '0', human_pool: 'fixed', order: '3', smoothing: 'mle' };

describe('cellLabels', () => {
  it('names cells by the settings that differ between them, in order of appearance', () => {
    const labels = cellLabels([
      { cell: 'c1', ...settings },
      { cell: 'c2', ...settings, human_ratio: '0.1' },
      { cell: 'c1', ...settings },
      { cell: 'c3', ...settings, strategy: 'accumulate' },
    ]);
    expect([...labels]).toEqual([
      ['c1', 'strategy=replace/human_ratio=0'],
      ['c2', 'strategy=replace/human_ratio=0.1'],
      ['c3', 'strategy=accumulate/human_ratio=0'],
    ]);
  });

  it('uses the cell name when no setting differs', () => {
    expect([...cellLabels([{ cell: 'brown', ...settings }])]).toEqual([['brown', 'brown']]);
  });

  it('keeps labels unique when cells differ only in something the CSV does not show', () => {
    const labels = cellLabels([
      { cell: 'news', ...settings },
      { cell: 'fiction', ...settings },
      { cell: 'fiction-mix', ...settings, human_ratio: '0.1' },
    ]);
    expect([...labels.values()]).toEqual(['news: human_ratio=0', 'fiction: human_ratio=0', 'fiction-mix: human_ratio=0.1']);
  });
});
