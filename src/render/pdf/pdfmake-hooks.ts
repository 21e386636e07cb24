/**
 * Every hook into pdfmake's private internals lives here. They assume pdfmake 0.3.11 exactly
 * (pinned in package.json); `installHooks` refuses any other version, and
 * tests/pdf-hooks-contract.test.ts fails when the internals they rely on change.
 *
 * What the hooks do:
 * - Layout: keep space free at the bottom of a page for the footnotes referenced on it, as each
 *   line with a reference is placed (`LayoutBuilder.buildNextLine`); the areas are drawn after
 *   layout. A check after layout repeats it, with the space measured then kept from the start of
 *   each page (`DocumentContext.initializePage`), only when a note did not fit.
 * - Layout: keep headings with what follows and avoid single lines of a paragraph at the bottom
 *   or top of a page; set a block at the foot of its page (`LayoutBuilder.processNode`,
 *   `processLeaf`, `buildNextLine`).
 * - Layout: mark repeated table header rows (`PageElementWriter.addFragment` of a repeatable).
 * - Fonts: share each font's shaped words between documents (`PDFDocument.provideFont`,
 *   word-layouts.ts);
 *   split text runs so characters the main font lacks are drawn in a fallback font
 *   (`TextInlines.buildInlines`, fallback-runs.ts), and measure text as narrow as a long word
 *   broken inside lets it be (line-building.ts), so no column grows past the margin.
 * - Layout: look up style properties without allocating, remembering them while the stack is
 *   unchanged (`StyleContextStack.getProperty`, `getStyleProperty`, `push`, `pop`, style-lookup.ts).
 * - Layout and render: write objects into object streams (object-streams.ts) from the start.
 * - Render: wrap every drawn line piece, vector and image in marked content for its structure
 *   element or as an artifact, draw link annotations with /StructParent, end links per page.
 */
import { createRequire } from 'node:module';
import { inFootnoteArea, isStruct, LAYOUT_ARTIFACT, WATERMARK_ARTIFACT, type ArtifactTag, type StructNode, type Tag } from './structure.js';
import { Tagger, type Box, type PdfKitDoc } from './tagging.js';
import type { KeepProbe } from './keep.js';
import type { Marks } from './marks.js';
import { useObjectStreams, type KitDoc } from './object-streams.js';
import { MONO, SANS } from './fonts.js';
import { useSharedWords, type PdfKitFont } from './word-layouts.js';
import { getProperty, getStyleProperty, pop, push } from './style-lookup.js';
import { splitByFont, type GlyphSource } from './fallback-runs.js';
import { breakLongWord, feedInlines, hyphenAtSoftBreak, markContinuation, narrowestWidth, type BuildInline, type BuildNode } from './line-building.js';
import { escapeXml } from '../shared/text.js';
import type { LineImage } from './inline-images.js';
import { drawTextRuns, type RunInline, type RunKit } from './text-runs.js';

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
  /** Line height of the inline (set when pdfmake measures text). */
  height?: number;
  _rv?: Marks['_rv'];
  _rvImage?: LineImage;
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
  _rv?: Marks['_rv'];
}

interface PmImage {
  x: number;
  y: number;
  _width: number;
  _height: number;
  _rv?: Marks['_rv'];
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
  y: number;
  availableHeight: number;
  availableWidth: number;
  pageMargins: { top: number };
  getCurrentPage(): PmPage | null;
  moveDown(offset: number): boolean;
}

interface PmPageElementWriter {
  repeatables: object[];
  transactionLevel: number;
  context(): PmDocumentContext;
  moveToNextPage(): unknown;
  setMaxListeners(n: number): unknown;
}

interface PmLayoutBuilder {
  pageSize: { width: number; height: number; orientation?: string };
  pageMargins: { left: number; right: number; top: number; bottom: number };
  svgMeasure: unknown;
  tableLayouts: Record<string, unknown>;
  writer: PmPageElementWriter;
  linearNodeList: unknown[];
}

/** A content node as the layout sees it (only the fields the hooks read or set), with the marks blocks.ts set. */
interface PmNode extends BuildNode, Omit<Marks, '_rv'> {
  pageBreak?: string;
  columns?: PmNode[];
  stack?: PmNode[];
  width?: unknown;
  _maxWidth?: number;
  /** Index of the line before which the paragraph moves to the next page, and on which page. */
  _rvBreakAt?: { line: number; page: number; built: number };
}

