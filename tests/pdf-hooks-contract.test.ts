/**
 * The PDF renderer hooks private pdfmake internals (src/render/pdf/pdfmake-hooks.ts). These tests
 * fail loudly when an upgrade changes what the hooks rely on: the version, the hooked methods,
 * and the behaviour the hooks produce (repeated table headers as artifacts, footnote space).
 */
import { describe, expect, test } from 'vitest';
import { createRequire } from 'node:module';
import { HOOKED_METHODS, PDFMAKE_VERSION, installHooks, loadInternals } from '../src/render/pdf/pdfmake-hooks.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { PDFKIT_VERSION } from '../src/render/pdf/object-streams.js';
import { loadReportText } from '../src/pipeline/load.js';
import { findAll, pageContents, readPdf, scanContent } from './helpers/pdf-read.js';
import { readText } from './helpers/pdf-text.js';
import { join } from 'node:path';
import { fixturesDir } from './helpers/paths.js';

const require = createRequire(import.meta.url);

describe('the pdfmake internals the hooks rely on', () => {
  test('pdfmake is exactly the version the hooks were written for, and pinned', () => {
    const pkg = require('../package.json') as { dependencies: Record<string, string> };
    expect(pkg.dependencies['pdfmake']).toBe(PDFMAKE_VERSION);
    expect(loadInternals().version).toBe(PDFMAKE_VERSION);
    expect(() => installHooks()).not.toThrow();
  });

  test('every hooked method exists on its class', () => {
    const pm = loadInternals();
    for (const [cls, methods] of Object.entries(HOOKED_METHODS)) {
      for (const m of methods) expect(typeof pm[cls as keyof typeof HOOKED_METHODS].prototype[m], `${cls}.${m}`).toBe('function');
    }
    expect(typeof pm.TextDecorator.prototype.drawBackground).toBe('function');
    expect(typeof pm.TextDecorator.prototype.drawDecorations).toBe('function');
  });

  test('pdfkit is exactly the version the object-stream writer was written for, and pinned', () => {
    const pkg = require('../package.json') as { dependencies: Record<string, string> };
    expect(pkg.dependencies['pdfkit']).toBe(PDFKIT_VERSION);
    expect((require('pdfkit/package.json') as { version: string }).version).toBe(PDFKIT_VERSION);
  });

  test('Line.clone copies own fields; the hooks replace inlines and metrics on the copy', () => {
    const Line = (require('pdfmake/js/Line') as { default: new (w: number) => { inlines: unknown[]; clone(): { inlines: unknown[] } } }).default;
    const line = new Line(100);
    const copy = line.clone();
    expect(copy).not.toBe(line);
    expect(copy.inlines).toBe(line.inlines);
  });
});

function longTableReport(): string {
  const rows = Array.from({ length: 70 }, (_, i) => `| Rad ${i + 1} | Verdi ${i + 1} |`).join('\n');
  return `---\ntitle: Lang tabell\nlang: nb\ndate: 2024-01-01\n---\n\n# Tabell\n\n| Navn | Verdi |\n| --- | --- |\n${rows}\n`;
}

/** Renders a file and counts pdfmake's full layouts of the page flow (off-page measuring left out). */
async function layoutPasses(file: string): Promise<number> {
  const { loadFixture } = await import('./helpers/pdf-render.js');
  const proto = loadInternals().LayoutBuilder.prototype as Record<string, unknown> & { pageSize?: unknown };
  const tryLayout = proto['tryLayoutDocument'] as (this: { pageSize: { height: number } }, ...args: unknown[]) => unknown;
  let passes = 0;
  proto['tryLayoutDocument'] = function (this: { pageSize: { height: number } }, ...args: unknown[]) {
    if (Number.isFinite(this.pageSize.height)) passes++;
    return tryLayout.apply(this, args);
  };
  try {
    await renderPdf(loadFixture(file));
  } finally {
    proto['tryLayoutDocument'] = tryLayout;
  }
  return passes;
}

describe('behaviour the hooks produce', () => {
  test('layout runs once when footnote space is kept as lines are placed, at most twice with notes in table cells', async () => {
    expect(await layoutPasses(join(fixturesDir, 'pdf-all-constructs', 'report.md'))).toBe(1);
    const withNotes = await layoutPasses(join(fixturesDir, 'pdf-footnotes', 'report.md'));
    // At least one pass: a count of zero would mean the hook measured nothing.
    expect([1, 2]).toContain(withNotes);
  });

  test('objects without a stream sit in object streams, found through a cross-reference stream', async () => {
    const bytes = Buffer.from(await renderFixture()).toString('latin1');
    expect(bytes).not.toMatch(/\nxref\n/);
    expect(bytes).toMatch(/\/Type \/XRef/);
    // Outside object streams only streams remain: every top-level object has a stream.
    const objects = bytes.match(/\n\d+ 0 obj\n[^]*?\nendobj/g) ?? [];
    expect(objects.length).toBeGreaterThan(5);
    for (const object of objects) expect(object).toContain('\nstream\n');
  });

  test('a table over several pages repeats its header row as an artifact, tagged once', async () => {
    const { doc } = loadReportText(join(fixturesDir, 'pdf-long-table.md'), longTableReport());
    if (!doc) throw new Error('no model');
    const bytes = await renderPdf(doc);
    const read = await readPdf(bytes);
    const [table] = findAll(read.tree, 'Table');
    expect(findAll(table!, 'TH')).toHaveLength(2);
    expect(findAll(table!, 'TD')).toHaveLength(140);
    const text = await readText(bytes);
    const pagesWithHeader = text.pages.filter((p) => /^Navn\s*Verdi/m.test(p)).length;
    expect(pagesWithHeader).toBeGreaterThan(1);
    for (const content of pageContents(read.pdf)) expect(scanContent(content).unmarked).toEqual([]);
  });

  test('footnotes are drawn at the bottom of the page of their reference, below the body', async () => {
    const bytes = await renderFixture();
    const text = await readText(bytes);
    const page = text.pages.findIndex((p) => p.includes('en fotnote1'));
    expect(page).toBeGreaterThan(0);
    const lines = (text.pages[page] as string).split('\n').filter((l) => l.trim() !== '');
    const note = lines.findIndex((l) => l.includes('Den første fotnoten'));
    const body = lines.findIndex((l) => l.includes('Helse'));
    // Both are on the page (an index of -1 would pass the order check below).
    expect(body).toBeGreaterThanOrEqual(0);
    expect(note).toBeGreaterThan(body);
  });
});

async function renderFixture(): Promise<Uint8Array> {
  const { renderFixture: render } = await import('./helpers/pdf-render.js');
  return render(join(fixturesDir, 'pdf-all-constructs', 'report.md'));
}
