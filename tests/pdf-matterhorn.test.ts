/**
 * The machine-checkable PDF/UA-1 conditions (Matterhorn Protocol 1.1) a checker such as veraPDF
 * flags, asserted on the produced files with an independent parser (pdf-lib) and a content
 * stream scanner. veraPDF itself cannot be installed here; these tests stand in for it.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  PDFHexString,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';
import { fixturesDir, reportPath } from './helpers/paths.js';
import { loadFixture, renderFixture } from './helpers/pdf-render.js';
import { walkDocument } from '../src/model/walk.js';
import { conformantRealworldDocuments } from './helpers/realworld.js';
import type { LoadOptions } from '../src/parse/index.js';
import { lookupDict, pageContents, readPdf, scanContent, text, type ReadPdf, type StructElem } from './helpers/pdf-read.js';
import { unescapeXml } from './helpers/xml.js';

const fixture = join(fixturesDir, 'pdf-all-constructs', 'report.md');

/** Standard structure types of ISO 32000-1, 14.8.4 (no RoleMap needed). */
const STANDARD = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(
    ' ',
  ),
);

/** A structure element as stored: its dictionary, reference, and what its /K names. */
interface RawElem {
  ref: PDFRef;
  dict: PDFDict;
  role: string;
  mcids: { page: PDFRef; mcid: number }[];
  objrs: PDFRef[];
}

function deref(pdf: PDFDocument, value: PDFObject | undefined): PDFObject | undefined {
  return value instanceof PDFRef ? pdf.context.lookup(value) : value;
}

/** Every structure element, with the MCIDs and annotations its /K names directly. */
function rawElements(pdf: PDFDocument, root: PDFDict): RawElem[] {
  const out: RawElem[] = [];
  const visitKids = (k: PDFObject | undefined, owner: RawElem | undefined, pg: PDFRef | undefined) => {
    const value = deref(pdf, k);
    if (value instanceof PDFArray) {
      for (const item of value.asArray()) visitKids(item, owner, pg);
    } else if (value instanceof PDFNumber) {
      if (owner && pg) owner.mcids.push({ page: pg, mcid: value.asNumber() });
    } else if (value instanceof PDFDict) {
      const type = text(value.get(PDFName.of('Type')));
      if (type === 'MCR') {
        owner?.mcids.push({ page: value.get(PDFName.of('Pg')) as PDFRef, mcid: (value.get(PDFName.of('MCID')) as PDFNumber).asNumber() });
      } else if (type === 'OBJR') {
        owner?.objrs.push(value.get(PDFName.of('Obj')) as PDFRef);
      } else if (k instanceof PDFRef) {
        const elem: RawElem = { ref: k, dict: value, role: text(value.get(PDFName.of('S'))) ?? '', mcids: [], objrs: [] };
        out.push(elem);
        const own = value.get(PDFName.of('Pg'));
        visitKids(value.get(PDFName.of('K')), elem, own instanceof PDFRef ? own : pg);
      }
    }
  };
  visitKids(root.get(PDFName.of('K')), undefined, undefined);
  return out;
}

/** The ParentTree as key → value (an array of element refs for pages, one ref for annotations). */
function parentTree(pdf: PDFDocument, root: PDFDict): Map<number, PDFObject> {
  const out = new Map<number, PDFObject>();
  const visit = (node: PDFDict | undefined) => {
    if (!node) return;
    const nums = node.get(PDFName.of('Nums'));
    if (nums instanceof PDFArray) {
      for (let i = 0; i < nums.size(); i += 2) out.set((nums.get(i) as PDFNumber).asNumber(), deref(pdf, nums.get(i + 1)) as PDFObject);
    }
    const kids = node.get(PDFName.of('Kids'));
    if (kids instanceof PDFArray) kids.asArray().forEach((kid) => visit(lookupDict(pdf, kid)));
  };
  visit(lookupDict(pdf, root.get(PDFName.of('ParentTree'))));
  return out;
}