interface PmRenderer {
  pdfDocument: PdfKitDoc;
}

type LayoutDocument = (this: PmLayoutBuilder, content: object, pdfDocument: PdfKitDoc, ...rest: unknown[]) => PmPage[];

/** Lays out content off the page at full page width; returns the height it takes. */
export type MeasureOffPage = (content: object) => number;

/** What the renderer supplies to a layout run (attached to the content root). */
export interface LayoutSession {
  /** A fresh content tree for one layout pass (pdfmake mutates what it lays out). */
  content(): object;
  /** Height kept free from the start of page `pageIndex` (0-based) for its footnotes. */
  reserve(pageIndex: number): number;
  /** Footnotes first referenced by these tags. */
  notesIn(tags: readonly (Tag | undefined)[]): string[];
  /** The pieces of a long note that continue on the following pages, in order. */
  continuations(id: string): readonly string[];
  /** Height a page's footnote area takes with these notes, gap above it included; 0 for none. */
  areaHeight(ids: readonly string[], measure: MeasureOffPage): number;
  /**
   * Called after each pass with the notes referenced on each page, how far down each page's body
   * reaches (drawn, and text alone) and each page's height; true when every note fits below the body of its page (the layout is final).
   */
  settle(notesByPage: string[][], bodyBottoms: readonly BodyBottom[], pageHeights: number[], measure: MeasureOffPage): boolean;
  /** The footnote area of a page (0-based) `pageHeight` tall, in page coordinates, after the final pass. */
  area(pageIndex: number, pageHeight: number): object | null;
  /** Called once with the final pages, before they are drawn. */
  laidOut?(pages: readonly PmPage[]): void;
}

const MAX_PASSES = 8;

/** The layout pass running now (layout is synchronous). */
interface Pass {
  session: LayoutSession;
  measure: MeasureOffPage;
  /** Lays out content off the page at a given width. */
  layoutAt(content: object, width: number): PmItem[];
  /** The main document context, once set up; space is kept only there, not in unbreakable blocks. */
  main: PmDocumentContext | undefined;
  /** Footnote space taken from each page so far. */
  held: number[];
  /** Notes placed on each page so far. */
  placed: Map<number, string[]>;
  seen: Set<string>;
  /** Pieces of long notes waiting for the next page, and the piece each page continues. */
  pending: string[];
  continued: Map<number, string>;
}

const sessions = new WeakMap<object, LayoutSession>();
const taggers = new WeakMap<PdfKitDoc, Tagger>();
let pass: Pass | undefined;
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
  PDFDocument: { prototype: Record<string, unknown> };
  TextInlines: { prototype: Record<string, unknown> };
  StyleContextStack: {
    prototype: Record<string, unknown>;
    getStyleProperty(item: object, stack: unknown, property: string, fallback: unknown): unknown;
  };
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
    PDFDocument: load('PDFDocument') as PdfmakeInternals['PDFDocument'],
    TextInlines: load('TextInlines') as PdfmakeInternals['TextInlines'],
    StyleContextStack: load('StyleContextStack') as PdfmakeInternals['StyleContextStack'],
    TextDecorator: load('TextDecorator') as PdfmakeInternals['TextDecorator'],
    version: (require('pdfmake/package.json') as { version: string }).version,
  };
}

/** The private methods the hooks wrap, per class; checked before installing. */
export const HOOKED_METHODS = {
  LayoutBuilder: ['layoutDocument', 'processNode', 'processLeaf', 'buildNextLine'],
  DocumentContext: ['initializePage'],
  PageElementWriter: ['addFragment'],
  Renderer: ['renderPages', 'renderLine', 'renderVector', 'renderImage', 'renderWatermark'],
  PDFDocument: ['provideFont'],
  TextInlines: ['buildInlines'],
  StyleContextStack: ['getProperty', 'push', 'pop'],
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
  hookFonts(pm);
  hookStyles(pm);
  installed = true;
}

