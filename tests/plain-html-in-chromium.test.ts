import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, openPage } from './helpers/chromium.js';
import { unzipSync } from 'fflate';
import { loadReport } from '../src/pipeline/load.js';
import type { ReportDocument } from '../src/model/types.js';
import { renderPlain } from '../src/build/plain-format.js';
import { derivePlain } from '../src/plain/derive.js';
import { renderPlainPage } from '../src/plain/page.js';
import type { Output } from '../src/build/formats.js';
import { fixturesDir, reportPath } from './helpers/paths.js';
import { outputBytes } from './helpers/outputs.js';

const out = mkdtempSync(join(tmpdir(), 'plain-html-'));
const INJECTIONS = ["{{constructor.constructor('x')()}}", '<script>alert(1)</script>', '{{> partial}}', '<img src=x onerror=alert(2)>', '{{#each this}}x{{/each}}'];

function load(file: string): ReportDocument {
  const { doc, diagnostics } = loadReport(file);
  if (!doc) throw new Error(`${file} did not load: ${JSON.stringify(diagnostics)}`);
  return doc;
}

function write(name: string, bytes: Uint8Array | string): string {
  const path = join(out, name);
  writeFileSync(path, bytes);
  return path;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const open = (path: string, width: number) => openPage(browser, path, width);

describe('content/rapport.plain.html in headless Chromium', () => {
  const doc = load(reportPath);
  const path = write('rapport.plain.html', renderPlainPage(derivePlain(doc), doc.meta.title));

  it('has no axe-core violations (WCAG 2.1 A/AA and best practice) and makes no external requests', async () => {
    const { page, external } = await open(path, 1280);
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('is one page with lang, landmarks, a single h1, headings in order and a working skip link', async () => {
    const { page } = await open(path, 1280);
    const facts = await page.evaluate(() => {
      const levels = Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).map((h) => Number(h.tagName[1]));
      const first = document.querySelector('a');
      return {
        lang: document.documentElement.lang,
        h1: document.querySelectorAll('h1').length,
        jumps: levels.filter((l, i) => i > 0 && l > (levels[i - 1] as number) + 1).length,
        firstLevel: levels[0],
        landmarks: ['body > header', 'nav', 'main', 'body > footer'].map((s) => document.querySelectorAll(s).length),
        skipTarget: first?.getAttribute('href'),
        skipTargetExists: Boolean(document.querySelector(first?.getAttribute('href') ?? 'none')),
        scripts: document.scripts.length,
        links: Array.from(document.querySelectorAll('link, img, iframe, object, embed')).length,
      };
    });
    expect(facts).toEqual({
      lang: 'nb', h1: 1, jumps: 0, firstLevel: 1, landmarks: [1, 1, 1, 1], skipTarget: '#innhold', skipTargetExists: true, scripts: 0, links: 0,
    });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#innhold');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('innhold');
    await page.close();
  });

  it('reads comfortably on a phone: body text ≥ 18 px, line height ≥ 1.5, no sideways scrolling', async () => {
    for (const width of [375, 1280]) {
      const { page } = await open(path, width);
      const style = await page.evaluate(() => {
        const p = document.querySelector('main p') as HTMLElement;
        const cs = getComputedStyle(p);
        return { size: parseFloat(cs.fontSize), ratio: parseFloat(cs.lineHeight) / parseFloat(cs.fontSize), overflow: document.documentElement.scrollWidth - window.innerWidth };
      });
      expect(style.size).toBeGreaterThanOrEqual(18);
      expect(style.ratio).toBeGreaterThanOrEqual(1.5);
      expect(style.overflow).toBeLessThanOrEqual(0);
      await page.close();
    }
  });
});

describe('text that looks like a template or HTML stays literal in all outputs', () => {
  const doc = load(join(fixturesDir, 'plain-injection', 'rapport.md'));
  let outputs: Output[] = [];
  beforeAll(async () => {
    outputs = await renderPlain(doc);
  });
  const bytes = (suffix: string): Uint8Array => outputBytes(outputs, suffix);

  it('in the HTML page: shown as text, never run', async () => {
    const { page, external, dialogs } = await open(write('injection.plain.html', bytes('.plain.html')), 1280);
    const text = await page.evaluate(() => document.body.innerText);
    const title = await page.title();
    for (const s of INJECTIONS) expect(text).toContain(s);
    expect(title).toContain('<script>alert(1)</script>');
    expect(await page.evaluate(() => [document.scripts.length, document.images.length])).toEqual([0, 0]);
    expect(dialogs).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('in the PDF text', () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', write('injection.plain.pdf', bytes('.plain.pdf')), '-'], { encoding: 'utf8' });
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    for (const s of INJECTIONS) expect(squeeze(text)).toContain(squeeze(s));
  });

  it('in the DOCX XML', () => {
    const xml = new TextDecoder().decode(unzipSync(bytes('.plain.docx'))['word/document.xml']);
    expect(xml).not.toMatch(/<(script|img)\b/);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    for (const s of INJECTIONS) expect(text).toContain(s);
  });

  it('in the JSON', () => {
    const data = JSON.parse(new TextDecoder().decode(bytes('.plain.json'))) as { title: string; sections: { title: string }[] };
    expect(data.title).toBe("Lettlest versjon: Rapport {{constructor.constructor('x')()}} <script>alert(1)</script> {{> partial}}");
    expect(data.sections.map((s) => s.title)).toContain('Kapittel {{> partial}} <script>alert(1)</script>');
  });

  it('and the same source gives byte-identical files', async () => {
    const again = await renderPlain(doc);
    expect(again.map((o) => o.suffix)).toEqual(outputs.map((o) => o.suffix));
    for (const [i, o] of again.entries()) expect(Buffer.from(o.bytes).equals(Buffer.from(outputs[i]?.bytes ?? []))).toBe(true);
  });
});
