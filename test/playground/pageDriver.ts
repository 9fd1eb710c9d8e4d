/**
 * What the playground's browser tests do to the page, one way: open it at an address (`hash`: a
 * configuration's) and wait until it is ready, wait until a corpus is loaded, drop a file on it. Compiled with the DOM's types
 * (tsconfig.playground.json), as the browser tests are.
 */

import type { Page } from 'playwright-core';

/** The address fragment that opens the page with `config` (the page's `#config=`). */
export const hash = (config: unknown): string => `#config=${encodeURIComponent(JSON.stringify(config))}`;

/** Opens the page at `address` (after about:blank, so a fragment alone loads it anew) and waits until it is ready. */
export async function openPage(page: Page, address: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(address);
  await page.waitForSelector('html[data-ready="true"]');
}

/** Waits until the corpus line names a loaded corpus (beginning with `name`), and gives it. */
export async function waitLoaded(page: Page, name = ''): Promise<string> {
  await page.waitForFunction((prefix) => (document.getElementById('corpus-stats')!.textContent ?? '').startsWith(prefix) && /tokens/u.test(document.getElementById('corpus-stats')!.textContent ?? ''), name, { timeout: 30_000 });
  return (await page.textContent('#corpus-stats'))!;
}

/** Drops a file `name` holding `text` on the page's drop zone. */
export async function dropText(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(([fileName, content]) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content!], fileName!, { type: 'text/plain' }));
    document.getElementById('drop-zone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, [name, text]);
}
