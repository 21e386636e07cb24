/**
 * Package parts the docx library leaves incomplete or writes unlike Word: the document language
 * (properties and settings) and publisher, the table look in the form Word writes it, note
 * separators without a stray note mark, repeated note numbers styled as note marks, pictures
 * without their alt text or room for their turn, the contents field's start and end in paragraphs of their own, the
 * kind of the heading numbering, and the house table style.
 */
import { editXml, type PackageParts } from './package.js';
import { tableStyleXml } from './styles.js';
import { escapeXml } from '../shared/text.js';

/** What goes into the document properties besides what the docx library writes. */
export interface PropertyFacts {
  /** Full language tag, e.g. nb-NO. */
  locale: string;
  creator: string;
  publisher?: string;
}

/** Completes the properties and writes table looks, note separators, pictures, the contents and the heading list as Word does. */
export function completePackage(parts: PackageParts, facts: PropertyFacts): void {
  editXml(parts, 'docProps/core.xml', (xml) =>
    xml
      .replace(/<cp:lastModifiedBy>[^<]*<\/cp:lastModifiedBy>/, `<cp:lastModifiedBy>${escapeXml(facts.creator)}</cp:lastModifiedBy>`)
      .replace('</cp:coreProperties>', `<dc:language>${escapeXml(facts.locale)}</dc:language></cp:coreProperties>`),
  );
  if (facts.publisher) {
    const company = `<Company>${escapeXml(facts.publisher)}</Company>`;
    editXml(parts, 'docProps/app.xml', (xml) =>
      /<Properties[^>]*\/>/.test(xml)
        ? xml.replace(/<Properties([^>]*)\/>/, `<Properties$1>${company}</Properties>`)
        : xml.replace('</Properties>', `${company}</Properties>`),
    );
  }
  editXml(parts, 'word/styles.xml', (xml) => xml.replace('</w:styles>', `${tableStyleXml()}</w:styles>`));
  editXml(parts, 'word/settings.xml', (xml) =>
    xml
      .replace('</w:compat>', `</w:compat><w:themeFontLang w:val="${escapeXml(facts.locale)}"/>`)
      // When an editor saves, Word keeps only the characters used of the embedded fonts.
      .replace('<w:embedTrueTypeFonts/>', '<w:embedTrueTypeFonts/><w:saveSubsetFonts/>'),
  );
  for (const kind of ['footnote', 'endnote']) {
    // The separator lines of notes carry no note number; the library puts a reference mark in them.
    const separator = new RegExp(`<w:${kind} w:type="(?:separator|continuationSeparator)"[\\s\\S]*?</w:${kind}>`, 'g');
    const mark = new RegExp(`<w:r><w:rPr><w:rStyle w:val="[A-Za-z]+"/></w:rPr><w:${kind}Ref/></w:r>`, 'g');
    editXml(parts, `word/${kind}s.xml`, (xml) => xml.replace(separator, (note) => note.replace(mark, '')));
  }
  editXml(parts, 'word/document.xml', (xml) => xml.replace(DOCUMENT_FIXES, documentFix).replace(TOC_FIELD, tocField));
  // The library writes every list as "hybrid" (one level at a time, as bullets); Word's heading
  // numbering is a true multilevel list, which its Multilevel List gallery shows as such.
  editXml(parts, 'word/numbering.xml', (xml) => xml.replace(HEADING_LIST_KIND, '$1multilevel'));
}

/** The list kind of the abstract numbering whose first level is linked to Heading 1. */
const HEADING_LIST_KIND = /(<w:multiLevelType w:val=")hybridMultilevel(?="\/><w:lvl w:ilvl="0"(?:(?!<\/w:lvl>)[\s\S])*<w:pStyle w:val="Heading1"\/>)/;

/** The document's fix-ups, found in one pass over its XML (the largest part). */
const DOCUMENT_FIXES = /<w:tblLook ([^>]*)\/>|<wp:inline\b[\s\S]*?<\/wp:inline>|(<w:fldSimple w:instr="NOTEREF [^"]*">)<w:r>/g;

function documentFix(found: string, lookAttrs: string | undefined, noteRef: string | undefined): string {
  if (lookAttrs !== undefined) return tableLook(lookAttrs);
  // A repeated note number looks like the note's reference mark before Word updates the field.
  if (noteRef !== undefined) return `${noteRef}<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>`;
  return roomForTurn(pictureNames(found));
}

/** The contents field as the library writes it: start and end in empty paragraphs around the entries. */
const TOC_FIELD =
  /<w:sdtContent><w:p>(<w:r><w:fldChar w:fldCharType="begin"[^>]*\/><w:instrText[^>]*>TOC [^<]*<\/w:instrText><w:fldChar w:fldCharType="separate"\/><\/w:r>)<\/w:p>(<w:p>(?:<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<\/w:pPr>)?)([\s\S]*?)<\/w:p><w:p>(<w:r><w:fldChar w:fldCharType="end"\/><\/w:r>)<\/w:p><\/w:sdtContent>/;

/** Moves the field's start into the first entry and its end into the last, as Word writes them, so no empty paragraph shows. */
function tocField(_: string, begin: string, firstOpen: string, entries: string, end: string): string {
  return `<w:sdtContent>${firstOpen}${begin}${entries}${end}</w:p></w:sdtContent>`;
}

/**
 * Copies a drawing's name and alt text onto its picture, which the library leaves blank, so tools
 * that read the picture element rather than the drawing still find the alt text.
 */
function pictureNames(inline: string): string {
  const docPr = /<wp:docPr ([^>]*?)\/?>/.exec(inline)?.[1] ?? '';
  const name = /\bname="([^"]*)"/.exec(docPr)?.[1] ?? '';
  const descr = /\bdescr="([^"]*)"/.exec(docPr)?.[1] ?? '';
  return inline.replace(/<pic:cNvPr id="0" name="" descr=""\/>/, `<pic:cNvPr id="0" name="${name}" descr="${descr}"/>`);
}

/**
 * Makes room for a picture turned a quarter (a photo's EXIF orientation): its extent is the
 * unturned size, and the effect extent widens or narrows each edge to the turned box, as Word
 * writes it, so the picture takes its upright height in the line instead of overlapping text.
 */
function roomForTurn(inline: string): string {
  if (!/<a:xfrm rot="(5400000|16200000)"/.test(inline)) return inline;
  const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(inline);
  if (!extent) return inline;
  const half = Math.round((Number(extent[1]) - Number(extent[2])) / 2);
  const room = `<wp:effectExtent l="${-half}" t="${half}" r="${-half}" b="${half}"/>`;
  return inline.replace(/<wp:effectExtent [^>]*\/>/, room);
}

/** Bits of the table look's hexadecimal `w:val`, which Word 2007 and some checkers read instead of the attributes. */
const LOOK_BITS: Record<string, number> = {
  firstRow: 0x20,
  lastRow: 0x40,
  firstColumn: 0x80,
  lastColumn: 0x100,
  noHBand: 0x200,
  noVBand: 0x400,
};

function tableLook(attrs: string): string {
  let val = 0;
  const flags = Object.keys(LOOK_BITS).map((name) => {
    const on = new RegExp(`w:${name}="(true|1|on)"`).test(attrs);
    if (on) val |= LOOK_BITS[name] ?? 0;
    return `w:${name}="${on ? 1 : 0}"`;
  });
  return `<w:tblLook w:val="${val.toString(16).toUpperCase().padStart(4, '0')}" ${flags.join(' ')}/>`;
}
