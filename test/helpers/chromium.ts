/**
 * Headless Debian Chromium for the browser tests, one way: the binary, when a test may skip (only when
 * it is missing and CI is not set; CI installs it with .ci/install-chromium.sh), and a launch with a
 * fresh profile and the flags this closed network needs (no background networking, sync or updates), and
 * no throttling of a tab that is not in front.
 */

import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const SKIP_BROWSER = !existsSync(CHROMIUM) && !process.env.CI;
export const SKIP_REASON = `SKIPPED: ${CHROMIUM} is missing (install it with .ci/install-chromium.sh; with CI set this test never skips)`;

/** A persistent context in a new temporary profile (returned, for the caller to remove). */
export async function launchChromium(options: { viewport: { width: number; height: number }; offline?: boolean; acceptDownloads?: boolean }): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'ngram-collapse-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ...options,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      // a page in a tab not in front still draws (a background tab waits for frames it may never get)
      '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows', '--disable-background-timer-throttling'],
  });
  return { context, profile };
}

/**
 * Records each answer of a page's worker, as "type name" (a load's answer names its corpus), in
 * window.workerAnswers before the page's own listener reads it: a test waits for an answer, not for a time.
 */
export async function recordWorkerAnswers(context: BrowserContext): Promise<void> {
  // (as the page's own text: this file is compiled without the DOM's types)
  await context.addInitScript({
    content: `(() => {
      const answers = [];
      window.workerAnswers = answers;
      window.Worker = class extends window.Worker {
        constructor(...args) {
          super(...args);
          this.addEventListener('message', (event) => answers.push(\`\${event.data.type} \${event.data.name ?? ''}\`.trim()));
        }
      };
    })();`,
  });
}
