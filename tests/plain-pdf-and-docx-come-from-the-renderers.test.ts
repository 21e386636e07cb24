import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { loadReport } from '../src/pipeline/load.js';
import { inlineText } from '../src/model/text.js';
import { derivePlain } from '../src/plain/derive.js';
import { renderPlain } from '../src/build/plain-format.js';
import type { Output } from '../src/build/formats.js';
import { readPdf, type StructElem } from './helpers/pdf-read.js';
import { PDFName } from 'pdf-lib';
import { fixturesDir } from './helpers/paths.js';
import { outputBytes } from './helpers/outputs.js';

const { doc, diagnostics } = loadReport(join(fixturesDir, 'plain-generated', 'rapport.md'));
if (!doc) throw new Error(`fixture did not load: ${JSON.stringify(diagnostics)}`);
const plain = derivePlain(doc);
const titles = plain.sections.map((s) => inlineText(s.title));
let outputs: Output[] = [];
beforeAll(async () => {
  outputs = await renderPlain(doc);
});
const bytes = (suffix: string): Uint8Array => outputBytes(outputs, suffix);

describe('the plain version as PDF and DOCX', () => {
  it('makes the four plain files', () => {
    expect(outputs.map((o) => o.suffix)).toEqual(['.plain.html', '.plain.pdf', '.plain.docx', '.plain.json']);
  });

  it('X.plain.pdf is a tagged PDF with the plain title, the language, and an H1 per section', async () => {
    const pdf = await readPdf(bytes('.plain.pdf'));
    const h1: string[] = [];
    const visit = (e: StructElem): void => {
      if (e.role === 'H1') h1.push(e.role);
      e.children.forEach(visit);
    };
    visit(pdf.tree);
    expect(h1.length).toBeGreaterThanOrEqual(titles.length);
    expect(String(pdf.catalog.get(PDFName.of('Lang')))).toBe('(nb-NO)');
    const file = join(mkdtempSync(join(tmpdir(), 'plain-pdf-')), 'x.pdf');
    writeFileSync(file, bytes('.plain.pdf'));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Title:\s+Lettlest versjon: Årsrapport for Eksempelrådet$/m);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const t of titles) expect(text).toContain(t);
    expect(text).toContain('Minister Kari Nordmann besøkte rådet i mai.');
  });

  it('X.plain.docx holds every section heading and the plain title', () => {
    const files = unzipSync(bytes('.plain.docx'));
    const xml = new TextDecoder().decode(files['word/document.xml']);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    for (const t of titles) expect(text).toContain(t);
    expect(new TextDecoder().decode(files['docProps/core.xml'])).toContain('Lettlest versjon: Årsrapport for Eksempelrådet');
  });
});
