/**
 * The plain-language format: the build plans the plain version (derived by `src/plain`, which
 * knows nothing of the build) as one HTML page, a PDF and a DOCX in the easy-to-read layout
 * (jobs for the PDF and DOCX engines) and a JSON file of its readability figures.
 */
import type { ReportDocument } from '../model/types.js';
import type { Output, Plan } from './formats.js';
import { runJobs } from './jobs.js';
import { derivePlain } from '../plain/derive.js';
import { measureBoth } from '../plain/readability.js';
import { renderPlainPage } from '../plain/page.js';
import { plainJson } from '../plain/json.js';

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
