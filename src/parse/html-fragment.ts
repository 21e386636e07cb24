/**
 * Raw HTML as mdast hands it over: one tag per inline node, or a block that stops at a blank
 * line, with Markdown between the pieces. The pieces are joined into one HTML fragment, the
 * Markdown nodes in between standing in as `<rv-slot>` elements, and parsed with a real HTML
 * parser (hast), so `<b>` in one node and `</b>` three nodes later pair up as a browser pairs them.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Root as HastRoot, Nodes as HastNodes } from 'hast';
import type { Node as MdNode } from 'mdast';
import type { Span } from '../model/types.js';
import type { SourceIndex } from './source-index.js';

/** The element that stands for the Markdown node `nodes[i]` inside the fragment. */
export const SLOT = 'rv-slot';

/** A parsed fragment, and the way back from its offsets to the Markdown source. */
export interface HtmlFragment {
  tree: HastRoot;
  /** The fragment text (for quoting tags literally). */
  text: string;
  /** The source span of a hast node; undefined when positions are unknown. */
  span(node: HastNodes): Span | undefined;
  /** The source offset of a fragment offset. */
  sourceOffset(offset: number): number | undefined;
}

interface Chunk {
  /** Where the chunk starts in the fragment. */
  at: number;
  length: number;
  /** Where it starts in the source, when known. */
  source: number | undefined;
}

/** Joins html nodes and slots for the other nodes into one fragment and parses it. */
export function parseFragment<N extends MdNode>(nodes: readonly N[], separator: string, index: SourceIndex | undefined): HtmlFragment {
  let text = '';
  const chunks: Chunk[] = [];
  nodes.forEach((node, i) => {
    if (i > 0) text += separator;
    const piece = node.type === 'html' ? (node as unknown as { value: string }).value : `<${SLOT} data-i="${i}"></${SLOT}>`;
    chunks.push({ at: text.length, length: piece.length, source: node.position?.start.offset });
    text += piece;
  });
  const tree = fromHtml(text, { fragment: true });
  const sourceOffset = (offset: number): number | undefined => {
    // The last chunk starting at or before `offset`, by binary search: a fragment may hold every block of a document.
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((chunks[mid]?.at ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const chunk = chunks[lo];
    if (chunk?.source === undefined) return undefined;
    return chunk.source + Math.min(offset - chunk.at, chunk.length);
  };
  const span = (node: HastNodes): Span | undefined => {
    const p = node.position;
    if (!index || p?.start.offset === undefined || p.end.offset === undefined) return undefined;
    const start = sourceOffset(p.start.offset);
    const end = sourceOffset(p.end.offset);
    if (start === undefined || end === undefined) return undefined;
    return { start: index.point(start), end: index.point(Math.max(start, end)) };
  };
  return { tree, text, span, sourceOffset };
}
