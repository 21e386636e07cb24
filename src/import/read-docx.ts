/**
 * Reads a .docx as an editor left it: its paragraphs in order (table cells as one paragraph each,
 * notes separately), each with its block bookmark, style, text and character formatting, in the
 * accepted state of tracked changes; and what cannot be read back (revisions, comments, objects)
 * with its place, so the import can report it.
 */
import { strFromU8, unzipSync } from 'fflate';
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { ANCHOR_PREFIX } from '../render/docx/anchors.js';

/** Character formatting an import can carry back into Markdown. */
export interface RunFormat {
  bold: boolean;
  italic: boolean;
  strike: boolean;
  superscript: boolean;
  subscript: boolean;
  code: boolean;
  /** External address, or `#bookmark` inside the document. */
  link?: string;
  /** The run's language tag as written (`w:lang`). */
  lang?: string;
}

/** A stretch of text with one format; a note reference is one object character with `note` set. */
export interface Run {
  text: string;
  format: RunFormat;
  /** The `w:id` of the footnote a reference run points to (in footnotes.xml). */
  note?: string;
}

/** The object replacement character that stands for a note reference in paragraph text. */
export const NOTE_MARK = '\uFFFC';

/** A tracked change: its kind, who made it, and where in the paragraph's accepted text. */
export interface Revision {
  kind: 'insertion' | 'deletion' | 'formatting' | 'paragraph';
  author: string;
  date?: string;
  offset: number;
  /** The text a deletion took out. */
  text?: string;
}

/** What a paragraph holds that Markdown cannot: a picture, an embedded object, a text box. */
export interface Unreadable {
  what: string;
  offset: number;
}

/** One paragraph (or table cell) of the edited document. */
export interface WordParagraph {
  /** The block bookmark's name (`_rv12`), when the paragraph kept one. */
  anchor?: string;
  /** Paragraph style name, lower case (`heading 2`, `list paragraph`, `normal`). */
  style: string;
  /** The list it belongs to (`w:numPr`), if it is a list item. */
  list?: { numId: string; level: number };
  runs: Run[];
  /** For table cells: the table's index in the body, the row and the column. */
  cell?: { table: number; row: number; column: number };
  /** True for the contents list, whose paragraphs the build makes itself. */
  generated: boolean;
  revisions: Revision[];
  /** Comment ids anchored in the paragraph, with their offsets. */
  comments: { id: string; offset: number }[];
  unreadable: Unreadable[];
}

/** A comment: its author and text. */
export interface WordComment {
  author: string;
  text: string;
}

/** The edited document as the import sees it. */
export interface WordDocument {
  body: WordParagraph[];
  /** Footnotes by `w:id`, each a list of paragraphs. */
  notes: Map<string, WordParagraph[]>;
  comments: Map<string, WordComment>;
  /** Which numbering ids are bullet lists (the rest are numbered). */
  bulletLists: Set<string>;
  /** Custom document properties by name. */
  properties: Map<string, string>;
}

const PLAIN: RunFormat = { bold: false, italic: false, strike: false, superscript: false, subscript: false, code: false };

/** Reads the parts of a .docx; throws a plain Error with a message when it is not one. */
export function readDocx(bytes: Uint8Array): WordDocument {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new Error('not a .docx file (it is not a zip package)');
  }
  const part = (name: string): Element | undefined => {
    const data = files[name];
    return data ? new DOMParser().parseFromString(strFromU8(data), 'text/xml').documentElement ?? undefined : undefined;
  };
  const document = part('word/document.xml');
  if (!document) throw new Error('not a Word document (it has no word/document.xml)');
  const context: ReadContext = {
    styles: styleNames(part('word/styles.xml')),
    links: relationshipTargets(part('word/_rels/document.xml.rels')),
    seenAnchors: new Set(),
  };
  const body = readStory(first(document, 'w:body'), context);
  const notes = new Map<string, WordParagraph[]>();
  const noteContext = { ...context, links: relationshipTargets(part('word/_rels/footnotes.xml.rels')) };
  for (const note of children(part('word/footnotes.xml'), 'w:footnote')) {
    if (note.getAttribute('w:type')) continue; // separators
    notes.set(note.getAttribute('w:id') ?? '', readStory(note, noteContext));
  }
  const comments = new Map<string, WordComment>();
  for (const comment of children(part('word/comments.xml'), 'w:comment')) {
    const text = children(comment, 'w:p').map((p) => textContent(p, 'w:t')).join('\n');
    comments.set(comment.getAttribute('w:id') ?? '', { author: comment.getAttribute('w:author') ?? '', text });
  }
  const properties = new Map<string, string>();
  for (const property of children(part('docProps/custom.xml'), 'property')) {
    properties.set(property.getAttribute('name') ?? '', property.textContent ?? '');
  }
  return { body, notes, comments, bulletLists: bulletLists(part('word/numbering.xml')), properties };
}

