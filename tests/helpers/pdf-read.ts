/**
 * Reads produced PDFs back for assertions: the structure tree and catalog through pdf-lib's
 * object model, page content streams through a small operator scanner, text through pdfjs-dist.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';

/** One structure element as read back from the file. */
export interface StructElem {
  role: string;
  attrs: Record<string, string>;
  children: StructElem[];
  /** Marked-content ids on pages (page index, mcid) directly under this element. */
  mcids: { page: number; mcid: number }[];
  /** Annotations referenced through OBJR. */
  annots: PDFDict[];
  /** For each OBJR: the annotation's reference and the page index its /Pg names. */
  objrs: { annot: PDFRef; page: number }[];
  /** Child elements and marked content in reading order. */
  kids: (StructElem | { page: number; mcid: number })[];
}

/** A parsed PDF with convenient accessors. */
export interface ReadPdf {
  pdf: PDFDocument;
  catalog: PDFDict;
  tree: StructElem;
  pageRefs: PDFRef[];
}

/** Loads a PDF and reads its structure tree. */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const catalog = pdf.catalog;
  const pageRefs = pdf.getPages().map((p) => p.ref);
  const root = lookupDict(pdf, catalog.get(PDFName.of('StructTreeRoot')));
  if (!root) throw new Error('no StructTreeRoot');
  const top: StructElem = { role: 'StructTreeRoot', attrs: {}, children: [], mcids: [], annots: [], objrs: [], kids: [] };
  readKids(pdf, root.get(PDFName.of('K')), top, pageRefs, undefined);
  return { pdf, catalog, tree: top, pageRefs };
}

/** Resolves a reference to a dictionary. */
export function lookupDict(pdf: PDFDocument, value: PDFObject | undefined): PDFDict | undefined {
  const resolved = value instanceof PDFRef ? pdf.context.lookup(value) : value;
  return resolved instanceof PDFDict ? resolved : undefined;
}

/** A PDF string or name as text. */
export function text(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  if (value instanceof PDFName) return value.decodeText();
  if (value instanceof PDFNumber) return String(value.asNumber());
  return undefined;
}

function readKids(pdf: PDFDocument, k: PDFObject | undefined, parent: StructElem, pages: PDFRef[], pg: PDFRef | undefined): void {
  if (k === undefined) return;
  const resolved = k instanceof PDFRef ? pdf.context.lookup(k) : k;
  if (resolved instanceof PDFArray) {
    for (const item of resolved.asArray()) readKids(pdf, item, parent, pages, pg);
    return;
  }
  if (resolved instanceof PDFNumber) {
    const ref = { page: pg ? pages.indexOf(pg) : -1, mcid: resolved.asNumber() };
    parent.mcids.push(ref);
    parent.kids.push(ref);
    return;
  }
  if (!(resolved instanceof PDFDict)) return;
  const type = text(resolved.get(PDFName.of('Type')));
  if (type === 'MCR') {
    const page = resolved.get(PDFName.of('Pg')) as PDFRef;
    const mcid = (resolved.get(PDFName.of('MCID')) as PDFNumber).asNumber();
    parent.mcids.push({ page: pages.indexOf(page), mcid });
    parent.kids.push({ page: pages.indexOf(page), mcid });
    return;
  }
  if (type === 'OBJR') {
    const ref = resolved.get(PDFName.of('Obj'));
    const annot = lookupDict(pdf, ref);
    if (annot) parent.annots.push(annot);
    if (ref instanceof PDFRef) parent.objrs.push({ annot: ref, page: pages.indexOf(resolved.get(PDFName.of('Pg')) as PDFRef) });
    return;
  }
  const elem: StructElem = {
    role: text(resolved.get(PDFName.of('S'))) ?? '?',
    attrs: {},
    children: [],
    mcids: [],
    annots: [],
    objrs: [],
    kids: [],
  };
  for (const key of ['Alt', 'Lang', 'ID', 'ActualText']) {
    const value = text(resolved.get(PDFName.of(key)));
    if (value !== undefined) elem.attrs[key] = value;
  }
  const a = lookupDict(pdf, resolved.get(PDFName.of('A')));
  // The attribute owner (O) as 'Owner', so it does not read as the Alt-like keys above.
  const owner = a ? text(a.get(PDFName.of('O'))) : undefined;
  if (owner) elem.attrs['Owner'] = owner;
  for (const key of ['Scope', 'ListNumbering', 'ColSpan', 'RowSpan']) {
    const value = a ? text(a.get(PDFName.of(key))) : undefined;
    if (value) elem.attrs[key] = value;
  }
  const ownPg = resolved.get(PDFName.of('Pg'));
  parent.children.push(elem);
  parent.kids.push(elem);
  readKids(pdf, resolved.get(PDFName.of('K')), elem, pages, ownPg instanceof PDFRef ? ownPg : pg);
}

/** All elements of a role, depth first. */
export function findAll(elem: StructElem, role: string): StructElem[] {
  const out: StructElem[] = [];
  const visit = (e: StructElem) => {
    if (e.role === role) out.push(e);
    e.children.forEach(visit);
  };
  visit(elem);
  return out;
}

/** The tree as an indented outline of roles (for readable assertions). */
export function outline(elem: StructElem, depth = 0): string {
  const lines = [`${'  '.repeat(depth)}${elem.role}`];
  for (const child of elem.children) lines.push(outline(child, depth + 1));
  return lines.join('\n');
}

