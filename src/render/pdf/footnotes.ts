/**
 * Footnotes at the bottom of the page where they are referenced.
 *
 * pdfmake has no footnotes. While pdfmake places the lines of a page, the layout hooks
 * (pdfmake-hooks.ts) keep free at the bottom of the page the height of the notes referenced so
 * far, moving a line with a reference to the next page when its notes do not fit. After layout
 * each page's notes are drawn above the bottom margin. When a note did not fit after all (a
 * reference inside a table row, which pdfmake places as a whole), layout runs again with the
 * measured space kept from the start of that page; kept space only grows, so the passes settle.
 * A note too long for a share of the page continues at the foot of the next pages
 * (footnote-chunks.ts); its reference stays where it is.
 */
import type { Footnote } from '../../model/types.js';
import { FOOTNOTE_RULE_ARTIFACT, isStruct, StructNode, type StructType, type Tag } from './structure.js';
import type { BodyBottom, LayoutSession, MeasureOffPage } from './pdfmake-hooks.js';
import { blocks, inset, rule, type BlockContext } from './blocks.js';
import type { PdfNode } from './marks.js';
import { cloneContent } from './clone.js';
import { notePieces } from './footnote-chunks.js';

/** Space between the body text and the footnote rule. */
const GAP = 14;
/**
 * How far past the space pdfmake measured a page's last drawn piece may reach: a table's bottom
 * rule is stroked there, up to its width (1 pt) lower. Counting it as the body kept a note off
 * a page that has room for it in every pass, so the layout never settled.
 */
const DRAWN_OVERHANG = 1;
/** The most of a page's body one piece of a note may take. */
const PIECE_SHARE = 0.4;

/** Elements a Note cannot follow as a sibling: inline elements and the inner parts of a table. */
const INNER: ReadonlySet<StructType> = new Set(['Link', 'Span', 'Code', 'TR', 'TH', 'TD', 'THead', 'TBody', 'Caption']);

/** The block a reference stands in: its paragraph or heading; the whole table or figure for a cell or caption. */
function citingBlock(ref: StructNode): StructNode {
  let block = ref;
  while (block.parent && INNER.has(block.type)) block = block.parent;
  return block;
}

/** Registers footnotes as they are referenced and lays out each page's footnote area. */
export class FootnoteArea implements Omit<LayoutSession, 'content'> {
  private readonly notes = new Map<string, PdfNode>();
  /** The continuation pieces of long notes, by note id. */
  private readonly pieces = new Map<string, string[]>();
  private assigned: string[][] = [];
  private readonly reserved: number[] = [];
  /** Measured area heights by the notes' ids (without the gap above). */
  private readonly heights = new Map<string, number>();

  constructor(
    private readonly ctx: BlockContext,
    private readonly footnotes: ReadonlyMap<string, Footnote>,
    private readonly margins: [number, number, number, number],
  ) {}

  /**
   * Builds the Note for a footnote's first reference, placed right after the block that cites it
   * (read after the sentence, not inside it); the reference links to the note and back.
   */
  register(id: string, number: number, ref: StructNode): void {
    const footnote = this.footnotes.get(id);
    if (!footnote || this.notes.has(id)) return;
    const note = new StructNode('Note', { id: `fn-${id}` });
    note.footnoteArea = true;
    citingBlock(ref).follow(note);
    const back = note.add(new StructNode('Link'));
    back.link = { dest: `fnref-${id}`, contents: this.ctx.labels.backToReference };
    back.dest = `fn-${id}`;
    const indent = this.ctx.size * 1.8;
    const content = blocks(footnote.children, note, inset(this.ctx, indent));
    const last = content[content.length - 1];
    if (last) last['margin'] = [0, 0, 0, 0];
    const [first, ...more] = notePieces(content, {
      width: this.ctx.width - indent,
      size: this.ctx.size,
      lineHeight: this.ctx.theme.lineHeight,
      maxHeight: this.ctx.pageHeight * PIECE_SHARE,
    });
    this.notes.set(id, {
      columns: [
        {
          width: indent,
          text: [{ text: String(number), _rv: back, color: this.ctx.theme.colors.link, decoration: 'underline' }],
        },
        { width: '*', stack: first ?? [] },
      ],
      columnGap: 0,
      margin: [0, 0, 0, 4],
    });
    // The rest of a long note continues at the foot of the following pages.
    const ids = more.map((piece, i) => {
      const pieceId = `${id}\u0000${i + 1}`;
      this.notes.set(pieceId, { stack: piece, margin: [indent, 0, 0, 4] });
      return pieceId;
    });
    if (ids.length > 0) this.pieces.set(id, ids);
  }

