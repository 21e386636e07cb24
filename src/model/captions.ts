/**
 * Caption numbers ("Figur 2", "Tabell 1") belong to the document, like heading numbers: every
 * renderer and every cross-reference reads the same number instead of counting on its own.
 */
import type { Block } from './types.js';
import { assertNever } from './assert-never.js';

/**
 * Numbers the captioned figures and tables under `blocks` in document order. Plain-language
 * blocks (`:::klarsprak`) feed another document, so they count on their own.
 */
export function numberCaptions(blocks: readonly Block[]): void {
  const counters = { figure: 0, table: 0 };
  const visit = (nodes: readonly Block[]): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'figure':
        case 'table':
          if (node.caption) node.number = ++counters[node.type];
          break;
        case 'list':
          for (const item of node.items) visit(item.children);
          break;
        case 'blockquote':
          visit(node.children);
          break;
        case 'plainText':
          numberCaptions(node.children);
          break;
        case 'heading':
        case 'paragraph':
        case 'code':
        case 'thematicBreak':
          break;
        default:
          assertNever(node);
      }
    }
  };
  visit(blocks);
}
