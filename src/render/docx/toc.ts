/**
 * The table of contents: a real TOC field (levels 1–3, linked), already filled as Word fills it —
 * number, tab, title, dot leader, page number — so it reads well before Word updates it (in
 * Protected View, previews, LibreOffice). The page numbers are those the PDF's layout found; they
 * are written last (`fillTocPages`), so the rest of the file is made while the PDF is laid out.
 */
import { InternalHyperlink, Paragraph, Tab, TableOfContents, TextRun } from 'docx';
import type { ReportDocument } from '../../model/types.js';
import type { HeadingPages } from '../../model/pages.js';

/** Marks an entry's page number in the XML until it is known: private-use characters, never in text. */
const pageMark = (index: number): string => `\uE000${index}\uE001`;
const PAGE_MARKS = /\uE000(\d+)\uE001/g;

/** The contents heading and the TOC field; nothing when the document has no headings to list. */
export function renderToc(doc: ReportDocument, bookmarks: ReadonlyMap<string, string>): (Paragraph | TableOfContents)[] {
  if (doc.toc.length === 0) return [];
  const entries = doc.toc.map((entry, i) => {
    // The tab stops (number, dot leader, page) are the TOC styles', where Word's updates find them too.
    const number = entry.number ? [entry.number, new Tab()] : [];
    const run = new TextRun({ children: [...number, entry.text, new Tab(), pageMark(i)] });
    const anchor = bookmarks.get(entry.id);
    return new Paragraph({ style: `TOC${entry.level}`, children: [anchor ? new InternalHyperlink({ anchor, children: [run] }) : run] });
  });
  return [
    new Paragraph({ style: 'TOCHeading', text: doc.frame.labels.contents }),
    // The library puts the field's start and end in paragraphs of their own; fixups.ts moves them into the entries.
    new TableOfContents(doc.frame.labels.contents, { hyperlink: true, headingStyleRange: '1-3', contentChildren: entries }),
  ];
}

/** Writes the page numbers into the contents of the document part's XML. */
export function fillTocPages(xml: string, doc: ReportDocument, pages: HeadingPages): string {
  return xml.replace(PAGE_MARKS, (_, index: string) => {
    const id = doc.toc[Number(index)]?.id;
    return id !== undefined && pages[id] !== undefined ? String(pages[id]) : '';
  });
}
