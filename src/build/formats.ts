/**
 * Output formats and the renderers that make them. Renderers are imported lazily so that
 * `check` and `--help` never load pdfmake or docx.
 */
import type { ReportDocument } from '../model/types.js';

export const FORMATS = ['pdf', 'docx', 'plain'] as const;
export type Format = (typeof FORMATS)[number];

/** One file a renderer made; `suffix` follows the source's base name (".pdf", ".plain.html"). */
export interface Output {
  suffix: string;
  bytes: Uint8Array;
}

/** Turns a checked model into output files. */
export type Renderer = (doc: ReportDocument) => Promise<Output[]>;

/** How to load each format's renderer; `undefined` while a format has no renderer yet. */
const loaders: Record<Format, (() => Promise<Renderer>) | undefined> = {
  pdf: async () => (await import('../render/pdf/index.js')).pdfRenderer,
  docx: async () => (await import('../render/docx/index.js')).docxRenderer,
  plain: async () => (await import('../plain/index.js')).renderPlain,
};

/** The renderer for a format, or undefined when this build of the tool has none. */
export async function loadRenderer(format: Format): Promise<Renderer | undefined> {
  const load = loaders[format];
  return load ? load() : undefined;
}

/** Parses a `--format pdf,docx` list; returns the unknown names as errors. */
export function parseFormats(list: string): { formats: Format[]; unknown: string[] } {
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  const formats = FORMATS.filter((f) => names.includes(f));
  const unknown = names.filter((n) => !(FORMATS as readonly string[]).includes(n));
  return { formats, unknown };
}
