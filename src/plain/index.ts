/**
 * The plain-language version: derives the plain version of a report and plans it as one HTML
 * page, a PDF and a DOCX in the easy-to-read layout (jobs for the PDF and DOCX engines) and a
 * JSON file of its readability figures.
 */
import type { ReportDocument } from '../model/types.js';
import type { Output, Plan } from '../build/formats.js';
import { runJobs } from '../build/jobs.js';
import { derivePlain } from './derive.js';
import { measureBoth } from './readability.js';
import { renderPlainPage } from './page.js';
import { plainJson } from './json.js';

export { derivePlain, type PlainVersion, type PlainSection } from './derive.js';
export { readabilityReport, formatReadability, type ReadabilityReport } from './readability.js';
export { DEFAULT_PLAIN_CONFIG, resolvePlainConfig, type PlainConfig } from './config.js';

const encoder = new TextEncoder();

/**
 * Plans `X.plain.html`, `X.plain.pdf`, `X.plain.docx` and `X.plain.json` of a checked report;
 * the diagnostics are the plain version's (sentences kept whole, readability over its limits).
 */
export function planPlain(doc: ReportDocument): Plan {
  const plain = derivePlain(doc);
  const figures = measureBoth(doc, plain);
  return {
    jobs: [
      { suffix: '.plain.html', bytes: encoder.encode(renderPlainPage(plain, doc.meta.title)) },
      { suffix: '.plain.pdf', engine: 'pdf', doc: plain.doc, layout: 'easy' },
      { suffix: '.plain.docx', engine: 'docx', doc: plain.doc, layout: 'easy' },
      { suffix: '.plain.json', bytes: encoder.encode(plainJson(plain, figures)) },
    ],
    diagnostics: figures.diagnostics,
  };
}

/** Renders the four plain-language files in this thread. */
export async function renderPlain(doc: ReportDocument): Promise<Output[]> {
  return runJobs(planPlain(doc).jobs);
}
