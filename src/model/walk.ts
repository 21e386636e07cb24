/** Visiting every node of the model in document order, without recursion (no stack limits). */
import type { Block, Inline, ReportDocument } from './types.js';
import { assertNever } from './assert-never.js';

/** A model node as the walker hands it out. */
export type Node = Block | Inline;

/** Calls `visit` for every block and inline under `blocks`, in document order. */
export function walk(blocks: readonly Block[], visit: (node: Node) => void): void {
  const stack: Node[] = [...blocks].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    visit(node);
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
  }
}

/** Walks the body, then the footnotes, of a document. */
export function walkDocument(doc: ReportDocument, visit: (node: Node) => void): void {
  walk(doc.body, visit);
  for (const note of doc.footnotes) walk(note.children, visit);
}

function childrenOf(node: Node): readonly Node[] {
  switch (node.type) {
    case 'list':
      return node.items.flatMap((item) => item.children);
    case 'table':
      return [...(node.caption ?? []), ...node.rows.flatMap((row) => row.cells.flatMap((cell) => cell.children))];
    case 'figure':
      return node.caption ?? [];
    case 'admonition':
      return [...(node.title ?? []), ...node.children];
    case 'code':
    case 'thematicBreak':
    case 'text':
    case 'inlineCode':
    case 'break':
    case 'footnoteRef':
    case 'crossRef':
    case 'inlineImage':
      return [];
    case 'heading':
    case 'paragraph':
    case 'blockquote':
    case 'plainText':
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'superscript':
    case 'subscript':
    case 'link':
    case 'lang':
      return node.children;
    default:
      return assertNever(node);
  }
}