interface ReadContext {
  /** Style id → lower-case name. */
  styles: Map<string, string>;
  /** Relationship id → target, for hyperlinks. */
  links: Map<string, string>;
  /** Anchors already given out: a copy of a paragraph keeps its bookmark's name, and is new. */
  seenAnchors: Set<string>;
}

/** The paragraphs of a story (the body, a note), tables flattened to one paragraph per cell. */
function readStory(story: Element | undefined, ctx: ReadContext): WordParagraph[] {
  const out: WordParagraph[] = [];
  let tables = 0;
  const visit = (container: Element, generated: boolean): void => {
    for (const child of children(container)) {
      if (child.nodeName === 'w:p') out.push(readParagraph([child], ctx, generated));
      else if (child.nodeName === 'w:tbl') readTable(child, tables++, ctx, out);
      else if (child.nodeName === 'w:sdt') {
        const gallery = first(first(first(child, 'w:sdtPr'), 'w:docPartObj'), 'w:docPartGallery')?.getAttribute('w:val') ?? '';
        const content = first(child, 'w:sdtContent');
        if (content) visit(content, generated || /contents/i.test(gallery));
      } else if (child.nodeName === 'w:customXml') visit(child, generated);
    }
  };
  if (story) visit(story, false);
  return joinDeletedParagraphMarks(out);
}

function readTable(table: Element, index: number, ctx: ReadContext, out: WordParagraph[]): void {
  children(table, 'w:tr').forEach((row, r) => {
    // A row deleted with tracked changes on is gone in the accepted state.
    if (first(first(row, 'w:trPr'), 'w:del')) return;
    children(row, 'w:tc').forEach((cell, c) => {
      // A cell merged on to the one above (vMerge without "restart") shows that cell; it holds nothing itself.
      const merge = first(first(cell, 'w:tcPr'), 'w:vMerge');
      if (merge && merge.getAttribute('w:val') !== 'restart') return;
      const paragraph = readParagraph(children(cell, 'w:p'), ctx, false);
      if (first(cell, 'w:tbl')) paragraph.unreadable.push({ what: 'a table inside a table cell', offset: 0 });
      out.push({ ...paragraph, cell: { table: index, row: r, column: c } });
    });
  });
}

/** Reads one paragraph, or the paragraphs of a table cell joined by line breaks. */
function readParagraph(paragraphs: Element[], ctx: ReadContext, generated: boolean): WordParagraph {
  const properties = first(paragraphs[0], 'w:pPr');
  const styleId = first(properties, 'w:pStyle')?.getAttribute('w:val') ?? 'Normal';
  const numPr = first(properties, 'w:numPr');
  const numId = first(numPr, 'w:numId')?.getAttribute('w:val');
  const style = ctx.styles.get(styleId) ?? styleId.toLowerCase();
  const reader = new ParagraphReader(ctx);
  paragraphs.forEach((p, i) => {
    if (i > 0) reader.text('\n', PLAIN);
    reader.readParagraph(p);
  });
  return {
    ...(reader.anchor ? { anchor: reader.anchor } : {}),
    style,
    ...(numId && numId !== '0' ? { list: { numId, level: Number(first(numPr, 'w:ilvl')?.getAttribute('w:val') ?? 0) } } : {}),
    runs: reader.runs,
    generated: generated || /^(toc|contents) ?\d|^(toc|contents) heading$/.test(style),
    revisions: reader.revisions,
    comments: reader.comments,
    unreadable: reader.unreadable,
    ...(reader.markDeleted ? { markDeleted: true } : {}),
  };
}

