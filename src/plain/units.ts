/** The running text of blocks as units for LIX: one per paragraph, list item line, table cell. */
import type { Block } from '../model/types.js';
import { inlineText } from '../model/text.js';
import { assertNever } from '../model/assert-never.js';

/** Text units of blocks; headings, code and `plainText` blocks are not running text and are left out. */
export function textUnits(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        out.push(inlineText(block.children));
        break;
      case 'list':
        for (const item of block.items) out.push(...textUnits(item.children));
        break;
      case 'table':
        for (const row of block.rows) for (const cell of row.cells) out.push(inlineText(cell.children));
        break;
      case 'blockquote':
        out.push(...textUnits(block.children));
        break;
      case 'figure':
        if (block.caption) out.push(inlineText(block.caption));
        break;
      case 'heading':
      case 'code':
      case 'thematicBreak':
      case 'plainText':
        break;
      default:
        assertNever(block);
    }
  }
  return out.filter((u) => u.trim() !== '');
}
