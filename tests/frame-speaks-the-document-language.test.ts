import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadReportText } from '../src/pipeline/load.js';
import { blockText, inlineText } from '../src/model/text.js';
import { renderDocx } from '../src/render/docx/index.js';

function load(lang: string) {
  const { doc, diagnostics } = loadReportText(
    `ramme-${lang}.md`,
    `---\ntitle: Rapport\nlang: ${lang}\ndate: 2023-06-21\npublisher: Direktoratet\nplace: Oslo\n---\n\n# Kapittel\n\nTekst.\n`,
  );
  if (!doc) throw new Error(JSON.stringify(diagnostics));
  return doc;
}

describe('the report frame', () => {
  it.each([
    ['nb', 'nb-NO', 'Innhold', 'Oslo, 21. juni 2023', 'Utgitt av'],
    ['nn', 'nn-NO', 'Innhald', 'Oslo, 21. juni 2023', 'Gitt ut av'],
    ['en', 'en-GB', 'Contents', 'Oslo, 21 June 2023', 'Published by'],
    ['se', 'se-NO', 'Sisdoallu', 'Oslo, 2023 geassemánnu 21', 'Almmuheaddji'],
    ['NB', 'nb-NO', 'Innhold', 'Oslo, 21. juni 2023', 'Utgitt av'],
  ])('in %s uses its labels, locale and date style', (lang, locale, contents, dateLine, publishedBy) => {
    const doc = load(lang);
    expect(doc.meta.locale).toBe(locale);
    expect(doc.frame.labels.contents).toBe(contents);
    expect(doc.frame.cover.lines.map(inlineText)).toEqual(['Direktoratet', dateLine]);
    expect(blockText(doc.frame.colophon)).toContain(`${publishedBy}: Direktoratet`);
  });

  it('falls back to English labels for a language it has none for, keeping the document language, with a warning', () => {
    const { doc, diagnostics } = loadReportText('ramme-de.md', '---\ntitle: Bericht\nlang: de-de\n---\n\n# Kapitel\n\nText.\n');
    expect(doc?.meta.locale).toBe('de-DE');
    expect(doc?.frame.labels.contents).toBe('Contents');
    expect(diagnostics.map((d) => [d.rule, d.severity, d.pos?.start.line])).toEqual([['front-matter-lang-labels', 'warning', 3]]);
    expect(diagnostics[0]?.message).toContain('"en"');
  });

  it('reaches the Word file: its contents heading and language', async () => {
    const files = unzipSync(await renderDocx(load('nn'), { layout: 'report', pages: {} }));
    const document = strFromU8(files['word/document.xml'] as Uint8Array);
    const styles = strFromU8(files['word/styles.xml'] as Uint8Array);
    expect(document).toContain('>Innhald<');
    expect(styles).toContain('w:val="nn-NO"');
  });
});
