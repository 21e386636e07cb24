/**
 * Every hook into pdfmake's private internals lives here. They assume pdfmake 0.3.11 exactly
 * (pinned in package.json); `installHooks` refuses any other version, and
 * tests/pdf-hooks-contract.test.ts fails when the internals they rely on change.
 *
 * What the hooks do:
 * - Layout: run pdfmake's layout in passes until footnotes sit on the page of their reference,
 *   keeping space free at the bottom of each page (`DocumentContext.initializePage`).
 * - Layout: mark repeated table header rows (`PageElementWriter.addFragment` of a repeatable).
 * - Render: wrap every drawn line piece, vector and image in marked content for its structure
 *   element or as an artifact, draw link annotations with /StructParent, end links per page.
 */
import { createRequire } from 'node:module';
import { inFootnoteArea, isStruct, LAYOUT_ARTIFACT, type ArtifactTag, type Tag } from './structure.js';
import { Tagger, type Box, type PdfKitDoc } from './tagging.js';

const require = createRequire(import.meta.url);

/** The pdfmake version these hooks were written against. */
export const PDFMAKE_VERSION = '0.3.11';

/** A piece of text as pdfmake lays it out (only the fields the hooks use). */
export interface PmInline {
  text: string;
  x: number;
  width: number;
  trailingCut?: number;
  decoration?: unknown;
  background?: unknown;
  link?: unknown;
  linkToPage?: unknown;
  linkToDestination?: unknown;
  _rv?: Tag;
}

/** A laid-out line. */
export interface PmLine {
  inlines: PmInline[];
  x: number;
  y: number;
  id?: string;
  _outline?: unknown;
  _pageNodeRef?: unknown;
  _rvRepeat?: boolean;
  getHeight(): number;
  getAscenderHeight(): number;
  clone(): PmLine;
}

interface PmVector {
  type: string;
  x?: number;
  y?: number;
  y1?: number;
  y2?: number;
  h?: number;
  r2?: number;
  points?: { y: number }[];
  _rv?: Tag;
}

interface PmImage {
  x: number;
  y: number;
  _width: number;
  _height: number;
  _rv?: Tag;
}

/** An item on a laid-out page. */
export type PmItem =
  | { type: 'line'; item: PmLine }
  | { type: 'vector'; item: PmVector }
  | { type: 'image'; item: PmImage }
  | { type: 'svg' | 'attachment' | 'beginClip' | 'endClip' | 'beginVerticalAlignment' | 'endVerticalAlignment'; item: object };

/** A laid-out page. */
export interface PmPage {
  items: PmItem[];
  pageSize: { width: number; height: number };
}

interface PmDocumentContext {
  page: number;
  availableHeight: number;
}

interface PmPageElementWriter {
  repeatables: object[];
  context(): { getCurrentPage(): PmPage | null };
}

interface PmLayoutBuilder {
  pageSize: { width: number; height: number; orientation?: string };
  pageMargins: { left: number; right: number; top: number; bottom: number };
  svgMeasure: unknown;
  tableLayouts: Record<string, unknown>;
}

interface PmRenderer {
  pdfDocument: PdfKitDoc;
}

type LayoutDocument = (this: PmLayoutBuilder, content: object, pdfDocument: PdfKitDoc, ...rest: unknown[]) => PmPage[];

/** What the renderer supplies to a layout run (attached to the content root). */
export interface LayoutSession {
  /** A fresh content tree for one layout pass (pdfmake mutates what it lays out). */
  content(): object;
  /** Height kept free at the bottom of page `pageIndex` (0-based) for footnotes. */
  reserve(pageIndex: number): number;
  /**
   * Called after each pass with the structure tags drawn on each page and a function that
   * measures the height of a content node at full page width; true when the layout is final.
   */
  settle(tagsByPage: Tag[][], measure: (content: object) => number): boolean;
}

const MAX_PASSES = 8;

const sessions = new WeakMap<object, LayoutSession>();
const taggers = new WeakMap<PdfKitDoc, Tagger>();
/** Reserve function of the layout pass running now (layout is synchronous). */
let activeReserve: ((pageIndex: number) => number) | undefined;
/** Whether the pass running now has set up its main document context yet. */
let mainContextSeen = false;
/** Main document contexts; footnote space is kept only there, not in unbreakable blocks. */
const mainContexts = new WeakSet<PmDocumentContext>();
let installed = false;

