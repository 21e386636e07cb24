/**
 * The table of contents: a real TOC field (levels 1–3, linked), already filled with the current
 * headings so it reads well before Word updates it, under a heading that is not itself a heading style.
 */
import { LeaderType, Paragraph, TableOfContents } from 'docx';
import type { ReportDocument } from '../../model/types.js';

/** The contents heading and the TOC field; nothing when the document has no headings to list. */
export function renderToc(doc: ReportDocument, bookmarks: ReadonlyMap<string, string>): (Paragraph | TableOfContents)[] {
  if (doc.toc.length === 0) return [];
  const entries = doc.toc.map((entry) => ({
    title: entry.number ? `${entry.number} ${entry.text}` : entry.text,
    level: entry.level,
    ...(bookmarks.has(entry.id) ? { href: bookmarks.get(entry.id) } : {}),
  }));
  return [
    new Paragraph({ style: 'TOCHeading', text: doc.frame.labels.contents }),
    // Page numbers are left for Word, which updates the field on opening (`updateFields`); without
    // numbers yet, dot leaders would run to nothing, so the entries have none.
    new TableOfContents(doc.frame.labels.contents, {
      hyperlink: true,
      headingStyleRange: '1-3',
      cachedEntries: entries,
      tabLeader: LeaderType.NONE,
    }),
  ];
}
