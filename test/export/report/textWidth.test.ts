import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../../src/export/report/svgCharts.js';
import { textWidth, useTextWidth, type TextMetrics } from '../../../src/export/report/textWidth.js';

describe('textWidth', () => {
  it('adds DejaVu Sans advance widths, scaled to the font size', () => {
    // 'a' 613 + 'b' 635 = 1,248 thousandths of an em; at 10 px, 12.48 px
    expect(textWidth({ fontSize: 10 }, 'ab')).toBeCloseTo(12.48, 10);
    // bold: 'a' 675 + 'b' 716 = 1,391; a weight of 600 or more is bold, as a number or as text
    for (const fontWeight of ['bold', 'bolder', 600, '700']) expect(textWidth({ fontSize: 10, fontWeight }, 'ab')).toBeCloseTo(13.91, 10);
    for (const fontWeight of ['normal', 400, '500', null]) expect(textWidth({ fontSize: 10, fontWeight }, 'ab')).toBeCloseTo(12.48, 10);
    // Vega's default size, 11 px, when the item has none; the item's own text when none is given; trimmed
    expect(textWidth({ text: ' a ' })).toBeCloseTo(0.613 * 11, 10);
    // outside ASCII: 'é' 1.1 em, 'Щ' 1.1 em (1.25 bold), '中' 1 em, an emoji 1.3 em, a combining acute and a zero-width space none:
    // at 20 px, 22 + 22 + 20 + 26 + 0 + 0 = 90; bold 25 + 25 + 20 + 26 = 96
    expect(textWidth({ fontSize: 20 }, 'éЩ中😀\u0301\u200b')).toBeCloseTo(90, 10);
    expect(textWidth({ fontSize: 20, fontWeight: 'bold' }, 'éЩ中😀\u0301\u200b')).toBeCloseTo(96, 10);
    // the few signs wider than 1.1 em, as Chromium measures DejaVu Sans: '‰' 1.342 em (1.44 bold), '‱' 1.735 (1.887), '☏' 1.25;
    // at 10 px, 13.42 + 17.35 + 12.5 = 43.27; bold 14.4 + 18.87 + 12.5 = 45.77 (they ran past an image's edge at 1.1 em)
    expect(textWidth({ fontSize: 10 }, '‰‱☏')).toBeCloseTo(43.27, 10);
    expect(textWidth({ fontSize: 10, fontWeight: 'bold' }, '‰‱☏')).toBeCloseTo(45.77, 10);
    // a limit caps the width (Vega cuts the text to it); 0 or none does not
    expect(textWidth({ fontSize: 10, limit: 5 }, 'ab')).toBe(5);
    expect(textWidth({ fontSize: 10, limit: 0 }, 'ab')).toBeCloseTo(12.48, 10);
    expect(textWidth({ fontSize: 10 }, '')).toBe(0);
  });

  it('is installed only where Vega estimates (a canvas, when there is one, measures better)', () => {
    const estimateWidth = () => 1;
    const estimating: TextMetrics = { width: estimateWidth, estimateWidth };
    useTextWidth(estimating);
    expect(estimating.width).toBe(textWidth);
    const measuring: TextMetrics = { width: () => 2, estimateWidth };
    const canvas = measuring.width;
    useTextWidth(measuring);
    expect(measuring.width).toBe(canvas);
    expect(() => useTextWidth(undefined)).not.toThrow();
  });

  it('lays out an SVG as wide as its text, not as Vega estimates it without a canvas', async () => {
    // A 40 px plot under a title of 60 x's: Vega's titles are 13 px bold, and bold 'x' is 0.645 em,
    // so the title is 60 x 0.645 x 13 = 503.1 px wide; Vega's estimate, 0.8 em a character, made it
    // 60 x 0.8 x 13 = 624 px, and the image that much wider than what it drew.
    const svg = await renderSvg({
      title: 'x'.repeat(60),
      width: 40,
      height: 40,
      data: { values: [{ a: 1 }] },
      mark: 'point',
      encoding: { x: { field: 'a', type: 'quantitative', axis: null }, y: { field: 'a', type: 'quantitative', axis: null } },
    });
    const width = Number(/<svg[^>]* width="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
    expect(width).toBeGreaterThanOrEqual(503);
    expect(width).toBeLessThan(503 + 20); // the title and Vega's padding of 5 px each side
  });
});