/** Attaches a layout session to the content root handed to pdfmake. */
export function attachSession(root: object, session: LayoutSession): void {
  sessions.set(root, session);
}

interface PdfmakeInternals {
  LayoutBuilder: { prototype: Record<string, unknown>; new (...args: unknown[]): PmLayoutBuilder };
  Renderer: { prototype: Record<string, unknown> };
  DocumentContext: { prototype: Record<string, unknown> };
  PageElementWriter: { prototype: Record<string, unknown> };
  TextDecorator: new (doc: PdfKitDoc) => {
    drawBackground(line: PmLine, x: number, y: number): void;
    drawDecorations(line: PmLine, x: number, y: number): void;
  };
  version: string;
}

/** Loads the pdfmake internals the hooks rely on. */
export function loadInternals(): PdfmakeInternals {
  const load = (name: string) => (require(`pdfmake/js/${name}`) as { default: unknown }).default;
  return {
    LayoutBuilder: load('LayoutBuilder') as PdfmakeInternals['LayoutBuilder'],
    Renderer: load('Renderer') as PdfmakeInternals['Renderer'],
    DocumentContext: load('DocumentContext') as PdfmakeInternals['DocumentContext'],
    PageElementWriter: load('PageElementWriter') as PdfmakeInternals['PageElementWriter'],
    TextDecorator: load('TextDecorator') as PdfmakeInternals['TextDecorator'],
    version: (require('pdfmake/package.json') as { version: string }).version,
  };
}

/** The private methods the hooks wrap, per class; checked before installing. */
export const HOOKED_METHODS = {
  LayoutBuilder: ['layoutDocument', 'tryLayoutDocument'],
  DocumentContext: ['initializePage'],
  PageElementWriter: ['addFragment'],
  Renderer: ['renderPages', 'renderLine', 'renderVector', 'renderImage'],
} as const;

/** Installs the hooks once; throws if pdfmake is not the version they were written for. */
export function installHooks(): void {
  if (installed) return;
  const pm = loadInternals();
  if (pm.version !== PDFMAKE_VERSION) {
    throw new Error(`pdfmake ${pm.version} is installed; the PDF hooks are written for ${PDFMAKE_VERSION}`);
  }
  for (const [cls, methods] of Object.entries(HOOKED_METHODS)) {
    const proto = pm[cls as keyof typeof HOOKED_METHODS].prototype;
    for (const m of methods) {
      if (typeof proto[m] !== 'function') throw new Error(`pdfmake ${cls}.${m} is missing; the PDF hooks need it`);
    }
  }
  hookLayout(pm);
  hookRendering(pm);
  installed = true;
}

function hookLayout(pm: PdfmakeInternals): void {
  const lb = pm.LayoutBuilder.prototype;
  const layoutDocument = lb['layoutDocument'] as LayoutDocument;
  lb['layoutDocument'] = function (this: PmLayoutBuilder, content: object, pdfDocument: PdfKitDoc, ...rest: unknown[]) {
    const session = sessions.get(content);
    if (!session) return layoutDocument.call(this, content, pdfDocument, ...rest);
    const measure = (node: object): number => {
      const builder = new pm.LayoutBuilder(
        { width: this.pageSize.width, height: Infinity, orientation: this.pageSize.orientation },
        { left: 0, right: 0, top: 0, bottom: 0 },
        this.svgMeasure,
      );
      builder.tableLayouts = this.tableLayouts;
      const pages = layoutDocument.call(builder, node, pdfDocument, rest[0], rest[1]);
      return pages.length > 0 ? contentBottom(pages[0] as PmPage) : 0;
    };
    for (let pass = 1; ; pass++) {
      activeReserve = (i) => session.reserve(i);
      let pages: PmPage[];
      try {
        pages = layoutDocument.call(this, session.content(), pdfDocument, ...rest);
      } finally {
        activeReserve = undefined;
        mainContextSeen = false;
      }
      if (session.settle(pages.map(pageTags), measure)) {
        taggers.set(pdfDocument, new Tagger(pdfDocument));
        return pages;
      }
      if (pass === MAX_PASSES) throw new Error(`Footnote layout did not settle in ${MAX_PASSES} passes`);
    }
  };

  const tryLayout = lb['tryLayoutDocument'] as (...args: unknown[]) => unknown;
  lb['tryLayoutDocument'] = function (this: PmLayoutBuilder, ...args: unknown[]) {
    // pdfmake may lay out again (pageBreakBefore); the first page set up by each try is the main context's.
    mainContextSeen = false;
    return tryLayout.apply(this, args);
  };

  const dc = pm.DocumentContext.prototype;
  const initializePage = dc['initializePage'] as (this: PmDocumentContext) => void;
  dc['initializePage'] = function (this: PmDocumentContext) {
    initializePage.call(this);
    if (!activeReserve) return;
    if (!mainContextSeen) {
      mainContextSeen = true;
      mainContexts.add(this);
    }
    if (mainContexts.has(this)) this.availableHeight -= activeReserve(this.page);
  };

  const pew = pm.PageElementWriter.prototype;
  const addFragment = pew['addFragment'] as (this: PmPageElementWriter, fragment: object, ...rest: unknown[]) => unknown;
  pew['addFragment'] = function (this: PmPageElementWriter, fragment: object, ...rest: unknown[]) {
    if (!this.repeatables.includes(fragment)) return addFragment.call(this, fragment, ...rest);
    const before = this.context().getCurrentPage()?.items.length ?? 0;
    const result = addFragment.call(this, fragment, ...rest);
    // A repeated table header is a copy of content already tagged on an earlier page.
    const items = this.context().getCurrentPage()?.items ?? [];
    for (const entry of items.slice(before)) if (entry.type === 'line') entry.item._rvRepeat = true;
    return result;
  };
}

