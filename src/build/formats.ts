/**
 * Output formats and the jobs they need. Planning is cheap and lazy: `check` and `--help` never
 * load the plain-language module, pdfmake or docx.
 */
import type { ReportDocument } from '../model/types.js';
import { runJobs, type Job } from './jobs.js';

export const FORMATS = ['pdf', 'docx', 'plain'] as const;
export type Format = (typeof FORMATS)[number];

/** One file a renderer made; `suffix` follows the source's base name (".pdf", ".plain.html"). */
export interface Output {
  suffix: string;
  bytes: Uint8Array;
}

/** Turns a checked model into output files. */
export type Renderer = (doc: ReportDocument) => Promise<Output[]>;

const planners: Record<Format, (doc: ReportDocument) => Promise<Job[]>> = {
  pdf: async (doc) => [{ suffix: '.pdf', engine: 'pdf', doc, layout: 'report' }],
  docx: async (doc) => [{ suffix: '.docx', engine: 'docx', doc, layout: 'report' }],
  plain: async (doc) => (await import('../plain/index.js')).planPlain(doc),
};

/** The jobs that make a format's files for `doc`. */
export function planFormat(format: Format, doc: ReportDocument): Promise<Job[]> {
  return planners[format](doc);
}

/** A format's renderer, running its jobs in this thread (tests, single-core machines). */
export async function loadRenderer(format: Format): Promise<Renderer> {
  return async (doc) => runJobs(await planFormat(format, doc));
}

/** Parses a `--format pdf,docx` list; returns the unknown names as errors. */
export function parseFormats(list: string): { formats: Format[]; unknown: string[] } {
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  const formats = FORMATS.filter((f) => names.includes(f));
  const unknown = names.filter((n) => !(FORMATS as readonly string[]).includes(n));
  return { formats, unknown };
}