/** A paragraph whose mark was deleted (tracked) runs on into the next one in the accepted state. */
function joinDeletedParagraphMarks(paragraphs: WordParagraph[]): WordParagraph[] {
  const out: WordParagraph[] = [];
  let carry: WordParagraph | undefined;
  for (const p of paragraphs) {
    if (carry && !p.cell && !carry.cell) {
      const offset = length(carry.runs);
      const shift = <T extends { offset: number }>(items: T[]): T[] => items.map((i) => ({ ...i, offset: i.offset + offset }));
      carry = {
        ...carry,
        runs: [...carry.runs, ...p.runs],
        revisions: [...carry.revisions, ...shift(p.revisions)],
        comments: [...carry.comments, ...shift(p.comments)],
        unreadable: [...carry.unreadable, ...shift(p.unreadable)],
        ...('markDeleted' in p ? {} : { markDeleted: undefined }),
      };
    } else {
      if (carry) out.push(carry);
      carry = p;
    }
    if (!('markDeleted' in carry && carry.markDeleted)) {
      out.push(strip(carry));
      carry = undefined;
    }
  }
  if (carry) out.push(strip(carry));
  return out;
}

function strip(p: WordParagraph & { markDeleted?: boolean }): WordParagraph {
  const { markDeleted: _, ...rest } = p;
  return rest;
}

/** Total length of runs' text. */
export function length(runs: readonly Run[]): number {
  return runs.reduce((n, r) => n + r.text.length, 0);
}

/** Walks a paragraph's content, following fields, hyperlinks and tracked changes. */
class ParagraphReader {
  readonly runs: Run[] = [];
  readonly revisions: Revision[] = [];
  readonly comments: { id: string; offset: number }[] = [];
  readonly unreadable: Unreadable[] = [];
  anchor?: string;
  markDeleted = false;
  private offset = 0;
  /** Open complex fields: their instruction, and whether their result is being read. */
  private fields: { instruction: string; result: boolean }[] = [];

  constructor(private readonly ctx: ReadContext) {}

  readParagraph(p: Element): void {
    const mark = first(first(p, 'w:pPr'), 'w:rPr');
    if (first(mark, 'w:del')) {
      this.markDeleted = true;
      this.revision('paragraph', first(mark, 'w:del') as Element);
    }
    this.content(p, undefined, false);
  }

  text(text: string, format: RunFormat, note?: string): void {
    if (!text) return;
    const last = this.runs.at(-1);
    if (last && !note && !last.note && sameFormat(last.format, format)) last.text += text;
    else this.runs.push({ text, format, ...(note !== undefined ? { note } : {}) });
    this.offset += text.length;
  }

  private content(parent: Element, link: string | undefined, deleted: boolean): void {
    for (const node of children(parent)) {
      switch (node.nodeName) {
        case 'w:r':
          this.run(node, link, deleted);
          break;
        case 'w:hyperlink': {
          const id = node.getAttribute('r:id');
          const anchor = node.getAttribute('w:anchor');
          this.content(node, id ? this.ctx.links.get(id) : anchor ? `#${anchor}` : link, deleted);
          break;
        }
        case 'w:ins':
        case 'w:moveTo':
          if (!deleted) this.revision('insertion', node);
          this.content(node, link, deleted);
          break;
        case 'w:del':
        case 'w:moveFrom':
          this.revision('deletion', node, textContent(node, 'w:delText'));
          this.content(node, link, true);
          break;
        case 'w:bookmarkStart':
          this.bookmark(node.getAttribute('w:name') ?? '');
          break;
        case 'w:commentRangeStart':
          this.comment(node.getAttribute('w:id') ?? '');
          break;
        case 'w:fldSimple':
          this.simpleField(node, link, deleted);
          break;
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:dir':
        case 'w:bdo':
          this.content(node, link, deleted);
          break;
        case 'w:sdt':
          this.content(first(node, 'w:sdtContent') ?? node, link, deleted);
          break;
        case 'mc:AlternateContent':
          this.unreadable.push({ what: 'a text box or shape', offset: this.offset });
          break;
        default:
          break;
      }
    }
  }

