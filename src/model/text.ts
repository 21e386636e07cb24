/** Plain-text views of model nodes, shared by checks, renderers and the plain-language version. */
import type { Block, Inline } from './types.js';
import { assertNever } from './assert-never.js';

/** The visible text of inlines; footnote references contribute nothing, breaks a space. */
export function inlineText(inlines: readonly Inline[]): string {
  return inlineTextWith(inlines, ' ');
}

/** What a screen reader announces for inlines: their text, with each image's alt text in its place (a link's name). */
export function spokenText(inlines: readonly Inline[]): string {
  return inlineTextWith(inlines, ' ', true);
}

/** The visible text of inlines, with `breakAs` for each forced line break; with `alt`, images speak their alt text. */
export function inlineTextWith(inlines: readonly Inline[], breakAs: string, alt = false): string {
  let out = '';
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out += node.value;
        break;
      case 'break':
        out += breakAs;
        break;
      case 'footnoteRef':
        break;
      case 'inlineImage':
        // Alt text stands in for the picture; it is not text on the page.
        if (alt && !node.decorative) out += node.alt;
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
        out += inlineTextWith(node.children, breakAs, alt);
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
      case 'admonition':
        parts.push(inlineText(block.title ?? []), blockText(block.children));
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