/** Decoded content streams of each page. */
export function pageContents(pdf: PDFDocument): string[] {
  return pdf.getPages().map((page) => {
    const contents = page.node.get(PDFName.of('Contents'));
    const resolved = contents instanceof PDFRef ? pdf.context.lookup(contents) : contents;
    const streams = resolved instanceof PDFArray ? resolved.asArray().map((r) => pdf.context.lookup(r)) : [resolved];
    return streams
      .map((s) => (s instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') : ''))
      .join('\n');
  });
}

/** Operators that put marks on the page. */
const PAINTING = new Set(['Tj', 'TJ', "'", '"', 'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'Do', 'sh', 'BI']);
/** Operators that paint (or end) the current path. */
const PATH_PAINTING = new Set(['f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'n']);
/** Operators that build a path. */
const PATH_BUILDING = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);

/** A painting operator outside any marked-content sequence, with its position. */
export interface Unmarked {
  op: string;
  at: number;
}

/** What a content stream does with marked content. */
export interface ContentScan {
  /** Painting operators outside any marked content. */
  unmarked: Unmarked[];
  /** MCIDs of the marked-content sequences, in order. */
  mcids: number[];
  /** Number of artifact sequences. */
  artifacts: number;
  /** Marked-content sequences opened inside another (an artifact in tagged content, or the reverse). */
  nested: Unmarked[];
  /** Path-painting operators with no path built since the last one (such as a stray `f`). */
  emptyPaths: Unmarked[];
  /** Paths painted inside tagged content (not an artifact). */
  taggedPaths: Unmarked[];
}

/** Scans a content stream for painting operators outside BDC/BMC…EMC, nesting and empty paths. */
export function scanContent(content: string): ContentScan {
  const scan: ContentScan = { unmarked: [], mcids: [], artifacts: 0, nested: [], emptyPaths: [], taggedPaths: [] };
  const open: string[] = [];
  let path = false;
  let operands: string[] = [];
  let i = 0;
  while (i < content.length) {
    const c = content[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '%') {
      while (i < content.length && content[i] !== '\n') i++;
    } else if (c === '(') {
      let nest = 0;
      for (; i < content.length; i++) {
        const ch = content[i];
        if (ch === '\\') i++;
        else if (ch === '(') nest++;
        else if (ch === ')' && --nest === 0) break;
      }
      i++;
      operands.push('(str)');
    } else if (c === '<' && content[i + 1] === '<') {
      const end = content.indexOf('>>', i);
      operands.push(content.slice(i, end + 2));
      i = end + 2;
    } else if (c === '<') {
      i = content.indexOf('>', i) + 1;
      operands.push('<hex>');
    } else if (c === '[' || c === ']') {
      i++;
    } else {
      let j = i;
      while (j < content.length && !/[\s()<>[\]/%]/.test(content[j] as string)) j++;
      if (c === '/') {
        j = i + 1;
        while (j < content.length && !/[\s()<>[\]/%]/.test(content[j] as string)) j++;
      }
      const token = content.slice(i, j);
      i = j;
      if (/^[-+.\d]/.test(token) || token.startsWith('/')) {
        operands.push(token);
        continue;
      }
      if (token === 'BDC' || token === 'BMC') {
        if (open.length > 0) scan.nested.push({ op: `${operands[0] ?? ''} in ${open.join(' ')}`, at: i });
        const tag = operands[0] ?? '';
        open.push(tag);
        if (tag === '/Artifact') scan.artifacts++;
        const mcid = /\/MCID\s+(\d+)/.exec(operands.join(' '));
        if (mcid) scan.mcids.push(Number(mcid[1]));
      } else if (token === 'EMC') {
        open.pop();
      } else {
        if (PAINTING.has(token) && open.length === 0) scan.unmarked.push({ op: token, at: i });
        if (PATH_BUILDING.has(token)) path = true;
        if (PATH_PAINTING.has(token)) {
          if (!path) scan.emptyPaths.push({ op: token, at: i });
          else if (token !== 'n' && open.length > 0 && !open.includes('/Artifact')) scan.taggedPaths.push({ op: token, at: i });
          path = false;
        }
      }
      operands = [];
    }
  }
  return scan;
}

/** The named destinations of the document (the catalog's /Dests name tree). */
export function namedDestinations(read: ReadPdf): Set<string> {
  const names = lookupDict(read.pdf, read.catalog.get(PDFName.of('Names')));
  const defined = new Set<string>();
  const walk = (node: PDFDict | undefined) => {
    if (!node) return;
    const pairs = node.get(PDFName.of('Names'));
    if (pairs instanceof PDFArray) for (let i = 0; i < pairs.size(); i += 2) defined.add(text(pairs.get(i)) ?? '');
    const kids = node.get(PDFName.of('Kids'));
    if (kids instanceof PDFArray) kids.asArray().forEach((k) => walk(lookupDict(read.pdf, k)));
  };
  walk(lookupDict(read.pdf, names?.get(PDFName.of('Dests'))));
  return defined;
}

/** The destination names of the GoTo links under `elem`, in order. */
export function goToTargets(read: ReadPdf, elem: StructElem): string[] {
  return findAll(elem, 'Link').flatMap((l) =>
    l.annots.flatMap((a) => {
      const action = lookupDict(read.pdf, a.get(PDFName.of('A')));
      return text(action?.get(PDFName.of('S'))) === 'GoTo' ? [text(action?.get(PDFName.of('D'))) ?? ''] : [];
    }),
  );
}
