/**
 * Turns the logical structure tree into pdfkit structure elements while pages are drawn.
 *
 * Elements are attached to their parents when their first content is drawn, so mixed content
 * (text of a paragraph around a link) keeps reading order; earlier siblings that have not been
 * drawn yet are attached first, so the tree order never depends on drawing order.
 */
import { isStruct, type StructNode, type Tag } from './structure.js';

/** The part of a pdfkit structure element this module uses. */
export interface PdfKitStructElement {
  add(child: PdfKitStructElement | PdfKitStructContent): PdfKitStructElement;
  end(): void;
  dictionary: { data: Record<string, unknown> };
}

/** Marked content belonging to a structure element (opaque). */
export interface PdfKitStructContent {
  refs: unknown[];
}

/** The part of a pdfkit document this module uses. */
export interface PdfKitDoc {
  page: { height: number };
  struct(type: string, options?: Record<string, unknown>): PdfKitStructElement;
  addStructure(element: PdfKitStructElement): PdfKitDoc;
  markStructureContent(tag: string, options?: Record<string, unknown>): PdfKitStructContent;
  markContent(tag: string, options?: Record<string, unknown>): PdfKitDoc;
  endMarkedContent(): PdfKitDoc;
  link(x: number, y: number, w: number, h: number, url: string, options?: Record<string, unknown>): PdfKitDoc;
  goTo(x: number, y: number, w: number, h: number, name: string, options?: Record<string, unknown>): PdfKitDoc;
  addNamedDestination(name: string, ...args: unknown[]): PdfKitDoc;
  getStructTreeRoot(): { data: Record<string, unknown> };
}

/** A rectangle in pdfkit's top-left page coordinates. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Least width of a link's clickable area: a footnote number alone is only a few points wide. */
const MIN_TARGET_WIDTH = 14;

/** The box, widened about its centre to the least target width (its height is the line's). */
function widened(box: Box): Box {
  if (box.w >= MIN_TARGET_WIDTH) return box;
  return { ...box, x: box.x - (MIN_TARGET_WIDTH - box.w) / 2, w: MIN_TARGET_WIDTH };
}

/** Writes marked content and structure elements for one document. */
export class Tagger {
  private readonly elements = new Map<StructNode, PdfKitStructElement>();
  /** Link elements with content on the current page; ended when the page ends so OBJR /Pg is right. */
  private readonly linksOnPage = new Set<StructNode>();
  /** Links whose element was ended at a page end; more content starts a continuation element. */
  private readonly endedLinks = new Set<StructNode>();
  private readonly ids = new Map<string, PdfKitStructElement>();
  private readonly destinations = new Set<StructNode>();
  /** Per parent, the index of its first child that may not be attached yet. */
  private readonly attachedUpTo = new Map<StructNode, number>();
  private open = 0;

  constructor(private readonly doc: PdfKitDoc) {}

  /** Opens marked content for the tag; `box` is where the content is drawn. */
  begin(tag: Tag, box: Box): void {
    if (!isStruct(tag)) {
      const options: Record<string, unknown> = { type: tag.artifact };
      if (tag.attached) options['attached'] = [tag.attached];
      this.doc.markContent('Artifact', options);
      this.open++;
      return;
    }
    const element = this.elementFor(tag, box);
    const content = this.doc.markStructureContent(tag.type);
    element.add(content);
    this.open++;
    if (tag.type === 'Link') this.linksOnPage.add(tag);
    if (tag.dest && !this.destinations.has(tag)) {
      this.destinations.add(tag);
      this.doc.addNamedDestination(tag.dest, 'XYZ', box.x, box.y, null);
    }
  }

  /** Closes the marked content opened last. */
  end(): void {
    if (this.open === 0) throw new Error('Tagger.end without begin');
    this.open--;
    this.doc.endMarkedContent();
  }

  /** Adds the link annotation for a drawn piece of a Link element. */
  annotate(node: StructNode, box: Box): void {
    const target = node.link;
    if (!target) return;
    const element = this.elementFor(node, box);
    const options = { structParent: element, Contents: new String(target.contents) };
    const area = widened(box);
    if (target.uri) this.doc.link(area.x, area.y, area.w, area.h, target.uri, options);
    else if (target.dest) this.doc.goTo(area.x, area.y, area.w, area.h, target.dest, options);
  }