  /** The continuation pieces of a note, in order (none for a note that fits a page). */
  continuations(id: string): readonly string[] {
    return this.pieces.get(id) ?? [];
  }

  /** Height kept free from the start of a page (0-based index) for its footnotes. */
  reserve(pageIndex: number): number {
    return this.reserved[pageIndex] ?? 0;
  }

  /** Footnotes first referenced by these tags, in order. */
  notesIn(tags: readonly (Tag | undefined)[]): string[] {
    const ids: string[] = [];
    for (const tag of tags) {
      const id = isStruct(tag) ? tag.footnoteRef : undefined;
      if (id !== undefined && this.notes.has(id) && !ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  /** Height the footnote area takes with these notes, the gap above it included; 0 for none. */
  areaHeight(ids: readonly string[], measure: MeasureOffPage): number {
    if (ids.length === 0) return 0;
    const key = ids.join(' ');
    let height = this.heights.get(key);
    if (height === undefined) {
      height = measure(this.areaAt(ids, 0));
      this.heights.set(key, height);
    }
    return height + GAP;
  }

  /**
   * Checks a finished layout: true when every page's notes fit below its body. Otherwise the
   * space the notes need is kept from the start of those pages in the next pass. Pages differ in
   * height: a wide table's page is landscape.
   */
  settle(notesByPage: string[][], bodyBottoms: readonly BodyBottom[], pageHeights: number[], measure: MeasureOffPage): boolean {
    let fits = true;
    notesByPage.forEach((ids, pageIndex) => {
      const need = this.areaHeight(ids, measure);
      const top = (pageHeights[pageIndex] ?? 0) - this.margins[3] - need;
      const body = bodyBottoms[pageIndex] ?? { drawn: 0, text: 0 };
      if (need <= 0 || body.drawn <= top + DRAWN_OVERHANG) return;
      const kept = this.reserved[pageIndex] ?? 0;
      // A page that already keeps the notes' height and whose text fits above them is left as it
      // is: what reaches lower is a rule. A table row broken at the foot of a page it continues on
      // draws its border there whatever space the page keeps, so keeping more never settled.
      if (kept >= need && body.text <= top + DRAWN_OVERHANG) return;
      fits = false;
      this.reserved[pageIndex] = Math.max(kept, need);
    });
    if (fits) this.assigned = notesByPage;
    return fits;
  }

  /**
   * The footnote area of a page (0-based index) `pageHeight` tall, in page coordinates, or null
   * when it has none. It keeps the width its notes were measured at, also on a landscape page.
   */
  area(pageIndex: number, pageHeight: number): PdfNode | null {
    const ids = this.assigned[pageIndex];
    if (!ids || ids.length === 0) return null;
    const height = this.heights.get(ids.join(' ')) ?? 0;
    return this.areaAt(ids, pageHeight - this.margins[3] - height);
  }

  private areaAt(ids: readonly string[], top: number): PdfNode {
    const [left, , right] = this.margins;
    const notes = ids.map((id) => cloneContent(this.notes.get(id) as PdfNode));
    return {
      stack: [rule(110, this.ctx.theme.colors.rule, [0, 0, 0, 6], FOOTNOTE_RULE_ARTIFACT), ...notes],
      fontSize: this.ctx.size,
      lineHeight: this.ctx.theme.lineHeight,
      color: this.ctx.theme.colors.text,
      margin: [left, top, right, 0],
    };
  }
}