function hookRendering(pm: PdfmakeInternals): void {
  const r = pm.Renderer.prototype;
  const renderPages = r['renderPages'] as (this: PmRenderer, pages: PmPage[]) => void;
  r['renderPages'] = function (this: PmRenderer, pages: PmPage[]) {
    const tagger = taggers.get(this.pdfDocument);
    if (!tagger) return renderPages.call(this, pages);
    for (const page of pages) {
      // Footnotes are laid out as the page background; they are read after the page body.
      const body = page.items.filter((it) => !inFootnoteArea(itemTag(it)));
      const notes = page.items.filter((it) => inFootnoteArea(itemTag(it)));
      page.items = [...body, ...notes];
      renderPages.call(this, [page]);
      tagger.endPage();
    }
    tagger.finish();
  };

  const renderLine = r['renderLine'] as (this: PmRenderer, line: PmLine, x: number, y: number) => void;
  r['renderLine'] = function (this: PmRenderer, line: PmLine, x: number, y: number) {
    const tagger = taggers.get(this.pdfDocument);
    if (!tagger) return renderLine.call(this, line, x, y);
    const decorator = new pm.TextDecorator(this.pdfDocument);
    const height = line.getHeight();
    const ascender = line.getAscenderHeight();
    const pieces = splitByTag(line);
    pieces.forEach((piece, index) => {
      const plain = line.clone();
      plain.inlines = piece.inlines.map((inline) => ({
        ...inline,
        decoration: null,
        background: null,
        link: null,
        linkToPage: null,
        linkToDestination: null,
      }));
      plain.getHeight = () => height;
      plain.getAscenderHeight = () => ascender;
      if (index > 0) {
        // Outline entry, destination and page reference belong to the line's first piece only.
        plain._outline = undefined;
        plain.id = undefined;
        plain._pageNodeRef = undefined;
      }
      const styled = line.clone();
      styled.inlines = piece.inlines;
      styled.getAscenderHeight = () => ascender;
      if (piece.inlines.some((i) => i.background)) {
        tagger.begin(LAYOUT_ARTIFACT, lineBox(plain, x, y, height));
        decorator.drawBackground(styled, x, y);
        tagger.end();
      }
      tagger.begin(piece.tag, lineBox(plain, x, y, height));
      renderLine.call(this, plain, x, y);
      tagger.end();
      if (piece.inlines.some((i) => i.decoration)) {
        tagger.begin(LAYOUT_ARTIFACT, lineBox(plain, x, y, height));
        decorator.drawDecorations(styled, x, y);
        tagger.end();
      }
      if (isStruct(piece.tag) && piece.tag.link) tagger.annotate(piece.tag, lineBox(plain, x, y, height));
    });
  };

  const renderVector = r['renderVector'] as (this: PmRenderer, vector: PmVector) => void;
  r['renderVector'] = function (this: PmRenderer, vector: PmVector) {
    const tagger = taggers.get(this.pdfDocument);
    if (!tagger) return renderVector.call(this, vector);
    // Rules, borders and fills never carry meaning here.
    const tag: ArtifactTag = vector._rv && !isStruct(vector._rv) ? vector._rv : LAYOUT_ARTIFACT;
    tagger.begin(tag, { x: 0, y: 0, w: 0, h: 0 });
    renderVector.call(this, vector);
    tagger.end();
  };

  const renderImage = r['renderImage'] as (this: PmRenderer, image: PmImage) => void;
  r['renderImage'] = function (this: PmRenderer, image: PmImage) {
    const tagger = taggers.get(this.pdfDocument);
    if (!tagger) return renderImage.call(this, image);
    tagger.begin(image._rv ?? LAYOUT_ARTIFACT, { x: image.x, y: image.y, w: image._width, h: image._height });
    renderImage.call(this, image);
    tagger.end();
  };
}

