/**
 * Images in running text (issue #10): icons and badges stay in the line in every format, with
 * alt text or marked decorative; larger ones go after their paragraph with a warning. EXIF
 * orientation (issue #11): a turned photo is upright in the PDF, the DOCX and the web page.
 */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { loadReport } from '../src/pipeline/load.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { renderHtml } from '../src/render/html/index.js';
import type { Paragraph } from '../src/model/types.js';
import { fixturesDir } from './helpers/paths.js';
import { findAll, pageContents, readPdf, type StructElem } from './helpers/pdf-read.js';
import { paragraphs, renderFile } from './helpers/docx-read.js';
import { makeJpeg } from './helpers/jpeg.js';
import { launchChromium } from './helpers/chromium.js';
import { importDocx } from '../src/import/index.js';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';

const fixture = join(fixturesDir, 'pdf-inline-images', 'report.md');

function load(file: string) {
  const { doc, diagnostics } = loadReport(file);
  if (!doc) throw new Error(JSON.stringify(diagnostics));
  return { doc, diagnostics };
}

function elements(node: Root | Element, tag: string): Element[] {
  const found: Element[] = [];
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === tag) found.push(child);
    found.push(...elements(child, tag));
  }
  return found;
}

describe('images in running text', () => {
  test('small images stay in their paragraph at their size; a large one moves after it with a warning', () => {
    const { doc, diagnostics } = load(fixture);
    const paras = doc.body.filter((b): b is Paragraph => b.type === 'paragraph');
    const inline = paras.flatMap((p) => p.children.flatMap((c) => (c.type === 'link' ? c.children : [c]))).filter((c) => c.type === 'inlineImage');
    expect(inline.map((i) => [i.src, i.alt, i.decorative, i.width, i.height])).toEqual([
      ['badge.png', 'Bygg: bestått', false, 88, 20],
      ['icon.png', 'Advarsel', false, 16, 16],
      ['ornament.png', '', true, 40, 8],
      ['badge.png', 'Lisens: MIT', false, 88, 20],
    ]);
    const moved = diagnostics.filter((d) => d.rule === 'image-moved');
    expect(moved.map((d) => d.message)).toEqual([expect.stringContaining('"chart.png" stands inside running text and is 100 × 100 px')]);
    const at = doc.body.findIndex((b) => b.type === 'figure');
    expect(doc.body[at - 1]?.type).toBe('paragraph');
    expect(doc.body[at]).toMatchObject({ type: 'figure', src: 'chart.png', alt: 'Kart over området' });
  });

  test('the PDF tags each picture in the line as a Figure with its alt text inside its paragraph; the decorative one is no element', async () => {
    const { doc } = load(fixture);
    const read = await readPdf(await renderPdf(doc));
    const figures = findAll(read.tree, 'Figure');
    expect(figures.map((f) => f.attrs['Alt'])).toEqual(['Bygg: bestått', 'Advarsel', 'Kart over området', 'Lisens: MIT']);
    const paras = findAll(read.tree, 'P');
    const inParagraph = (f: StructElem) => paras.some((p) => p.children.includes(f) || findAll(p, 'Link').some((l) => l.children.includes(f)));
    expect(figures.filter(inParagraph).map((f) => f.attrs['Alt'])).toEqual(['Bygg: bestått', 'Advarsel', 'Lisens: MIT']);
        // A badge that is a link's only content is clickable: its Link holds the Figure and the annotation.
    const badgeLinks = findAll(read.tree, 'Link').filter((l) => l.children.some((c) => c.role === 'Figure'));
    expect(badgeLinks.map((l) => l.annots.length)).toEqual([1]);
    // Drawn at their natural size, 0.75 pt a pixel, as in the web page and in Word; the figure at 1 pt a pixel.
    expect(drawnImageBoxes(pageContents(read.pdf).join('\n'))).toEqual([
      { w: 66, h: 15 }, { w: 12, h: 12 }, { w: 30, h: 6 }, { w: 100, h: 100 }, { w: 66, h: 15 },
    ]);
  });

  test('the DOCX holds the pictures in the paragraph\'s runs, with alt text or marked decorative', async () => {
    const { parts } = await renderFile(fixture);
    const paras = paragraphs(parts['word/document.xml'] ?? '');
    const first = paras.find((p) => p.text.startsWith('Bygget er'));
    expect(first?.xml).toMatch(/<wp:inline\b[\s\S]*descr="Bygg: bestått"/);
    expect(first?.xml).toMatch(/<wp:extent cx="838200" cy="190500"\/>/);
    expect(first?.xml).toContain('descr="Advarsel"');
    const ornament = paras.find((p) => p.text.startsWith('Et pyntebilde'));
    expect(ornament?.xml).toMatch(/<wp:inline\b[\s\S]*<adec:decorative [^>]*val="1"/);
    const link = paras.find((p) => p.text.startsWith('Lisensen er merket'));
    expect(link?.xml).toMatch(/<w:hyperlink\b[\s\S]*descr="Lisens: MIT"[\s\S]*<\/w:hyperlink>/);
  });

  test('an edit in Word beside the pictures changes only the words; the pictures stay in the source, unreported', async () => {
    const { bytes } = await renderFile(fixture);
    const files = unzipSync(bytes);
    const xml = new TextDecoder().decode(files['word/document.xml']);
    expect(xml).toContain(' i dag, og varselet ');
    files['word/document.xml'] = strToU8(xml.replace(' i dag, og varselet ', ' i går, og varselet ').replace(' står i lenken.', ' står i lenka.'));
    const result = await importDocx(fixture, zipSync(files), { positionsIn: 'original' });
    const source = readFileSync(fixture, 'utf8');
    expect(result.text).toBe(source.replace(') i dag, og', ') i går, og').replace(' står i lenken.', ' står i lenka.'));
    expect(result.diagnostics.filter((d) => d.rule === 'import-unreadable')).toEqual([]);
  });

  test('the web page shows them as img in the paragraph, alt="" when decorative', () => {
    const { doc } = load(fixture);
    const tree = fromHtml(renderHtml(doc));
    const inline = elements(tree, 'p').flatMap((p) => elements(p, 'img'));
    expect(inline.map((img) => [img.properties['alt'], img.properties['width'], img.properties['height']])).toEqual([
      ['Bygg: bestått', 88, 20], ['Advarsel', 16, 16], ['', 40, 8], ['Lisens: MIT', 88, 20],
    ]);
  });
});