  private run(r: Element, link: string | undefined, deleted: boolean): void {
    const props = first(r, 'w:rPr');
    if (!deleted && first(props, 'w:rPrChange')) this.revision('formatting', first(props, 'w:rPrChange') as Element);
    if (first(r, 'w:commentReference') && !this.comments.some((c) => c.id === first(r, 'w:commentReference')?.getAttribute('w:id'))) {
      this.comment(first(r, 'w:commentReference')?.getAttribute('w:id') ?? '');
    }
    if (deleted) return;
    const field = this.fields.at(-1);
    const fieldLink = this.fields.map((f) => /^\s*HYPERLINK\s+(?:\\l\s+)?"([^"]*)"/.exec(f.instruction)).find(Boolean);
    const format = this.format(props, fieldLink ? (/\\l/.test(field?.instruction ?? '') ? `#${fieldLink[1]}` : fieldLink[1]) : link);
    for (const node of children(r)) {
      switch (node.nodeName) {
        case 'w:fldChar':
          this.fieldChar(node.getAttribute('w:fldCharType') ?? '');
          break;
        case 'w:instrText':
          if (field && !field.result) field.instruction += node.textContent ?? '';
          break;
        case 'w:t':
          if (!this.inInstruction()) this.text(node.textContent ?? '', format);
          break;
        case 'w:tab':
        case 'w:ptab':
          if (!this.inInstruction()) this.text('\t', format);
          break;
        case 'w:br':
        case 'w:cr':
          if (!this.inInstruction() && (node.getAttribute('w:type') ?? 'textWrapping') === 'textWrapping') this.text('\n', format);
          break;
        case 'w:noBreakHyphen':
          this.text('\u2011', format);
          break;
        case 'w:sym':
          this.text(String.fromCodePoint(parseInt(node.getAttribute('w:char') ?? '20', 16) & 0xff || 0x20), format);
          break;
        case 'w:footnoteReference':
          this.text(NOTE_MARK, format, node.getAttribute('w:id') ?? '');
          break;
        case 'w:endnoteReference':
          this.unreadable.push({ what: 'an endnote (Markdown has footnotes only)', offset: this.offset });
          break;
        case 'w:drawing':
          this.unreadable.push({ what: 'a picture', offset: this.offset });
          break;
        case 'w:object':
          this.unreadable.push({ what: 'an embedded object', offset: this.offset });
          break;
        case 'w:pict':
          this.unreadable.push({ what: /v:textbox/.test(node.toString()) ? 'a text box' : 'a picture or shape', offset: this.offset });
          break;
        case 'mc:AlternateContent':
          this.unreadable.push({ what: /txbx/.test(node.toString()) ? 'a text box' : 'a shape or picture', offset: this.offset });
          break;
        default:
          break;
      }
    }
  }

  /** A NOTEREF field is a repeated note reference; other fields count with their shown result. */
  private simpleField(field: Element, link: string | undefined, deleted: boolean): void {
    const instruction = field.getAttribute('w:instr') ?? '';
    const noteRef = /^\s*NOTEREF\s+(\S+)/.exec(instruction);
    if (noteRef) {
      if (!deleted) this.text(NOTE_MARK, this.format(undefined, link), `ref:${noteRef[1]}`);
      return;
    }
    const hyperlink = /^\s*HYPERLINK\s+(\\l\s+)?"([^"]*)"/.exec(instruction);
    this.content(field, hyperlink ? `${hyperlink[1] ? '#' : ''}${hyperlink[2]}` : link, deleted);
  }

  private fieldChar(type: string): void {
    if (type === 'begin') this.fields.push({ instruction: '', result: false });
    else if (type === 'separate') {
      const field = this.fields.at(-1);
      if (!field) return;
      field.result = true;
      const noteRef = /^\s*NOTEREF\s+(\S+)/.exec(field.instruction);
      // A repeated note reference shows the note's number; it stands for the note, not for text.
      if (noteRef) {
        this.text(NOTE_MARK, PLAIN, `ref:${noteRef[1]}`);
        field.instruction = 'SKIP';
      }
    } else if (type === 'end') this.fields.pop();
  }

  private inInstruction(): boolean {
    return this.fields.some((f) => !f.result || f.instruction === 'SKIP');
  }

  private bookmark(name: string): void {
    const match = new RegExp(`^${ANCHOR_PREFIX}\\d+`).exec(name);
    // LibreOffice renames a bookmark it sees twice to `_rv12_Copy_1`; the first one keeps the block.
    if (!match || this.anchor || this.ctx.seenAnchors.has(match[0])) return;
    this.anchor = match[0];
    this.ctx.seenAnchors.add(match[0]);
  }

  private comment(id: string): void {
    this.comments.push({ id, offset: this.offset });
  }

  private revision(kind: Revision['kind'], node: Element, text?: string): void {
    const date = node.getAttribute('w:date');
    this.revisions.push({
      kind,
      author: node.getAttribute('w:author') ?? '',
      ...(date ? { date } : {}),
      offset: this.offset,
      ...(text ? { text } : {}),
    });
  }

  private format(props: Element | undefined, link: string | undefined): RunFormat {
    const on = (name: string): boolean => {
      const el = first(props, name);
      return el !== undefined && !/^(0|false|off|none)$/.test(el.getAttribute('w:val') ?? 'true');
    };
    const style = this.ctx.styles.get(first(props, 'w:rStyle')?.getAttribute('w:val') ?? '') ?? '';
    const vertical = first(props, 'w:vertAlign')?.getAttribute('w:val');
    const lang = first(props, 'w:lang')?.getAttribute('w:val');
    return {
      bold: on('w:b') || /^strong/.test(style),
      italic: on('w:i') || /^emphasis$/.test(style),
      strike: on('w:strike') || on('w:dstrike'),
      superscript: vertical === 'superscript',
      subscript: vertical === 'subscript',
      code: /code|source text|verbatim/.test(style),
      ...(link ? { link } : {}),
      ...(lang ? { lang } : {}),
    };
  }
}

