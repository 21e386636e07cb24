/**
 * The three-way merge of a whole document: the source's model, the DOCX it builds (read back
 * with its block bookmarks) and the edited DOCX. Blocks are paired by bookmark, then, for those
 * whose bookmark Word lost, by similar text between paired neighbours; pairs out of order are
 * moves (outside the longest run in order). Each pair merges its text (inline-merge); blocks
 * only in the base are deleted, blocks only in the edited document are written as new Markdown.
 */
import { diffArrays } from 'diff';
import { assertNever } from '../model/assert-never.js';
import type { Block, Footnote, Inline, ListItem, ReportDocument, TableRow } from '../model/types.js';
import type { Anchor, AnchoredNode } from '../render/docx/anchors.js';
import { afterBlankLines, afterLine, applyEdits, lineStart, sortEdits, type Edit } from './edits.js';
import { mergeBlock, type BlockMerge } from './inline-merge.js';
import { escapeBlockStart, inlineMarkdown, PLAIN_FORMAT, type FlatText, type MarkdownWriter } from './markdown-out.js';
import { project } from './projection.js';
import { walk } from '../model/walk.js';
import type { Run, RunFormat, WordDocument, WordParagraph } from './read-docx.js';

/** Something to tell the author, at a source offset (before the edits). */
export interface Finding {
  rule: string;
  message: string;
  hint: string;
  offset: number;
}

/** The edits the merge makes to the source, and what it found along the way. */
export interface MergeResult {
  edits: Edit[];
  findings: Finding[];
}

/** What the merge reads. */
export interface MergeInput {
  doc: ReportDocument;
  source: string;
  /** Bookmark name → block, as the renderer gave them out for the base. */
  anchors: ReadonlyMap<string, Anchor>;
  /** Heading id → bookmark name, for internal links. */
  headingBookmarks: ReadonlyMap<string, string>;
  base: WordDocument;
  edited: WordDocument;
}

type Kind = 'heading' | 'paragraph' | 'item' | 'row' | 'code' | 'figure' | 'caption' | 'quote';

/** A block of the body as the merge moves it: a paragraph, a list item, or a table row of cells. */
interface Unit {
  kind: Kind;
  /** The model node it stands for; absent for blocks the editor added. */
  node?: AnchoredNode | TableRow;
  paragraphs: WordParagraph[];
  level?: number;
}

/** Styles of the report frame (cover, colophon), which come from the front matter. */
const FRAME_STYLES = /^(title|subtitle|cover text|colophon)$/;

/** Merges the edited document into the source. */
export function mergeDocument(input: MergeInput): MergeResult {
  return new DocumentMerge(input).run();
}

class DocumentMerge {
  private readonly edits: Edit[] = [];
  /** Blocks taken out; edits inside them are void. */
  private readonly deletions: Edit[] = [];
  private readonly findings: Finding[] = [];
  private readonly bodyNodes = new Set<unknown>();
  private readonly rowOf = new Map<unknown, TableRow>();
  private readonly topLevel = new Map<unknown, Block>();
  private readonly itemLists = new Map<unknown, { ordered: boolean; top: Block }>();
  private readonly noteOfParagraph = new Map<unknown, Footnote>();
  private readonly writer: MarkdownWriter;
  private readonly newNotes = new Map<string, string>();
  private readonly docLanguage: string;
  /** Edited note id → note key (the model note's id, or `new:…`). */
  private readonly editedNoteKeys = new Map<string, string>();

  constructor(private readonly input: MergeInput) {
    this.docLanguage = primary(input.doc.meta.lang);
    for (const block of input.doc.body) this.index(block, block);
    for (const note of input.doc.footnotes) for (const b of note.children) this.indexNote(b, note);
    const bookmarkIds = new Map([...input.headingBookmarks].map(([id, name]) => [name, id]));
    this.writer = {
      noteReference: (key) => `[^${this.noteLabel(key)}]`,
      href: (link) => (link.startsWith('#') ? `#${bookmarkIds.get(link.slice(1)) ?? link.slice(1)}` : link),
    };
    for (const [id, paragraphs] of input.edited.notes) {
      const note = paragraphs.map((p) => this.anchorOf(p)?.node).map((n) => this.noteOfParagraph.get(n)).find(Boolean);
      this.editedNoteKeys.set(id, note ? note.id : `new:${id}`);
    }
  }