/** The size each image XObject is drawn at: the unit square through every `cm` since the `q` that opened its drawing. */
function drawnImageBoxes(content: string): { w: number; h: number }[] {
  const boxes: { w: number; h: number }[] = [];
  for (const [block] of content.matchAll(/\bq\b(?:(?!\bq\b)[\s\S])*?\/I\d+ Do/g)) {
    let m = [1, 0, 0, 1, 0, 0];
    for (const found of block.matchAll(/([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) cm/g)) {
      const [a, b, c, d, e, f] = found.slice(1).map(Number) as [number, number, number, number, number, number];
      // The new matrix applies first: CTM' = M × CTM.
      m = [a * m[0]! + b * m[2]!, a * m[1]! + b * m[3]!, c * m[0]! + d * m[2]!, c * m[1]! + d * m[3]!,
        e * m[0]! + f * m[2]! + m[4]!, e * m[1]! + f * m[3]! + m[5]!];
    }
    const round = (v: number) => Math.round(v * 100) / 100;
    boxes.push({ w: round(Math.abs(m[0]!) + Math.abs(m[2]!)), h: round(Math.abs(m[1]!) + Math.abs(m[3]!)) });
  }
  return boxes;
}

describe('EXIF orientation', () => {
  // Top row: two white blocks then black; stored 32 × 24 px, shown 24 × 32 after a quarter turn.
  const pattern = [[true, true, false, false], [false, false, false, false], [false, false, false, false]];
  const dir = mkdtempSync(join(tmpdir(), 'rv-exif-'));
  writeFileSync(join(dir, 'turned.jpg'), makeJpeg(pattern, 6));
  writeFileSync(join(dir, 'mirrored.jpg'), makeJpeg(pattern, 5));
  writeFileSync(join(dir, 'r.md'), '---\ntitle: Foto\nlang: nb\n---\n\n# Foto\n\n![Et bilde snudd en kvart](turned.jpg)\n\n![Et speilet bilde](mirrored.jpg)\n');
  writeFileSync(join(dir, '.git'), '');
  const file = join(dir, 'r.md');

  test('the DOCX picture keeps the stored size, turned and flipped to upright, with room for the turned box', async () => {
    const { parts } = await renderFile(file);
    const inlines = (parts['word/document.xml'] ?? '').match(/<wp:inline\b[\s\S]*?<\/wp:inline>/g) ?? [];
    expect(inlines.length).toBe(2);
    const [turned, mirrored] = inlines as [string, string];
    expect(turned).toContain('<wp:extent cx="304800" cy="228600"/>');
    expect(turned).toContain('<wp:effectExtent l="-38100" t="38100" r="-38100" b="38100"/>');
    expect(turned).toMatch(/<a:xfrm rot="5400000"><a:off x="0" y="0"\/><a:ext cx="304800" cy="228600"\/>/);
    expect(mirrored).toMatch(/<a:xfrm flipV="false" flipH="true" rot="16200000">/);
  });

  test('the PDF places the picture upright: 24 pt wide and 32 pt tall', async () => {
    const { doc } = load(file);
    const read = await readPdf(await renderPdf(doc));
    const boxes = drawnImageBoxes(pageContents(read.pdf).join('\n'));
    expect(boxes).toEqual([{ w: 24, h: 32 }, { w: 24, h: 32 }]);
  });

  test('the web page shows it upright: Chromium applies the orientation, and the page does not turn it off', async () => {
    const { doc } = load(file);
    const page = join(dir, 'r.html');
    writeFileSync(page, renderHtml(doc));
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      await tab.goto(`file://${page}`);
      const shown = await tab.evaluate(`[...document.images].map((i) => [i.naturalWidth, i.naturalHeight, getComputedStyle(i).imageOrientation])`);
      expect(shown).toEqual([[24, 32, 'from-image'], [24, 32, 'from-image']]);
    } finally {
      await browser.close();
    }
  });
});
