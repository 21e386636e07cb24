/**
 * Footnotes at the bottom of the page where they are referenced.
 *
 * pdfmake has no footnotes. Each page's footnotes are laid out as part of that page's
 * background, anchored to the bottom margin, and the layout keeps the same height free at the
 * bottom of the page. Which notes land on which page is only known after layout, so layout runs
 * in passes (see pdfmake-hooks.ts) until every note sits on the page of its first reference.
 * Reserved space only grows between passes, so the passes settle.
 */
import type { Footnote } from '../../model/types.js';
import { FOOTNOTE_RULE_ARTIFACT, isStruct, StructNode, type Tag } from './structure.js';
import { blocks, rule, type BlockContext, type PdfNode } from './blocks.js';
import { cloneContent } from './clone.js';

/** Space between the body text and the footnote rule. */
const GAP = 14;

/** Registers footnotes as they are referenced and lays out each page's footnote area. */
export class FootnoteArea {
  private readonly notes = new Map<string, PdfNode>();
  private assigned = new Map<number, string[]>();
  private readonly reserved: number[] = [];
  private readonly heights = new Map<string, number>();

  constructor(
    private readonly ctx: BlockContext,
    private readonly footnotes: ReadonlyMap<string, Footnote>,
    private readonly page: { height: number; margins: [number, number, number, number] },
  ) {}

  /** Builds the Note for a footnote's first reference, placed right after the reference. */
  register(id: string, number: number, ref: StructNode): void {
    const footnote = this.footnotes.get(id);
    if (!footnote || this.notes.has(id)) return;
    const note = new StructNode('Note', { id: `fn-${id}` });
    note.footnoteArea = true;
    ref.follow(note);
    const back = note.add(new StructNode('Link'));
    back.link = { dest: `fnref-${id}`, contents: this.ctx.labels.backToReference };
    back.dest = `fn-${id}`;
    const content = blocks(footnote.children, note, this.ctx);
    const last = content[content.length - 1];
    if (last) last['margin'] = [0, 0, 0, 0];
    this.notes.set(id, {
      columns: [
        {
          width: this.ctx.size * 1.8,
          text: [{ text: String(number), _rv: back, color: this.ctx.theme.colors.link, decoration: 'underline' }],
        },
        { width: '*', stack: content },
      ],
      columnGap: 0,
      margin: [0, 0, 0, 4],
    });
  }

  /** Height kept free at the bottom of a page (0-based index). */
  reserve(pageIndex: number): number {
    return this.reserved[pageIndex] ?? 0;
  }

  /** The footnote area of a page (0-based index), or null when the page has no footnotes. */
  areaFor(pageIndex: number): PdfNode | null {
    const ids = this.assigned.get(pageIndex);
    if (!ids || ids.length === 0) return null;
    const height = this.heights.get(ids.join(' ')) ?? 0;
    const top = this.page.height - this.page.margins[3] - height;
    return this.area(ids, top);
  }

  /** Compares where references landed with where notes were drawn; true when they agree. */
  settle(tagsByPage: Tag[][], measure: (content: object) => number): boolean {
    const actual = new Map<number, string[]>();
    tagsByPage.forEach((tags, pageIndex) => {
      for (const tag of tags) {
        if (!isStruct(tag) || !tag.footnoteRef || !this.notes.has(tag.footnoteRef)) continue;
        const ids = actual.get(pageIndex) ?? [];
        if (!ids.includes(tag.footnoteRef)) ids.push(tag.footnoteRef);
        actual.set(pageIndex, ids);
      }
    });
    if (sameAssignment(actual, this.assigned)) return true;
    for (const [pageIndex, ids] of actual) {
      const key = ids.join(' ');
      let height = this.heights.get(key);
      if (height === undefined) {
        height = measure(this.area(ids, 0));
        this.heights.set(key, height);
      }
      this.reserved[pageIndex] = Math.max(this.reserved[pageIndex] ?? 0, height + GAP);
    }
    this.assigned = actual;
    return false;
  }

  private area(ids: string[], top: number): PdfNode {
    const [left, , right] = this.page.margins;
    const notes = ids.map((id) => cloneContent(this.notes.get(id) as PdfNode));
    return {
      stack: [rule(110, this.ctx.theme.colors.rule, [0, 0, 0, 6], FOOTNOTE_RULE_ARTIFACT), ...notes],
      fontSize: this.ctx.size,
      lineHeight: this.ctx.theme.lineHeight,
      color: this.ctx.theme.colors.text,
      margin: [left, top, right, 0],
      style: 'rvFurniture',
    };
  }
}

function sameAssignment(a: Map<number, string[]>, b: Map<number, string[]>): boolean {
  if (a.size !== b.size) return false;
  for (const [page, ids] of a) {
    const other = b.get(page);
    if (!other || other.join(' ') !== ids.join(' ')) return false;
  }
  return true;
}