  run(): MergeResult {
    const baseUnits = this.units(this.input.base.body);
    const editedUnits = this.units(this.input.edited.body);
    this.pairByText(baseUnits, editedUnits);
    this.mergeUnits(baseUnits, editedUnits);
    this.mergeNotes();
    this.report(editedUnits);
    this.frameEdits();
    return { edits: this.settle(), findings: this.findings };
  }

  // ---------------------------------------------------------------------------------------------
  // The model: which blocks are in the body, their rows, lists and top-level blocks

  private index(block: Block, top: Block): void {
    this.bodyNodes.add(block);
    this.topLevel.set(block, top);
    switch (block.type) {
      case 'list':
        for (const item of block.items) {
          this.bodyNodes.add(item);
          this.topLevel.set(item, top);
          this.itemLists.set(item, { ordered: block.ordered, top });
          for (const child of item.children) this.index(child, top);
        }
        break;
      case 'table':
        for (const row of block.rows) {
          this.topLevel.set(row, top);
          for (const cell of row.cells) {
            this.bodyNodes.add(cell);
            this.rowOf.set(cell, row);
          }
        }
        break;
      case 'blockquote':
      case 'admonition':
        for (const child of block.children) this.index(child, top);
        break;
      case 'heading':
      case 'paragraph':
      case 'figure':
      case 'code':
      case 'thematicBreak':
      case 'plainText':
        break;
      default:
        assertNever(block);
    }
  }

  private indexNote(block: Block, note: Footnote): void {
    this.noteOfParagraph.set(block, note);
    if (block.type === 'blockquote') for (const child of block.children) this.indexNote(child, note);
    if (block.type === 'list') for (const item of block.items) for (const child of item.children) this.indexNote(child, note);
  }

  private anchorOf(p: WordParagraph): Anchor | undefined {
    return p.anchor ? this.input.anchors.get(p.anchor) : undefined;
  }

