/**
 * Hidden bookmarks that tie each Word paragraph to the model block it was made from, so that
 * `rapportverk import` can map an editor's paragraphs back to their source without guessing from
 * the text. Word hides bookmarks whose names start with `_`, and keeps them through editing.
 * Names are numbered in render order: the same source renders the same names.
 */
import { Bookmark, type ParagraphChild } from 'docx';
import type { Code, Figure, Heading, ListItem, Paragraph, Table, TableCell } from '../../model/types.js';

/** A model node that gets a paragraph of its own in the DOCX. Tables and figures anchor their captions. */
export type AnchoredNode = Heading | Paragraph | ListItem | TableCell | Code | Figure | Table;

/** What a bookmark points at: the node, and whether the paragraph is its caption. */
export interface Anchor {
  node: AnchoredNode;
  caption: boolean;
}

/** The prefix of block bookmark names. */
export const ANCHOR_PREFIX = '_rv';

/** Gives out bookmark names and remembers which node each one stands for. */
export class BlockAnchors {
  readonly byName = new Map<string, Anchor>();

  /** Wraps a paragraph's children in the node's bookmark. */
  wrap(node: AnchoredNode, children: ParagraphChild[], caption = false): ParagraphChild[] {
    const name = `${ANCHOR_PREFIX}${this.byName.size + 1}`;
    this.byName.set(name, { node, caption });
    return [new Bookmark({ id: name, children })];
  }
}
