import { describe, expect, it } from 'vitest';
import { readCurves } from '../../../src/export/report/readCurves.js';
import { escapeHtml, jsonForScript, renderReportHtml } from '../../../src/export/report/reportHtml.js';
import { fixture, occurrences } from './fixtures.js';

describe('renderReportHtml', () => {
  it('inlines Vega, Vega-Lite and vega-embed and loads nothing from elsewhere', async () => {
    const { rows, columns } = await readCurves(fixture('curves.csv'));
    const html = await renderReportHtml(rows, { columns });
    for (const name of ['vega', 'vega-lite', 'vega-embed']) expect(html).toContain(`<script data-vendor="${name}">`);
    expect(html).not.toContain('sourceMappingURL');
    // The page around the library code (whose own source mentions <img src=...> for tooltip images).
    const page = html.replace(/<script data-vendor="[^"]+">[\s\S]*?<\/script>/g, '');
    expect(page).not.toMatch(/\ssrc=|<link|@import|https?:\/\/(?!vega\.github\.io\/schema)/);
    expect(occurrences(html, '</script>')).toBe(5); // chart data, three libraries, the page script
  });

  it('says what its lines and bands are: means with 95% bands, or the runs themselves with one replicate', async () => {
    const three = await readCurves(fixture('curves.csv')); // 3 cells x 3 replicates x generations 0..3
    expect(await renderReportHtml(three.rows, { columns: three.columns })).toContain('3 cells, 9 runs (cell × replicate), generations 0–3. Lines are means across replicates; shaded bands are 95% confidence intervals (Student t).');
    const one = await readCurves(fixture('curves-one-replicate.csv')); // replicate 1 of c1 and c2
    expect(await renderReportHtml(one.rows, { columns: one.columns })).toContain('2 cells, 2 runs (cell × replicate), generations 0–3. Lines are the runs themselves: one replicate per cell, so no confidence band.');
    const mixed = [...one.rows, ...three.rows.filter((row) => row.cell === 'c3')]; // c1, c2 once, c3 three times
    expect(await renderReportHtml(mixed, { columns: three.columns })).toContain('shaded bands are 95% confidence intervals (Student t), where a cell has more than one replicate.');
  });

  it('heads the last-generation table "Last generation" without a run record, "Run" over the record\'s facts (a recipe\'s report had "Run" over the table alone: audit)', async () => {
    const { rows, columns } = await readCurves(fixture('curves.csv'));
    const html = await renderReportHtml(rows, { columns });
    expect(html).toContain('<section id="overview">\n<h2>Last generation</h2>');
    expect(html).not.toContain('<h2>Run</h2>');
  });

  it('shows in the Cells table a setting the cell names give and no column holds (the subword recipe\'s cells, alike in every column, looked the same: audit)', async () => {
    const { rows, columns } = await readCurves(fixture('curves.csv'));
    const renamed = { c1: 'tokenizer=gpt2', c2: 'tokenizer=bpe:500/order=2', c3: 'c3' } as Record<string, string>;
    const html = await renderReportHtml(rows.map((row) => ({ ...row, cell: renamed[row.cell]! })), { columns });
    const cells = html.slice(html.indexOf('<section id="cells">'));
    // (order=2 is a column already: only tokenizer is added, before the columns; c3 names none)
    expect(cells).toContain('<th>legend</th><th>cell</th><th>tokenizer</th><th>strategy</th>');
    // (the legend's name first: after a long cell name it was off the page: audit)
    expect(cells).toMatch(/<tr><td>[^<]*<\/td><td>tokenizer=gpt2<\/td><td>gpt2<\/td><td>/);
    expect(cells).toMatch(/<tr><td>[^<]*<\/td><td>tokenizer=bpe:500\/order=2<\/td><td>bpe:500<\/td><td>/);
    expect(cells).toMatch(/<tr><td>[^<]*<\/td><td>c3<\/td><td><\/td><td>/);
    const plain = await renderReportHtml(rows, { columns });
    expect(plain.slice(plain.indexOf('<section id="cells">'))).toContain('<th>legend</th><th>cell</th><th>strategy</th>');
  });

  it("names the columns of another program's it does not draw, as they hold text (a column passed without a word: audit)", async () => {
    const { rows, columns } = await readCurves(fixture('curves.csv'));
    const notes = rows.map((row, index) => ({ ...row, note: index % 2 === 0 ? 'ok' : 'check', my_metric: index % 2 === 0 ? 1.5 : 'NaN' }));
    const html = await renderReportHtml(notes, { columns: [...columns, 'note', 'my_metric'] });
    expect(html).toContain('<p class="note">The column note holds text (a value other than a number, an empty field, NaN or NA), so it is not drawn.</p>');
    expect(html).toContain('<option value="my_metric">');
    expect(await renderReportHtml(rows, { columns })).not.toContain('Not drawn');
  });

  it('offers every metric in CSV order in the selector', async () => {
    const { rows, columns, metrics } = await readCurves(fixture('curves.csv'));
    const html = await renderReportHtml(rows, { columns });
    const options = [...html.matchAll(/<option value="([^"]+)">/g)].map((m) => m[1]);
    expect(options).toEqual([...metrics]);
  });

  it('keeps hostile cell names inert in the table and in the inline JSON', async () => {
    const rows = [
      { cell: '</script><b>x', replicate: 1, generation: 0, vocab_retention: 1 },
      { cell: '</script><b>x', replicate: 1, generation: 1, vocab_retention: 0.5 },
    ];
    const html = await renderReportHtml(rows, { title: 'a <title>' });
    expect(occurrences(html, '</script>')).toBe(5);
    expect(html).toContain('<td>&lt;/script&gt;&lt;b&gt;x</td>');
    expect(html).toContain('<h1>a &lt;title&gt;</h1>');
  });

  it('escapes text and JSON for their places in the page', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(jsonForScript({ s: '</script>\u2028' })).toBe('{"s":"\\u003c/script>\\u2028"}');
    expect(JSON.parse(jsonForScript({ s: '</script>\u2028' }))).toEqual({ s: '</script>\u2028' });
  });
});
