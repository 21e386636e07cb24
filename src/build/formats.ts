/**
 * Output formats and the jobs they need. Planning is cheap and lazy: `check` and `--help` never
 * load the plain-language module, pdfmake or docx.
 */
import type { ReportDocument } from '../model/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { runJobs, type Job } from './jobs.js';

export const FORMATS = ['pdf', 'docx', 'html', 'plain'] as const;
export type Format = (typeof FORMATS)[number];

/** One file a renderer made; `suffix` follows the source's base name (".pdf", ".plain.html"). */
export interface Output {
  suffix: string;
  bytes: Uint8Array;
}

/** Turns a checked model into output files. */
export type Renderer = (doc: ReportDocument) => Promise<Output[]>;

/** What a format needs made, and what planning it found (the plain version's readability). */
export interface Plan {
  jobs: Job[];
  diagnostics: Diagnostic[];
}

const planners: Record<Format, (doc: ReportDocument) => Promise<Plan>> = {
  pdf: async (doc) => ({ jobs: [{ suffix: '.pdf', engine: 'pdf', doc, layout: 'report' }], diagnostics: [] }),
  docx: async (doc) => ({ jobs: [{ suffix: '.docx', engine: 'docx', doc, layout: 'report' }], diagnostics: [] }),
  // The page is text made in this thread; it needs no engine.
  html: async (doc) => {
    const { renderHtml } = await import('../render/html/index.js');
    return { jobs: [{ suffix: '.html', bytes: new TextEncoder().encode(renderHtml(doc)) }], diagnostics: [] };
  },
  plain: async (doc) => (await import('./plain-format.js')).planPlain(doc),
};

/** Plans a format's files for `doc`. */
export function planFormat(format: Format, doc: ReportDocument): Promise<Plan> {
  return planners[format](doc);
}

/** A format's renderer, running its jobs in this thread (tests, single-core machines). */
export async function loadRenderer(format: Format): Promise<Renderer> {
  return async (doc) => runJobs((await planFormat(format, doc)).jobs);
}

/** Parses a `--format pdf,docx` list; returns the unknown names as errors. */
export function parseFormats(list: string): { formats: Format[]; unknown: string[] } {
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  const formats = FORMATS.filter((f) => names.includes(f));
  const unknown = names.filter((n) => !(FORMATS as readonly string[]).includes(n));
  return { formats, unknown };
}
