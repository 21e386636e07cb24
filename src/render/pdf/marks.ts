/**
 * The marks the PDF layer attaches to pdfmake content, typed once. pdfmake carries unknown keys
 * through layout untouched, so the hooks (pdfmake-hooks.ts) read them back on laid-out nodes,
 * lines and inlines: which structure element a drawn piece belongs to, and what to keep together.
 */
import type { KeepProbe } from './keep.js';
import type { Tag } from './structure.js';

/** Marks on a content node or a drawn piece. */
export interface Marks {
  /** The structure element (or artifact) a drawn piece belongs to. */
  _rv?: Tag;
  /** Content that must start on the same page as this node (a heading's next block, a caption's table). */
  _rvKeep?: KeepProbe;
  /** A block set at the foot of its page (the probe measures it). */
  _rvAtFoot?: KeepProbe;
  /**
   * A paragraph: no single line of it alone at the top of a page, nor ('all') at the bottom; the
   * first paragraph of a list item leaves the bottom rule to its item ('end').
   */
  _rvLines?: 'all' | 'end';
  /** Forced line breaks in the paragraph. */
  _rvBreaks?: number;
  /** A list item (marker and body columns): its body's first two lines start on the same page. */
  _rvItem?: boolean;
  /** A table too wide for a portrait page: it gets a landscape page of its own. */
  _rvLandscape?: boolean;
}

/** A pdfmake content node (pdfmake's document-definition objects are otherwise untyped) with its marks. */
export type PdfNode = Marks & { [key: string]: unknown };