interface Piece {
  tag: Tag;
  inlines: PmInline[];
}

/** Splits a line into runs of inlines that belong to the same structure element. */
function splitByTag(line: PmLine): Piece[] {
  const pieces: Piece[] = [];
  for (const inline of line.inlines) {
    const tag = line._rvRepeat ? LAYOUT_ARTIFACT : inline._rv;
    if (!tag) throw new Error(`Untagged text in the PDF: ${JSON.stringify(inline.text)}`);
    const last = pieces[pieces.length - 1];
    if (last && last.tag === tag) last.inlines.push(inline);
    else pieces.push({ tag, inlines: [inline] });
  }
  return pieces;
}

function lineBox(line: PmLine, x: number, y: number, height: number): Box {
  const first = line.inlines[0];
  const last = line.inlines[line.inlines.length - 1];
  if (!first || !last) return { x, y, w: 0, h: height };
  const left = x + first.x;
  return { x: left, y, w: x + last.x + last.width - (last.trailingCut ?? 0) - left, h: height };
}

function itemTag(entry: PmItem): Tag | undefined {
  switch (entry.type) {
    case 'line':
      return entry.item.inlines[0]?._rv;
    case 'vector':
    case 'image':
      return entry.item._rv;
    default:
      return undefined;
  }
}

function pageTags(page: PmPage): Tag[] {
  const tags: Tag[] = [];
  for (const entry of page.items) {
    if (entry.type === 'line') {
      if (entry.item._rvRepeat) continue;
      for (const inline of entry.item.inlines) if (inline._rv) tags.push(inline._rv);
    } else {
      const tag = itemTag(entry);
      if (tag) tags.push(tag);
    }
  }
  return tags;
}

function contentBottom(page: PmPage): number {
  let bottom = 0;
  for (const entry of page.items) {
    if (entry.type === 'line') bottom = Math.max(bottom, entry.item.y + entry.item.getHeight());
    else if (entry.type === 'image') bottom = Math.max(bottom, entry.item.y + entry.item._height);
    else if (entry.type === 'vector') {
      const v = entry.item;
      const ys = [v.y, v.y1, v.y2, v.y !== undefined && v.h !== undefined ? v.y + v.h : undefined];
      for (const y of ys) if (y !== undefined) bottom = Math.max(bottom, y);
    }
  }
  return bottom;
}

interface PdfKitInfoHolder {
  info: Record<string, unknown>;
  _addInfo(): void;
}

/** Escapes the Info strings pdfkit copies verbatim into its XMP packet (it writes `&` raw). */
export function escapeXmpInfo(kit: object): void {
  const holder = kit as PdfKitInfoHolder;
  if (typeof holder._addInfo !== 'function') throw new Error('pdfkit _addInfo is missing; the XMP fix needs it');
  const addInfo = holder._addInfo;
  holder._addInfo = function (this: PdfKitInfoHolder) {
    const info = this.info;
    const escaped: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(info)) escaped[key] = typeof value === 'string' ? escapeXml(value) : value;
    // The Info dictionary is already written when the XMP packet is made, so only XMP sees this.
    this.info = escaped;
    try {
      addInfo.call(this);
    } finally {
      this.info = info;
    }
  };
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
