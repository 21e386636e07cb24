/**
 * Document metadata (Info dictionary and XMP) and the final byte-level pass.
 */
import { PDFDocument, PDFName } from 'pdf-lib';
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

/** Rewrites the file with object streams; the content itself is left untouched. */
export async function finishPdf(bytes: Uint8Array): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if ('get' in object && typeof object.get === 'function' && 'delete' in object) {
      const dict = object as unknown as { get(n: PDFName): unknown; delete(n: PDFName): void };
      if (dict.get(PDFName.of('Type')) === PDFName.of('FontDescriptor')) dict.delete(PDFName.of('CIDSet'));
    }
  }
  return pdf.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
}
