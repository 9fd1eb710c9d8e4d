/**
 * The playground as a person uses it: the page `ngram-collapse playground` writes, opened from disk
 * (file://) in headless Debian Chromium through playwright-core, offline, with a listener that records
 * every request that is not file:, data:, blob: or about:. Skips, saying why, only when
 * /usr/bin/chromium is missing and CI is not set. Needs the built template (`npm test` builds first).
 * Screenshots go to test-output/playground/.
 */

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_PATH, writePlayground } from '../../src/playground/playgroundFile.js';
import { SMOOTHING_NAMES } from '../../src/model/languageModel.js';
import { STRATEGIES } from '../../src/simulation/settings.js';
import { launchChromium, recordWorkerAnswers, SKIP_BROWSER, SKIP_REASON } from '../helpers/chromium.js';
import { dropText, hash, openPage, waitLoaded as waitCorpus } from './pageDriver.js';
import { cli, tempDir } from '../helpers/cli.js';

const OUTPUT = fileURLToPath(new URL('../../test-output/playground/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A corpus full of markup: none of it may ever run. */
const HOSTILE = [
  'The cat sat on the mat. <img src=x onerror="window.__pwned=1"> The dog ran away.',
  '</script><script>window.__pwned = 2</script> A bird sang in the tree.',
  '',
  'The cat saw the bird. The dog saw the cat. A bird saw the dog on the mat.',
  'Every cat and every dog ran to the tree, and the bird flew over the mat.',
  '',
].join('\n').repeat(12);

if (SKIP_BROWSER) {
  describe('playground in headless Chromium', () => {
    it.skip(SKIP_REASON, () => {});
  });
} else {
  describe('playground in headless Chromium', () => {
    let context: BrowserContext;
    let page: Page;
    let profile: string;
    let url: string;
    const errors: string[] = [];
    const requests: string[] = [];

    beforeAll(async () => {
      if (!existsSync(TEMPLATE_PATH)) throw new Error(`${TEMPLATE_PATH} is missing: run npm run build first`);
      mkdirSync(OUTPUT, { recursive: true });
      const file = join(OUTPUT, 'playground.html');
      writePlayground(file, ['brown:news', 'corpora/lighthouse.txt'], ROOT);
      url = pathToFileURL(file).href;
      ({ context, profile } = await launchChromium({ offline: true, acceptDownloads: true, viewport: { width: 1280, height: 1000 } }));
      await recordWorkerAnswers(context);
      page = context.pages()[0] ?? (await context.newPage());
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(String(error)));
      context.on('request', (request) => {
        if (!/^(file|data|blob|about):/u.test(request.url())) requests.push(request.url());
      });
    });

    afterAll(async () => {
      await context?.close();
      if (profile) rmSync(profile, { recursive: true, force: true });
    });

    /** Opens the page at an address and waits until the corpus it names is loaded (or refused). */
    async function open(fragment: string): Promise<void> {
      await openPage(page, `${url}${fragment}`);
    }

    const waitLoaded = (name = ''): Promise<string> => waitCorpus(page, name);

    async function runAndWait(): Promise<void> {
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(() => page.textContent('#run-status'), { timeout: 60_000 }).toMatch(/^Done: /u);
      expect(await page.getByRole('button', { name: 'Download CSV' }).isEnabled()).toBe(true);
      // (the charts draw a task at a time, after "Done")
      await page.waitForSelector('#charts[data-state="ready"]');
    }

    /** The file name the page gave the last download (downloadCsv's). */
    let downloadedName = '';

    async function downloadCsv(name = 'Download CSV'): Promise<string> {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      downloadedName = download.suggestedFilename();
      return readFileSync((await download.path())!, 'utf8');
    }

    /** Opens the page on lighthouse.txt (2 generations, order 2, ratio 0) and drops a file `name` holding `text`. */
    async function dropFile(name: string, text: string): Promise<void> {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 2, order: [2], humanRatio: [0] }));
      await waitLoaded();
      await dropText(page, name, text);
    }

    /** Opens the page on `corpus` (unless undefined), sets the recipes' scale and starts recipe `name` (unless undefined). */
    async function startPreset(corpus: string | undefined, name: string | undefined, generations: string, replicates: string): Promise<void> {
      if (corpus !== undefined) {
        await open(hash({ corpus, generations: 2 }));
        await waitLoaded();
        await page.locator('#presets summary').click();
      }
      await page.getByLabel("Generations (empty: the recipe's)").fill(generations);
      await page.getByLabel("Replicates (empty: the recipe's)").fill(replicates);
      if (name !== undefined) await page.getByRole('button', { name: `Run recipe ${name}` }).click();
    }

    /** Makes the page click Stop as the worker's start of the next run arrives, before its first row. */
    async function stopAtStart(): Promise<void> {
      await page.evaluate(() => {
        const status = document.getElementById('run-status')!;
        delete status.dataset['total'];
        new MutationObserver((_, observer) => {
          observer.disconnect();
          document.getElementById('stop-button')!.click();
        }).observe(status, { attributes: true, attributeFilter: ['data-total'] });
      });
    }

    /** Records every text the run status takes from now on (statuses, which recordedStatuses returns). */
    async function recordStatuses(): Promise<void> {
      await page.evaluate(() => {
        const seen: string[] = ((window as unknown as { __statuses: string[] }).__statuses = []);
        new MutationObserver(() => seen.push(document.getElementById('run-status')!.textContent ?? '')).observe(document.getElementById('run-status')!, { childList: true, characterData: true, subtree: true });
      });
    }

    /** True when the element `selector` is in the window, wholly above the run bar where the bar stands in it. */
    async function aboveRunBar(selector: string): Promise<boolean> {
      return page.evaluate((target) => {
        const box = document.querySelector(target)!.getBoundingClientRect();
        const bar = document.getElementById('run-bar')!.getBoundingClientRect();
        const limit = bar.top > 0 && bar.top < window.innerHeight ? bar.top : window.innerHeight;
        return box.height > 0 && box.top >= 0 && box.bottom <= limit + 0.5;
      }, selector);
    }

    async function recordedStatuses(): Promise<string[]> {
      return page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
    }

    async function cliCsv(config: Record<string, unknown>, cwd = tempDir()): Promise<string> {
      writeFileSync(join(cwd, 'config.json'), JSON.stringify(config));
      const result = await cli(['run', '--config', 'config.json', '--out', 'cli.csv', '--summary', 'cli-summary.csv', '--quiet', '--workers', '1'], { cwd });
      expect(result.stderr).toBe('');
      return readFileSync(join(cwd, 'cli.csv'), 'utf8');
    }

    it('runs the config in its address and downloads the very bytes `ngram-collapse run --config` writes', async () => {
      const config = { corpus: ['brown:news'], order: [2], humanRatio: [0, 0.1], generations: 10, replicates: 1, seed: 42 };
      await open(hash(config));
      expect(await waitLoaded()).toMatch(/^brown:news: 100,554 tokens, 4,623 sentences/u);
      expect(await page.inputValue('#control-humanRatio')).toBe('0,0.1');
      expect(await page.inputValue('#control-generations')).toBe('10');
      await runAndWait();
      const csv = await downloadCsv();
      // each file named for the run that made it: corpus, order, human ratio, strategy and seed (it was curves.csv)
      const stem = 'ngram-collapse-brown-news-order2-ratio0_0.1-replace-seed42';
      expect(downloadedName).toBe(`${stem}-curves.csv`);
      expect(csv.split('\n')).toHaveLength(2 * 11 + 2); // header, 2 cells x 11 generations, final newline
      const folder = tempDir();
      expect(csv).toBe(await cliCsv(config, folder));
      // the summary too, the survival law's rows included (they were left out: audit)
      const summary = await downloadCsv('Download summary CSV');
      expect(downloadedName).toBe(`${stem}-summary.csv`);
      expect(summary).toContain(',theory_survival_1,');
      expect(summary).toBe(readFileSync(join(folder, 'cli-summary.csv'), 'utf8'));
      // The curves draw, the summary downloads, the command line and the link say the same.
      expect(await page.locator('#charts figure[data-metric="vocab_retention"] svg .mark-line.role-mark').count()).toBe(2);
      expect(await page.locator('#survival-chart svg').count()).toBe(1);
      // its four panels fit the column (the "seen 21+" panel was cut off at 1280 px: audit), and so do they
      // on a phone, in rows of two, with every metric's description wrapped, not cut
      const overflow = () => page.evaluate(() => [...document.querySelectorAll('#survival-chart .plot, #charts .plot')].map((plot) => plot.querySelector('svg')!.getBoundingClientRect().width - plot.clientWidth).filter((excess) => excess > 1));
      expect(await overflow()).toEqual([]);
      // narrowed after the run: drawn again to fit (they kept the width they were drawn at: round 3)
      await page.setViewportSize({ width: 400, height: 1000 });
      await expect.poll(overflow, { timeout: 20_000 }).toEqual([]);
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(() => page.textContent('#run-status'), { timeout: 60_000 }).toMatch(/^Done: /u);
      await page.waitForSelector('#charts[data-state="ready"]'); // (the charts draw a task at a time, after "Done")
      expect(await overflow()).toEqual([]);
      const subtitleEnd = page.locator('#charts figure[data-metric="model_types"] svg text', { hasText: 'sample size' });
      expect(await subtitleEnd.count()).toBe(1);
      // on a 320 px phone nothing makes the page scroll sideways (the file input did), and legends go under the plots
      await page.setViewportSize({ width: 320, height: 1000 });
      await expect.poll(overflow, { timeout: 20_000 }).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      // the legend's top is below the plot's x axis (at the right it left the plot 40 px wide: round 3)
      const legendBelowAxis = () => page.evaluate(() => {
        const svg = document.querySelector('#charts figure[data-metric="vocab_retention"] svg')!;
        const axisBottom = Math.max(...[...svg.querySelectorAll('.role-axis')].map((axis) => axis.getBoundingClientRect().bottom));
        return svg.querySelector('.role-legend')!.getBoundingClientRect().top >= axisBottom - 1;
      });
      expect(await legendBelowAxis()).toBe(true);
      await page.setViewportSize({ width: 1280, height: 1000 });
      expect((await downloadCsv('Download summary CSV')).split('\n')[0]).toMatch(/^cell,.*,metric,n,mean,sd,ci_low,ci_high,select,tokens_growth$/u);
      expect(await page.inputValue('#command-line')).toContain('--corpus brown:news --human-ratio 0,0.1');
      expect(await page.inputValue('#share-link')).toContain('#config=');
      const svg = await downloadCsv('Download SVG of vocab_retention');
      expect(downloadedName).toBe(`${stem}-vocab_retention.svg`);
      expect(svg).toMatch(/^<svg[^>]*>.*vocab_retention.*<\/svg>$/su);
      // the chart carries the command line that made its rows, wrapped under its subtitle (a downloaded
      // chart said nothing of its corpus or settings: audit), also once a setting has changed since
      const shownText = (image: string) => [...image.matchAll(/>([^<]+)</gu)].map((match) => match[1]!.trim()).filter((text) => text !== '').join(' ');
      const command = await page.inputValue('#command-line');
      expect(command).toMatch(/^ngram-collapse run --corpus brown:news .*--human-ratio 0,0\.1/u);
      expect(shownText(svg)).toContain(command);
      expect(shownText(await page.evaluate(() => document.querySelector('#charts figure[data-metric="vocab_retention"] svg')!.outerHTML))).not.toContain('ngram-collapse run');
      await page.getByLabel('Generations (--generations)').fill('7');
      await expect.poll(() => page.inputValue('#command-line')).toContain('--generations 7');
      const after = shownText(await downloadCsv('Download SVG of rare_survival'));
      expect(downloadedName).toBe(`${stem}-rare_survival.svg`); // (the rows' run, not the settings changed since)
      expect(after).toContain(command);
      expect(after).not.toContain('--generations 7');
      await page.getByLabel('Generations (--generations)').fill('10');
      await expect.poll(() => page.inputValue('#command-line')).toBe(command);
      expect(JSON.parse(await downloadCsv('Download --config JSON'))).toMatchObject({ ...config, corpus: ['brown:news'] });
      expect(downloadedName).toBe(`${stem}-config.json`);
      await page.screenshot({ path: join(OUTPUT, 'run.png'), fullPage: true });
    });

    it('shows the text itself: generations side by side, a word search, the rare words that died first', async () => {
      const headings = await page.locator('#samples h4').allTextContents();
      expect(headings).toEqual(['generation 0 (human text)', 'generation 1', 'generation 5', 'generation 10']);
      await page.getByLabel('Word', { exact: true }).fill('jury');
      await expect.poll(() => page.textContent('#word-result')).toMatch(/"jury" (went extinct at generation \d+|is still alive at generation 10)/u);
      expect(await page.locator('#word-result tr').nth(1).locator('td').count()).toBe(11); // generations 0..10
      // the row says what it counts: H, then the model's own text (a halved count at ratio 0.5 read as dying: audit)
      expect(await page.locator('#word-result tr').nth(1).locator('th').textContent()).toBe('count of "jury" (H, then the synthetic text)');
      expect(await page.locator('#rare-list li').count()).toBeGreaterThan(10);
      expect(await page.locator('#rare-list li').first().textContent()).toMatch(/^\p{L}\S* \(seen 1× in the human pool, gone at generation 1\)$/u);
      // the list is the first 60 of many tied at generation 1, and says so (it read as "the 60 that died first": audit)
      expect(await page.textContent('#rare-note')).toMatch(/^\d+ of the human pool's rare words \(seen once\) died in replicate 1 of this cell \(missing from its synthetic text\); the first 60 by generation \(\d+ died at generation 1; among them, words that start with a letter come first, then the rarest, then by character code: capitals before small letters\)\.$/u);
      // a word typed key by key is looked up once typing pauses: the result, a live region, changed (and
      // was announced) at every keystroke (round 2)
      await page.getByLabel('Word', { exact: true }).fill('');
      await page.evaluate(() => {
        (window as unknown as { __wordChanges: number }).__wordChanges = 0;
        new MutationObserver(() => (window as unknown as { __wordChanges: number }).__wordChanges++).observe(document.getElementById('word-result')!, { childList: true, subtree: true, characterData: true });
      });
      // (the keys' input events dispatched in one go: typed with pauses, a pause of over 300 ms under a
      // loaded CI machine looked the word up twice, as it should: CI)
      await page.evaluate(() => {
        const input = document.getElementById('word-input') as HTMLInputElement;
        for (let length = 1; length <= 'president'.length; length++) {
          input.value = 'president'.slice(0, length);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
      });
      await expect.poll(() => page.textContent('#word-result')).toMatch(/^"president" /u);
      expect(await page.evaluate(() => (window as unknown as { __wordChanges: number }).__wordChanges)).toBe(1);
      // a rare word of the list, clicked, is looked up in the word search (note r47's leftover)
      const first = (await page.locator('#rare-list li button').first().textContent())!;
      // one tab stop before any focus: the first word (each word was a tab stop of its own, 74 after a small run: audit of the playground)
      expect(await page.locator('#rare-list li button').evaluateAll((all) => all.map((button) => (button as HTMLButtonElement).tabIndex))).toEqual(
        (await page.locator('#rare-list li button').evaluateAll((all) => all.map((_, i) => (i === 0 ? 0 : -1)))));
      // reached by the keyboard, its focus ring is 3:1 or more against the page (2:1 before: round 2)
      await page.getByLabel('Word', { exact: true }).focus();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement === document.querySelector('#rare-list li button'))).toBe(true);
      // the list is one tab stop: the arrow keys move within it, End to its last, and Tab leaves it
      // (each word was a tab stop of its own, 74 after a small run: audit of the playground)
      const rare = await page.locator('#rare-list li button').count();
      expect(rare).toBeGreaterThan(2);
      const focused = () => page.evaluate(() => [...document.querySelectorAll('#rare-list li button')].indexOf(document.activeElement as HTMLButtonElement));
      await page.keyboard.press('ArrowDown');
      expect(await focused()).toBe(1);
      await page.keyboard.press('ArrowLeft');
      expect(await focused()).toBe(0);
      await page.keyboard.press('End');
      expect(await focused()).toBe(rare - 1);
      await page.keyboard.press('ArrowRight');
      expect(await focused()).toBe(rare - 1);
      expect(await page.locator('#rare-list li button[tabindex="0"]').count()).toBe(1);
      await page.keyboard.press('Tab');
      expect(await focused()).toBe(-1);
      // Shift+Tab comes back to the word last focused in it
      await page.keyboard.press('Shift+Tab');
      expect(await focused()).toBe(rare - 1);
      // an arrow with Alt is the browser's (Alt+Left is Back)
      await page.keyboard.press('Alt+ArrowLeft');
      expect(await focused()).toBe(rare - 1);
      // a redraw of the list (a run's rows, the cell chosen again) keeps the focus on the same word (it fell to the page: round 3)
      const word = await page.evaluate(() => document.activeElement!.textContent);
      await page.evaluate(() => document.getElementById('text-cell')!.dispatchEvent(new Event('change')));
      expect(await page.evaluate(() => [document.activeElement!.closest('#rare-list') !== null, document.activeElement!.textContent, document.activeElement!.getAttribute('tabindex')])).toEqual([true, word, '0']);
      await page.keyboard.press('Home');
      const [ring, style] = await page.locator('#rare-list li button').first().evaluate((button) => [getComputedStyle(button).outlineColor, getComputedStyle(button).outlineStyle]);
      expect(style).toBe('solid');
      const channels = /^rgb\((\d+), (\d+), (\d+)\)$/u.exec(ring)!.slice(1).map((value) => Number(value) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      expect(1.05 / (0.2126 * channels[0]! + 0.7152 * channels[1]! + 0.0722 * channels[2]! + 0.05)).toBeGreaterThanOrEqual(3);
      await page.locator('#rare-list li button').first().click();
      expect(await page.inputValue('#word-input')).toBe(first);
      expect(await page.textContent('#word-result')).toContain(`"${first}" went extinct at generation 1.`);
      // the human text marks the words gone by generation 10, each with the generation the word search gives
      // it; words it leaves unmarked are alive at 10 (the samples did not show what died: note r47's leftover)
      const marks = await page.locator('#samples article').first().locator('button.gone').evaluateAll((all) => all.map((mark) => [mark.textContent!, mark.getAttribute('title')!] as const));
      expect(marks.length).toBeGreaterThan(0);
      expect(await page.locator('#samples > p.hint').textContent()).toBe('Marked like this in the human text: its words gone from the synthetic text by generation 10; select one for its counts and the generation it went at (Tab reaches the first; the arrow keys the others, as in the list of rare words).');
      // the marked words too are one tab stop
      expect(await page.locator('#samples button.gone[tabindex="0"]').count()).toBe(1);
      expect(await page.locator('#samples button.gone[tabindex="-1"]').count()).toBe(marks.length - 1);
      // each a button that looks its word up (the generation was on hover alone: round 2)
      await page.locator('#samples article').first().locator('button.gone').first().click();
      expect(await page.inputValue('#word-input')).toBe(marks[0]![0]);
      expect(await page.textContent('#word-result')).toContain(`"${marks[0]![0]}" went extinct at generation `);
      for (const [word, title] of marks.slice(0, 3)) {
        await page.getByLabel('Word', { exact: true }).fill(word);
        await expect.poll(() => page.textContent('#word-result')).toContain(`"${word}" went extinct at generation ${/^gone at generation (\d+)$/u.exec(title)![1]}.`);
      }
      const unmarked = await page.locator('#samples article').first().locator('p').first().evaluate((p) => [...p.childNodes].filter((node) => node.nodeType === 3).map((node) => node.textContent!.trim()).join(' ').split(/\s+/u).filter((word) => /^\p{L}+$/u.test(word)));
      for (const word of unmarked.slice(0, 3)) {
        await page.getByLabel('Word', { exact: true }).fill(word);
        await expect.poll(() => page.textContent('#word-result')).toContain(`"${word}" is still alive at generation 10.`);
      }
      await page.locator('#text-panel').screenshot({ path: join(OUTPUT, 'text.png') });
    });

    it("reads each cell's whole measured text, not its synthetic share alone: the rare words that died agree with rare_survival at human ratio 0.1 too", async () => {
      // the rows of the last run: human ratio 0 and 0.1, 10 generations, 1 replicate. The words that died
      // are the rare seed words missing at generation 10: R (1 - rare_survival) for R rare seed words.
      // At ratio 0 the synthetic share is the whole text, so R comes from that cell; at 0.1 the row
      // measures the share and its top-up (it counted the share alone, 4747 died where the curve says 4621: audit)
      const rows = (await downloadCsv()).trim().split('\n').map((line) => line.split(','));
      const [header, ...records] = rows;
      const column = (name: string) => header!.indexOf(name);
      const survival = (cell: string) => Number(records.find((fields) => fields[column('cell')] === cell && fields[column('generation')] === '10')![column('rare_survival')]);
      const died = async (cell: string): Promise<number> => {
        await page.selectOption('#text-cell', { label: cell });
        return Number(/^(\d+) of the human pool's rare words/u.exec((await page.textContent('#rare-note'))!)![1]);
      };
      const rare = (await died('human_ratio=0')) / (1 - survival('human_ratio=0'));
      expect(Math.abs(rare - Math.round(rare))).toBeLessThan(0.01);
      expect(await died('human_ratio=0.1')).toBe(Math.round(Math.round(rare) * (1 - survival('human_ratio=0.1'))));
      await page.selectOption('#text-cell', { label: 'human_ratio=0' });
    });

    it('moves the progress bar within a long generation, before its row comes (it sat still for the whole generation: audit)', async () => {
      // two rows (generations 0 and 1); generation 1 samples and measures 1.5M tokens, a second or more
      await open(hash({ corpus: ['brown:news'], order: [2], humanRatio: [0], generations: 1, replicates: 1, tokens: 1_500_000 }));
      await waitLoaded();
      await page.evaluate(() => {
        const bar = document.getElementById('run-progress') as HTMLProgressElement;
        const values: number[] = [];
        (window as unknown as { __bar: number[] }).__bar = values;
        new MutationObserver(() => values.push(bar.value)).observe(bar, { attributes: true, attributeFilter: ['value'] });
      });
      await runAndWait();
      const values = await page.evaluate(() => (window as unknown as { __bar: number[] }).__bar);
      // a share of a row: strictly between whole rows, and never past the rows there are
      expect(values.filter((value) => value % 1 !== 0).length).toBeGreaterThan(0);
      expect(Math.max(...values)).toBe(2);
    });

    it('a dropped file full of markup is read as text, runs, and matches the CLI on the same file', async () => {
      await dropFile('hostile.txt', HOSTILE);
      expect(await waitLoaded('hostile.txt:')).toMatch(/^hostile\.txt: [\d,]+ tokens/u);
      expect(await page.inputValue('#corpus-select')).toBe('hostile.txt');
      await runAndWait();
      const folder = tempDir();
      writeFileSync(join(folder, 'hostile.txt'), HOSTILE);
      const config = { corpus: ['hostile.txt'], generations: 2, order: [2], humanRatio: [0] };
      expect(await downloadCsv()).toBe(await cliCsv(config, folder));
      expect(await page.locator('#samples').textContent()).toContain('<');
      expect(await page.locator('#samples img, #samples script').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      await page.screenshot({ path: join(OUTPUT, 'dropped.png'), fullPage: true });
    });

    it('takes a dropped file named as the command line names something else under ./ its name: brown:news stays the embedded corpus, and the command line reads the file (audit)', async () => {
      await dropFile('brown:news', HOSTILE);
      expect(await waitLoaded('./brown:news:')).toMatch(/^\.\/brown:news: [\d,]+ tokens/u);
      expect(await page.inputValue('#corpus-select')).toBe('./brown:news');
      const names = await page.locator('#corpus-select option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
      expect(names.filter((name) => name === 'brown:news' || name === './brown:news')).toEqual(['brown:news', './brown:news']);
      expect(await page.inputValue('#command-line')).toContain('--corpus ./brown:news ');
      await runAndWait();
      const folder = tempDir();
      writeFileSync(join(folder, 'brown:news'), HOSTILE);
      expect(await downloadCsv()).toBe(await cliCsv({ corpus: ['./brown:news'], generations: 2, order: [2], humanRatio: [0] }, folder));
    });

    it('says a refusal the library makes of a run in the command line\'s words, as its controls are labelled (anchor 500 needs ... said the library\'s name: audit)', async () => {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 2, order: [2], humanRatio: [0], anchor: [500] }));
      await waitLoaded();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(() => page.textContent('#settings-error'), { timeout: 30_000 }).toMatch(/^ngram-collapse: --anchor 500 needs that many human sentences, but the human pool has \d+ \(pass a smaller --anchor or a larger corpus\)$/u);
    });

    it('keeps a phone page from scrolling sideways with a long file name without spaces (its statistics line did: audit)', async () => {
      await page.setViewportSize({ width: 360, height: 740 });
      const name = 'A_really_long_file_name_without_any_spaces_exported_from_some_tool_2024-11-03_final_FINAL_v2_reviewed.txt';
      await dropFile(name, HOSTILE);
      await waitLoaded(`${name}:`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      await page.setViewportSize({ width: 1280, height: 1000 });
    });

    // Two loads at once once let the one that finished last win, not the one chosen last: choosing
    // brown:news and then the small file again, the page named the file and ran brown:news (as a
    // file chosen while the first corpus still loaded did in the probe, 2 tries of 6).
    it('the corpus chosen last is the one the page runs, whichever load finishes first', async () => {
      const config = { corpus: 'corpora/lighthouse.txt', generations: 1, humanRatio: [0] };
      await open(hash(config));
      expect(await waitLoaded('corpora/lighthouse.txt:')).toMatch(/^corpora\/lighthouse\.txt: /u);
      await page.evaluate(() => {
        const select = document.getElementById('corpus-select') as HTMLSelectElement;
        for (const name of ['brown:news', 'corpora/lighthouse.txt']) {
          select.value = name;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }
      });
      // the worker has answered both loads (the page's answers, recorded by the script added in beforeAll):
      // brown:news's, and the small file's second (its first was the page's opening load)
      await page.waitForFunction(
        () => {
          const answers = (window as unknown as { workerAnswers: string[] }).workerAnswers;
          return answers.includes('loaded brown:news') && answers.filter((answer) => answer === 'loaded corpora/lighthouse.txt').length === 2;
        },
        undefined,
        { timeout: 60_000 },
      );
      expect(await page.textContent('#corpus-stats')).toMatch(/^corpora\/lighthouse\.txt: /u);
      await runAndWait();
      const folder = tempDir();
      mkdirSync(join(folder, 'corpora'));
      writeFileSync(join(folder, config.corpus), readFileSync(join(ROOT, config.corpus)));
      expect(await downloadCsv()).toBe(await cliCsv({ ...config, corpus: [config.corpus] }, folder));
    });

    // Run waits for the corpus to load: a double-click then queued two runs, whose rows the page joined
    // (6 rows for 3), and a setting changed meanwhile ran with the old value under the new command line.
    // The report draws the survival law dashed over the survival bands; the page drew none (round 4)
    it('draws the survival law dashed over the survival bands, as the report does, for the cells it covers', async () => {
      await open(hash({ corpus: 'brown:news', generations: 2, humanRatio: [0, 0.5], order: [2] }));
      await runAndWait();
      const dashed = () => page.locator('#survival-chart svg path[stroke-dasharray]').count();
      // two dashed lines per band for the cell the law covers (ratio 0: wide black under, thin in its colour over), none for ratio 0.5
      expect(await dashed()).toBe(8);
      expect(await page.textContent('#survival-chart svg')).toContain('the survival law (Suresh');
    });

    it('a double-click on Run while the corpus loads runs once; a setting changed meanwhile is said, not run', async () => {
      const config = { corpus: 'brown:news', generations: 2, humanRatio: [0], order: [2] };
      await open(hash(config));
      // (two clicks in one task of the page: the load cannot finish between them)
      await page.evaluate(() => {
        document.getElementById('run-button')!.click();
        document.getElementById('run-button')!.click();
      });
      await expect.poll(() => page.textContent('#run-status'), { timeout: 60_000 }).toMatch(/^Done: 3 rows/u);
      expect((await downloadCsv()).trimEnd().split('\n')).toHaveLength(1 + 3);
      await open(hash({ ...config, generations: 3 }));
      // (in one task of the page, so the load cannot finish in between)
      await page.evaluate(() => {
        document.getElementById('run-button')!.click();
        const generations = document.getElementById('control-generations') as HTMLInputElement;
        generations.value = '4';
        generations.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await expect.poll(() => page.textContent('#run-status'), { timeout: 30_000 }).toBe('The corpus or the settings changed while the corpus loaded: press Run again.');
      await runAndWait();
      expect(await page.textContent('#run-status')).toMatch(/^Done: 5 rows/u);
    });

    // A Run pressed again while the first waits for the corpus was swallowed: the first then said
    // "press Run again" (its settings had changed) and nothing ran. The last press runs, once.
    it('Run pressed again after a setting changed while the corpus loads runs the new setting, once', async () => {
      const config = { corpus: 'brown:news', generations: 3, humanRatio: [0], order: [2] };
      await open(hash(config));
      await page.evaluate(() => {
        document.getElementById('run-button')!.click();
        const generations = document.getElementById('control-generations') as HTMLInputElement;
        generations.value = '4';
        generations.dispatchEvent(new Event('input', { bubbles: true }));
        document.getElementById('run-button')!.click();
      });
      // generations 0..4: 5 rows, from one run (two runs' rows were joined once: 4 + 5)
      await expect.poll(() => page.textContent('#run-status'), { timeout: 60_000 }).toMatch(/^Done: 5 rows/u);
      expect((await downloadCsv()).trimEnd().split('\n')).toHaveLength(1 + 5);
    });

    // H, M0, cell and seed types were used on the page and explained nowhere on it (audit)
    it('explains the words it uses: H, M0, seed types, cell, survival', async () => {
      await open(hash({ generations: 2 }));
      expect(await page.locator('#glossary dt').allTextContents()).toEqual(['H, the human pool', 'M0, M1, …', 'seed types', 'cell, replicate', 'survival, retention']);
    });

    it('an address whose config names no corpus opens on the page\'s corpus', async () => {
      await open(hash({ generations: 2 }));
      await waitLoaded();
      expect(await page.textContent('#corpus-error')).toBe('');
      expect(await page.locator('#corpus-select').inputValue()).toBe('brown:news');
      expect(await page.locator('#command-line').inputValue()).toContain('--corpus brown:news');
    });

    it('a crafted address is shown as text or refused, and runs nothing', async () => {
      await open(hash({ corpus: '<img src=x onerror="window.__pwned=3">' }));
      expect(await page.textContent('#corpus-error')).toBe(
        `ngram-collapse: corpus '<img src=x onerror="window.__pwned=3">' is not in this page (drop the file here, or choose one of: brown:news, corpora/lighthouse.txt)`,
      );
      expect(await page.locator('img').count()).toBe(0);
      await open(`#config=${encodeURIComponent('{"__proto__": {"order": [9]}, "x": "</script><script>window.__pwned=4</script>"}')}`);
      expect(await page.textContent('#settings-error')).toMatch(/^ngram-collapse: #config: unknown key "__proto__" \(known keys: corpus, humanRatio/u);
      await open(hash({ order: [0] }));
      expect(await page.textContent('#settings-error')).toBe("ngram-collapse: #config: \"order\" must be a whole number from 1 to 10, got '0' (pass a whole number from 1 to 10)");
      // the defaults' corpus, which the controls show, loads: its statistics show as on a plain open (they
      // stayed blank until Run: audit), never "Loading…" for ever
      expect(await waitLoaded('brown:news')).toMatch(/tokens/u);
      // and the fall-back to the defaults is said, so that Run is not taken to run the link (audit)
      expect(await page.textContent('#run-status')).toBe("The link's settings were refused: the controls hold the defaults.");
      expect(await page.inputValue('#control-order')).toBe('3');
      // until a setting changes (it stayed: audit)
      await page.getByLabel('Generations (--generations)').fill('3');
      expect(await page.textContent('#run-status')).toBe('');
      expect(await page.getByRole('button', { name: 'Download CSV' }).isEnabled()).toBe(false);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    });

    it('a link naming a corpus the page lacks shows that name, not another corpus; choosing one loads it (audit)', async () => {
      await open(hash({ corpus: 'essays.txt', generations: 2 }));
      expect(await page.textContent('#corpus-error')).toMatch(/^ngram-collapse: corpus 'essays\.txt' is not in this page/u);
      expect(await page.inputValue('#corpus-select')).toBe('essays.txt');
      expect(await page.locator('#corpus-select option:checked').textContent()).toBe('essays.txt (not in this page)');
      // choosing brown:news (it showed as chosen already, so choosing it did nothing)
      await page.selectOption('#corpus-select', 'brown:news');
      expect(await waitLoaded('brown:news')).toMatch(/^brown:news: 100,554 tokens/u);
      expect(await page.locator('#corpus-select option').allTextContents()).toEqual(['brown:news', 'corpora/lighthouse.txt']);
      // back and forth by links: the loaded corpus's statistics come back (they stayed blank: audit)
      await page.evaluate((fragment) => (location.hash = fragment), hash({ corpus: 'essays.txt', generations: 2 }));
      await expect.poll(() => page.textContent('#corpus-stats')).toBe('');
      await page.evaluate((fragment) => (location.hash = fragment), hash({ corpus: 'brown:news', generations: 2 }));
      await expect.poll(() => page.textContent('#corpus-stats')).toMatch(/^brown:news: 100,554 tokens/u);
    });

    it('an address the --max-tokens guard refuses still loads its corpus, says the guard and runs nothing (it said "Loading…" until Run: audit)', async () => {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 2, tokens: 300000000 }));
      expect(await waitLoaded('corpora/lighthouse.txt')).toMatch(/^corpora\/lighthouse\.txt: [\d,]+ tokens/u);
      expect(await page.textContent('#settings-error')).toBe('ngram-collapse: --tokens 300000000 is above the --max-tokens guard (200000000) (pass a smaller --tokens, or raise --max-tokens on the command line (the page keeps its default guard) if the machine has the memory)');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(() => page.textContent('#run-status')).toBe('Not run: a setting is refused (its message is beside it or under the settings).');
      expect(await page.locator('#run-progress').evaluate((bar) => (bar as HTMLProgressElement).value)).toBe(0);
    });

    it('rows download only beside the settings that made them (a changed setting left the old rows beside its config: audit)', async () => {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 2, order: [2], humanRatio: [0] }));
      await waitLoaded();
      await runAndWait();
      expect(await page.textContent('#export-note')).toBe('');
      await page.getByLabel('Generations (--generations)').fill('3');
      expect(await page.getByRole('button', { name: 'Download CSV' }).isEnabled()).toBe(false);
      expect(await page.getByRole('button', { name: 'Download summary CSV' }).isEnabled()).toBe(false);
      expect(await page.textContent('#export-note')).toBe('The settings or the corpus changed since these rows were made: Run again to download rows of these settings.');
      // said beside the curves too, which stay on screen (only the foot of the page said it: audit)
      expect(await page.textContent('#rows-note')).toBe('These curves were made before the settings or the corpus at the left changed: Run to draw curves of these.');
      expect(JSON.parse(await downloadCsv('Download --config JSON'))).toMatchObject({ generations: 3 });
      // put back, the rows are those of the settings shown again
      await page.getByLabel('Generations (--generations)').fill('2');
      expect(await page.getByRole('button', { name: 'Download CSV' }).isEnabled()).toBe(true);
      expect(await page.textContent('#export-note')).toBe('');
      expect(await page.textContent('#rows-note')).toBe('');
      expect((await downloadCsv()).trimEnd().split('\n')).toHaveLength(1 + 3);
      // another corpus: the same
      await page.selectOption('#corpus-select', 'brown:news');
      expect(await page.getByRole('button', { name: 'Download CSV' }).isEnabled()).toBe(false);
      // and another link opened in the tab, one naming a corpus the page lacks or one refused (the old rows stayed downloadable: audit)
      // (and the command line and the share link are those of the controls: they kept the old run's: audit)
      for (const [link, generations] of [[hash({ corpus: 'essays.txt', generations: 5 }), '5'], [hash({ shard: '1/2' }), '10']] as const) {
        await page.selectOption('#corpus-select', 'corpora/lighthouse.txt');
        expect(await page.getByRole('button', { name: 'Download CSV' }).isEnabled()).toBe(true);
        await page.evaluate((fragment) => (location.hash = fragment), link);
        await expect.poll(() => page.getByRole('button', { name: 'Download CSV' }).isEnabled()).toBe(false);
        expect(await page.textContent('#export-note')).toBe('The settings or the corpus changed since these rows were made: Run again to download rows of these settings.');
        expect(await page.inputValue('#control-generations')).toBe(generations);
        expect(await page.inputValue('#command-line')).toContain(`--generations ${generations} `);
        expect(decodeURIComponent(await page.inputValue('#share-link'))).toContain(`"generations":${generations},`);
        await page.evaluate((fragment) => (location.hash = fragment), hash({ corpus: 'corpora/lighthouse.txt', generations: 2, order: [2], humanRatio: [0] }));
      }
    });

    it('refuses several files dropped at once, saying so (the first was read and the others left without a word: audit)', async () => {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 2, order: [2], humanRatio: [0] }));
      await waitLoaded();
      await page.evaluate(() => {
        const transfer = new DataTransfer();
        for (const name of ['a.txt', 'b.txt']) transfer.items.add(new File(['One sentence here.'], name, { type: 'text/plain' }));
        document.getElementById('drop-zone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      });
      expect(await page.textContent('#corpus-error')).toBe('ngram-collapse: 2 files were dropped, and the page reads one corpus file at a time (drop one; the CLI reads several as one corpus: --corpus a.txt b.txt)');
      expect(await page.getAttribute('#corpus-error', 'class')).toBe('error'); // an error, not a warning
      expect(await page.inputValue('#corpus-select')).toBe('corpora/lighthouse.txt');
    });

    it('a recipe runs on a dropped corpus, as `recipe --corpus` does; its --config download waits for a setting to change (audit)', async () => {
      await dropFile('mine.txt', HOSTILE);
      await waitLoaded('mine.txt:');
      await page.locator('#presets summary').click();
      await startPreset(undefined, 'drift', '2', '1');
      await page.waitForSelector('#findings .finding', { timeout: 60_000 });
      expect(await page.inputValue('#corpus-select')).toBe('mine.txt');
      expect(await page.inputValue('#command-line')).toBe('ngram-collapse recipe drift --corpus mine.txt --generations 2 --replicates 1 --seed 42');
      // each verdict as the CLI gives it; a check the rows cannot decide is undecided (it read "does not hold": audit)
      const folder = tempDir();
      writeFileSync(join(folder, 'mine.txt'), HOSTILE);
      expect((await cli(['recipe', 'drift', '--corpus', 'mine.txt', '--generations', '2', '--replicates', '1', '--seed', '42', '--out', 'd', '--quiet'], { cwd: folder })).code).toBe(0);
      const cliVerdicts = (JSON.parse(readFileSync(join(folder, 'd', 'findings.json'), 'utf8')) as { findings: Array<{ name: string; verdict: string }> }).findings.map((finding) => `${finding.verdict}: ${finding.name}`);
      expect(cliVerdicts.some((line) => line.startsWith('undecided: '))).toBe(true);
      expect((await page.locator('#findings .finding strong').allTextContents()).map((text) => text.replace(/^\S+ /u, ''))).toEqual(cliVerdicts);
      expect(await page.locator('#findings .finding.undecided strong').first().textContent()).toMatch(/^\? undecided: /u);
      // one replicate: the page says what the CLI says under its findings (audit)
      const caveat = (JSON.parse(readFileSync(join(folder, 'd', 'findings.json'), 'utf8')) as { caveat: string }).caveat;
      expect(caveat).toMatch(/^One replicate: /u);
      expect(await page.textContent('#findings p.hint')).toBe(caveat);
      // the rows are the recipe's runs: no one --config file holds them
      expect(await page.getByRole('button', { name: 'Download --config JSON' }).isEnabled()).toBe(false);
      expect(await page.textContent('#export-note')).toBe("These are recipe drift's rows: the command line below runs it (a --config file holds one run's settings, not a recipe's runs, and the link below opens the settings at the left, not the recipe).");
      // beside the curves too: the settings at the left (order 2 here, drift's is 1) are not the curves' (audit)
      expect(await page.textContent('#rows-note')).toBe("These are recipe drift's curves, made with its own settings (the legend names its cells; its command line is under Export), not with the settings at the left.");
      // and its card gives its notes beside the literature's claim
      expect(await page.locator('.preset', { hasText: 'Run recipe human-ratio' }).locator('p.note').textContent()).toMatch(/^Note: Not minor on n-grams/u);
      expect(await page.getByRole('button', { name: 'Download CSV' }).isEnabled()).toBe(true);
      // its files are named for the recipe and its seed
      await downloadCsv();
      expect(downloadedName).toBe('ngram-collapse-drift-seed42-curves.csv');
      await page.getByLabel('Order (--order)').fill('4');
      // still the recipe's curves, still said (it went as a setting changed, when the settings at the left are least the curves': round 3)
      expect(await page.textContent('#rows-note')).toBe("These are recipe drift's curves, made with its own settings (the legend names its cells; its command line is under Export), not with the settings at the left.");
      expect(await page.getByRole('button', { name: 'Download --config JSON' }).isEnabled()).toBe(true);
      expect(await page.inputValue('#command-line')).toMatch(/^ngram-collapse run --corpus mine\.txt /u);
      // put back: the recipe's rows, and its command line, again (it showed run's beside the recipe's note: audit)
      await page.getByLabel('Order (--order)').fill('2');
      expect(await page.inputValue('#command-line')).toBe('ngram-collapse recipe drift --corpus mine.txt --generations 2 --replicates 1 --seed 42');
      expect(await page.getByRole('button', { name: 'Download --config JSON' }).isEnabled()).toBe(false);
      await startPreset(undefined, undefined, '', '');
    });

    it('a bad value is reported next to its control with the CLI message, and Run does nothing', async () => {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 2 }));
      await waitLoaded();
      await page.getByLabel('Human ratio (--human-ratio)').fill('0,1.5');
      expect(await page.textContent('#control-humanRatio-error')).toBe("ngram-collapse: --human-ratio must be a number >= 0 and <= 1, got '1.5' (pass a number >= 0 and <= 1)");
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      // (said, so that no earlier run's "Done" stands beside it: audit)
      await expect.poll(() => page.textContent('#run-status')).toBe('Not run: a setting is refused (its message is beside it or under the settings).');
      // the refused setting is focused, its message in view above the bar Run was pressed in (the bar covered it: round 2)
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('control-humanRatio');
      // its message is announced politely, not as an alert that interrupted each keystroke of a list typed (round 2)
      expect([await page.getAttribute('#control-humanRatio-error', 'role'), await page.getAttribute('#control-humanRatio-error', 'aria-live')]).toEqual([null, 'polite']);
      expect(await aboveRunBar('#control-humanRatio-error')).toBe(true);
      expect(await page.getByRole('button', { name: 'Download CSV' }).isEnabled()).toBe(false);
      await page.locator('#settings-panel').screenshot({ path: join(OUTPUT, 'bad-value.png') });
      // A binary file dropped: the loader's message, next to the drop zone.
      await page.getByLabel('Human ratio (--human-ratio)').fill('0');
      expect(await page.textContent('#control-humanRatio-error')).toBe('');
      await page.locator('#file-input').setInputFiles({ name: 'binary.txt', mimeType: 'text/plain', buffer: Buffer.from([0x61, 0x00, 0x62]) });
      await expect.poll(() => page.textContent('#corpus-error')).toBe('ngram-collapse: binary.txt looks binary (it contains NUL bytes) (pass a UTF-8 text file)');
    });

    it('a recipe whose generations are refused says so in the status and shows the message (nothing in view said it: round 2)', async () => {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 2 }));
      await waitLoaded();
      await page.locator('#presets summary').click();
      await page.getByLabel("Generations (empty: the recipe's)").fill('abc');
      await page.getByRole('button', { name: 'Run recipe human-ratio' }).click();
      await expect.poll(() => page.textContent('#run-status')).toBe("Not run: the recipe's generations or replicates are refused (the message is above the recipes).");
      expect(await page.textContent('#preset-error')).toMatch(/^ngram-collapse: --generations /u);
      expect(await aboveRunBar('#preset-error')).toBe(true);
      await page.getByLabel("Generations (empty: the recipe's)").fill('');
      await page.locator('#presets summary').click();
    });

    it('refuses a batch above the CLI\'s --max-tokens guard before anything runs, with the CLI\'s message', async () => {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 2 }));
      await waitLoaded();
      await page.getByLabel('Tokens (--tokens)').fill('300000000');
      expect(await page.textContent('#settings-error')).toBe('ngram-collapse: --tokens 300000000 is above the --max-tokens guard (200000000) (pass a smaller --tokens, or raise --max-tokens on the command line (the page keeps its default guard) if the machine has the memory)');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(() => page.textContent('#run-status')).toBe('Not run: a setting is refused (its message is beside it or under the settings).');
      // the message under the settings is brought into view (it stood a screen below the bar: round 2)
      expect(await aboveRunBar('#settings-error')).toBe(true);
      await page.getByLabel('Tokens (--tokens)').fill('');
      expect(await page.textContent('#settings-error')).toBe('');
    });

    it("refuses an accumulate run whose last training set passes the CLI's --max-tokens guard, before any row", async () => {
      // 3 x 100000000 > 200000000 already without H: refused with the settings, as they are read (the CLI
      // exits 2 with this line before reading the corpus); nothing is loaded for them
      await open(hash({ corpus: 'corpora/lighthouse.txt', strategy: ['accumulate'], generations: 3, tokens: 100000000, humanRatio: [0] }));
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(() => page.textContent('#settings-error')).toBe(
        'ngram-collapse: --strategy accumulate would train on 300000000 tokens by generation 3 (its batches alone, H besides), above the --max-tokens guard (200000000) (use fewer --generations or a smaller --tokens, or raise --max-tokens on the command line (the page keeps its default guard))',
      );
      // H of lighthouse.txt holds 1034 tokens: 1034 + 199999500 > 200000000, known once the corpus is read
      await open(hash({ corpus: 'corpora/lighthouse.txt', strategy: ['accumulate'], generations: 1, tokens: 199999500, humanRatio: [0] }));
      await waitLoaded();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(() => page.textContent('#settings-error')).toBe(
        'ngram-collapse: --strategy accumulate would train on 200000534 tokens by generation 1 (H and every batch), above the --max-tokens guard (200000000) (use fewer --generations or a smaller --tokens, or raise --max-tokens on the command line (the page keeps its default guard))',
      );
      expect(await page.getByRole('button', { name: 'Download CSV' }).isEnabled()).toBe(false);
    });

    it("a run the worker refuses before its first row keeps the last run's rows, charts and text (they were wiped, the progress bar and text left: audit)", async () => {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 1, humanRatio: [0] }));
      await waitLoaded();
      await runAndWait();
      const rows = await downloadCsv();
      const charts = await page.locator('#charts svg, #charts canvas').count();
      expect(charts).toBeGreaterThan(0);
      const samples = await page.textContent('#samples');
      // refused once the corpus is read (H's 1034 tokens besides the batch), as the test above shows
      await page.getByLabel('Strategy (--strategy)').fill('accumulate');
      await page.getByLabel('Tokens (--tokens)').fill('199999500');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(() => page.textContent('#run-status')).toBe("Not run: the run was refused (its message is under the settings); the last run's rows are kept.");
      expect(await page.textContent('#settings-error')).toMatch(/^ngram-collapse: --strategy accumulate would train on 200000534 tokens by generation 1/u);
      await expect.poll(() => page.locator('#charts svg, #charts canvas').count()).toBe(charts);
      expect(await page.textContent('#samples')).toBe(samples);
      // the settings put back: the rows download again, the same bytes
      await page.getByLabel('Strategy (--strategy)').fill('replace');
      await page.getByLabel('Tokens (--tokens)').fill('');
      expect(await page.getByRole('button', { name: 'Download CSV' }).isEnabled()).toBe(true);
      expect(await downloadCsv()).toBe(rows);
      // Stop between the worker's start and the first row (the page clicks it as the start arrives,
      // before the next message): the same (it wiped them then: round 2)
      await stopAtStart();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(() => page.textContent('#run-status')).toBe("Stopped before its first row; the last run's rows are kept.");
      // said whose rows are shown (round-2 audit: it said 'Run stopped: the curves are under 3', as if they were this run's)
      expect(await page.textContent('#run-announcer')).toBe("The last run's rows are shown: the curves are under 3. Curves, the text under 4. The text itself, the downloads under 5. Export.");
      await expect.poll(() => page.locator('#charts svg, #charts canvas').count()).toBe(charts);
      expect(await page.textContent('#samples')).toBe(samples);
      expect(await downloadCsv()).toBe(rows);
      // a setting typed into the JSONL field just before Run: its pending read of the corpus does not
      // empty the run's refusal after it (round 2)
      await page.getByLabel('Strategy (--strategy)').fill('accumulate');
      await page.getByLabel('Tokens (--tokens)').fill('199999500');
      await page.evaluate(() => {
        const field = document.getElementById('control-jsonlField') as HTMLInputElement;
        field.value = '';
        field.dispatchEvent(new Event('input'));
        document.getElementById('run-button')!.click();
      });
      await expect.poll(() => page.textContent('#run-status')).toBe("Not run: the run was refused (its message is under the settings); the last run's rows are kept.");
      // a refusal is the status's and the alert's to say: the run's own region says nothing (it said it a third time)
      expect(await page.textContent('#run-announcer')).toBe('');
      // the run dropped the field's pending read (400 ms after typing): nothing left to empty the refusal later
      expect(await page.getAttribute('#control-jsonlField', 'data-reread')).toBeNull();
      expect(await page.textContent('#settings-error')).toMatch(/^ngram-collapse: --strategy accumulate would train on 200000534 tokens by generation 1/u);
    });

    it('a recipe refused after moving to its own corpus puts the corpus back, with its rows (round 2)', async () => {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 1, humanRatio: [0] }));
      await waitLoaded();
      await runAndWait();
      const rows = await downloadCsv();
      await page.getByLabel('Word', { exact: true }).fill('lighthouse');
      await expect.poll(() => page.textContent('#word-result')).toMatch(/^"lighthouse" /u);
      const word = await page.textContent('#word-result');
      const rare = await page.textContent('#rare-list');
      await page.locator('#presets summary').click();
      // a recipe that starts nothing (a setting refused) stays where it was (it moved to brown:news: round 3)
      await page.getByLabel('Order (--order)').fill('x');
      await startPreset(undefined, 'drift', '2', '1');
      expect(await page.inputValue('#corpus-select')).toBe('corpora/lighthouse.txt');
      expect(await page.textContent('#run-status')).toBe('Not run: a setting is refused (its message is beside it or under the settings).');
      await page.getByLabel('Order (--order)').fill('3');
      await startPreset(undefined, 'growth', '13', '1');
      await expect.poll(() => page.textContent('#run-status'), { timeout: 30_000 }).toBe("Not run: the run was refused (its message is under the settings); the last run's rows are kept.");
      expect(await page.textContent('#settings-error')).toMatch(/^ngram-collapse: recipe growth's own --tokens-growth 2 makes generation 13's batch/u);
      expect(await page.inputValue('#corpus-select')).toBe('corpora/lighthouse.txt');
      expect(decodeURIComponent(await page.inputValue('#share-link'))).toContain('"corpus":["corpora/lighthouse.txt"]');
      await waitLoaded('corpora/lighthouse.txt:');
      expect(await page.getByRole('button', { name: 'Download CSV' }).isEnabled()).toBe(true);
      expect(await downloadCsv()).toBe(rows);
      // the text view still reads the run's words (it took brown:news's vocabulary: round 3)
      expect(await page.textContent('#word-result')).toBe(word);
      expect(await page.textContent('#rare-list')).toBe(rare);
      await startPreset(undefined, undefined, '', '');
    });

    it("a corpus of Brown alone says what --sentences line does there, as the CLI does (the page said nothing: round 2)", async () => {
      await open(hash({ corpus: 'brown:news', generations: 1 }));
      await waitLoaded();
      await page.locator('#control-sentences').selectOption('line');
      await expect.poll(() => page.textContent('#corpus-error'), { timeout: 30_000 }).toBe("ngram-collapse: warning: --sentences line does nothing on Brown: its sentences and tokens are its own, read from its tagged text");
      // shown as a warning, not as an error (bold red, though the corpus loaded: audit)
      expect(await page.getAttribute('#corpus-error', 'class')).toBe('error warning');
      // a run the worker refuses leaves it there (the check of the settings put back emptied it: round 3)
      await page.getByLabel('Strategy (--strategy)').fill('accumulate');
      await page.getByLabel('Tokens (--tokens)').fill('199999500');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(() => page.textContent('#run-status')).toBe('Not run: the run was refused (its message is under the settings).');
      expect(await page.getAttribute('#settings-error', 'class')).toBe('error'); // a refusal: an error
      expect(await page.textContent('#corpus-error')).toBe("ngram-collapse: warning: --sentences line does nothing on Brown: its sentences and tokens are its own, read from its tagged text");
      // an edit of the refused settings takes the status with their message (it pointed at a message gone: audit)
      await page.getByLabel('Tokens (--tokens)').fill('199999400');
      await expect.poll(() => page.textContent('#run-status')).toBe('');
      await page.getByLabel('Tokens (--tokens)').fill('199999500');
      // a refused link then opened in the page leaves no corpus's warning (it stayed beside the defaults: round 4)
      await page.evaluate(() => {
        location.hash = `#config=${encodeURIComponent('{"generations": "x"}')}`;
      });
      await expect.poll(() => page.textContent('#run-status')).toBe("The link's settings were refused: the controls hold the defaults.");
      expect(await page.textContent('#corpus-error')).toBe('');
    });

    it('Run says it loads the corpus while a load of it is under way (a changed tokenizer kept the old status: round 2)', async () => {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 1, humanRatio: [0] }));
      await waitLoaded();
      await recordStatuses();
      await page.evaluate(() => {
        const tokenizer = document.getElementById('control-tokenizer') as HTMLSelectElement;
        tokenizer.value = 'whitespace';
        tokenizer.dispatchEvent(new Event('change'));
        document.getElementById('run-button')!.click();
      });
      await expect.poll(() => page.textContent('#run-status'), { timeout: 60_000 }).toMatch(/^Done: /u);
      expect(await recordedStatuses()).toContain('Loading corpora/lighthouse.txt before the run…');
    });

    it("a refused link opened while the JSONL field's read is pending stays refused (the read put the defaults in the address: round 3)", async () => {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 1 }));
      await waitLoaded();
      await page.evaluate(() => {
        const field = document.getElementById('control-jsonlField') as HTMLInputElement;
        field.value = 'body';
        field.dispatchEvent(new Event('input'));
        location.hash = `#config=${encodeURIComponent('{"bogus": 1}')}`;
      });
      await expect.poll(() => page.textContent('#run-status')).toBe("The link's settings were refused: the controls hold the defaults.");
      // the address dropped the field's pending read (400 ms after typing), which would have put the
      // defaults in it: unmarked, and a read fires only while marked pending
      expect(await page.getAttribute('#control-jsonlField', 'data-reread')).toBeNull();
      expect(await page.textContent('#settings-error')).toMatch(/^ngram-collapse: #config: unknown key "bogus"/u);
      expect(decodeURIComponent(await page.evaluate(() => location.hash))).toBe('#config={"bogus": 1}');
    });

    it("a refused link opened while Run waits for its corpus shows no corpus's statistics and keeps its status (they were another corpus's: round 3)", async () => {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 1 }));
      await waitLoaded();
      await page.evaluate(() => {
        const select = document.getElementById('corpus-select') as HTMLSelectElement;
        select.value = 'brown:news';
        select.dispatchEvent(new Event('change'));
        document.getElementById('run-button')!.click();
        location.hash = `#config=${encodeURIComponent('{"bogus": 1}')}`;
      });
      await expect.poll(() => page.textContent('#run-status')).toBe("The link's settings were refused: the controls hold the defaults.");
      // the statistics, once shown, are the defaults' corpus's, brown:news, which the controls show
      expect(await waitLoaded('brown:news')).toMatch(/tokens/u);
      expect(await page.textContent('#run-status')).toBe("The link's settings were refused: the controls hold the defaults.");
      expect(await page.getByRole('button', { name: 'Download CSV' }).isEnabled()).toBe(false);
    });

    // A recipe pressed while another waits for its corpus replaces it; the first had moved the page to
    // its own corpus, and the second then took that for the user's: a stop before the first row left
    // the page on brown:news (round 2 of the replacing Run).
    it("a recipe replacing a waiting recipe moves back to the user's corpus when stopped before its first row", async () => {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 2, order: [2], humanRatio: [0] }));
      await waitLoaded('corpora/lighthouse.txt:');
      await page.locator('#presets summary').click();
      await startPreset(undefined, undefined, '3', '1');
      await stopAtStart();
      // (both in one task of the page: drift's load of brown:news cannot finish in between)
      await page.evaluate(() => {
        const button = (text: string) => [...document.querySelectorAll('button')].find((candidate) => candidate.textContent === text)!;
        button('Run recipe drift').click();
        button('Run recipe accumulate').click();
      });
      await expect.poll(() => page.textContent('#run-status'), { timeout: 60_000 }).toBe('Stopped before its first row.');
      expect(await page.locator('#corpus-select').inputValue()).toBe('corpora/lighthouse.txt');
      expect(decodeURIComponent(await page.evaluate(() => location.hash))).toContain('"corpus":["corpora/lighthouse.txt"]');
    });

    it('a recipe stopped before its first row on a link naming a missing corpus leaves no corpus statistics (the recipe corpus stayed: round 4)', async () => {
      await open(hash({ corpus: 'nope.txt', generations: 2 }));
      expect(await page.textContent('#corpus-stats')).toBe('');
      await page.locator('#presets summary').click();
      await stopAtStart();
      await startPreset(undefined, 'drift', '2', '1');
      await expect.poll(() => page.textContent('#run-status'), { timeout: 30_000 }).toBe('Stopped before its first row.');
      expect(await page.inputValue('#corpus-select')).toBe('nope.txt');
      await expect.poll(() => page.textContent('#corpus-stats')).toBe('');
      await startPreset(undefined, undefined, '', '');
    });

    it('Run after a refused link puts the settings it runs in the address (it kept the refused link: audit)', async () => {
      await open(`#config=${encodeURIComponent('{foo')}`);
      expect(await page.textContent('#run-status')).toBe("The link's settings were refused: the controls hold the defaults.");
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toBe(decodeURIComponent(new URL(await page.inputValue('#share-link')).hash));
      expect(await page.evaluate(() => decodeURIComponent(location.hash))).toMatch(/^#config=\{"corpus":\["brown:news"\]/u);
      // (the run under way ends with the page: the next test opens another address)
    });

    it('shows every warning of a run, one per line, as the CLI prints them', async () => {
      // two cells whose --select has nothing to curate, two replicates each: one warning a cell
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 1, humanRatio: [1], select: ['m0:low:0.5', 'tail:0.5'], replicates: 2 }));
      await waitLoaded();
      await runAndWait();
      expect((await page.textContent('#settings-error'))!.split('\n')).toEqual([
        'ngram-collapse: warning: cell select=m0:low:0.5: select m0:low:0.5 curates nothing at human ratio 1 (every batch is human text: nothing to select, though the rule enters the seed of the cell: its draws are not those of a cell without it)',
        'ngram-collapse: warning: cell select=tail:0.5: select tail:0.5 curates nothing at human ratio 1 (every batch is human text: nothing to select, though the rule enters the seed of the cell: its draws are not those of a cell without it)',
      ]);
      // shown as warnings, not as an error (bold red: round 3)
      expect(await page.getAttribute('#settings-error', 'class')).toBe('error warning');
      // the status, in the bar at the foot of the window, says they are there (round 2)
      expect(await page.textContent('#run-status')).toMatch(/^Done: .*\. 2 warnings under the settings\.$/u);
      // a run stopped before its first row keeps the last run's rows and their warnings (they went: round 3)
      const warnings = await page.textContent('#settings-error');
      await stopAtStart();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(() => page.textContent('#run-status')).toBe("Stopped before its first row; the last run's rows are kept.");
      expect(await page.textContent('#settings-error')).toBe(warnings);
      // but not beside other settings, whose warnings they are not (round 4)
      await page.getByLabel('Replicates (--replicates)').fill('1');
      await stopAtStart();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(() => page.textContent('#run-status')).toBe("Stopped before its first row; the last run's rows are kept.");
      expect(await page.textContent('#settings-error')).toBe('');
    });

    it("warns, as the CLI's run does, when the held-out sentences are in H verbatim (a text repeated 40 times: the page said nothing: audit)", async () => {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 1, order: [2], humanRatio: [0] }));
      await waitLoaded();
      await page.locator('#paste-box summary').click();
      await page.getByLabel('Text to use as the corpus').fill(Array.from({ length: 40 }, () => 'The keeper lit the lamp.\nThe ship came home.\nA gull sat on the rail.').join('\n'));
      await page.getByRole('button', { name: 'Use pasted text' }).click();
      await waitLoaded('pasted.txt');
      await runAndWait();
      // every held-out sentence is one of the three, each in H too
      expect(await page.textContent('#settings-error')).toBe('ngram-collapse: warning: 100.0% of the held-out sentences also occur verbatim in the human pool (duplicated text in the corpus?), so heldout_perplexity partly measures memory; de-duplicate the corpus to measure generalisation');
      expect(await page.textContent('#run-status')).toMatch(/^Done: .*\. 1 warning under the settings\.$/u);
    });

    it('offers under "Another metric" only the columns with a value, and draws the one chosen (word_* without bpe:K kept the last chart under its name: audit)', async () => {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 2, order: [2], humanRatio: [0] }));
      await waitLoaded();
      await runAndWait();
      const offered = await page.$$eval('#metric-select option', (options) => options.map((option) => (option as HTMLOptionElement).value));
      expect(offered).toContain('ttr');
      expect(offered).toContain('hapax');
      // empty in this run: the word view's columns (no bpe:K), selected_share (no --select)
      expect(offered.filter((metric) => metric.startsWith('word_') || metric === 'selected_share' || metric === 'novel_word_rate')).toEqual([]);
      await page.selectOption('#metric-select', 'hapax');
      await expect.poll(() => page.$$eval('#extra-chart figure', (figures) => figures.map((figure) => figure.getAttribute('data-metric'))), { timeout: 30_000 }).toEqual(['hapax']);
    });

    it('shows every legend entry of a 24-cell sweep in a 1024 x 768 window, on the page and in the SVG download (23 showed: audit)', async () => {
      await page.setViewportSize({ width: 1024, height: 768 });
      try {
        await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 1, humanRatio: [0, 0.1, 0.2, 0.5], order: [1, 2, 3], strategy: ['replace', 'accumulate'] }));
        await waitLoaded();
        await runAndWait();
        await page.waitForSelector('#charts[data-state="ready"]');
        const shown = () => page.$eval('#charts figure[data-metric="vocab_retention"] svg', (svg) => {
          const bottom = svg.getBoundingClientRect().bottom;
          const entries = [...svg.querySelectorAll('.role-legend text')].filter((text) => (text.textContent ?? '').includes('='));
          return `${entries.filter((text) => text.getBoundingClientRect().bottom <= bottom + 0.5).length} of ${entries.length}`;
        });
        expect(await shown()).toBe('24 of 24');
        // the download (drawn apart at the same size, with the command line under its subtitle) holds them too
        const svg = await downloadCsv('Download SVG of vocab_retention');
        const inDownload = await page.evaluate((text) => {
          const box = document.createElement('div');
          box.innerHTML = text;
          document.body.append(box);
          const image = box.querySelector('svg')!;
          const bottom = image.getBoundingClientRect().bottom;
          const entries = [...image.querySelectorAll('.role-legend text')].filter((label) => (label.textContent ?? '').includes('='));
          const inside = entries.filter((label) => label.getBoundingClientRect().bottom <= bottom + 0.5).length;
          box.remove();
          return `${inside} of ${entries.length}`;
        }, svg);
        expect(inDownload).toBe('24 of 24');
      } finally {
        await page.setViewportSize({ width: 1280, height: 1000 });
      }
    });

    it('Stop keeps every finished row, whole', async () => {
      // (--sentences line on Brown: a corpus warning, which the notices below are shown after, not instead of: review)
      await open(hash({ corpus: ['brown:news'], order: [2], humanRatio: [0], generations: 400, seed: 5, sentences: 'line' }));
      await waitLoaded();
      const corpusWarning = 'ngram-collapse: warning: --sentences line does nothing on Brown: its sentences and tokens are its own, read from its tagged text';
      expect(await page.textContent('#corpus-error')).toBe(corpusWarning);
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(() => page.evaluate(() => (document.getElementById('run-progress') as HTMLProgressElement).value), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
      // while it runs, the corpus and the settings are fixed: the exports describe the run that made the rows
      for (const control of [page.getByLabel('Order (--order)'), page.locator('#corpus-select'), page.locator('#file-input'), page.getByRole('button', { name: 'Reset settings' })]) {
        expect(await control.isDisabled()).toBe(true);
      }
      // a file dropped now is not taken, and the page says so (it was ignored without a word: audit)
      await page.evaluate(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(['the cat sat .'], 'late.txt', { type: 'text/plain' }));
        document.getElementById('drop-zone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      });
      expect(await page.textContent('#corpus-error')).toBe(`${corpusWarning}\nlate.txt was not taken: a run is under way (drop it again when the run ends, or press Stop first)`);
      expect(await page.inputValue('#corpus-select')).toBe('brown:news');
      // an address edited now is put back to the running settings, and the page says so (it said nothing: audit)
      const running = page.url();
      await page.evaluate(() => { location.hash = '#config=' + encodeURIComponent(JSON.stringify({ corpus: 'brown:fiction', order: 3 })); });
      await expect.poll(() => page.textContent('#corpus-error')).toBe(`${corpusWarning}\nThe edited address was not taken: a run is under way (edit it again when the run ends, or press Stop first); the address is the running settings again.`);
      expect(page.url()).toBe(running);
      expect(await page.getByLabel('Order (--order)').inputValue()).toBe('2');
      await page.getByRole('button', { name: 'Stop' }).click();
      expect(await page.getByLabel('Order (--order)').isDisabled()).toBe(false);
      expect(await page.locator('#corpus-select').isDisabled()).toBe(false);
      const status = (await page.textContent('#run-status'))!;
      const kept = Number(/^Stopped: (\d+) finished rows kept\.$/u.exec(status)?.[1]);
      expect(kept).toBeGreaterThanOrEqual(3);
      expect(kept).toBeLessThan(401);
      const lines = (await downloadCsv()).split('\n');
      expect(lines).toHaveLength(kept + 2);
      const fields = lines[0]!.split(',').length;
      lines.slice(1, -1).forEach((line, generation) => {
        expect(line.split(',')).toHaveLength(fields);
        expect(line.split(',')[13]).toBe(String(generation));
      });
      // The page still works after a stop: the next run starts a fresh worker, and reads the corpus
      // into it, saying so (the status said "Stopped" through the reload: audit).
      await page.getByLabel('Generations (--generations)').fill('1');
      await recordStatuses();
      await runAndWait();
      expect(await recordedStatuses()).toContain('Loading brown:news before the run…');
      expect(await page.textContent('#run-status')).toMatch(/^Done: 2 rows/u);
    });

    it("refuses a recipe preset past the CLI's --max-tokens guard, in the recipe's words, before any row (it ran a 370M-token batch: audit)", async () => {
      await startPreset('brown:news', 'growth', '13', '1');
      // `ngram-collapse recipe growth --corpus brown:news --generations 13` exits 2 with this line
      const refusal = await cli(['recipe', 'growth', '--corpus', 'brown:news', '--generations', '13', '--replicates', '1', '--out', join(tempDir(), 'growth')]);
      expect(refusal.code).toBe(2);
      // the CLI's line, its advice to raise the guard pointed at the command line (the page has no control for it: audit)
      await expect.poll(() => page.textContent('#settings-error'), { timeout: 30_000 }).toBe(refusal.stderr.trim().replace('raise --max-tokens', 'raise --max-tokens on the command line (the page keeps its default guard)'));
      expect(refusal.stderr).toMatch(/^ngram-collapse: recipe growth's own --tokens-growth 2 makes generation 13's batch \d+ tokens, above the --max-tokens guard/u);
      expect(await page.getByRole('button', { name: 'Download CSV' }).isEnabled()).toBe(false);
      // and its fewest generations, as the CLI says it
      await startPreset(undefined, 'growth', '2', '1');
      const tooFew = await cli(['recipe', 'growth', '--corpus', 'brown:news', '--generations', '2', '--out', join(tempDir(), 'growth')]);
      expect(tooFew.code).toBe(2);
      await expect.poll(() => page.textContent('#preset-error')).toBe(tooFew.stderr.trim());
      await startPreset(undefined, undefined, '', '');
    });

    it('a recipe that moves to its own corpus says so in the address and the share link (they kept the old one: audit)', async () => {
      await startPreset('corpora/lighthouse.txt', 'drift', '2', '1');
      await page.waitForSelector('#findings .finding', { timeout: 60_000 });
      expect(await page.inputValue('#corpus-select')).toBe('brown:news');
      expect(decodeURIComponent(await page.evaluate(() => location.hash))).toContain('"corpus":["brown:news"]');
      expect(decodeURIComponent(await page.inputValue('#share-link'))).toContain('"corpus":["brown:news"]');
      await startPreset(undefined, undefined, '', '');
    });

    it('reads a dropped .txt file as JSON Lines when the JSONL field is set, as `run --jsonl-field` does (it read the JSON as text: audit)', async () => {
      const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ body: `The cat ${i % 7} sat on mat ${i % 5} .`, text: 'x' })).join('\n') + '\n';
      await dropFile('records.txt', lines);
      expect(await waitLoaded('records.txt:')).not.toMatch(/^records\.txt: 320 tokens/u); // text: the JSON itself
      // a blank field is refused beside itself, in the words of `run --jsonl-field '   '` (it got the
      // address's `#config: "jsonlField"` message under the settings: audit)
      await page.getByLabel('JSONL field (--jsonl-field)').fill('   ');
      expect(await page.textContent('#control-jsonlField-error')).toBe("ngram-collapse: --jsonl-field must be a string that is not blank, got '   ' (pass a string that is not blank)");
      // the corpus is read again with the field as typing pauses, before any Run (the file's error stayed
      // beside the field that mends it until Run: audit); 40 records of 8 tokens: 320 tokens
      await page.getByLabel('JSONL field (--jsonl-field)').fill('body');
      expect(await page.textContent('#control-jsonlField-error')).toBe('');
      await expect.poll(() => page.textContent('#corpus-stats'), { timeout: 30_000 }).toMatch(/^records\.txt: 320 tokens/u);
      await runAndWait();
      const folder = tempDir();
      writeFileSync(join(folder, 'records.txt'), lines);
      expect(await downloadCsv()).toBe(await cliCsv({ corpus: ['records.txt'], generations: 2, order: [2], humanRatio: [0], jsonlField: 'body' }, folder));
    });

    it('the header points to the recipes, which open where they are (they sat closed at the foot of the settings: audit)', async () => {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 2, order: [2], humanRatio: [0] }));
      expect(await page.evaluate(() => (document.getElementById('presets') as HTMLDetailsElement).open)).toBe(false);
      await page.getByRole('button', { name: 'open the recipes' }).click();
      expect(await page.evaluate(() => (document.getElementById('presets') as HTMLDetailsElement).open)).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Recipes: published findings, one click each');
      await page.locator('#presets summary').click(); // closed again, as the tests after this one expect
    });

    it('a recipe runs as one click and shows its findings, checked as the CLI checks them', async () => {
      await open('');
      await waitLoaded();
      await page.locator('#presets summary').click();
      // refused as the CLI refuses them, in its words, and nothing runs
      // (both refused: --generations first, as `recipe truncation --generations 0 --replicates 0` says it)
      for (const [generations, replicates, message] of [
        ['1', '', "ngram-collapse: --generations must be a whole number from 2 to 100000, got '1' (pass a whole number from 2 to 100000)"],
        ['ten', '', "ngram-collapse: --generations must be a number, got 'ten' (pass a whole number from 2 to 100000)"],
        ['0', '0', "ngram-collapse: --generations must be a whole number from 2 to 100000, got '0' (pass a whole number from 2 to 100000)"],
      ]) {
        await page.getByLabel("Generations (empty: the recipe's)").fill(generations!);
        await page.getByLabel("Replicates (empty: the recipe's)").fill(replicates!);
        await page.getByRole('button', { name: 'Run recipe truncation' }).click();
        await expect.poll(() => page.textContent('#preset-error')).toBe(message);
        expect(await page.locator('#findings .finding').count()).toBe(0);
      }
      await page.getByLabel("Generations (empty: the recipe's)").fill('4');
      await page.getByLabel("Replicates (empty: the recipe's)").fill('1');
      await page.getByRole('button', { name: 'Run recipe truncation' }).click();
      await page.waitForSelector('#findings .finding', { timeout: 60_000 });
      expect(await page.textContent('#preset-error')).toBe('');
      expect(await page.locator('#findings .finding').count()).toBeGreaterThan(0);
      expect(await page.locator('#findings').textContent()).toMatch(/Expected: .*Observed: /su);
      // the status, which is read out, says how many hold and where they are (the findings were read out whole, far below: audit)
      const holding = await page.locator('#findings .finding:not(.fails):not(.undecided)').count();
      const shown = await page.locator('#findings .finding').count();
      await expect.poll(() => page.textContent('#run-status')).toMatch(new RegExp(`^Done: .*\\. ${holding} of ${shown} findings hold[^:]*: see Findings, under the charts\\.`, 'u'));
      expect(await page.getAttribute('#findings', 'aria-live')).toBeNull();
      expect(await page.locator('#samples h4').allTextContents()).toEqual(['generation 0 (human text)', 'generation 1', 'generation 4']);
      expect(await page.inputValue('#command-line')).toBe('ngram-collapse recipe truncation --corpus brown:news --generations 4 --replicates 1 --seed 42');
      await page.screenshot({ path: join(OUTPUT, 'recipe.png'), fullPage: true });
      // Run then runs the settings shown, and says so: the recipe's command line stayed beside the run's rows (audit)
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(() => page.inputValue('#command-line')).toMatch(/^ngram-collapse run /u);
      await expect.poll(() => page.getByRole('button', { name: 'Download CSV' }).isEnabled(), { timeout: 60_000 }).toBe(true);
      expect(await page.inputValue('#command-line')).toMatch(/^ngram-collapse run /u);
      await expect.poll(() => page.textContent('#run-status'), { timeout: 60_000 }).toMatch(/^Done: /u);
      expect(await page.textContent('#run-status')).not.toContain('findings');
    });

    it('shows a Hebrew sentence right to left also where its struck words are buttons (they ran left to right: audit of other languages)', async () => {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 3, order: [2], humanRatio: [0], holdout: 0, tokenizer: 'whitespace', seed: 3 }));
      await waitLoaded();
      await page.locator('#paste-box summary').click();
      // 40 sentences of four words from 24 words, most seen once or twice: some are gone by generation 3
      const words = ['הילד', 'הלך', 'לבית', 'הספר', 'הילדה', 'קראה', 'ספר', 'יפה', 'האיש', 'אכל', 'לחם', 'טרי', 'הכלב', 'רץ', 'בגן', 'הגדול', 'השמש', 'זרחה', 'מעל', 'ההר', 'הים', 'היה', 'שקט', 'מאוד'];
      const text = Array.from({ length: 40 }, (_, s) => `${[0, 1, 2, 3].map((w) => words[(s * 7 + w * 5 + (s % 3)) % words.length]).join(' ')}.`).join('\n');
      await page.getByLabel('Text to use as the corpus').fill(text);
      await page.getByRole('button', { name: 'Use pasted text' }).click();
      await waitLoaded('pasted.txt');
      await runAndWait();
      await page.waitForSelector('#samples article button.gone');
      // (the element found and measured in one task of the page: a locator's element, measured in a later
      // one, could be a sample panel a redraw had just replaced, detached and of no size)
      const order = await page.evaluate(() => {
        const article = document.querySelector('#samples article')!;
        // the first sentence with a struck word: each word's left edge, in the sentence's order
        const sentence = [...article.querySelectorAll('p')].find((p) => p.querySelector('button.gone') !== null)!;
        const range = document.createRange();
        const lefts: number[] = [];
        for (const node of sentence.childNodes) {
          if (node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() === '') continue;
          range.selectNodeContents(node);
          lefts.push(range.getBoundingClientRect().left);
        }
        return { lefts, width: sentence.getBoundingClientRect().width };
      });
      expect(order.width).toBeGreaterThan(0);
      expect(order.lefts.length).toBeGreaterThan(1);
      // right to left: each word stands left of the one before it
      expect(order.lefts.every((left, index) => index === 0 || left < order.lefts[index - 1]!), JSON.stringify(order.lefts)).toBe(true);
    });

    it("a second paste replaces the first; a tokenizer brings its case; a recipe's command line carries the corpus options", async () => {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 2 }));
      await waitLoaded();
      await page.locator('#paste-box summary').click();
      expect(await page.isVisible('#paste-save')).toBe(false); // nothing pasted used yet
      // the box is left out of the form state Chromium keeps with each history entry, which the page's
      // address updates rewrite: with 8.6 MB pasted, "Use pasted text" held the page 2.1 s, 0.9 s of it in
      // history.replaceState (profiled; 0.2 s at most with it left out: audit of the playground)
      expect(await page.getAttribute('#paste-text', 'autocomplete')).toBe('off');
      await page.getByLabel('Text to use as the corpus').fill('The cat sat. The dog ran.');
      await page.getByRole('button', { name: 'Use pasted text' }).click();
      expect(await waitLoaded('pasted.txt: 8 tokens')).toMatch(/^pasted\.txt: 8 tokens/u); // the cat sat . the dog ran .
      await page.getByLabel('Text to use as the corpus').fill('One two three four five six seven eight nine ten.');
      await page.getByRole('button', { name: 'Use pasted text' }).click();
      expect(await waitLoaded('pasted.txt: 11 tokens')).toMatch(/^pasted\.txt: 11 tokens/u); // a second paste is loaded, not the first kept
      // the text the page runs as pasted.txt saves under that name, for the command line that names it
      // (it existed nowhere but the page: audit); the text used, not what the box holds since
      await page.getByLabel('Text to use as the corpus').fill('edited after use');
      const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save the text used as pasted.txt' }).click()]);
      expect(saved.suggestedFilename()).toBe('pasted.txt');
      expect(readFileSync((await saved.path())!, 'utf8')).toBe('One two three four five six seven eight nine ten.');
      // bpe:K keeps case by default (as the CLI does without --lowercase); a word tokenizer lowercases
      await page.selectOption('#control-tokenizer', 'bpe:500');
      expect(await page.isChecked('#control-lowercase')).toBe(false);
      await page.selectOption('#control-tokenizer', 'whitespace');
      expect(await page.isChecked('#control-lowercase')).toBe(true);
      await page.getByLabel('Lowercase (--lowercase)').uncheck();
      await page.locator('#presets summary').click();
      await page.getByLabel("Generations (empty: the recipe's)").fill('2');
      await page.getByLabel("Replicates (empty: the recipe's)").fill('1');
      // the pasted text is the user's: the recipe runs on it, and refuses it as `recipe --corpus` does
      await page.getByRole('button', { name: 'Run recipe drift' }).click();
      await expect.poll(() => page.textContent('#settings-error'), { timeout: 30_000 }).toBe(
        'ngram-collapse: the corpus has 1 sentence(s), too few for a holdout share of 0.1 (pass a larger corpus, or, with run, --holdout 0 (none held out, no held-out metrics))',
      );
      // an embedded corpus: the recipe runs on its own corpus when the page has it, with the page's corpus options
      await page.selectOption('#corpus-select', 'corpora/lighthouse.txt');
      await page.getByRole('button', { name: 'Run recipe drift' }).click();
      await page.waitForSelector('#findings .finding', { timeout: 60_000 });
      expect(await page.inputValue('#command-line')).toBe('ngram-collapse recipe drift --corpus brown:news --generations 2 --replicates 1 --seed 42 --tokenizer whitespace --no-lowercase');
    });

    it('bpe:K learns on H, as the CLI does: the same bytes, word columns included', async () => {
      // bpe:50 is not among the select's two bpe:K: the address's K gets an option of its own
      const config = { corpus: ['corpora/lighthouse.txt'], generations: 3, tokenizer: 'bpe:50', humanRatio: [0], order: [2] };
      await open(hash(config));
      await waitLoaded('corpora/lighthouse.txt');
      expect(await page.locator('#control-tokenizer').inputValue()).toBe('bpe:50');
      await runAndWait();
      const csv = await downloadCsv();
      const folder = tempDir(); // the corpus at the same relative path, for the CLI's run there
      mkdirSync(join(folder, 'corpora'));
      writeFileSync(join(folder, 'corpora', 'lighthouse.txt'), readFileSync(join(ROOT, 'corpora', 'lighthouse.txt')));
      expect(csv).toBe(await cliCsv(config, folder));
      const [header, first] = csv.split('\n');
      expect(first!.split(',')[header!.split(',').indexOf('word_types')]).not.toBe(''); // the word view of the pieces
      // the text itself reads words, not pieces (samples, word search and rare words were of pieces,
      // `keep</w> er`, and a word of H was "not in the vocabulary": audit)
      const human = readFileSync(join(ROOT, 'corpora', 'lighthouse.txt'), 'utf8');
      const samples = await page.locator('#samples article').first().locator('p').allTextContents();
      expect(samples.join(' ')).not.toContain('</w>');
      for (const sentence of samples) for (const word of sentence.split(' ')) expect(human).toContain(word);
      const word = human.match(/\b[a-z]{7,}\b/u)![0];
      await page.getByLabel('Word', { exact: true }).fill(word);
      await expect.poll(() => page.locator('#word-result tr').nth(1).locator('th').textContent()).toBe(`count of "${word}" (H, then the synthetic text)`);
      const counted = Number(await page.locator('#word-result tr').nth(1).locator('td').first().textContent());
      expect(counted).toBeGreaterThan(0);
      // the run keeps case: a name typed in lowercase finds it (round 2)
      await page.getByLabel('Word', { exact: true }).fill('ines');
      await expect.poll(() => page.locator('#word-result tr').nth(1).locator('th').textContent()).toBe('count of "Ines" (H, then the synthetic text)');
      const rare = await page.locator('#rare-list li').allTextContents();
      for (const item of rare) expect(item).toMatch(/^\S+ \(seen 1× in the human pool, gone at generation \d\)$/u);
      for (const item of rare) expect(item).not.toContain('</w>');
    });

    it('the word search finds a word of a run that keeps case typed in another case (INES found nothing: round 3)', async () => {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 2, order: [2], humanRatio: [0], lowercase: false }));
      await waitLoaded();
      await runAndWait();
      for (const typed of ['INES', 'ines']) {
        await page.getByLabel('Word', { exact: true }).fill(typed);
        await expect.poll(() => page.locator('#word-result tr').nth(1).locator('th').textContent()).toBe('count of "Ines" (H, then the synthetic text)');
      }
      await page.getByLabel('Word', { exact: true }).fill('');
    });

    it('the word search takes the spelling H holds most, not the lowercase one (MANTLE found mantle, once in brown:news, over Mantle, 46 times)', async () => {
      await open(hash({ corpus: 'brown:news', generations: 1, order: [2], humanRatio: [0], lowercase: false }));
      await waitLoaded();
      await runAndWait();
      for (const typed of ['MANTLE', 'mANTLE']) {
        await page.getByLabel('Word', { exact: true }).fill(typed);
        await expect.poll(() => page.locator('#word-result tr').nth(1).locator('th').textContent()).toBe('count of "Mantle" (H, then the synthetic text)');
      }
      // a spelling the texts hold as typed is taken as typed
      await page.getByLabel('Word', { exact: true }).fill('mantle');
      await expect.poll(() => page.locator('#word-result tr').nth(1).locator('th').textContent()).toBe('count of "mantle" (H, then the synthetic text)');
      await page.getByLabel('Word', { exact: true }).fill('');
    });

    it('a page without brown:news starts on its first corpus', async () => {
      const file = join(OUTPUT, 'lighthouse-only.html');
      writePlayground(file, ['corpora/lighthouse.txt'], ROOT);
      await page.goto('about:blank');
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector('html[data-ready="true"]');
      expect(await waitLoaded('corpora/lighthouse.txt')).toMatch(/^corpora\/lighthouse\.txt: [\d,]+ tokens/u);
      expect(await page.textContent('#corpus-error')).toBe('');
    });

    it('every control has a label, the keyboard runs it, and a narrow window still works', async () => {
      // (10 generations: the word table's 12 columns are wider than a phone)
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 10 }));
      await waitLoaded();
      const unlabeled = await page.evaluate(() =>
        [...document.querySelectorAll('input, select, textarea, button')]
          .filter((element) => (element as HTMLInputElement).labels?.length === 0 && (element.textContent ?? '').trim() === '' && !element.getAttribute('aria-label'))
          .map((element) => element.id),
      );
      expect(unlabeled).toEqual([]);
      // a box that takes a setting as text is typed as is: a phone's keyboard capitalised `replace` (audit)
      const typedAsIs = await page.evaluate(() =>
        [...document.querySelectorAll('#controls input[type="text"], #preset-list input[type="text"]')].map((input) =>
          [input.id, input.getAttribute('autocapitalize'), input.getAttribute('autocorrect'), input.getAttribute('spellcheck')].join(' ')),
      );
      expect(typedAsIs.length).toBeGreaterThan(15);
      for (const line of typedAsIs) expect(line).toMatch(/^\S+ off off false$/u);
      await page.getByRole('button', { name: 'Run', exact: true }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.textContent('#run-status'), { timeout: 60_000 }).toMatch(/^Done: /u);
      // the focus went to Stop while it ran and back to Run (Run, disabled by its own press, left it nowhere: round 2)
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('run-button');
      // each chart's image has a name of its own (a screen reader read its tick labels in a row: audit)
      await page.waitForSelector('#charts[data-state="ready"]');
      const names = await page.evaluate(() => [...document.querySelectorAll('figure')].map((figure) => [figure.getAttribute('aria-label'), figure.querySelector('svg')?.getAttribute('aria-label')]));
      expect(names.length).toBeGreaterThan(3);
      for (const [figure, image] of names) expect(image).toBe(`${figure}: a chart by generation, one line per cell (the values are in the curves CSV)`);
      // and nothing between them is named: vega-embed's box read "Vega visualization" around each (audit)
      expect(await page.evaluate(() => [...document.querySelectorAll('#charts .plot')].filter((plot) => plot.hasAttribute('role') || plot.hasAttribute('aria-label')).length)).toBe(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // a phone's width and the word table of every generation: the table scrolls in its box, not the page (audit)
      await page.setViewportSize({ width: 375, height: 800 });
      // Run and the progress stay in the window while the settings scroll past (on a phone Run came after
      // about 2,000 px of them: audit): the settings are taller than the window, Run is in it at their top
      // and at their middle, and it is back in its place under them once they have scrolled by
      expect(await page.evaluate(() => document.getElementById('controls')!.getBoundingClientRect().height > window.innerHeight)).toBe(true);
      const runAt = (id: string) => page.evaluate((top) => {
        document.getElementById(top)!.scrollIntoView({ block: 'start' });
        const run = document.getElementById('run-button')!.getBoundingClientRect();
        const progress = document.getElementById('run-progress')!.getBoundingClientRect();
        return { inWindow: run.top >= 0 && progress.bottom <= window.innerHeight, belowControls: run.top >= document.getElementById('controls')!.getBoundingClientRect().bottom };
      }, id);
      expect(await runAt('settings-heading')).toEqual({ inWindow: true, belowControls: false });
      expect(await runAt('control-generations')).toEqual({ inWindow: true, belowControls: false });
      expect((await runAt('presets')).belowControls).toBe(true);
      // every setting tabbed to is shown above the bar (the page scrolled each only just into view, under the bar: round 2)
      await page.evaluate(() => window.scrollTo(0, 0));
      const settings = await page.locator('#controls :is(input, select)').evaluateAll((elements) => elements.map((element) => element.id));
      await page.focus(`#${settings[0]!}`);
      const tabbed: string[] = [];
      const hidden: string[] = [];
      for (let i = 1; i < settings.length; i++) {
        await page.keyboard.press('Tab');
        const id = await page.evaluate(() => document.activeElement!.id);
        tabbed.push(id);
        if (!(await aboveRunBar(`#${id}`))) hidden.push(id);
      }
      expect(tabbed).toEqual(settings.slice(1));
      expect(hidden).toEqual([]);
      // on a window 480 px tall or less the bar does not stick, and nothing is kept clear of it (it covered
      // most of a 400%-zoomed window: round 2); above that it sticks again
      const bar = () => page.evaluate(() => [getComputedStyle(document.getElementById('run-bar')!).position, document.documentElement.style.scrollPaddingBottom]);
      await page.setViewportSize({ width: 375, height: 480 });
      await expect.poll(bar).toEqual(['static', '']);
      await page.setViewportSize({ width: 375, height: 481 });
      await expect.poll(bar).toEqual(['sticky', expect.stringMatching(/^\d+px$/u)]);
      await page.setViewportSize({ width: 375, height: 800 });
      await page.getByLabel('Word', { exact: true }).fill('the');
      await expect.poll(() => page.locator('#word-result tr').count()).toBeGreaterThan(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(OUTPUT, 'narrow.png'), fullPage: true });
      // a projector at 200% zoom (640 x 400 px): each single chart, redrawn, fits in the window whole
      // (474 px tall, its x axis cut off: audit of the playground); its plot keeps 180 px at least
      const chartHeights = () => page.evaluate(() => [...document.querySelectorAll('#charts figure .plot svg')].map((svg) => Math.round(svg.getBoundingClientRect().height)));
      const before = await chartHeights();
      await page.setViewportSize({ width: 640, height: 400 });
      await expect.poll(async () => (await chartHeights())[0]).toBeLessThan(before[0]!);
      await page.waitForSelector('#charts[data-state="ready"]');
      const low = await chartHeights();
      expect(Math.max(...low.slice(0, -1))).toBeLessThanOrEqual(400); // the last is the survival bands, in panels
      expect(Math.min(...low.slice(0, -1))).toBeGreaterThan(300);
      await page.setViewportSize({ width: 1280, height: 1000 });
    });

    it('on a phone, Stop stays in the window while a run goes on, the curves in view (the bar stuck only within the settings, a screen above them)', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await open(hash({ corpus: ['brown:news'], order: [2], humanRatio: [0], generations: 400, seed: 5 }));
      await waitLoaded();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(() => page.evaluate(() => (document.getElementById('run-progress') as HTMLProgressElement).value), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
      await page.evaluate(() => document.getElementById('charts-heading')!.scrollIntoView({ block: 'start' }));
      // Stop is in the window, nothing over it, beside the curves
      const stopShown = () => page.evaluate(() => {
        const stop = document.getElementById('stop-button')!;
        const box = stop.getBoundingClientRect();
        const heading = document.getElementById('charts-heading')!.getBoundingClientRect();
        const inWindow = box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight && heading.top >= 0 && heading.top < window.innerHeight;
        return inWindow && document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === stop;
      });
      expect(await stopShown()).toBe(true);
      // at the foot of the page the bar covers nothing (the page's foot keeps its height); scrolled and
      // measured in one task, as the charts redrawn meanwhile make the page longer
      expect(await page.evaluate(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        return document.getElementById('share-link')!.getBoundingClientRect().bottom <= document.getElementById('run-bar')!.getBoundingClientRect().top;
      })).toBe(true);
      await page.evaluate(() => document.getElementById('charts-heading')!.scrollIntoView({ block: 'start' }));
      expect(await stopShown()).toBe(true);
      const curvesTop = () => page.evaluate(() => document.getElementById('charts-heading')!.getBoundingClientRect().top);
      const before = await curvesTop();
      await page.getByRole('button', { name: 'Stop' }).click();
      await expect.poll(() => page.textContent('#run-status')).toMatch(/^Stopped: \d+ finished rows kept\.$/u);
      // once the run ends the bar is back in the settings, sticky within them
      expect(await page.evaluate(() => getComputedStyle(document.getElementById('run-bar')!).position)).toBe('sticky');
      // Stop, disabled by its press, hands the focus to Run without scrolling: the curves stay in view
      // (the page jumped up to Run, in the settings, away from the curves: audit)
      expect(await page.evaluate(() => document.activeElement!.id)).toBe('run-button');
      expect(Math.abs((await curvesTop()) - before)).toBeLessThan(20);
      await page.setViewportSize({ width: 1280, height: 1000 });
    });

    it("a word focused in the text view keeps the focus through a run's redraws, and the window stays where it was scrolled (it was pulled back to the word: audit)", async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await open(hash({ corpus: ['brown:news'], order: [2], humanRatio: [0], generations: 400, seed: 6 }));
      await waitLoaded();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page.waitForSelector('#rare-list button', { timeout: 60_000 });
      const word = await page.evaluate(() => {
        const button = document.querySelector<HTMLButtonElement>('#rare-list button')!;
        button.focus();
        (button as unknown as { stale: boolean }).stale = true;
        document.getElementById('charts-heading')!.scrollIntoView({ block: 'start' });
        return button.textContent;
      });
      const curvesTop = () => page.evaluate(() => document.getElementById('charts-heading')!.getBoundingClientRect().top);
      const before = await curvesTop();
      // redrawn: the focused button replaced by a new one of the same word
      await page.waitForFunction(() => {
        const focused = document.activeElement as (HTMLElement & { stale?: boolean }) | null;
        return focused !== null && focused.closest('#rare-list') !== null && focused.stale !== true;
      }, undefined, { timeout: 60_000 });
      expect(await page.evaluate(() => document.activeElement!.textContent)).toBe(word);
      expect(Math.abs((await curvesTop()) - before)).toBeLessThan(20);
      await page.getByRole('button', { name: 'Stop' }).click();
      await expect.poll(() => page.textContent('#run-status')).toMatch(/^Stopped/u);
      await page.setViewportSize({ width: 1280, height: 1000 });
    });

    it('says a run aloud in a polite live region: its size, a milestone every few seconds at most, its end and where the results are (screen readers heard nothing between Run and the end: audit)', async () => {
      /** Records what #run-announcer says, with when (ms), from now on. */
      const listen = () => page.evaluate(() => {
        const heard: Array<[string, number]> = [];
        (window as unknown as { heard: typeof heard }).heard = heard;
        const region = document.getElementById('run-announcer')!;
        new MutationObserver(() => heard.push([region.textContent ?? '', performance.now()])).observe(region, { childList: true, characterData: true, subtree: true });
      });
      const heard = () => page.evaluate(() => (window as unknown as { heard: Array<[string, number]> }).heard);
      await open(hash({ corpus: 'brown:news', generations: 2, humanRatio: [0, 0.5], order: [2] }));
      await waitLoaded();
      // read out but not shown: a polite status, one pixel
      expect(await page.locator('#run-announcer').evaluate((region) => [region.getAttribute('role'), region.getAttribute('aria-live'), region.getBoundingClientRect().width])).toEqual(['status', 'polite', 1]);
      await listen();
      await runAndWait();
      expect((await heard()).map(([line]) => line)).toEqual([
        '2 series, 6 rows in all; a longer run says how far it is as it goes.',
        'Its curves are under 3. Curves, the text under 4. The text itself, the downloads under 5. Export.',
      ]);
      // a long run: milestones, each at least 4 s after the last thing said, then its stop
      await open(hash({ corpus: ['brown:news'], order: [2], humanRatio: [0], generations: 400, seed: 7 }));
      await waitLoaded();
      await listen();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(async () => (await heard()).length, { timeout: 90_000 }).toBeGreaterThanOrEqual(2);
      await page.getByRole('button', { name: 'Stop' }).click();
      await expect.poll(() => page.textContent('#run-status')).toMatch(/^Stopped: \d+ finished rows kept\.$/u);
      const lines = await heard();
      expect(lines[0]![0]).toBe('1 series, 401 rows in all; a longer run says how far it is as it goes.');
      expect(lines.at(-1)![0]).toBe('Its curves are under 3. Curves, the text under 4. The text itself, the downloads under 5. Export.');
      const milestones = lines.slice(1, -1);
      expect(milestones.length).toBeGreaterThanOrEqual(1);
      for (const [line] of milestones) expect(line).toMatch(/^\d+% done: \d+ of 401 rows\.$/u);
      for (let i = 1; i < lines.length - 1; i++) expect(lines[i]![1] - lines[i - 1]![1]).toBeGreaterThanOrEqual(3_900);
    });

    it('opens a phone\'s number keyboard for a single number: digits for a whole number, a decimal point too for k and holdout; a sweep\'s list keeps the text keyboard (every box opened the text keyboard)', async () => {
      await open('');
      await waitLoaded();
      const keyboard = (key: string) => page.locator(`#control-${key}`).evaluate((input) => input.getAttribute('inputmode'));
      for (const key of ['generations', 'replicates', 'seed', 'tokens', 'measureTokens', 'maxSentenceLength', 'rareThreshold']) expect(await keyboard(key), key).toBe('numeric');
      for (const key of ['k', 'holdout']) expect(await keyboard(key), key).toBe('decimal');
      for (const key of ['humanRatio', 'order', 'topP', 'strategy']) expect(await keyboard(key), key).toBeNull();
    });

    it("offers the names the strategy and smoothing boxes take, the library's lists, also as a list is typed (they took free text and offered none: audit)", async () => {
      await open('');
      await waitLoaded();
      const offered = (id: string) => page.evaluate((box) => {
        const input = document.getElementById(box) as HTMLInputElement;
        return input.list === null ? null : [...input.list.options].map((option) => option.value);
      }, id);
      await page.focus('#control-strategy');
      expect(await offered('control-strategy')).toEqual([...STRATEGIES]);
      await page.focus('#control-smoothing');
      expect(await offered('control-smoothing')).toEqual([...SMOOTHING_NAMES]);
      // a list being typed: the next name, after those listed
      await page.fill('#control-strategy', 'replace,');
      expect(await offered('control-strategy')).toEqual(['replace,accumulate', 'replace,accumulate-subsample']);
      await page.fill('#control-smoothing', 'mle, add-k,');
      expect(await offered('control-smoothing')).toEqual(['mle, add-k,witten-bell', 'mle, add-k,kneser-ney']);
      // a space typed after the comma kept, so the options hold what is typed (round-2 audit: the browser showed none)
      await page.fill('#control-smoothing', 'mle, add-k, ');
      expect(await offered('control-smoothing')).toEqual(['mle, add-k, witten-bell', 'mle, add-k, kneser-ney']);
      // and the list typed stands as typed, a sweep the page accepts
      await page.fill('#control-strategy', 'replace,accumulate');
      await page.fill('#control-smoothing', 'mle,add-k');
      await expect.poll(() => page.evaluate(() => [(document.getElementById('control-strategy') as HTMLInputElement).value, document.getElementById('control-strategy-error')!.textContent, document.getElementById('control-smoothing-error')!.textContent])).toEqual(['replace,accumulate', '', '']);
      expect(decodeURIComponent(await page.evaluate(() => location.hash))).toContain('"strategy":["replace","accumulate"]');
    });

    it('made no network request and logged no error', () => {
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
}
