/**
 * Document metadata: the Info dictionary and the XMP packet.
 */
import type { ReportDocument } from '../../model/types.js';

/** The producer written to Info and XMP. */
export const PRODUCER = 'rapportverk (pdfmake, pdfkit)';

/** The part of a pdfkit document the XMP preparation uses. */
export interface XmpTarget {
  appendXML(xml: string, newline?: boolean): void;
}

/** pdfmake `info`: title, author, subject, keywords and the fixed creation date. */
export function infoFor(doc: ReportDocument): Record<string, unknown> {
  const info: Record<string, unknown> = {
    title: doc.meta.title,
    creator: 'rapportverk',
    producer: PRODUCER,
    creationDate: doc.created,
    modDate: doc.created,
  };
  if (doc.meta.authors.length > 0) info['author'] = doc.meta.authors.join(', ');
  if (doc.meta.description) info['subject'] = doc.meta.description;
  if (doc.meta.keywords.length > 0) info['keywords'] = doc.meta.keywords.join(', ');
  return info;
}

/** Adds the PDF/UA identification to the XMP packet pdfkit writes. */
export function prepareXmp(kit: XmpTarget): void {
  // pdfkit's own 'PDF/UA' subset would also write a /CIDSet that omits CIDs the subset font
  // contains (Matterhorn 31-009), so the identification is added here instead.
  kit.appendXML(`
        <rdf:Description xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" rdf:about="">
            <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>`);
}
