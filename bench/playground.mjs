#!/usr/bin/env node
/**
 * `npm run bench:playground`: the playground's speed in headless Chromium (issue 14's figures).
 *
 * Opens dist/playground.html (built by `npm run build`) from disk, offline, and measures, best of
 * --repeat R (default 3): (1) brown:news, order 2, 10 generations, human ratios 0 and 0.1, 1 replicate:
 * from pressing Run to "Done" (rows computed in the worker, curves drawn live); (2) a 5 MB .txt
 * dropped on the page: from the drop to the corpus statistics (read, split, tokenized, interned).
 * Needs /usr/bin/chromium. Prints one line per figure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repeat = Number(process.argv[process.argv.indexOf('--repeat') + 1] || 3) || 3;
const config = { corpus: ['brown:news'], order: [2], humanRatio: [0, 0.1], generations: 10, replicates: 1 };
const url = `${pathToFileURL(join(repo, 'dist', 'playground.html')).href}#config=${encodeURIComponent(JSON.stringify(config))}`;

/** About 5 MB of varied English-like text, one paragraph per 10 lines. */
function fiveMegabytes() {
  const words = 'the a of and to in is was that he for it with as his on be at by had not are but from or have an they which one you were her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people mr how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(' ');
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const lines = [];
  let size = 0;
  while (size < 5_000_000) {
    const length = 8 + Math.floor(next() * 20);
    const sentence = Array.from({ length }, () => words[Math.floor(next() * words.length)]).join(' ');
    const line = `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}. ${lines.length % 10 === 9 ? '\n' : ''}`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

const profile = mkdtempSync(join(tmpdir(), 'ngc-bench-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  offline: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = context.pages()[0] ?? (await context.newPage());
const text = fiveMegabytes();
const runs = [];
const loads = [];
try {
  for (let r = 0; r < repeat; r++) {
    await page.goto('about:blank');
    await page.goto(url);
    await page.waitForFunction(() => /tokens/.test(document.getElementById('corpus-stats').textContent));
    const started = Date.now();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => /^Done: /.test(document.getElementById('run-status').textContent), null, { timeout: 120_000 });
    runs.push(Date.now() - started);
    if (r === 0) console.log(`run: ${await page.textContent('#run-status')}`);

    const dropped = await page.evaluate(async (body) => {
      const start = performance.now();
      const transfer = new DataTransfer();
      transfer.items.add(new File([body], 'five-mb.txt', { type: 'text/plain' }));
      document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      for (;;) {
        const stats = document.getElementById('corpus-stats').textContent;
        if (stats.startsWith('five-mb.txt:')) return { millis: performance.now() - start, stats };
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }, text);
    loads.push(dropped.millis);
    if (r === 0) console.log(`dropped file: ${(text.length / 1e6).toFixed(1)} MB -> ${dropped.stats}`);
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
const best = (values) => Math.min(...values);
console.log(`brown:news, order 2, 10 generations, ratios 0 and 0.1, 1 replicate: ${(best(runs) / 1000).toFixed(2)} s from Run to Done (best of ${repeat}; all: ${runs.map((ms) => (ms / 1000).toFixed(2)).join(', ')})`);
console.log(`5 MB dropped file: ${(best(loads) / 1000).toFixed(2)} s from drop to statistics (best of ${repeat}; all: ${loads.map((ms) => (ms / 1000).toFixed(2)).join(', ')})`);