function hookLayout(pm: PdfmakeInternals): void {
  const lb = pm.LayoutBuilder.prototype;
  const layoutDocument = lb['layoutDocument'] as LayoutDocument;
  lb['layoutDocument'] = function (this: PmLayoutBuilder, content: object, pdfDocument: PdfKitDoc, ...rest: unknown[]) {
    const session = sessions.get(content);
    if (!session) return layoutDocument.call(this, content, pdfDocument, ...rest);
    // Objects are written as they are finished (images while measuring, pages as they are drawn).
    useObjectStreams(pdfDocument as unknown as KitDoc);
    const layoutAt = (node: object, width: number): PmItem[] => {
      const builder = new pm.LayoutBuilder(
        { width, height: Infinity, orientation: this.pageSize.orientation },
        { left: 0, right: 0, top: 0, bottom: 0 },
        this.svgMeasure,
      );
      builder.tableLayouts = this.tableLayouts;
      // Off-page layout is no part of the pass: no footnote space, no keeping.
      const running = pass;
      pass = undefined;
      try {
        return layoutDocument.call(builder, node, pdfDocument, rest[0], rest[1])[0]?.items ?? [];
      } finally {
        pass = running;
      }
    };
    const measure: MeasureOffPage = (node) => contentBottom(layoutAt(node, this.pageSize.width));
    // Blank pages at the end, for pieces of a long note referenced near the end.
    let blankPages = 0;
    for (let n = 1; ; n++) {
      const run: Pass = { session, measure, layoutAt, main: undefined, held: [], placed: new Map(), seen: new Set(), pending: [], continued: new Map() };
      pass = run;
      let pages: PmPage[];
      try {
        const root = session.content() as { stack?: object[] };
        for (let b = 0; b < blankPages; b++) root.stack?.push({ stack: [], pageBreak: 'before' });
        pages = layoutDocument.call(this, root, pdfDocument, ...rest);
      } finally {
        pass = undefined;
      }
      const notes = pages.map((page, index) => {
        const piece = run.continued.get(index);
        return [...(piece ? [piece] : []), ...session.notesIn(pageTags(page))];
      });
      if (run.pending.length > 0) {
        blankPages += run.pending.length;
        if (n === MAX_PASSES) throw new Error(`Footnote layout did not settle in ${MAX_PASSES} passes`);
        continue;
      }
      if (session.settle(notes, pages.map(bodyBottoms), pages.map((page) => page.pageSize.height), measure)) {
        // Footnote areas are drawn once the layout is final, in page coordinates.
        pages.forEach((page, index) => {
          const area = session.area(index, page.pageSize.height);
          if (area) page.items.push(...layoutAt(area, this.pageSize.width));
        });
        keepFirstHeaderCopies(pages);
        session.laidOut?.(pages);
        taggers.set(pdfDocument, new Tagger(pdfDocument));
        // The laid-out nodes are not needed for drawing (pages keep what they need).
        this.linearNodeList = [];
        return pages;
      }
      if (n === MAX_PASSES) throw new Error(`Footnote layout did not settle in ${MAX_PASSES} passes`);
    }
  };

  const dc = pm.DocumentContext.prototype;
  const initializePage = dc['initializePage'] as (this: PmDocumentContext) => void;
  dc['initializePage'] = function (this: PmDocumentContext) {
    initializePage.call(this);
    if (!pass) return;
    // The first context a pass sets up a page in is the main one (backgrounds come after it).
    pass.main ??= this;
    if (pass.main !== this) return;
    let held = pass.session.reserve(this.page);
    // A page takes the next waiting piece of a long note first, at the top of its footnote area.
    if (!pass.continued.has(this.page) && !pass.placed.has(this.page) && pass.pending.length > 0) {
      const piece = pass.pending.shift() as string;
      pass.continued.set(this.page, piece);
      pass.placed.set(this.page, [piece]);
      pass.seen.add(piece);
    }
    const piece = pass.continued.get(this.page);
    if (piece) held = Math.max(held, pass.session.areaHeight([piece], pass.measure));
    pass.held[this.page] = held;
    this.availableHeight -= held;
  };

  const buildNextLine = lb['buildNextLine'] as BuildNextLine;
  const processNode = lb['processNode'] as (this: PmLayoutBuilder, node: PmNode, ...rest: unknown[]) => unknown;
  lb['processNode'] = function (this: PmLayoutBuilder, node: PmNode, ...rest: unknown[]) {
    // Each row of a table listens for page changes while it is laid out, so tables nested in
    // tables (quotes and boxes are tables) pass Node's warning limit of ten listeners. Not a leak:
    // each listener goes with its row.
    if ('table' in node) this.writer.setMaxListeners(0);
    const context = pass && mainFlow(this);
    if (context && node._rvAtFoot) {
      // A point to spare, so rounding never pushes the last line onto the next page.
      const height = keptHeight(node._rvAtFoot, context) + 1;
      if (height < context.availableHeight) context.moveDown(context.availableHeight - height);
    }
    if (context && node.pageBreak === undefined && context.y > context.pageMargins.top) {
      const kept = node._rvKeep && mayNotFit(node._rvKeep, context) ? keptHeight(node._rvKeep, context) : 0;
      if (kept > context.availableHeight || itemLeavesSingleLine(this, node, context, buildNextLine)) {
        this.writer.moveToNextPage();
      }
    }
    return processNode.call(this, node, ...rest);
  };

  lb['processLeaf'] = wrapProcessLeaf(lb['processLeaf'] as (this: PmLayoutBuilder, node: PmNode) => unknown, buildNextLine);
  lb['buildNextLine'] = function (this: PmLayoutBuilder, node: PmNode) {
    const line = buildLine(this, node, buildNextLine, this.writer.context().availableWidth);
    if (line) {
      hyphenAtSoftBreak(line, node);
      markContinuation(line, node);
    }
    const context = pass && mainFlow(this);
    if (!line || !context) return line;
    const plan = node._rvBreakAt;
    if (plan && plan.built++ === plan.line && context.page === plan.page) this.writer.moveToNextPage();
    placeNotes(this, line);
    return line;
  };

  const pew = pm.PageElementWriter.prototype;
  const addFragment = pew['addFragment'] as (this: PmPageElementWriter, fragment: object, ...rest: unknown[]) => unknown;
  pew['addFragment'] = function (this: PmPageElementWriter, fragment: PmFragment, ...rest: unknown[]) {
    if (!this.repeatables.includes(fragment)) {
      return addFragment.call(this, fragment, ...rest) || placeWhole(this, fragment, () => addFragment.call(this, fragment, ...rest));
    }
    const before = this.context().getCurrentPage()?.items.length ?? 0;
    const result = addFragment.call(this, fragment, ...rest);
    // A repeated table header is a copy of content already tagged on an earlier page.
    const items = this.context().getCurrentPage()?.items ?? [];
    for (const entry of items.slice(before)) if (entry.type === 'line') entry.item._rvRepeat = true;
    return result;
  };
}

