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

/**
 * The conformance claimed: PDF/A-2a, whose identification (`pdfaid`) and sRGB output intent
 * pdfkit writes itself (its subset 'PDF/A-2a'), and PDF/UA-1, added by `prepareXmp`.
 */
export const PDFA_SUBSET = 'PDF/A-2a';

/** Adds the PDF/UA identification, and the extension schema PDF/A needs to allow it, to the XMP. */
export function prepareXmp(kit: XmpTarget): void {
  // pdfkit's own 'PDF/UA' subset would also write a /CIDSet that omits CIDs the subset font
  // contains (Matterhorn 31-009), and it excludes the PDF/A subset, so the identification is
  // added here. pdfuaid is not an XMP or PDF/A schema: ISO 19005-2, 6.6.2.3.2, requires its
  // description as an extension schema.
  kit.appendXML(`
        <rdf:Description xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
            xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
            xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#" rdf:about="">
            <pdfaExtension:schemas>
                <rdf:Bag>
                    <rdf:li rdf:parseType="Resource">
                        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                        <pdfaSchema:property>
                            <rdf:Seq>
                                <rdf:li rdf:parseType="Resource">
                                    <pdfaProperty:name>part</pdfaProperty:name>
                                    <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                                    <pdfaProperty:category>internal</pdfaProperty:category>
                                    <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
                                </rdf:li>
                            </rdf:Seq>
                        </pdfaSchema:property>
                    </rdf:li>
                </rdf:Bag>
            </pdfaExtension:schemas>
        </rdf:Description>
        <rdf:Description xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" rdf:about="">
            <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>`);
}
