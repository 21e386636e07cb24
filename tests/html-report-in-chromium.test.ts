/**
 * X.html, the full report as one web page, in headless Chromium: axe-core finds nothing, the page
 * loads nothing from outside, has its landmarks, contents and notes, heading ids that are the
 * PDF's anchors, and reads on a phone without sideways scrolling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { loadReport } from '../src/pipeline/load.js';
import type { ReportDocument } from '../src/model/types.js';
import { walk } from '../src/model/walk.js';
import { inlineText } from '../src/model/text.js';
import { renderHtml } from '../src/render/html/index.js';
import { axeViolations, launchChromium, openPage } from './helpers/chromium.js';
import { fixturesDir, reportPath } from './helpers/paths.js';

const out = mkdtempSync(join(tmpdir(), 'report-html-'));

function load(file: string): ReportDocument {
  const { doc, diagnostics } = loadReport(file);
  if (!doc) throw new Error(`${file} did not load: ${JSON.stringify(diagnostics)}`);
  return doc;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  ['the conference report', reportPath],
  ['the fixture with every construct', join(fixturesDir, 'pdf-all-constructs', 'report.md')],
])('%s as a web page', (name, file) => {
  const doc = load(file);
  const path = join(out, `${name.replace(/\W+/g, '-')}.html`);
  writeFileSync(path, renderHtml(doc));

  it('has no axe-core violations and makes no external requests', async () => {
    const { page, external } = await openPage(browser, path, 1280);
    expect(await axeViolations(page)).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('has lang, landmarks, one h1, headings in order with the model ids and numbers, and notes with links back', async () => {
    const { page } = await openPage(browser, path, 1280);
    const facts = await page.evaluate(() => {
      const headings = Array.from(document.querySelectorAll('main h2, main h3, main h4, main h5, main h6')).filter((h) => h.id !== 'fn-title');
      return {
        lang: document.documentElement.lang,
        h1: document.querySelectorAll('h1').length,
        landmarks: ['body > header', 'nav', 'main', 'body > footer'].map((s) => document.querySelectorAll(s).length),
        skip: document.querySelector('a')?.getAttribute('href'),
        headings: headings.map((h) => `${h.id} ${h.textContent}`),
        notes: Array.from(document.querySelectorAll('section.footnotes li')).map((li) => li.id),
        backLinksResolve: Array.from(document.querySelectorAll('section.footnotes li > a:last-child')).every((a) =>
          Boolean(document.getElementById((a.getAttribute('href') ?? '').slice(1)))),
        scripts: document.scripts.length,
      };
    });
    const headings: string[] = [];
    const notes: string[] = [];
    walk(doc.body, (node) => {
      if (node.type === 'heading') headings.push(`${node.id} ${node.number ? `${node.number}\u2002` : ''}${inlineText(node.children)}`);
    });
    for (const note of doc.footnotes) notes.push(`fn-${note.id}`);
    expect(facts.lang).toBe(doc.meta.lang);
    expect([facts.h1, facts.landmarks, facts.skip, facts.scripts]).toEqual([1, [1, 1, 1, 1], '#innhold', 0]);
    expect(facts.headings).toEqual(headings);
    // Both documents have notes, so the back-link check below runs over a non-empty list.
    expect(notes.length).toBeGreaterThan(0);
    expect(facts.notes).toEqual(notes);
    expect(facts.backLinksResolve).toBe(true);
    await page.close();
  });

  it('reads on a phone: no sideways scrolling, body text at least 16 px', async () => {
    for (const width of [390, 1280]) {
      const { page } = await openPage(browser, path, width);
      const style = await page.evaluate(() => ({
        size: parseFloat(getComputedStyle(document.querySelector('main p') as HTMLElement).fontSize),
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        // Tables of a few columns fit too: long words break rather than push a table sideways.
        tables: Array.from(document.querySelectorAll('.table')).filter((t) => t.querySelectorAll('tr:first-child > *').length <= 3 && t.scrollWidth > t.clientWidth).length,
        // Short entries (times, amounts) stay on one line.
        shortCells: Array.from(document.querySelectorAll('td.short')).filter((td) => {
          const text = document.createRange();
          text.selectNodeContents(td);
          return new Set(Array.from(text.getClientRects()).map((r) => Math.round(r.top))).size > 1;
        }).length,
        shortSeen: document.querySelectorAll('td.short').length,
      }));
      expect(style.size).toBeGreaterThanOrEqual(16);
      expect(style.overflow).toBeLessThanOrEqual(0);
      expect(style.tables).toBe(0);
      expect(style.shortCells).toBe(0);
      if (file === reportPath) expect(style.shortSeen).toBeGreaterThan(5);
      await page.close();
    }
  });
});
