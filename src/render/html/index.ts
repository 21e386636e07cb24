/**
 * The full report as one accessible, self-contained web page: landmarks, a skip link, the
 * contents, numbered headings whose ids are the PDF's and DOCX's anchors, notes as a list with
 * links back, figures inside the page, the house typography, and nothing loaded from outside.
 */
import type { ReportDocument } from '../../model/types.js';
import { walk } from '../../model/walk.js';
import { escapeHtml, loadTemplate } from '../../frame/handlebars.js';
import { blocksToHtml, inlinesToHtml, type HtmlContext } from './content.js';
import { fontFaces } from './fonts.js';
import { headingLabel } from '../shared/labels.js';
import { PALETTE } from '../shared/tokens.js';

/** Renders the report page as HTML text. */
export function renderHtml(doc: ReportDocument): string {
  const ids = new Set<string>();
  walk(doc.body, (node) => {
    if ((node.type === 'heading' || node.type === 'figure' || node.type === 'table') && node.id) ids.add(node.id);
  });
  // The page title is the h1, so the report's chapters are h2 and so on down (h6 at most).
  const ctx: HtmlContext = { ids, labels: doc.frame.labels, level: (h) => Math.min(6, h.level + 1), report: true };
  const page = loadTemplate('html/report.html.hbs', escapeHtml);
  return page({
    lang: doc.meta.lang,
    draft: doc.draft === true,
    title: doc.meta.title,
    subtitle: doc.meta.subtitle ?? '',
    description: doc.meta.description ?? '',
    keywords: doc.meta.keywords.join(', '),
    labels: doc.frame.labels,
    palette: PALETTE,
    fontFacesRaw: fontFaces(doc),
    coverLinesRaw: doc.frame.cover.lines.map((line) => inlinesToHtml(line, ctx)),
    toc: doc.toc.map((entry) => ({ id: encodeURIComponent(entry.id), level: entry.level, number: entry.number ? headingLabel(entry.number) : '', text: entry.text })),
    bodyRaw: blocksToHtml(doc.body, ctx),
    footnotes: doc.footnotes.map((note) => ({
      id: note.id,
      number: note.number,
      contentRaw: blocksToHtml(note.children, ctx),
      back: `${doc.frame.labels.backToReference} ${note.number}`,
    })),
    colophonRaw: blocksToHtml(doc.frame.colophon, ctx),
  });
}