/** True when two formats are the same. */
export function sameFormat(a: RunFormat, b: RunFormat): boolean {
  return (
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.strike === b.strike &&
    a.superscript === b.superscript &&
    a.subscript === b.subscript &&
    a.code === b.code &&
    a.link === b.link &&
    a.lang === b.lang
  );
}

function styleNames(styles: Element | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const style of children(styles, 'w:style')) {
    const name = first(style, 'w:name')?.getAttribute('w:val');
    names.set(style.getAttribute('w:styleId') ?? '', (name ?? style.getAttribute('w:styleId') ?? '').toLowerCase());
  }
  return names;
}

function relationshipTargets(rels: Element | undefined): Map<string, string> {
  const targets = new Map<string, string>();
  for (const rel of children(rels, 'Relationship')) targets.set(rel.getAttribute('Id') ?? '', rel.getAttribute('Target') ?? '');
  return targets;
}

/** Numbering ids whose first level draws bullets. */
function bulletLists(numbering: Element | undefined): Set<string> {
  const bulletAbstract = new Set<string>();
  for (const abstract of children(numbering, 'w:abstractNum')) {
    const level = children(abstract, 'w:lvl')[0];
    if (first(level, 'w:numFmt')?.getAttribute('w:val') === 'bullet') bulletAbstract.add(abstract.getAttribute('w:abstractNumId') ?? '');
  }
  const out = new Set<string>();
  for (const num of children(numbering, 'w:num')) {
    if (bulletAbstract.has(first(num, 'w:abstractNumId')?.getAttribute('w:val') ?? '')) out.add(num.getAttribute('w:numId') ?? '');
  }
  return out;
}

function children(parent: Element | undefined | null, name?: string): Element[] {
  const out: Element[] = [];
  if (!parent) return out;
  for (let node: Node | null = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (name === undefined || node.nodeName === name)) out.push(node as Element);
  }
  return out;
}

function first(parent: Element | undefined | null, name: string): Element | undefined {
  return children(parent, name)[0];
}

function textContent(parent: Element, name: string): string {
  return Array.from(parent.getElementsByTagName(name), (el) => el.textContent ?? '').join('');
}