  /** How many pictures the renderer wrote into a paragraph: a figure's one, or the images in its text. */
  private picturesOf(p: WordParagraph): number {
    const node = this.anchorOf(p)?.node;
    if (!node) return 0;
    switch (node.type) {
      case 'figure':
        return 1;
      case 'heading':
      case 'paragraph':
      case 'tableCell':
        return imagesIn([{ type: 'paragraph', children: node.children }]);
      case 'listItem':
        return imagesIn(node.children);
      case 'table':
        return imagesIn([{ type: 'paragraph', children: node.caption ?? [] }]);
      case 'code':
        return 0;
      default:
        return assertNever(node);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Units

  /** The body's units in order; the contents list and the frame are left out. */
  private units(body: readonly WordParagraph[]): Unit[] {
    const out: Unit[] = [];
    let row: { key: string; unit: Unit } | undefined;
    for (const p of body) {
      const anchor = this.anchorOf(p);
      if (p.generated || (anchor && !this.bodyNodes.has(anchor.node)) || (!anchor && FRAME_STYLES.test(p.style))) continue;
      if (p.cell) {
        const key = `${p.cell.table}:${p.cell.row}`;
        if (row?.key !== key) {
          row = { key, unit: { kind: 'row', paragraphs: [] } };
          out.push(row.unit);
        }
        row.unit.paragraphs.push(p);
        const cellRow = anchor ? this.rowOf.get(anchor.node) : undefined;
        if (cellRow && !row.unit.node) row.unit.node = cellRow;
        continue;
      }
      row = undefined;
      // An empty paragraph carries nothing into Markdown.
      if (!anchor && p.runs.every((r) => r.text.trim() === '')) continue;
      if (anchor) out.push({ kind: anchor.caption ? 'caption' : kindOfNode(anchor.node), node: anchor.node, paragraphs: [p], ...headingLevel(p) });
      else out.push({ ...kindOfStyle(p), paragraphs: [p] });
    }
    return out;
  }

  /** Pairs blocks whose bookmark Word lost with unpaired base blocks of the same kind and similar text. */
  private pairByText(base: Unit[], edited: Unit[]): void {
    const paired = new Set(edited.map((u) => u.node).filter(Boolean));
    const free = base.filter((u) => !paired.has(u.node));
    for (const unit of edited) {
      if (unit.node) continue;
      const text = unitText(unit);
      let best: { unit: Unit; score: number } | undefined;
      for (const candidate of free) {
        if (candidate.kind !== unit.kind) continue;
        const score = similarity(unitText(candidate), text);
        if (score >= 0.6 && (!best || score > best.score)) best = { unit: candidate, score };
      }
      if (best) {
        unit.node = best.unit.node as AnchoredNode;
        unit.level = best.unit.level ?? unit.level;
        free.splice(free.indexOf(best.unit), 1);
        // The base's paragraphs carry the bookmarks; the edited ones take their place.
        this.fuzzy.set(unit, best.unit);
      }
    }
  }

  private readonly fuzzy = new Map<Unit, Unit>();

  private mergeUnits(base: Unit[], edited: Unit[]): void {
    const baseIndex = new Map(base.map((u, i) => [u.node, i]));
    const baseByNode = new Map(base.map((u) => [u.node, u]));
    const inOrder = longestInOrder(edited.map((u) => (u.node ? baseIndex.get(u.node) : undefined)));
    const seen = new Set<unknown>();
    // Where new and moved blocks go: after the last block that stayed in place.
    let cursor: Cursor = { at: this.bodyStart(), previous: undefined, group: [] };
    const groups: Cursor[] = [cursor];
    edited.forEach((unit, i) => {
      const baseUnit = unit.node ? (this.fuzzy.get(unit) ?? baseByNode.get(unit.node)) : undefined;
      if (baseUnit && unit.node && !seen.has(unit.node)) {
        seen.add(unit.node);
        if (inOrder.has(i)) {
          this.edits.push(...this.mergeUnit(baseUnit, unit));
          cursor = { at: this.unitEnd(unit.node), previous: unit, group: [] };
          groups.push(cursor);
          return;
        }
        // Moved: taken out where it was, written (with its edits) where it is now.
        const span = this.unitSpan(unit.node);
        const inner = this.mergeUnit(baseUnit, unit).filter((e) => e.start >= span.start && e.end <= span.end);
        const text = applyEdits(this.input.source.slice(span.start, span.end), sortEdits(inner).map((e) => ({ ...e, start: e.start - span.start, end: e.end - span.start })));
        this.deleteUnit(unit.node);
        this.place(cursor, unit, text.replace(/\n+$/, ''));
        return;
      }
      if (unit.kind === 'caption' || unit.kind === 'figure') {
        this.find(cursor.at, 'import-unreadable', `a new ${unit.kind} in Word cannot be carried into Markdown; it was left out`, 'add it to the source with ::figure{src=… alt=… caption=…}');
        return;
      }
      this.place(cursor, unit, this.blockMarkdown(unit, cursor));
    });
    for (const unit of base) if (unit.node && !seen.has(unit.node)) this.deleteUnit(unit.node, unit.kind);
    for (const group of groups) {
      if (group.group.length > 0) this.edits.push({ start: group.at, end: group.at, text: group.group.join('') });
    }
  }

  /** Merges the text of a block's paragraphs (a row's cells) with the base's, and a heading's level. */
  private mergeUnit(base: Unit, edited: Unit): Edit[] {
    const out: Edit[] = [];
    const node = base.node;
    if (node?.type === 'heading' && node.pos && edited.kind === 'heading' && edited.level !== undefined && edited.level !== node.level) {
      const marks = /^#{1,6}/.exec(this.input.source.slice(node.pos.start.offset));
      if (marks) out.push({ start: node.pos.start.offset, end: node.pos.start.offset + marks[0].length, text: '#'.repeat(edited.level) });
      else this.find(node.pos.start.offset, 'import-placed', `this heading became level ${edited.level} in Word, which a Setext heading cannot be`, 'write it as an ATX heading (#) in the source');
    }
    edited.paragraphs.forEach((p, i) => {
      const anchor = this.anchorOf(p);
      const baseParagraph = (anchor && base.paragraphs.find((b) => b.anchor === p.anchor)) ?? base.paragraphs[i];
      const baseAnchor = baseParagraph ? this.anchorOf(baseParagraph) : undefined;
      if (!baseParagraph || !baseAnchor) {
        this.find(this.unitEnd(base.node as AnchoredNode), 'import-unreadable', 'a new table column in Word cannot be carried into Markdown; it was left out', 'add the column to the table in the source');
        return;
      }
      const merged = this.mergeParagraph(baseParagraph, p, baseAnchor, this.writer);
      out.push(...merged.edits);
    });
    return out;
  }

  private readonly merges = new Map<WordParagraph, { merge: BlockMerge; prefix: number }>();

  private mergeParagraph(base: WordParagraph, edited: WordParagraph, anchor: Anchor, writer: MarkdownWriter): BlockMerge {
    const node = anchor.node;
    const inlines = inlinesOf(node, anchor.caption);
    const baseText = this.flat(base.runs, 'base');
    const editedText = this.flat(edited.runs, 'edited');
    if (node.type === 'code') return this.mergeCode(node, baseText, editedText, edited);
    const chars = inlines ? project(inlines, this.input.source) : undefined;
    const projected = chars?.map((c) => c.char).join('') ?? '';
    // What the renderer adds before the text (a heading's number, a note's tab, a task box).
    const prefix = chars && baseText.text.endsWith(projected) ? baseText.text.length - projected.length : 0;
    const editedPrefix = editedText.text.startsWith(baseText.text.slice(0, prefix)) ? prefix : generatedPrefix(editedText.text, node.type === 'heading');
    const region = inlineRegion(inlines ?? [], this.input.source, chars);
    const merge = mergeBlock(cut(baseText, prefix), cut(editedText, editedPrefix), { ...(chars ? { chars } : {}), region, writer });
    if (merge.rewritten) {
      this.find(region.start, 'import-rewritten', 'this text was changed in Word in a way that could not be placed word by word; it was rewritten from the Word text',
        'check the line breaks, reference-style links and markup of this paragraph');
    }
    this.merges.set(edited, { merge, prefix: editedPrefix });
    return merge;
  }

  private mergeCode(node: AnchoredNode & { type: 'code' }, base: FlatText, edited: FlatText, p: WordParagraph): BlockMerge {
    const start = node.pos?.start.offset ?? 0;
    const merge: BlockMerge = { edits: [], rewritten: false, sourceAt: () => start };
    if (base.text !== edited.text && node.pos) {
      const fence = '`'.repeat(Math.max(3, ...[...edited.text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
      merge.edits.push({ start, end: node.pos.end.offset, text: `${fence}${node.lang ?? ''}\n${edited.text}\n${fence}` });
    }
    this.merges.set(p, { merge, prefix: 0 });
    return merge;
  }

  // ---------------------------------------------------------------------------------------------
  // Placing, deleting and writing blocks

  private place(cursor: Cursor, unit: Unit, markdown: string): void {
    const previous = cursor.previous;
    const sameList = unit.kind === 'item' && previous?.kind === 'item';
    const sameTable = unit.kind === 'row' && previous?.kind === 'row';
    if (!previous) cursor.group.push(`${markdown}\n\n`);
    else if (sameList || sameTable) cursor.group.push(`\n${markdown}`);
    else {
      // A block after a list item or a row goes after the whole list or table.
      const node = previous.node;
      const top = node ? this.topLevel.get(node) : undefined;
      if (cursor.group.length === 0 && top?.pos && node && top !== node && previous.kind !== 'paragraph' && previous.kind !== 'heading') {
        const end = top.pos.end.offset;
        if (end !== cursor.at) {
          this.find(cursor.at, 'import-placed', 'a block added in Word inside a list or table was placed after it', 'move it in the source if it belongs inside');
          const moved: Cursor = { at: end, previous: unit, group: [`\n\n${markdown}`] };
          this.edits.push({ start: end, end, text: moved.group.join('') });
          return;
        }
      }
      cursor.group.push(`\n\n${markdown}`);
    }
    cursor.previous = unit;
  }

  private deleteUnit(node: AnchoredNode | TableRow, kind?: Kind): void {
    if (kind === 'caption') {
      this.find(node.pos?.start.offset ?? 0, 'import-unreadable', 'a caption deleted in Word was kept', 'delete it in the source if it should go');
      return;
    }
    const span = this.unitSpan(node);
    const whole = node.type === 'listItem' || node.type === 'tableRow' ? span.end : afterBlankLines(this.input.source, Math.max(span.start, span.end - 1));
    this.deletions.push({ start: span.start, end: whole, text: '' });
  }

  /** The source lines a block takes up, from the start of its first line to the end of its last. */
  private unitSpan(node: AnchoredNode | TableRow): { start: number; end: number } {
    const start = lineStart(this.input.source, node.pos?.start.offset ?? 0);
    return { start, end: afterLine(this.input.source, Math.max(start, (node.pos?.end.offset ?? 0) - 1)) };
  }

  /** The end of a block's text (before its line break), where the next block's Markdown goes. */
  private unitEnd(node: AnchoredNode | TableRow): number {
    return this.unitSpan(node).end - (this.input.source.charAt(this.unitSpan(node).end - 1) === '\n' ? 1 : 0);
  }

  private bodyStart(): number {
    const first = this.input.doc.body.find((b) => b.pos);
    return first?.pos ? lineStart(this.input.source, first.pos.start.offset) : this.input.source.length;
  }

  /** A new block as Markdown. */
  private blockMarkdown(unit: Unit, cursor: Cursor): string {
    const texts = unit.paragraphs.map((p) => this.flat(p.runs, 'edited'));
    const inline = (t: FlatText, inTable = false): string => inlineMarkdown(t, 0, t.text.length, PLAIN_FORMAT, { ...this.writer, inTable }).trim();
    const text = texts[0] ?? { text: '', formats: [], notes: [] };
    switch (unit.kind) {
      case 'heading':
        return `${'#'.repeat(unit.level ?? 2)} ${inline(cut(text, generatedPrefix(text.text, true)))}`;
      case 'item':
        return `${this.marker(unit, cursor)}${inline(text)}`;
      case 'row':
        return `| ${texts.map((t) => inline(t, true)).join(' | ')} |`;
      case 'code':
        return `\`\`\`\n${text.text}\n\`\`\``;
      case 'quote':
        return `> ${inline(text)}`;
      case 'paragraph':
      case 'figure':
      case 'caption':
        return escapeBlockStart(inline(text));
    }
  }

  /** A new list item's marker: the one of the item before it, else `-` or `1.`. */
  private marker(unit: Unit, cursor: Cursor): string {
    const previous = cursor.previous;
    if (previous?.kind === 'item' && previous.node?.pos) {
      const line = this.input.source.slice(lineStart(this.input.source, previous.node.pos.start.offset));
      const m = /^(\s*)([-*+]|(\d+)([.)]))(\s+)/.exec(line);
      if (m) return m[3] ? `${m[1]}${Number(m[3]) + 1}${m[4]}${m[5]}` : `${m[1]}${m[2]}${m[5]}`;
    }
    if (previous?.kind === 'item' && !previous.node) return previous.level === 1 ? '1. ' : '- ';
    const ordered = unit.paragraphs[0]?.list && !this.input.edited.bulletLists.has(unit.paragraphs[0].list.numId);
    unit.level = ordered ? 1 : 0;
    return ordered ? '1. ' : '- ';
  }

  // ---------------------------------------------------------------------------------------------
  // Notes

  private mergeNotes(): void {
    const referenced = new Set<string>();
    for (const p of [...this.input.edited.body, ...[...this.input.edited.notes.values()].flat()]) {
      for (const run of p.runs) if (run.note !== undefined) referenced.add(this.noteKey(run.note, 'edited'));
    }
    for (const [id, paragraphs] of this.input.edited.notes) {
      const key = this.editedNoteKeys.get(id) ?? '';
      if (!key.startsWith('new:')) {
        for (const p of paragraphs) {
          const anchor = this.anchorOf(p);
          const baseParagraph = anchor ? [...this.input.base.notes.values()].flat().find((b) => b.anchor === p.anchor) : undefined;
          if (anchor && baseParagraph) this.edits.push(...this.mergeParagraph(baseParagraph, p, anchor, this.writer).edits);
        }
      }
    }
    const lastNote = Math.max(-1, ...this.input.doc.footnotes.map((n) => n.pos?.end.offset ?? -1));
    const at = lastNote >= 0 ? lastNote : this.input.source.replace(/\s+$/, '').length;
    for (const [key, label] of this.newNotes) {
      const id = key.slice('new:'.length);
      const text = (this.input.edited.notes.get(id) ?? []).map((p) => inlineMarkdown(this.flat(p.runs, 'edited'), 0, this.flat(p.runs, 'edited').text.length, PLAIN_FORMAT, this.writer).trim()).join('\n\n    ');
      this.edits.push({ start: at, end: at, text: `\n\n[^${label}]: ${text}` });
    }
    for (const note of this.input.doc.footnotes) {
      if (!referenced.has(note.id) && note.pos) this.deleteUnit({ type: 'paragraph', pos: note.pos, children: [] });
    }
  }

  private noteLabel(key: string): string {
    if (!key.startsWith('new:')) {
      const note = this.input.doc.footnotes.find((n) => n.id === key);
      const label = note?.pos ? /^\[\^([^\]]+)\]/.exec(this.input.source.slice(note.pos.start.offset))?.[1] : undefined;
      return label ?? key;
    }
    let label = this.newNotes.get(key);
    if (!label) {
      const taken = new Set([...this.input.doc.footnotes.map((n) => n.id.toLowerCase()), ...this.newNotes.values()]);
      let n = this.input.doc.footnotes.length + this.newNotes.size + 1;
      while (taken.has(String(n))) n++;
      label = String(n);
      this.newNotes.set(key, label);
    }
    return label;
  }

  private noteKey(id: string, side: 'base' | 'edited'): string {
    const repeated = /^ref:_RefNote(\d+)$/.exec(id);
    if (repeated) return this.input.doc.footnotes.find((n) => n.number === Number(repeated[1]))?.id ?? id;
    if (side === 'base') return this.input.doc.footnotes.find((n) => String(n.number) === id)?.id ?? id;
    return this.editedNoteKeys.get(id) ?? `new:${id}`;
  }

  /** Runs as one text with a format per character, languages compared by their primary subtag. */
  private flat(runs: readonly Run[], side: 'base' | 'edited'): FlatText {
    const out: FlatText = { text: '', formats: [], notes: [] };
    for (const run of runs) {
      const lang = run.format.lang ? primary(run.format.lang) : undefined;
      const format: RunFormat = { ...run.format };
      delete format.lang;
      if (lang && lang !== this.docLanguage) format.lang = lang;
      for (let i = 0; i < run.text.length; i++) {
        out.formats.push(format);
        out.notes.push(run.note !== undefined ? this.noteKey(run.note, side) : undefined);
      }
      out.text += run.text;
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Findings: comments, revisions, what Markdown cannot hold, the plain-language version

  private report(units: Unit[]): void {
    let place = this.bodyStart();
    const visit = (p: WordParagraph, fallback: number): void => {
      const merged = this.merges.get(p);
      const at = (offset: number): number => (merged ? merged.merge.sourceAt(Math.max(0, offset - merged.prefix)) : fallback);
      for (const c of p.comments) {
        const comment = this.input.edited.comments.get(c.id);
        if (!comment) continue;
        this.find(at(c.offset), 'import-comment', `Word comment by ${comment.author || 'unknown'}: "${oneLine(comment.text)}"`,
          'comments are not part of the source: act on it here, then delete it in Word');
      }
      for (const r of p.revisions) {
        const what = r.kind === 'deletion' ? `deletion of "${oneLine(r.text ?? '')}"` : r.kind === 'paragraph' ? 'joined paragraphs' : r.kind;
        this.find(at(r.offset), 'import-revision', `tracked ${what} by ${r.author || 'unknown'}${r.date ? ` (${r.date.slice(0, 10)})` : ''} was accepted`,
          'the source now holds the accepted text; reject the change in Word and import again to undo it');
      }
      // The pictures the renderer wrote (a figure's, those in the text) are in the source already.
      let written = this.picturesOf(p);
      for (const u of p.unreadable) {
        if (u.what === 'a picture' && written-- > 0) continue;
        this.find(at(u.offset), 'import-unreadable', `${u.what} in Word cannot be carried into Markdown; it was left out`,
          'add it to the source by hand (a picture as ::figure{src=… alt=…})');
      }
    };
    for (const unit of units) {
      if (unit.node?.pos) place = unit.node.pos.start.offset;
      for (const p of unit.paragraphs) visit(p, place);
    }
    for (const paragraphs of this.input.edited.notes.values()) for (const p of paragraphs) visit(p, this.anchorOf(p)?.node.pos?.start.offset ?? place);
    this.plainVersionWarnings();
  }

  /** The cover and colophon come from the front matter: a change to them in Word is reported, not imported. */
  private frameEdits(): void {
    const frame = (body: readonly WordParagraph[]): string =>
      body
        .filter((p) => {
          const anchor = this.anchorOf(p);
          return !p.generated && !p.cell && (anchor ? !this.bodyNodes.has(anchor.node) : FRAME_STYLES.test(p.style));
        })
        .map((p) => p.runs.map((r) => r.text).join(''))
        .join('\n');
    if (frame(this.input.base.body) !== frame(this.input.edited.body)) {
      this.find(0, 'import-frame-ignored', 'the cover or colophon was changed in Word; they are made from the front matter, so the change was not imported',
        'change the title, subtitle, publisher or date in the front matter');
    }
  }

  /** A chapter with its own plain-language text that changed gets a warning at that text. */
  private plainVersionWarnings(): void {
    const body = this.input.doc.body;
    const starts = body.filter((b) => b.type === 'heading' && b.level === 1).map((b) => b.pos?.start.offset ?? 0);
    for (const block of body) {
      if (block.type !== 'plainText' || !block.pos) continue;
      const offset = block.pos.start.offset;
      const from = Math.max(0, ...starts.filter((s) => s <= offset));
      const to = Math.min(this.input.source.length, ...starts.filter((s) => s > offset));
      const changed = this.edits.some((e) => e.start < to && e.end >= from && !(e.start >= offset && e.end <= block.pos!.end.offset));
      if (changed) {
        this.find(offset, 'import-plain-outdated', 'the chapter this plain-language text summarises was changed in Word',
          'check that the :::klarsprak text still says what the chapter says');
      }
    }
  }

  private find(offset: number, rule: string, message: string, hint: string): void {
    this.findings.push({ rule, message, hint, offset });
  }

  /** The final edits: inside deleted blocks only the deletion counts; the rest in source order. */
  private settle(): Edit[] {
    // An insertion right after a deleted block stays; anything within one goes with it.
    const inside = (e: Edit): boolean => this.deletions.some((d) => d !== e && d.start <= e.start && e.end <= d.end && !(e.start === d.end && e.text));
    const kept = sortEdits([...this.deletions, ...this.edits].filter((e) => !inside(e)));
    const out: Edit[] = [];
    for (const e of kept) {
      const last = out.at(-1);
      if (last && e.start < last.end) continue;
      out.push(e);
    }
    return out;
  }
}

/** Where blocks go that are placed after the same block: the offset and their Markdown in order. */
interface Cursor {
  at: number;
  previous: Unit | undefined;
  group: string[];
}

function kindOfNode(node: AnchoredNode): Kind {
  switch (node.type) {
    case 'heading':
      return 'heading';
    case 'paragraph':
      return 'paragraph';
    case 'listItem':
      return 'item';
    case 'tableCell':
      return 'row';
    case 'code':
      return 'code';
    case 'figure':
      return 'figure';
    case 'table':
      return 'caption';
    default:
      return assertNever(node);
  }
}

/** The level of a paragraph in a Heading style. */
function headingLevel(p: WordParagraph): { level?: number } {
  const heading = /^heading (\d)$/.exec(p.style);
  return heading ? { level: Math.min(6, Math.max(1, Number(heading[1]))) } : {};
}

function kindOfStyle(p: WordParagraph): { kind: Kind; level?: number } {
  const { level } = headingLevel(p);
  if (level !== undefined) return { kind: 'heading', level };
  if (p.list) return { kind: 'item' };
  if (/quote/.test(p.style)) return { kind: 'quote' };
  if (/^code$|preformatted/.test(p.style)) return { kind: 'code' };
  if (/caption/.test(p.style)) return { kind: 'caption' };
  return { kind: 'paragraph' };
}

/** The inlines a bookmarked paragraph shows. */
function inlinesOf(node: AnchoredNode, caption: boolean): readonly Inline[] | undefined {
  switch (node.type) {
    case 'heading':
    case 'paragraph':
    case 'tableCell':
      return node.children;
    case 'listItem':
      return firstParagraph(node);
    case 'table':
    case 'figure':
      return caption ? node.caption : [];
    case 'code':
      return undefined;
    default:
      return assertNever(node);
  }
}

function firstParagraph(item: ListItem): readonly Inline[] | undefined {
  const first = item.children[0];
  return first?.type === 'paragraph' ? first.children : undefined;
}

/** The source range of a paragraph's text; a heading's `{#id}` or `{-}` stays outside it. */
function inlineRegion(inlines: readonly Inline[], source: string, chars: { start: number; end: number }[] | undefined): { start: number; end: number } {
  const start = inlines[0]?.pos?.start.offset ?? 0;
  let end = inlines.at(-1)?.pos?.end.offset ?? start;
  const attributes = /\s*\{[^{}]*\}\s*$/.exec(source.slice(start, end));
  if (attributes) end -= attributes[0].length;
  if (chars?.length) end = Math.max(end, chars.at(-1)?.end ?? end);
  return { start, end };
}

/** The length of a number Word shows before a heading's text ("5.2 "), if the text starts with one. */
function generatedPrefix(text: string, heading: boolean): number {
  if (!heading) return /^\t/.test(text) ? 1 : 0;
  return /^(\d{1,2}(\.\d{1,3})*\.?)[ \t]+/.exec(text)?.[0].length ?? 0;
}

function cut(text: FlatText, from: number): FlatText {
  return { text: text.text.slice(from), formats: text.formats.slice(from), notes: text.notes.slice(from) };
}

function unitText(unit: Unit): string {
  return unit.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n');
}

/** How alike two texts are: twice the shared words over all words (0–1). */
function similarity(a: string, b: string): number {
  const wa = a.split(/\s+/).filter(Boolean);
  const wb = b.split(/\s+/).filter(Boolean);
  if (wa.length + wb.length === 0) return 1;
  const same = diffArrays(wa, wb).filter((p) => !p.added && !p.removed).reduce((n, p) => n + (p.count ?? p.value.length), 0);
  return (2 * same) / (wa.length + wb.length);
}

/** Indices (into `order`) of the longest increasing run of defined values: the blocks that did not move. */
function longestInOrder(order: (number | undefined)[]): Set<number> {
  const tails: number[] = [];
  const previous = new Map<number, number>();
  for (let i = 0; i < order.length; i++) {
    const v = order[i];
    if (v === undefined) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((order[tails[mid] as number] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous.set(i, tails[lo - 1] as number);
    tails[lo] = i;
  }
  const out = new Set<number>();
  for (let i = tails.at(-1); i !== undefined; i = previous.get(i)) out.add(i);
  return out;
}

function primary(tag: string): string {
  try {
    return new Intl.Locale(tag).language;
  } catch {
    return tag.toLowerCase();
  }
}

/** The images in the text of these blocks. */
function imagesIn(blocks: readonly Block[]): number {
  let count = 0;
  walk(blocks, (node) => {
    if (node.type === 'inlineImage') count++;
  });
  return count;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}…` : flat;
}