/** A block pdfmake keeps whole (a table's header with its first row, a row kept unbroken). */
interface PmFragment {
  height: number;
}

/** How many pages a block kept whole may move on past pages that start with a piece of a long note. */
const MAX_MOVES = 16;

/**
 * pdfmake drops a block kept whole that does not fit on the next page either. That happens when
 * the next page begins with a piece of a long note: the block then moves on to a page with more
 * room (`add` tries a page and moves to the next one). Where no page has room, it is placed
 * anyway, running past the body, rather than lost.
 */
function placeWhole(writer: PmPageElementWriter, fragment: PmFragment, add: () => unknown): unknown {
  for (let moves = 0; moves < MAX_MOVES && (pass?.held[writer.context().page] ?? 0) > 0; moves++) {
    const placed = add();
    if (placed) return placed;
  }
  const context = writer.context();
  const available = context.availableHeight;
  context.availableHeight = fragment.height;
  const placed = add();
  context.availableHeight = available - fragment.height;
  return placed;
}

/**
 * A table whose first row moves to the next page takes its header along as a repeated copy, and
 * the header drawn first is dropped: then that copy is the header's only one and is content.
 */
function keepFirstHeaderCopies(pages: PmPage[]): void {
  const drawn = new Set<Tag>();
  for (const page of pages) {
    for (const entry of page.items) {
      if (entry.type === 'line' && !entry.item._rvRepeat) for (const inline of entry.item.inlines) if (inline._rv) drawn.add(inline._rv);
    }
  }
  for (const page of pages) {
    const restored: Tag[] = [];
    for (const entry of page.items) {
      if (entry.type !== 'line' || !entry.item._rvRepeat) continue;
      const tags = entry.item.inlines.map((inline) => inline._rv).filter((tag): tag is Tag => tag !== undefined);
      if (tags.length === 0 || tags.some((tag) => drawn.has(tag))) continue;
      entry.item._rvRepeat = false;
      restored.push(...tags);
    }
    for (const tag of restored) drawn.add(tag);
  }
}

