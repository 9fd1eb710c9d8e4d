/**
 * The browser builds of Vega, Vega-Lite and vega-embed, read from node_modules so the HTML report can
 * inline them and work offline.
 *
 * Contract: `loadVendorScripts()` resolves to the three minified UMD bundles in load order (vega,
 * vega-lite, vega-embed), each with its package name and version, with source-map comments removed and
 * every `</script` written `<\/script` so the code is safe inside an inline <script> element. The files
 * are read once per process. Touches the file system (reads node_modules).
 */

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';

export interface VendorScript {
  readonly name: string;
  readonly version: string;
  readonly code: string;
}

const BUNDLES = [
  { name: 'vega', file: 'build/vega.min.js' },
  { name: 'vega-lite', file: 'build/vega-lite.min.js' },
  { name: 'vega-embed', file: 'build/vega-embed.min.js' },
] as const;

let loaded: Promise<VendorScript[]> | undefined;

export function loadVendorScripts(): Promise<VendorScript[]> {
  loaded ??= Promise.all(BUNDLES.map(({ name, file }) => loadBundle(name, file)));
  return loaded;
}

async function loadBundle(name: string, file: string): Promise<VendorScript> {
  const root = packageRoot(name);
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const raw = await readFile(join(root, file), 'utf8');
  const code = raw.replace(/\/\/# sourceMappingURL=\S+\s*$/gm, '').replace(/<\/script/gi, '<\\/script');
  return { name, version, code };
}

/** The folder of an installed package: its entry point's folder, walked up to its package.json. */
function packageRoot(name: string): string {
  const require = createRequire(import.meta.url);
  let folder = dirname(require.resolve(name));
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) {
      return folder;
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`cannot locate the installed package ${name}`);
    folder = parent;
  }
}
