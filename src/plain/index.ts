/**
 * The plain-language renderer: derives the plain version of a report and writes it as one HTML
 * page, a PDF and a DOCX in the easy-to-read layout (through the PDF and DOCX renderers) and a
 * JSON file of its readability figures.
 */
import type { ReportDocument } from '../model/types.js';
import type { Output } from '../build/formats.js';
import { derivePlain } from './derive.js';
import { measureBoth } from './readability.js';
import { renderPlainPage } from './page.js';
import { plainJson } from './json.js';

export { derivePlain, type PlainVersion, type PlainSection } from './derive.js';
export { readabilityReport, formatReadability, type ReadabilityReport } from './readability.js';
export { DEFAULT_PLAIN_CONFIG, resolvePlainConfig, type PlainConfig } from './config.js';

const encoder = new TextEncoder();

/** Renders `X.plain.html`, `X.plain.pdf`, `X.plain.docx` and `X.plain.json` for a checked report. */
export async function renderPlain(doc: ReportDocument): Promise<Output[]> {
  const plain = derivePlain(doc);
  const figures = measureBoth(doc, plain);
  // Loaded here, not at the top, so `check` never pays for pdfmake or docx.
  const { renderPdf } = await import('../render/pdf/index.js');
  const { renderDocx } = await import('../render/docx/index.js');
  return [
    { suffix: '.plain.html', bytes: encoder.encode(renderPlainPage(plain, doc.meta.title)) },
    { suffix: '.plain.pdf', bytes: await renderPdf(plain.doc, { profile: 'easy' }) },
    { suffix: '.plain.docx', bytes: await renderDocx(plain.doc, { layout: 'easy' }) },
    { suffix: '.plain.json', bytes: encoder.encode(plainJson(plain, figures)) },
  ];
}