/** The main document context when the builder writes to the page flow (not an unbreakable block). */
function mainFlow(builder: PmLayoutBuilder): PmDocumentContext | undefined {
  const context = builder.writer.context();
  return pass && pass.main === context && builder.writer.transactionLevel === 0 ? context : undefined;
}

/**
 * Headings with a few lines after them never take a third of an A4 page, so those are measured
 * only lower down; tables and figures kept whole can be taller, so they are always measured.
 */
function mayNotFit(probe: KeepProbe, context: PmDocumentContext): boolean {
  return !Number.isFinite(probe.lines) || context.availableHeight < SHORT_KEEP;
}

/** Room (points) that always holds a heading chain with its first lines. */
const SHORT_KEEP = 280;

/** Height a heading with its kept lines needs at the context's width (measured once per width). */
function keptHeight(probe: KeepProbe, context: PmDocumentContext): number {
  const width = context.availableWidth;
  let height = probe.heights.get(width);
  if (height === undefined) {
    const items = (pass as Pass).layoutAt(probe.fresh(), width);
    height = probeBottom(probe, items);
    probe.heights.set(width, height);
  }
  return height;
}

/** Bottom of the probe's last kept line (or of all of it). */
function probeBottom(probe: KeepProbe, items: PmItem[]): number {
  if (!Number.isFinite(probe.lines)) return contentBottom(items);
  const bottoms = new Map<number, number>();
  for (const entry of items) {
    if (entry.type !== 'line' || !probe.counts(entry.item.inlines[0]?._rv)) continue;
    const y = Math.round(entry.item.y * 100) / 100;
    bottoms.set(y, Math.max(bottoms.get(y) ?? 0, entry.item.y + entry.item.getHeight()));
  }
  const lines = [...bottoms.keys()].sort((a, b) => a - b);
  // A paragraph of up to one line more than the kept lines moves whole (no widows), so keep all of it.
  const last = lines[lines.length <= probe.lines + 1 ? lines.length - 1 : probe.lines - 1];
  return last === undefined ? contentBottom(items) : (bottoms.get(last) as number);
}

/** True when a list item's first paragraph would leave a single line on this page or the next. */
function itemLeavesSingleLine(builder: PmLayoutBuilder, node: PmNode, context: PmDocumentContext, build: BuildNextLine): boolean {
  if (!node._rvItem) return false;
  const [marker, body] = node.columns ?? [];
  const first = body?.stack?.[0];
  if (!first?._rvLines || typeof marker?.width !== 'number') return false;
  const width = context.availableWidth - marker.width;
  if (surelyFits(first, width, context.availableHeight)) return false;
  return breakBefore(lineHeights(builder, first, build, width, context.availableHeight), context.availableHeight) === 0;
}

type ProcessLeaf = (this: PmLayoutBuilder, node: PmNode) => unknown;
type BuildNextLine = (this: PmLayoutBuilder, node: PmNode) => PmLine | null;

function wrapProcessLeaf(processLeaf: ProcessLeaf, build: BuildNextLine): ProcessLeaf {
  return function (this: PmLayoutBuilder, node: PmNode) {
    const context = pass && mainFlow(this);
    if (context && node._rvLines && context.y > context.pageMargins.top) planLines(this, node, context, build);
    return processLeaf.call(this, node);
  };
}

/**
 * Widows and orphans: when a paragraph would leave one line alone at the bottom of this page or
 * the top of the next, it moves whole or breaks a line earlier.
 */
