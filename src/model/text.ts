/** Plain-text views of model nodes, shared by checks, renderers and the plain-language version. */
import type { Block, Inline } from './types.js';
import { assertNever } from './assert-never.js';

/** The visible text of inlines; footnote references contribute nothing, breaks a space. */
export function inlineText(inlines: readonly Inline[]): string {
  let out = '';
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out += node.value;
        break;
      case 'break':
        out += ' ';
        break;
      case 'footnoteRef':
        break;
      case 'crossRef':
        out += node.text;
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'superscript':
      case 'subscript':
      case 'link':
      case 'lang':
        out += inlineText(node.children);
        break;
      default:
        assertNever(node);
    }
  }
  return out;
}

/** The visible text of blocks, one paragraph per line; `plainText` blocks are left out. */
export function blockText(blocks: readonly Block[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        parts.push(inlineText(block.children));
        break;
      case 'list':
        for (const item of block.items) parts.push(blockText(item.children));
        break;
      case 'table':
        for (const row of block.rows) parts.push(row.cells.map((c) => inlineText(c.children)).join(' '));
        break;
      case 'figure':
        parts.push([block.alt, block.caption ? inlineText(block.caption) : ''].filter(Boolean).join(' '));
        break;
      case 'blockquote':
        parts.push(blockText(block.children));
        break;
      case 'code':
        parts.push(block.value);
        break;
      case 'thematicBreak':
      case 'plainText':
        break;
      default:
        assertNever(block);
    }
  }
  return parts.filter((p) => p !== '').join('\n');
}