describe.each<[string, string, 'report' | 'easy', LoadOptions]>([
  ['the fixture with every construct', fixture, 'report', {}],
  ['the fixture in the easy-to-read layout', fixture, 'easy', {}],
  ['the conference report', reportPath, 'report', {}],
  // Every real-world document that builds without --draft passes the same self-check.
  ...conformantRealworldDocuments().map((doc): [string, string, 'report', LoadOptions] => [`real-world ${doc.name}`, doc.file, 'report', { root: doc.root }]),
])('PDF/UA-1 machine checks on %s', (_name, file, profile, load) => {
  let bytes: Uint8Array;
  let read: ReadPdf;
  let pdf: PDFDocument;
  let root: PDFDict;
  let elements: RawElem[];
  let pages: PDFRef[];
  /** How many of each element the source asks for, so no check below can pass over an empty list. */
  const expected = { Figure: 0, TH: 0, Span: 0, Note: 0 };

  beforeAll(async () => {
    const doc = loadFixture(file, load);
    walkDocument(doc, (node) => {
      if (node.type === 'figure' && !node.decorative) expected.Figure++;
      if (node.type === 'lang') expected.Span++;
      if (node.type === 'table') {
        node.rows.forEach((row, r) => row.cells.forEach((cell) => (r < node.headerRows || cell.header) && expected.TH++));
      }
    });
    expected.Note = doc.footnotes.length;
    bytes = await renderFixture(file, { layout: profile }, load);
    read = await readPdf(bytes);
    pdf = read.pdf;
    root = lookupDict(pdf, read.catalog.get(PDFName.of('StructTreeRoot'))) as PDFDict;
    elements = rawElements(pdf, root);
    pages = read.pageRefs;
  });

  test('header is PDF 1.7 (≥ 1.4, so XMP is written); catalog is marked, has /Lang, and shows the title', () => {
    expect(Buffer.from(bytes.subarray(0, 9)).toString('latin1')).toMatch(/^%PDF-1\.7\n/);
    expect(lookupDict(pdf, read.catalog.get(PDFName.of('MarkInfo')))?.get(PDFName.of('Marked'))).toBe(PDFBool.True);
    expect(text(read.catalog.get(PDFName.of('Lang')))).toMatch(/^[a-z]{2}(-[A-Z]{2})?$/);
    const prefs = lookupDict(pdf, read.catalog.get(PDFName.of('ViewerPreferences')));
    expect(prefs?.get(PDFName.of('DisplayDocTitle'))).toBe(PDFBool.True);
  });

  test('XMP identifies PDF/UA-1, and its dc:title equals the Info /Title', () => {
    const stream = pdf.context.lookup(read.catalog.get(PDFName.of('Metadata')) as PDFRef) as PDFRawStream;
    const xmp = Buffer.from(stream.contents).toString('utf8');
    expect(xmp).toContain('xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"');
    expect(xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    const title = /<dc:title>\s*<rdf:Alt>\s*<rdf:li xml:lang="x-default">([^<]*)<\/rdf:li>/.exec(xmp)?.[1];
    expect(title).toBeDefined();
    expect(pdf.getTitle()).toBeTruthy();
    expect(unescapeXml(title as string)).toBe(pdf.getTitle());
  });

  test('the tree has one Document root with /Lang, and only standard structure types', () => {
    const top = deref(pdf, root.get(PDFName.of('K')));
    const kids = top instanceof PDFArray ? top.asArray() : [root.get(PDFName.of('K'))];
    expect(kids).toHaveLength(1);
    const doc = elements.find((e) => e.ref === kids[0]);
    expect(doc?.role).toBe('Document');
    expect(text(doc?.dict.get(PDFName.of('Lang')))).toBeTruthy();
    expect(elements.map((e) => e.role).filter((r) => !STANDARD.has(r))).toEqual([]);
    expect(root.get(PDFName.of('RoleMap'))).toBeUndefined();
  });

  test('headings start at H1 and never skip a level; tables, lists and the contents nest as ISO 32000 requires', () => {
    const levels = elements.flatMap((e) => (/^H[1-6]$/.test(e.role) ? [Number(e.role.slice(1))] : []));
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => expect(level).toBeLessThanOrEqual((levels[i - 1] ?? 0) + 1));
    const parents: Record<string, string[]> = {
      TR: ['Table', 'THead', 'TBody', 'TFoot'],
      TH: ['TR'],
      TD: ['TR'],
      THead: ['Table'],
      TBody: ['Table'],
      LI: ['L'],
      Lbl: ['LI'],
      LBody: ['LI'],
      TOCI: ['TOC'],
    };
    const wrong: string[] = [];
    const visit = (e: StructElem) => {
      for (const child of e.children) {
        const allowed = parents[child.role];
        if (allowed && !allowed.includes(e.role)) wrong.push(`${child.role} in ${e.role}`);
        visit(child);
      }
    };
    visit(read.tree);
    expect(wrong).toEqual([]);
    expect(lookupDict(pdf, read.catalog.get(PDFName.of('MarkInfo')))?.get(PDFName.of('Suspects'))).not.toBe(PDFBool.True);
  });

  test('every MCID on a page is named once in the tree, and the ParentTree maps it back to that element', () => {
    const tree = parentTree(pdf, root);
    const owners = new Map<string, PDFRef[]>();
    for (const elem of elements) {
      for (const { page, mcid } of elem.mcids) {
        const key = `${pages.indexOf(page)}:${mcid}`;
        owners.set(key, [...(owners.get(key) ?? []), elem.ref]);
      }
    }
    pageContents(pdf).forEach((content, index) => {
      const mcids = scanContent(content).mcids;
      expect(new Set(mcids).size, `page ${index + 1}: MCIDs are unique`).toBe(mcids.length);
      const page = pdf.getPages()[index]?.node as PDFDict;
      const key = page.get(PDFName.of('StructParents'));
      const entries = key instanceof PDFNumber ? tree.get(key.asNumber()) : undefined;
      for (const mcid of mcids) {
        const named = owners.get(`${index}:${mcid}`) ?? [];
        expect(named, `page ${index + 1} MCID ${mcid}`).toHaveLength(1);
        expect(entries).toBeInstanceOf(PDFArray);
        expect((entries as PDFArray).get(mcid), `page ${index + 1} MCID ${mcid} in the ParentTree`).toBe(named[0]);
      }
      if (entries instanceof PDFArray) expect(entries.size()).toBe(mcids.length);
    });
    // No element names an MCID that is not on its page.
    const drawn = new Set(pageContents(pdf).flatMap((c, i) => scanContent(c).mcids.map((m) => `${i}:${m}`)));
    for (const key of owners.keys()) expect(drawn, key).toContain(key);
  });

  test('every annotation is a Link with /Contents and /StructParent, named by an OBJR of the Link element the ParentTree gives', () => {
    const tree = parentTree(pdf, root);
    const objrOwner = new Map<PDFRef, RawElem>();
    for (const elem of elements) for (const annot of elem.objrs) objrOwner.set(annot, elem);
    let count = 0;
    pdf.getPages().forEach((page, index) => {
      const annots = page.node.Annots()?.asArray() ?? [];
      if (annots.length > 0) expect(String(page.node.get(PDFName.of('Tabs'))), `page ${index + 1} /Tabs`).toBe('/S');
      for (const ref of annots) {
        count++;
        const annot = lookupDict(pdf, ref) as PDFDict;
        expect(text(annot.get(PDFName.of('Subtype')))).toBe('Link');
        const contents = annot.get(PDFName.of('Contents'));
        expect(contents instanceof PDFString || contents instanceof PDFHexString).toBe(true);
        expect(text(contents)?.trim()).toBeTruthy();
        const key = annot.get(PDFName.of('StructParent'));
        expect(key).toBeInstanceOf(PDFNumber);
        const owner = objrOwner.get(ref as PDFRef);
        expect(owner?.role).toBe('Link');
        expect(tree.get((key as PDFNumber).asNumber())).toBe(owner?.dict);
      }
    });
    expect(count).toBeGreaterThan(0);
  });

  test('Figure has /Alt, TH has /Scope, Span has /Lang, Note has a unique /ID listed in the IDTree', () => {
    const attr = (e: RawElem, key: string) => text(e.dict.get(PDFName.of(key)));
    const scope = (e: RawElem) => text(lookupDict(pdf, e.dict.get(PDFName.of('A')))?.get(PDFName.of('Scope')));
    const of = (role: keyof typeof expected) => elements.filter((e) => e.role === role);
    // Exactly the elements the source asks for (the fixture has each kind; see the test below).
    expect({ Figure: of('Figure').length, TH: of('TH').length, Span: of('Span').length, Note: of('Note').length }).toEqual(expected);
    if (file === fixture) expect(Math.min(...Object.values(expected))).toBeGreaterThan(0);
    for (const figure of of('Figure')) expect(attr(figure, 'Alt')?.trim()).toBeTruthy();
    for (const th of of('TH')) expect(['Row', 'Column', 'Both']).toContain(scope(th));
    for (const span of of('Span')) expect(attr(span, 'Lang')).toBeTruthy();
    const ids = of('Note').map((e) => attr(e, 'ID'));
    for (const id of ids) expect(id).toMatch(/\S/);
    expect(new Set(ids).size).toBe(ids.length);
    const idTree = lookupDict(pdf, root.get(PDFName.of('IDTree')));
    // The IDTree lists the notes' identifiers; a document without notes needs none.
    if (ids.length === 0) return expect(idTree).toBeUndefined();
    const names = (idTree?.get(PDFName.of('Names')) as PDFArray).asArray();
    const listed = new Map<string, PDFObject>();
    for (let i = 0; i < names.length; i += 2) listed.set(text(names[i]) ?? '', names[i + 1] as PDFObject);
    for (const note of of('Note')) expect(listed.get(attr(note, 'ID') ?? '')).toBe(note.ref);
  });

  test('every font is embedded, with ToUnicode; no Type3 or standard-14 fonts; no /CIDSet', () => {
    const objects = [...pdf.context.enumerateIndirectObjects()].map(([, o]) => o);
    const fonts = objects.filter((o): o is PDFDict => o instanceof PDFDict && text(o.get(PDFName.of('Type'))) === 'Font');
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      const subtype = text(font.get(PDFName.of('Subtype')));
      expect(['Type0', 'CIDFontType2']).toContain(subtype);
      if (subtype !== 'Type0') continue;
      expect(font.get(PDFName.of('ToUnicode'))).toBeInstanceOf(PDFRef);
      const descendant = lookupDict(pdf, (font.get(PDFName.of('DescendantFonts')) as PDFArray).get(0)) as PDFDict;
      const descriptor = lookupDict(pdf, descendant.get(PDFName.of('FontDescriptor'))) as PDFDict;
      expect(descriptor.get(PDFName.of('FontFile2'))).toBeInstanceOf(PDFRef);
      expect(text(font.get(PDFName.of('BaseFont')))).toMatch(/^[A-Z]{6}\+/);
    }
    const descriptors = objects.filter((o): o is PDFDict => o instanceof PDFDict && text(o.get(PDFName.of('Type'))) === 'FontDescriptor');
    for (const descriptor of descriptors) expect(descriptor.get(PDFName.of('CIDSet'))).toBeUndefined();
  });

  test('marked content never nests, nothing is drawn outside it, and every path painted is an artifact with a path', () => {
    pageContents(pdf).forEach((content, index) => {
      const scan = scanContent(content);
      expect({ page: index + 1, nested: scan.nested }).toEqual({ page: index + 1, nested: [] });
      expect({ page: index + 1, unmarked: scan.unmarked }).toEqual({ page: index + 1, unmarked: [] });
      expect({ page: index + 1, emptyPaths: scan.emptyPaths }).toEqual({ page: index + 1, emptyPaths: [] });
      expect({ page: index + 1, taggedPaths: scan.taggedPaths }).toEqual({ page: index + 1, taggedPaths: [] });
    });
  });

  test('the cover band and every rule are drawn as artifacts', () => {
    const cover = pageContents(pdf)[0] as string;
    const band = cover.indexOf('0 0 595.28 470 re');
    expect(band).toBeGreaterThan(0);
    const before = cover.slice(0, band);
    const opened = before.lastIndexOf('BDC');
    expect(before.lastIndexOf('EMC')).toBeLessThan(opened);
    expect(before.slice(before.lastIndexOf('/', before.lastIndexOf('<<', opened)), opened)).toMatch(/^\/Artifact\s*<<\s*\/Type \/Layout\s*>>\s*$/);
    // Rules (stroked lines) exist and, like every painted path, are artifacts (checked above).
    const rules = pageContents(pdf).reduce((n, c) => n + (c.match(/ m\s+[-.\d]+ [-.\d]+ l\s/g)?.length ?? 0), 0);
    expect(rules).toBeGreaterThan(0);
  });
});
