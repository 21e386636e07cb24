/**
 * The report frame: cover lines and colophon rendered from Handlebars templates, filled from the
 * front matter, then read back through the Markdown reader so every renderer gets model blocks.
 */
import type { Frame, Inline, Metadata, ReportDocument } from '../model/types.js';
import { DiagnosticSink, ContentError } from '../diagnostics.js';
import { parseMarkdown } from '../parse/markdown.js';
import { toModel } from '../parse/to-model.js';
import { labelLanguage } from '../model/language-tag.js';
import { escapeMarkdown, loadTemplate } from './handlebars.js';
import { labelsFor } from './labels.js';
import { longDate } from './dates.js';

/**
 * Builds the frame for a document's metadata. A draft's colophon leaves out the statement that
 * the document is universally designed: a draft is built despite errors and claims nothing.
 */
export function buildFrame(meta: Metadata, options: { draft?: boolean } = {}): Frame {
  const labels = labelsFor(labelLanguage(meta.lang));
  const context = {
    ...meta,
    draft: options.draft === true,
    dateLong: meta.date ? longDate(meta.date, meta.locale) : '',
    websiteRaw: meta.website ?? '',
    labels,
  };
  const coverBlocks = renderMarkdownTemplate('cover.md.hbs', context);
  const lines: Inline[][] = coverBlocks.flatMap((b) => (b.type === 'paragraph' ? [b.children] : []));
  const colophon = renderMarkdownTemplate('colophon.md.hbs', context);
  return {
    cover: { title: meta.title, ...(meta.subtitle ? { subtitle: meta.subtitle } : {}), lines },
    colophon,
    labels,
  };
}

/** The same document as a draft: marked in every format, its colophon without the conformance statement. */
export function asDraft(doc: ReportDocument): ReportDocument {
  return { ...doc, draft: true, frame: buildFrame(doc.meta, { draft: true }) };
}

function renderMarkdownTemplate(name: string, context: object) {
  const markdown = loadTemplate(name, escapeMarkdown)(context);
  const sink = new DiagnosticSink(`templates/${name}`);
  const { body } = toModel(parseMarkdown(markdown), { numbering: 0 }, sink);
  // A template that does not parse cleanly is the tool's fault, not the author's.
  if (sink.hasErrors) throw new ContentError(sink.items);
  return stripPositions(body);
}

/** Template output has no place in the author's file, so its positions would only mislead. */
function stripPositions<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripPositions) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== 'pos') out[k] = stripPositions(v);
    return out as T;
  }
  return value;
}