  /** Ends the Link elements drawn on the page that is finishing. */
  endPage(): void {
    for (const node of this.linksOnPage) {
      this.elements.get(node)?.end();
      this.endedLinks.add(node);
    }
    this.linksOnPage.clear();
  }

  /** Completes the tree: the IDTree for Note identifiers. */
  finish(): void {
    if (this.open !== 0) throw new Error('Unbalanced marked content');
    this.endPage();
    if (this.ids.size > 0) {
      const names: unknown[] = [];
      for (const [id, element] of [...this.ids].sort(([a], [b]) => (a < b ? -1 : 1))) {
        names.push(new String(id), element.dictionary);
      }
      this.doc.getStructTreeRoot().data['IDTree'] = { Names: names };
    }
  }

  private elementFor(node: StructNode, box: Box): PdfKitStructElement {
    const existing = this.elements.get(node);
    if (existing && !this.endedLinks.has(node)) return existing;
    if (existing) {
      // A link that continues on a new page gets a second Link element next to the first.
      this.endedLinks.delete(node);
      const element = this.create(node, box);
      this.parentElement(node).add(element);
      return element;
    }
    this.attach(node, box);
    return this.elements.get(node) as PdfKitStructElement;
  }

  private parentElement(node: StructNode): PdfKitStructElement {
    const parent = node.parent;
    if (!parent) throw new Error(`${node.type} has no parent`);
    return this.elementFor(parent, { x: 0, y: 0, w: 0, h: 0 });
  }

  private attach(node: StructNode, box: Box): void {
    if (node.companionOf) {
      this.attach(node.companionOf, box);
      return;
    }
    if (!node.parent) {
      this.doc.addStructure(this.create(node, box));
      return;
    }
    const parent = this.parentElement(node);
    if (this.elements.has(node)) return;
    // Siblings before the cursor are attached already, so each parent's children are walked once.
    const siblings = node.parent.children;
    let i = this.attachedUpTo.get(node.parent) ?? 0;
    for (; i < siblings.length && siblings[i] !== node; i++) {
      const sibling = siblings[i] as StructNode;
      if (!this.elements.has(sibling)) this.attachUnder(parent, sibling, undefined);
    }
    this.attachedUpTo.set(node.parent, i + 1);
    this.attachUnder(parent, node, box);
  }

  private attachUnder(parent: PdfKitStructElement, node: StructNode, box: Box | undefined): void {
    parent.add(this.create(node, box));
    for (const companion of node.companions) this.attachUnder(parent, companion, undefined);
  }

  private create(node: StructNode, box: Box | undefined): PdfKitStructElement {
    const options: Record<string, unknown> = {};
    if (node.attrs.lang) options['lang'] = node.attrs.lang;
    if (node.attrs.alt) options['alt'] = node.attrs.alt;
    if (node.attrs.scope) options['scope'] = node.attrs.scope;
    if (node.type === 'Figure' && box) options['bbox'] = [box.x, box.y, box.x + box.w, box.y + box.h];
    const element = this.doc.struct(node.type, options);
    if (node.attrs.listNumbering) element.dictionary.data['A'] = { O: 'List', ListNumbering: node.attrs.listNumbering };
    // pdfkit writes /Scope in the Table attributes; the spans join them there.
    const { colSpan, rowSpan } = node.attrs;
    if (colSpan || rowSpan) {
      const table = (element.dictionary.data['A'] ?? { O: 'Table' }) as Record<string, unknown>;
      element.dictionary.data['A'] = { ...table, ...(colSpan ? { ColSpan: colSpan } : {}), ...(rowSpan ? { RowSpan: rowSpan } : {}) };
    }
    if (node.attrs.id) {
      element.dictionary.data['ID'] = new String(node.attrs.id);
      this.ids.set(node.attrs.id, element);
    }
    this.elements.set(node, element);
    return element;
  }
}
