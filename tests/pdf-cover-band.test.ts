import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadReportText } from '../src/pipeline/load.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { pageContents, readPdf } from './helpers/pdf-read.js';

const A4_HEIGHT = 841.89;

/** The cover band's height (pdfkit draws it as `0 0 595.28 h re` in its top-down space). */
function bandHeight(content: string): number {
  const match = /(?:^|\s)0 0 595\.28 ([\d.]+) re/.exec(content);
  if (!match) throw new Error('no cover band on page 1');
  return Number(match[1]);
}

async function coverOf(title: string, subtitle: string): Promise<{ band: number; subtitleBottom: number }> {
  const { doc } = loadReportText('forside.md', `---\ntitle: "${title}"\nsubtitle: "${subtitle}"\nlang: nb\ndate: 2024-01-01\n---\n\n# Innhold\n\nTekst.\n`);
  if (!doc) throw new Error('fixture did not load');
  const bytes = await renderPdf(doc, { layout: 'easy' });
  const band = bandHeight(pageContents((await readPdf(bytes)).pdf)[0] ?? '');
  const pdf = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  const items = (await (await pdf.getPage(1)).getTextContent()).items as { str: string; transform: number[]; height: number }[];
  const last = items.filter((i) => subtitle.includes(i.str.trim()) && i.str.trim() !== '').at(-1);
  await pdf.destroy();
  if (!last) throw new Error('subtitle not found on the cover');
  // pdfjs gives the baseline in bottom-up PDF space; a descender reaches about a quarter em below it.
  return { band, subtitleBottom: A4_HEIGHT - (last.transform[5] as number) + last.height * 0.25 };
}

describe('the cover band', () => {
  it('keeps its usual height for a short title', async () => {
    const { band, subtitleBottom } = await coverOf('Kort tittel', 'Undertittel');
    expect(band).toBe(470);
    expect(subtitleBottom).toBeLessThan(band);
  });

  it('grows so a long title and its subtitle stay on the coloured band', async () => {
    const title = 'Lettlest versjon: Rapport fra Regjeringens nasjonale integreringskonferanse 2023 om levekår og deltakelse';
    const { band, subtitleBottom } = await coverOf(title, 'Bedre levekår og høyere deltakelse for alle');
    expect(band).toBeGreaterThan(470);
    expect(subtitleBottom).toBeLessThan(band);
  });
});

describe('the cover title', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => ['Rapport', 'om', 'integrering', 'og', 'deltakelse', 'i', 'arbeidslivet'][i % 7]).join(' ');

  it.each([
    ['a 280-character title', words(40).slice(0, 280), 'Undertittel'],
    ['a 1,000-character subtitle', 'Kort tittel', words(150).slice(0, 1000)],
  ])('%s fits on the cover in smaller type, on the band', async (_, title, subtitle) => {
    const { band, subtitleBottom } = await coverOf(title, subtitle);
    expect(band).toBeLessThan(A4_HEIGHT - 100);
    expect(subtitleBottom).toBeLessThan(band);
  });

  it('a title longer than the cover holds is an error at its line, with the limit', () => {
    const { doc, diagnostics } = loadReportText('forside.md', `---\ntitle: "${words(60)}"\nlang: nb\n---\n\n# Innhold\n\nTekst.\n`);
    expect(doc).toBeUndefined();
    expect(diagnostics.map((d) => [d.rule, d.pos?.start.line])).toEqual([['front-matter-invalid', 2]]);
    expect(diagnostics[0]?.message).toContain('300 characters');
  });

  it('breaks into balanced lines with no single word alone on the last', async () => {
    const title = 'Rapport fra Regjeringens nasjonale integreringskonferanse 2023';
    const { doc } = loadReportText('forside.md', `---\ntitle: "${title}"\nlang: nb\n---\n\n# Innhold\n\nTekst.\n`);
    if (!doc) throw new Error('fixture did not load');
    const pdf = await getDocument({ data: (await renderPdf(doc)).slice(), verbosity: 0 }).promise;
    const items = (await (await pdf.getPage(1)).getTextContent()).items as { str: string; transform: number[] }[];
    await pdf.destroy();
    // The title's lines, by baseline.
    const lines = new Map<number, string>();
    for (const item of items.filter((i) => i.str.trim() && title.includes(i.str.trim()))) {
      const y = Math.round(item.transform[5] as number);
      lines.set(y, `${lines.get(y) ?? ''} ${item.str}`.trim());
    }
    const texts = [...lines.entries()].sort((a, b) => b[0] - a[0]).map(([, t]) => t);
    expect(texts.join(' ').replace(/\s+/g, ' ')).toBe(title);
    expect(texts.length).toBeGreaterThan(1);
    expect((texts.at(-1) ?? '').split(' ').length).toBeGreaterThan(1);
    // The long word fills a line alone; the words before it share one line evenly, and 2023 keeps it company.
    expect(texts).toEqual(['Rapport fra', 'Regjeringens nasjonale', 'integreringskonferanse 2023']);
  });
});