function planLines(builder: PmLayoutBuilder, node: PmNode, context: PmDocumentContext, build: BuildNextLine): void {
  if (surelyFits(node, context.availableWidth, context.availableHeight)) return;
  const at = breakBefore(lineHeights(builder, node, build, context.availableWidth, context.availableHeight), context.availableHeight);
  if (at === undefined) return;
  if (at > 0) node._rvBreakAt = { line: at, page: context.page, built: 0 };
  // The first paragraph of a list item moves with its item (see itemLeavesSingleLine).
  else if (node._rvLines === 'all') builder.writer.moveToNextPage();
}

/**
 * A generous estimate of a paragraph's height, in constant time: most paragraphs clearly fit
 * and are left alone. Lines are as tall as the first run's, with a quarter to spare.
 */
function surelyFits(node: PmNode, width: number, room: number): boolean {
  const lineHeight = (node._inlines?.[0]?.height ?? 0) * 1.25;
  const lines = Math.ceil(((node._maxWidth ?? 0) / width) * 1.25) + (node._rvBreaks ?? 0) + 1;
  return lines * lineHeight < room;
}

/** The next line of a text node at `width`: long paragraphs fed in batches, long words broken well. */
function buildLine(builder: PmLayoutBuilder, node: PmNode, build: BuildNextLine, width: number): PmLine | null {
  feedInlines(node);
  breakLongWord(node, width);
  return build.call(builder, node);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * Breaks a paragraph into lines ahead, at `width`, as far as a page of `room` needs, and puts
 * its inlines back; the line heights.
 */
function lineHeights(builder: PmLayoutBuilder, node: PmNode, build: BuildNextLine, width: number, room: number): number[] {
  const context = builder.writer.context();
  const saved = context.availableWidth;
  context.availableWidth = width;
  const lines: PmLine[] = [];
  try {
    for (let line = buildLine(builder, node, build, width); line; line = buildLine(builder, node, build, width)) {
      lines.push(line);
      // Enough to decide where the page breaks: the lines that fit and two more.
      if (lines.length > 2 && sum(lines.slice(0, -2).map((l) => l.getHeight())) > room) break;
    }
  } finally {
    context.availableWidth = saved;
    // Split where a line broke a word, the same again when pdfmake lays them out for real.
    node._inlines = [...lines.flatMap((line) => line.inlines), ...(node._inlines ?? [])];
  }
  return lines.map((line) => line.getHeight());
}

/**
 * The line a paragraph must move to the next page before so that no line is left alone on
 * either page: 0 to move it whole, undefined when it fits or breaks well as it is.
 */
function breakBefore(heights: number[], room: number): number | undefined {
  let fit = 0;
  for (const height of heights) {
    room -= height;
    if (room < 0) break;
    fit++;
  }
  if (fit === 0 || fit >= heights.length) return undefined;
  if (fit === 1) return 0;
  if (heights.length - fit === 1) return fit - 1 >= 2 ? fit - 1 : 0;
  return undefined;
}

/** Keeps space for the footnotes first referenced on a line, moving the line on when they do not fit. */
function placeNotes(builder: PmLayoutBuilder, line: PmLine): void {
  const run = pass as Pass;
  const ids = run.session.notesIn(line.inlines.map((i) => i._rv)).filter((id) => !run.seen.has(id));
  if (ids.length === 0) return;
  const writer = builder.writer;
  const height = line.getHeight();
  const extra = (context: PmDocumentContext) => {
    const onPage = run.placed.get(context.page) ?? [];
    return Math.max(0, run.session.areaHeight([...onPage, ...ids], run.measure) - (run.held[context.page] ?? 0));
  };
  let context = writer.context();
  if (height + extra(context) > context.availableHeight && context.y > context.pageMargins.top) {
    writer.moveToNextPage();
    context = writer.context();
  }
  const more = extra(context);
  context.availableHeight -= more;
  run.held[context.page] = (run.held[context.page] ?? 0) + more;
  run.placed.set(context.page, [...(run.placed.get(context.page) ?? []), ...ids]);
  for (const id of ids) {
    run.seen.add(id);
    run.pending.push(...run.session.continuations(id));
  }
}

/** A pdfkit font as pdfmake hands it out. */
type PmFont = PdfKitFont & { font?: GlyphSource };

/** The main families: runs in them are split for the characters they lack. */
const MAIN_FAMILIES: ReadonlySet<unknown> = new Set([SANS, MONO]);

interface PmTextInlines {
  pdfDocument: { provideFont(family: unknown, bold: unknown, italics: unknown): PmFont };
}

function hookFonts(pm: PdfmakeInternals): void {
  const ti = pm.TextInlines.prototype;
  const buildInlines = ti['buildInlines'] as (this: PmTextInlines, text: unknown, stack: unknown) => unknown;
  ti['buildInlines'] = function (this: PmTextInlines, text: unknown, stack: unknown) {
    const style = (item: object, property: string) => pm.StyleContextStack.getStyleProperty(item, stack, property, undefined);
    const split = splitByFont(text, (item) => {
      const styled = typeof item === 'string' ? {} : item;
      const family = style(styled, 'font');
      if (!MAIN_FAMILIES.has(family)) return undefined;
      return this.pdfDocument.provideFont(family, style(styled, 'bold') ?? false, style(styled, 'italics') ?? false).font;
    });
    const built = buildInlines.call(this, split, stack) as { items: BuildInline[]; minWidth: number; maxWidth: number };
    // Text set with noWrap as a whole is as wide as its widest line, as pdfmake has it.
    if (!style({}, 'noWrap')) built.minWidth = Math.min(built.minWidth, narrowestWidth(built.items));
    return built;
  };

  const doc = pm.PDFDocument.prototype;
  const provideFont = doc['provideFont'] as (this: unknown, ...args: unknown[]) => PmFont;
  doc['provideFont'] = function (this: unknown, ...args: unknown[]) {
    const font = provideFont.apply(this, args);
    // Words laid out for one document need no new shaping in the next (watch, several outputs).
    useSharedWords(font);
    return font;
  };
}

/** Style lookups: the same results without a closure and a Set per lookup, remembered per stack state (style-lookup.ts). */
function hookStyles(pm: PdfmakeInternals): void {
  pm.StyleContextStack.prototype['getProperty'] = getProperty;
  pm.StyleContextStack.prototype['push'] = push;
  pm.StyleContextStack.prototype['pop'] = pop;
  pm.StyleContextStack.getStyleProperty = getStyleProperty as PdfmakeInternals['StyleContextStack']['getStyleProperty'];
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
      // A drawn page is not needed again; letting it go keeps memory flat in long documents.
      page.items = [];
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
      plain.inlines = piece.inlines;
      plain.getHeight = () => height;
      plain.getAscenderHeight = () => ascender;
      if (index > 0) {
        // Outline entry, destination and page reference belong to the line's first piece only.
        plain._outline = undefined;
        plain.id = undefined;
        plain._pageNodeRef = undefined;
      }
      const styled = () => {
        const copy = line.clone();
        copy.inlines = piece.inlines;
        copy.getAscenderHeight = () => ascender;
        return copy;
      };
      if (piece.inlines.some((i) => i.background)) {
        tagger.begin(LAYOUT_ARTIFACT, lineBox(plain, x, y, height));
        decorator.drawBackground(styled(), x, y);
        tagger.end();
      }
      tagger.begin(piece.tag, lineBox(plain, x, y, height));
      // A picture in the line is drawn in place of the spaces that hold its place (inline-images.ts).
      plain.inlines = piece.inlines.filter((i) => !i._rvImage);
      if (plain.inlines.length > 0 && !drawnAsRuns(this.pdfDocument, plain, x, y + ascender)) {
        textOnly(this.pdfDocument, plain.inlines, () => renderLine.call(this, plain, x, y));
      }
      drawPictures(this.pdfDocument, piece.inlines, x, y + ascender);
      tagger.end();
      plain.inlines = piece.inlines;
      if (piece.inlines.some((i) => i.decoration)) {
        tagger.begin(LAYOUT_ARTIFACT, lineBox(plain, x, y, height));
        decorator.drawDecorations(styled(), x, y);
        tagger.end();
      }
      const link = linkOf(piece.tag);
      if (link) tagger.annotate(link, lineBox(plain, x, y, height));
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

  const renderWatermark = r['renderWatermark'] as (this: PmRenderer, page: PmPage) => void;
  r['renderWatermark'] = function (this: PmRenderer, page: PmPage) {
    const tagger = taggers.get(this.pdfDocument);
    if (!tagger) return renderWatermark.call(this, page);
    // The draft mark is page furniture; pdfkit's fill() would also paint an empty path, so text only.
    tagger.begin(WATERMARK_ARTIFACT, { x: 0, y: 0, w: page.pageSize.width, h: page.pageSize.height });
    textOnly(this.pdfDocument, [], () => renderWatermark.call(this, page));
    tagger.end();
  };
}

interface Piece {
  tag: Tag;
  inlines: PmInline[];
}

/** Draws a piece's words as runs (text-runs.ts), unless it carries a bookmark, a destination or a page reference. */
function drawnAsRuns(kit: PdfKitDoc, piece: PmLine, x: number, baseline: number): boolean {
  if (piece._outline !== undefined || piece.id !== undefined || piece._pageNodeRef !== undefined) return false;
  return drawTextRuns(kit as unknown as RunKit, piece.inlines as RunInline[], x, baseline);
}

/** What pdfmake's own line drawing leaves out: decorations, backgrounds and links are drawn by the hook. */
const EXTRAS = ['decoration', 'background', 'link', 'linkToPage', 'linkToDestination'] as const;

interface FillingDoc {
  fill(color?: unknown, rule?: unknown): unknown;
  fillColor(color: unknown): unknown;
}

/**
 * Runs pdfmake's drawing of these inlines as text only: without their extras, and with
 * `fill(color)` only setting the colour (pdfmake calls it before each text run, and pdfkit would
 * also paint the empty current path with `f`).
 */
function textOnly(kit: PdfKitDoc, inlines: PmInline[], draw: () => void): void {
  const doc = kit as unknown as FillingDoc;
  const fill = doc.fill;
  const saved = inlines.filter((inline) => EXTRAS.some((key) => inline[key])).map((inline) => ({ inline, values: EXTRAS.map((key) => inline[key]) }));
  for (const { inline } of saved) for (const key of EXTRAS) inline[key] = null;
  doc.fill = function (this: FillingDoc, color?: unknown) {
    if (color) this.fillColor(color);
    return this;
  };
  try {
    draw();
  } finally {
    doc.fill = fill;
    for (const { inline, values } of saved) EXTRAS.forEach((key, k) => (inline[key] = values[k]));
  }
}

/** The Link a drawn piece makes clickable: its own element, or the link a picture in the line stands in (a badge). */
function linkOf(tag: Tag): StructNode | undefined {
  if (!isStruct(tag)) return undefined;
  if (tag.link) return tag;
  return tag.type === 'Figure' && tag.parent?.link ? tag.parent : undefined;
}

interface ImageDoc {
  image(src: string, x: number, y: number, options: { width: number; height: number }): unknown;
}

/** Draws the pictures among these inlines standing on the baseline, as an image in a line of a web page does. */
function drawPictures(kit: PdfKitDoc, inlines: readonly PmInline[], x: number, baseline: number): void {
  for (const inline of inlines) {
    const picture = inline._rvImage;
    if (picture) (kit as unknown as ImageDoc).image(picture.path, x + inline.x, baseline - picture.height, { width: picture.width, height: picture.height });
  }
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

/** What an item is drawn for: a line's is its text's (not an artifact in front, as a code line's continuation mark). */
function itemTag(entry: PmItem): Tag | undefined {
  switch (entry.type) {
    case 'line': {
      const { inlines } = entry.item;
      return inlines.find((i) => isStruct(i._rv))?._rv ?? inlines[0]?._rv;
    }
    case 'vector':
    case 'image':
      return entry.item._rv;
    case 'svg':
    case 'attachment':
    case 'beginClip':
    case 'endClip':
    case 'beginVerticalAlignment':
    case 'endVerticalAlignment':
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

/** How far down a page's body (everything but the running header and footer) reaches: with everything drawn, and with its text and pictures alone. */
export interface BodyBottom {
  drawn: number;
  text: number;
}

function bodyBottoms(page: PmPage): BodyBottom {
  const body = page.items.filter((entry) => {
    const tag = itemTag(entry);
    return isStruct(tag) || tag?.artifact !== 'Pagination';
  });
  return { drawn: contentBottom(body), text: contentBottom(body.filter((entry) => entry.type !== 'vector')) };
}

function contentBottom(items: PmItem[]): number {
  let bottom = 0;
  for (const entry of items) {
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
