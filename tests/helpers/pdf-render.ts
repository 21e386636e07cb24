/** Renders fixtures to PDF once per test run, and reads PDFs back with pdfjs-dist. */
import { resolve } from 'node:path';
import { loadReport, type LoadOptions } from '../../src/pipeline/load.js';
import type { Block, ReportDocument } from '../../src/model/types.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import type { RenderOptions } from '../../src/render/shared/options.js';

/** Loads a Markdown report, failing on errors; figure paths are resolved when checks did not. */
export function loadFixture(file: string, load: LoadOptions = {}): ReportDocument {
  const { doc, diagnostics } = loadReport(file, load);
  if (!doc) throw new Error(`fixture did not load: ${JSON.stringify(diagnostics, null, 2)}`);
  resolveFigures(doc.body, doc.contentDir);
  return doc;
}

function resolveFigures(blocks: Block[], dir: string): void {
  for (const block of blocks) {
    if (block.type === 'figure' && !block.path) block.path = resolve(dir, block.src);
    if (block.type === 'blockquote' || block.type === 'plainText') resolveFigures(block.children, dir);
    if (block.type === 'list') for (const item of block.items) resolveFigures(item.children, dir);
  }
}

const cache = new Map<string, Promise<Uint8Array>>();

/** Renders a fixture (cached per file and layout); `load` as `--root` and `--lang` would say. */
export function renderFixture(file: string, options: Partial<RenderOptions> = {}, load: LoadOptions = {}): Promise<Uint8Array> {
  const key = `${file}\0${options.layout ?? 'report'}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = renderPdf(loadFixture(file, load), options);
    cache.set(key, pending);
  }
  return pending;
}
