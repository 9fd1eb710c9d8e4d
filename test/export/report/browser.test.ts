/**
 * The HTML report as a person sees it: opened from disk (file://) in headless Debian Chromium through
 * playwright-core. Skips, saying why, only when /usr/bin/chromium is missing and CI is not set; in CI
 * (which runs .ci/install-chromium.sh first) it always runs. Screenshots go to test-output/report/.
 */

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCurves } from '../../../src/export/report/readCurves.js';
import { renderReportHtml } from '../../../src/export/report/reportHtml.js';
import { renderSvgCharts } from '../../../src/export/report/svgCharts.js';
import { launchChromium, SKIP_BROWSER, SKIP_REASON } from '../../helpers/chromium.js';
import { fixture, TEST_OUTPUT } from './fixtures.js';

const CELLS = 3;
const OUTPUT = join(TEST_OUTPUT, 'report');

if (SKIP_BROWSER) {
  describe('HTML report in headless Chromium', () => {
    it.skip(SKIP_REASON, () => {});
  });
} else {
  describe('HTML report in headless Chromium', () => {
    let context: BrowserContext;
    let page: Page;
    let profile: string;
    let metrics: readonly string[];
    const consoleErrors: string[] = [];
    const foreignRequests: string[] = [];

    beforeAll(async () => {
      const table = await readCurves(fixture('curves.csv'));
      metrics = table.metrics;
      mkdirSync(OUTPUT, { recursive: true });
      const reportPath = join(OUTPUT, 'report.html');
      writeFileSync(reportPath, await renderReportHtml(table.rows, { columns: table.columns, source: 'curves.csv' }));
      ({ context, profile } = await launchChromium({ viewport: { width: 1200, height: 900 } }));
      page = context.pages()[0] ?? (await context.newPage());
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(String(error)));
      page.on('request', (request) => {
        if (!/^(file|data|blob|about):/.test(request.url())) foreignRequests.push(request.url());
      });
      await page.goto(pathToFileURL(reportPath).href);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
    });

    afterAll(async () => {
      await context?.close();
      if (profile) rmSync(profile, { recursive: true, force: true });
    });

    const linesIn = (selector: string) => page.locator(`${selector} svg .mark-line.role-mark`).count();
    const yTitle = () => page.locator('#metric-chart svg .role-axis-title text').allTextContents();

    it('opens with vocab_retention drawn, one line per cell, and no console error or network request', async () => {
      await expect.poll(() => page.getAttribute('#metric-chart', 'data-metric')).toBe('vocab_retention');
      expect(await linesIn('#metric-chart')).toBe(CELLS);
      expect(await page.getAttribute('html', 'data-error')).toBeNull();
      await page.screenshot({ path: join(OUTPUT, 'report.png'), fullPage: true });
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    });

    it('draws the survival bands as four panels with one line per cell each', async () => {
      expect(await page.getAttribute('#survival-chart', 'data-state')).toBe('ready');
      // each chart image has a name of its own (a screen reader read its tick labels in a row: audit)
      expect(await page.getAttribute('#survival-chart svg', 'aria-label')).toMatch(/^Survival .*: a chart by generation, one line per cell \(the values are in the curves CSV\)$/u);
      expect(await page.getAttribute('#metric-chart svg', 'aria-label')).toMatch(/^\w+: .+: a chart by generation, one line per cell \(the values are in the curves CSV\)$/u);
      expect(await linesIn('#survival-chart')).toBe(4 * CELLS);
      const headers = await page.locator('#survival-chart svg .role-column-header text').allTextContents();
      expect(headers.join(' ')).toContain('seen 21+ ×');
    });

    it('lists every metric in the selector, and switching it redraws the chart for that metric', async () => {
      const options = await page.locator('#metric-select option').evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value));
      expect(options).toEqual([...metrics]);
      const before = await page.locator('#metric-chart svg .mark-line.role-mark path').first().getAttribute('d');
      for (const metric of metrics) {
        await page.selectOption('#metric-select', metric);
        await page.waitForSelector(`#metric-chart[data-metric="${metric}"][data-state="ready"]`);
        expect(await linesIn('#metric-chart'), metric).toBe(CELLS);
        expect(await yTitle(), metric).toContain(metric.endsWith('_perplexity') ? `${metric} (log scale)` : metric);
        expect(await page.textContent('#metric-chart svg .role-title-text')).toBe(metric);
      }
      await page.selectOption('#metric-select', 'heldout_perplexity');
      await page.waitForSelector('#metric-chart[data-metric="heldout_perplexity"][data-state="ready"]');
      const after = await page.locator('#metric-chart svg .mark-line.role-mark path').first().getAttribute('d');
      expect(after).not.toBe(before);
      expect(page.url()).toMatch(/#metric=heldout_perplexity$/);
      await page.screenshot({ path: join(OUTPUT, 'report-heldout_perplexity.png'), fullPage: true });
      expect(consoleErrors).toEqual([]);
    });

    it('follows a link changed on the open page, and opens with the first chart for a malformed one (it threw: nothing drawn: audit)', async () => {
      const reportUrl = page.url().replace(/#.*$/u, '');
      await page.evaluate("location.hash = '#metric=entropy_bits'");
      await page.waitForSelector('#metric-chart[data-metric="entropy_bits"][data-state="ready"]');
      expect(await page.inputValue('#metric-select')).toBe('entropy_bits');
      // a section's anchor leaves the chart picked (it went back to the opening one: round 3)
      await page.evaluate("new Promise((done) => { window.addEventListener('hashchange', () => setTimeout(done, 100), { once: true }); location.hash = '#survival'; })");
      expect(await page.inputValue('#metric-select')).toBe('entropy_bits');
      // back to the address without a link: the opening chart (the linked one stayed: audit)
      await page.evaluate("history.pushState(null, '', location.pathname); window.dispatchEvent(new HashChangeEvent('hashchange'))");
      await page.waitForSelector('#metric-chart[data-metric="vocab_retention"][data-state="ready"]');
      // a malformed link on a fresh load, in this same tab (a second tab left this one without frames
      // on a CI machine: the next click and screenshot waited 30 s for one): the query string makes
      // it a new document, not a change of the hash
      const errors = consoleErrors.length;
      await page.goto(`${reportUrl}?fresh#metric=%E0%A4%A`);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
      expect(await page.getAttribute('#metric-chart', 'data-metric')).toBe('vocab_retention');
      await page.goto(reportUrl);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
      expect(consoleErrors.length).toBe(errors);
    });

    it('highlights a cell when its legend entry is clicked', async () => {
      await page.selectOption('#metric-select', 'entropy_bits');
      await page.waitForSelector('#metric-chart[data-metric="entropy_bits"][data-state="ready"]');
      const lineOpacities = () =>
        page.locator('#metric-chart svg .mark-line.role-mark path').evaluateAll((paths) => paths.map((p) => p.getAttribute('opacity')));
      expect(await lineOpacities()).toEqual(['1', '1', '1']);
      await page.locator('#metric-chart svg .role-legend-label text', { hasText: 'human_ratio=0.1' }).click();
      await expect.poll(lineOpacities).toEqual(['0.15', '1', '0.15']);
      await page.screenshot({ path: join(OUTPUT, 'report-legend-pick.png') });
    });

    it('shows exact values in a tooltip on hovering a point', async () => {
      await page.selectOption('#metric-select', 'vocab_retention');
      await page.waitForSelector('#metric-chart[data-metric="vocab_retention"][data-state="ready"]');
      await page.locator('#metric-chart svg .mark-symbol.role-mark path').nth(1).hover({ force: true });
      const tooltip = page.locator('#vg-tooltip-element');
      await expect.poll(() => tooltip.textContent()).toMatch(/strategy=replace\/human_ratio=0.*metric\s*vocab_retention.*generation\s*1.*mean\s*0\.9.*replicates\s*3.*95% CI\s*0\.65158/s);
      await page.screenshot({ path: join(OUTPUT, 'report-tooltip.png') });
    });

    it('draws every SVG of plot --svg within its image (Cyrillic cell names too), with no blank strip at its right for ASCII text (DejaVu Sans, as on Debian)', async () => {
      // Vega lays a chart out in Node by textWidth's widths (its own estimate left strips of 40-160 px);
      // here Chromium draws each image and reports where its text and marks really end.
      const table = await readCurves(fixture('curves.csv'));
      // and cell names in Cyrillic, with dashes, accents and a combining mark, as long as a legend takes
      // (at 0.7 em a character outside ASCII, such a name ran past the image's edge: round 2)
      const renamed = join(OUTPUT, 'curves-cyrillic.csv');
      writeFileSync(renamed, readFileSync(fixture('curves.csv'), 'utf8').replaceAll('replace', 'Жёлтый—Щит—Шлюз—Юг—ЖЖЖШШЩЩЩ—е\u0301—…'));
      const cyrillic = await readCurves(renamed);
      const charts = [
        ...(await renderSvgCharts(table.rows, { columns: table.columns })),
        ...(await renderSvgCharts(cyrillic.rows, { columns: cyrillic.columns, metrics: ['types', 'vocab_retention'] })),
      ];
      const svgPage = await context.newPage();
      await svgPage.setContent(`<!doctype html><body style="margin:0">${charts.map(({ svg }) => `<div>${svg}</div>`).join('')}</body>`);
      // (a script as text: this file is compiled without the DOM's types)
      const extents = await svgPage.evaluate<Array<{ width: number; text: number; drawn: number }>>(`[...document.querySelectorAll('body > div > svg')].map((svg) => {
        const left = svg.getBoundingClientRect().left;
        const right = (selector) => Math.max(...[...svg.querySelectorAll(selector)].map((element) => element.getBoundingClientRect().right - left));
        // what is drawn: text, lines and marks, not the group frames Vega sizes to its layout
        return { width: Number(svg.getAttribute('width')), text: right('text'), drawn: right('text, path:not(.background), line') };
      })`);
      await svgPage.close();
      await page.bringToFront(); // (the report's tab in front again, for any test after this one: a tab behind waited for frames)
      expect(extents.length).toBe(charts.length);
      const ascii = charts.length - 2;
      for (const [i, { width, text, drawn }] of extents.entries()) {
        expect(text, charts[i]!.file).toBeLessThanOrEqual(width);
        // Vega's padding is 5 px; outside ASCII a character is counted wider than most are drawn
        if (i < ascii) expect(drawn, charts[i]!.file).toBeGreaterThan(width - 15);
      }
    });
  });
}
