/**
 * The playground's feedback on its settings and corpora, in headless Debian Chromium (as
 * playground.browser.test.ts opens it: file://, offline): a message shown always describes the
 * settings shown (a recipe's refusal did not go when its scale changed), bpe:K's corpus counts follow
 * the holdout and seed it learns beside, the --max-tokens guard marks the box at fault, and pasted text
 * never takes the place of a corpus the user chose (a file, or an embedded corpus, named pasted.txt).
 * Skips, saying why, only when /usr/bin/chromium is missing and CI is not set. Needs the built template.
 */

import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_PATH, writePlayground } from '../../src/playground/playgroundFile.js';
import { launchChromium, recordWorkerAnswers, SKIP_BROWSER, SKIP_REASON } from '../helpers/chromium.js';
import { dropText, hash, openPage, waitLoaded as waitCorpus } from './pageDriver.js';
import { tempDir } from '../helpers/cli.js';

const OUTPUT = fileURLToPath(new URL('../../test-output/playground-feedback/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The corpus line without its reading time ("(read in 0.01 s)"), which differs from load to load. */
const counts = (stats: string | null): string => (stats ?? '').replace(/ \(read in [\d.]+ s\)$/u, '');

if (SKIP_BROWSER) {
  describe('playground feedback in headless Chromium', () => {
    it.skip(SKIP_REASON, () => {});
  });
} else {
  describe('playground feedback in headless Chromium', () => {
    let context: BrowserContext;
    let page: Page;
    let profile: string;
    let url: string;
    /** A page whose one embedded corpus is a file named pasted.txt (`ngram-collapse playground --corpus pasted.txt`). */
    let pastedUrl: string;
    const errors: string[] = [];

    beforeAll(async () => {
      if (!existsSync(TEMPLATE_PATH)) throw new Error(`${TEMPLATE_PATH} is missing: run npm run build first`);
      mkdirSync(OUTPUT, { recursive: true });
      const file = join(OUTPUT, 'playground.html');
      writePlayground(file, ['brown:news', 'corpora/lighthouse.txt'], ROOT);
      url = pathToFileURL(file).href;
      const folder = tempDir();
      writeFileSync(join(folder, 'pasted.txt'), 'The lamp burned all night . The keeper slept by the lamp .\nThe sea was calm and the lamp burned on .\n'.repeat(20));
      const pastedFile = join(OUTPUT, 'embedded-pasted.html');
      writePlayground(pastedFile, ['pasted.txt'], folder);
      pastedUrl = pathToFileURL(pastedFile).href;
      ({ context, profile } = await launchChromium({ offline: true, acceptDownloads: true, viewport: { width: 1280, height: 1000 } }));
      await recordWorkerAnswers(context);
      page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (error) => errors.push(String(error)));
    });

    afterAll(async () => {
      expect(errors).toEqual([]);
      await context?.close();
      if (profile) rmSync(profile, { recursive: true, force: true });
    });

    async function open(fragment: string, base = url): Promise<void> {
      await openPage(page, `${base}${fragment}`);
    }

    const waitLoaded = (name = ''): Promise<string> => waitCorpus(page, name);

    async function loadedAnswers(): Promise<number> {
      return page.evaluate(() => (window as unknown as { workerAnswers: string[] }).workerAnswers.filter((answer) => answer.startsWith('loaded')).length);
    }

    const dropFile = (name: string, text: string): Promise<void> => dropText(page, name, text);

    async function paste(text: string): Promise<void> {
      if (!(await page.evaluate(() => (document.getElementById('paste-box') as HTMLDetailsElement).open))) await page.locator('#paste-box summary').click();
      await page.fill('#paste-text', text);
      await page.getByRole('button', { name: 'Use pasted text' }).click();
    }

    async function corpusNames(): Promise<string[]> {
      return page.evaluate(() => [...document.querySelectorAll<HTMLOptionElement>('#corpus-select option')].map((option) => option.value));
    }

    it("a recipe's refusal goes once its scale changes: a refused scale, or a scale typed, never stands beside the last scale's message", async () => {
      await open(hash({ corpus: 'brown:news', generations: 2 }));
      await waitLoaded();
      await page.locator('#presets summary').click();
      // the worker refuses growth at 13 generations (its own --tokens-growth 2 passes the guard)
      await page.getByLabel("Generations (empty: the recipe's)").fill('13');
      await page.getByLabel("Replicates (empty: the recipe's)").fill('1');
      await page.getByRole('button', { name: 'Run recipe growth' }).click();
      await expect.poll(() => page.textContent('#settings-error'), { timeout: 30_000 }).toMatch(/^ngram-collapse: recipe growth's own --tokens-growth 2 makes generation 13's batch/u);
      // 2 generations: refused by the scale check, whose message is the only one shown (the settings
      // still said "generation 13's batch": probe)
      await page.getByLabel("Generations (empty: the recipe's)").fill('2');
      expect(await page.textContent('#settings-error')).toBe('');
      await page.getByRole('button', { name: 'Run recipe growth' }).click();
      await expect.poll(() => page.textContent('#preset-error')).toMatch(/^ngram-collapse: recipe growth needs --generations \d+ or more, got 2/u);
      expect(await page.textContent('#settings-error')).toBe('');
      expect(await page.textContent('#run-status')).toBe("Not run: the recipe's generations or replicates are refused (the message is above the recipes).");
      // the scale typed again: the message and the status about 2 go (they stayed until the next press)
      await page.getByLabel("Generations (empty: the recipe's)").fill('13');
      expect(await page.textContent('#preset-error')).toBe('');
      expect(await page.textContent('#run-status')).toBe('');
      // refused again, then a Run of the page's own settings that succeeds: no recipe's message stays
      await page.getByRole('button', { name: 'Run recipe growth' }).click();
      await expect.poll(() => page.textContent('#settings-error'), { timeout: 30_000 }).toMatch(/generation 13's batch/u);
      await page.getByLabel("Generations (empty: the recipe's)").fill('1');
      await page.getByRole('button', { name: 'Run recipe growth' }).click();
      await expect.poll(() => page.textContent('#preset-error')).toMatch(/^ngram-collapse: --generations must be a whole number from 2/u);
      await page.getByLabel('Generations (--generations)').fill('1');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(() => page.textContent('#run-status'), { timeout: 60_000 }).toMatch(/^Done: /u);
      expect(await page.textContent('#settings-error')).toBe('');
      expect(await page.textContent('#preset-error')).toBe('');
      await page.getByLabel("Generations (empty: the recipe's)").fill('');
      await page.getByLabel("Replicates (empty: the recipe's)").fill('');
      await page.locator('#presets summary').click();
    });

    it("bpe:K's corpus counts follow the seed and the holdout it learns beside, as they change, not at Run (probe)", async () => {
      const config = { corpus: ['corpora/lighthouse.txt'], generations: 2, tokenizer: 'bpe:50', order: [2], humanRatio: [0] };
      const shown = async (extra: Record<string, unknown>): Promise<string> => {
        await open(hash({ ...config, ...extra }));
        return counts(await waitLoaded());
      };
      const seed1 = await shown({ seed: 1 });
      const seed2 = await shown({ seed: 2 });
      const holdout3 = await shown({ seed: 1, holdout: 0.3 });
      // (the test means something: the counts differ by seed and by holdout)
      expect(seed2).not.toBe(seed1);
      expect(holdout3).not.toBe(seed1);
      await shown({ seed: 1 });
      const before = await loadedAnswers();
      await page.getByLabel('Seed (--seed)').fill('2');
      await expect.poll(async () => counts(await page.textContent('#corpus-stats')), { timeout: 30_000 }).toBe(seed2);
      expect(await loadedAnswers()).toBeGreaterThan(before);
      await page.getByLabel('Seed (--seed)').fill('1');
      await page.getByLabel('Holdout (--holdout)').fill('0.3');
      await expect.poll(async () => counts(await page.textContent('#corpus-stats')), { timeout: 30_000 }).toBe(holdout3);
      // a word tokenizer's counts do not depend on either: nothing is read again
      await open(hash({ ...config, tokenizer: 'wordpunct' }));
      await waitLoaded();
      const wordLoads = await loadedAnswers();
      await page.getByLabel('Seed (--seed)').fill('7');
      await page.getByLabel('Holdout (--holdout)').fill('0.2');
      await page.waitForTimeout(800);
      expect(await loadedAnswers()).toBe(wordLoads);
    });

    it('the --max-tokens guard marks the box at fault, as a bad value does, and Run focuses it with the message in view (probe)', async () => {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 2 }));
      await waitLoaded();
      await page.getByLabel('Tokens (--tokens)').fill('300000000');
      expect(await page.textContent('#settings-error')).toMatch(/^ngram-collapse: --tokens 300000000 is above the --max-tokens guard/u);
      expect(await page.getAttribute('#control-tokens', 'aria-invalid')).toBe('true');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(() => page.textContent('#run-status')).toBe('Not run: a setting is refused (its message is beside it or under the settings).');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('control-tokens');
      // its message, under the settings, is in view above the run bar too, and describes the box
      expect(await page.evaluate(() => {
        const box = document.getElementById('settings-error')!.getBoundingClientRect();
        const bar = document.getElementById('run-bar')!.getBoundingClientRect();
        const limit = bar.top > 0 && bar.top < window.innerHeight ? bar.top : window.innerHeight;
        return box.height > 0 && box.top >= 0 && box.bottom <= limit + 0.5;
      })).toBe(true);
      expect(await page.getAttribute('#control-tokens', 'aria-describedby')).toContain('settings-error');
      await page.getByLabel('Tokens (--tokens)').fill('');
      expect(await page.getAttribute('#control-tokens', 'aria-invalid')).toBe('false');
      await page.getByLabel('Measure tokens (--measure-tokens)').fill('300000000');
      expect(await page.textContent('#settings-error')).toMatch(/^ngram-collapse: --measure-tokens 300000000 is above the --max-tokens guard/u);
      expect(await page.getAttribute('#control-measureTokens', 'aria-invalid')).toBe('true');
      expect(await page.getAttribute('#control-tokens', 'aria-invalid')).toBe('false');
      await page.getByLabel('Measure tokens (--measure-tokens)').fill('');
      expect(await page.getAttribute('#control-measureTokens', 'aria-invalid')).toBe('false');
      expect(await page.textContent('#settings-error')).toBe('');
    });

    it('pasted text never takes the place of a dropped file named pasted.txt (it was replaced without a word: probe)', async () => {
      await open(hash({ corpus: 'corpora/lighthouse.txt', generations: 2, order: [2], humanRatio: [0] }));
      await waitLoaded();
      await dropFile('pasted.txt', 'the cat sat on the mat .\n'.repeat(10));
      const dropped = counts(await waitLoaded('pasted.txt: 70 tokens'));
      await paste('the dog ran .');
      const pasted = counts(await waitLoaded('pasted-2.txt: 4 tokens'));
      expect(pasted).toMatch(/^pasted-2\.txt: 4 tokens/u);
      expect(await corpusNames()).toEqual(expect.arrayContaining(['pasted.txt', 'pasted-2.txt']));
      // the save button names the paste's own name
      expect(await page.getByRole('button', { name: 'Save the text used as pasted-2.txt' }).isVisible()).toBe(true);
      // the dropped file is still there, as dropped
      await page.selectOption('#corpus-select', 'pasted.txt');
      expect(counts(await waitLoaded('pasted.txt: 70 tokens'))).toBe(dropped);
      // a second paste is a new version of the paste, not of the file
      await paste('the dog ran . the cat sat .');
      expect(await waitLoaded('pasted-2.txt: 8 tokens')).toMatch(/^pasted-2\.txt: 8 tokens/u);
      await page.selectOption('#corpus-select', 'pasted.txt');
      expect(counts(await waitLoaded('pasted.txt: 70 tokens'))).toBe(dropped);
    });

    it('pasted text, or a dropped file, never takes the place of an embedded corpus named pasted.txt (probe)', async () => {
      await open('', pastedUrl);
      const embedded = counts(await waitLoaded('pasted.txt'));
      await paste('the dog ran .');
      expect(await waitLoaded('pasted-2.txt: 4 tokens')).toMatch(/^pasted-2\.txt: 4 tokens/u);
      await dropFile('pasted.txt', 'the cat sat on the mat .\n'.repeat(10));
      expect(await waitLoaded('./pasted.txt: 70 tokens')).toMatch(/^\.\/pasted\.txt: 70 tokens/u);
      expect(await corpusNames()).toEqual(['pasted.txt', 'pasted-2.txt', './pasted.txt']);
      await page.selectOption('#corpus-select', 'pasted.txt');
      expect(counts(await waitLoaded('pasted.txt'))).toBe(embedded);
    });
  });
}
