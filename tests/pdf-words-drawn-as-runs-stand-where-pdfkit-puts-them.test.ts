import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawTextRuns, type RunInline, type RunKit } from '../src/render/pdf/text-runs.js';
import { fontsDir } from '../src/frame/paths.js';

const require = createRequire(import.meta.url);

interface Kit extends RunKit {
  font(path: string): Kit;
  fontSize(size: number): Kit;
  addPage(): Kit;
  text(text: string, x: number, y: number, options: object): Kit;
  widthOfString(text: string): number;
  on(event: 'data', listener: (chunk: Buffer) => void): Kit;
  on(event: 'end', listener: () => void): Kit;
  end(): void;
}
const PDFDocument = require('pdfkit') as new (options: object) => Kit;

const SIZE = 10.5;
/** Words as pdfmake makes inlines (with their spaces): kerning pairs, a ligature, a combining mark, a colour change. */
const WORDS: readonly { text: string; color?: string }[] = [
  { text: 'AVANTI ' },
  { text: 'Type ' },
  { text: 'offisiell ' },
  { text: 'kafe\u0301 ' },
  { text: 'Tøyen ', color: '#0b5394' },
  { text: 'WAVY ', color: '#0b5394' },
  { text: '«sitat»' },
];

/** Word boxes on a page, as poppler sees them. */
function wordBoxes(file: string, page: number): string[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
    ([, x0, y0, x1, y1, word]) => `${word} ${Number(x0).toFixed(2)} ${Number(y0).toFixed(2)} ${Number(x1).toFixed(2)} ${Number(y1).toFixed(2)}`,
  );
}

describe('words drawn as runs (text-runs.ts)', () => {
  // pdfmake draws each word with pdfkit's text() at the x it laid the word out at; the runs must
  // put every glyph in the same place, with pdfkit's own kerning, ligatures and mark positions.
  it.each([
    ['left-aligned', 0],
    ['justified', 7.25],
  ])('put every word of a %s line where pdfkit draws it alone', async (_name, stretch) => {
    const kit = new PDFDocument({ autoFirstPage: true, compress: false });
    const chunks: Buffer[] = [];
    kit.on('data', (chunk) => chunks.push(chunk));
    const done = new Promise<void>((resolve) => kit.on('end', resolve));
    Object.assign(kit, { resolveColor: (color: unknown, fallback: string) => color ?? fallback });
    kit.font(join(fontsDir, 'NotoSans-Regular.ttf')).fontSize(SIZE);
    const font = kit._font;
    let x = 0;
    const inlines: RunInline[] = WORDS.map((word, i) => {
      const inline = { text: word.text, x: x + i * stretch, font, fontSize: SIZE, color: word.color };
      x += kit.widthOfString(word.text);
      return inline;
    });
    const left = 72;
    const top = 100;
    const ascenderHeight = (font.ascender / 1000) * SIZE;

    expect(drawTextRuns(kit, inlines, left, top + ascenderHeight)).toBe(true);
    kit.addPage();
    // As pdfmake's renderLine draws each inline: at its x, the top of its text at the line's top
    // (the line's ascender is this font's, so its baseline is top + ascender), through pdfkit's text().
    for (const inline of inlines) {
      kit.fillColor(inline.color ?? 'black');
      kit.text(inline.text, left + inline.x, top, { lineBreak: false, wordCount: 1 });
    }
    kit.end();
    await done;

    const file = join(mkdtempSync(join(tmpdir(), 'rv-runs-')), 'runs.pdf');
    writeFileSync(file, Buffer.concat(chunks));
    const runs = wordBoxes(file, 1);
    expect(runs).toHaveLength(WORDS.length);
    expect(runs).toEqual(wordBoxes(file, 2));
    // Three text objects for the three colour runs, then one per word on the page pdfkit drew.
    expect((Buffer.concat(chunks).toString('latin1').match(/\bBT\b/g) ?? []).length).toBe(3 + WORDS.length);
  });

  it('leaves raised text, page references and letter spacing to pdfmake', () => {
    const kit = {} as RunKit;
    const base = { text: 'x ', x: 0, font: { id: 'F1', ascender: 1000, encode: () => [[], []], ref: () => ({}) } as unknown as RunInline['font'], fontSize: 10 };
    for (const extra of [{ sup: true }, { sub: true }, { _pageNodeRef: {} }, { linkToPage: 2 }, { characterSpacing: 1 }, { text: 'a\nb' }]) {
      expect(drawTextRuns(kit, [base, { ...base, ...extra }], 0, 9)).toBe(false);
    }
  });
});
