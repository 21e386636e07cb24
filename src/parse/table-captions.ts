/**
 * Table captions as Pandoc and Quarto write them: a paragraph right before or after a table that
 * starts with `:` or `Table:`, optionally ending in a label (`: Deltakere {#tbl-deltakere}`).
 */
import type { Block, Inline, Paragraph, Table } from '../model/types.js';
import { assertNever } from '../model/assert-never.js';

const PREFIX = /^(?:Table)?:[ \t]+/;
const LABEL = /[ \t]*\{#([\p{L}\p{N}_-]+)\}[ \t]*$/u;

/** Moves caption paragraphs into the tables they name, under `blocks` and in every nested block list. */
export function attachTableCaptions(blocks: Block[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    descend(block);
    if (block.type !== 'table' || block.caption) continue;
    const after = blocks[i + 1];
    const before = blocks[i - 1];
    const caption = (after && captionOf(after)) ?? (before && captionOf(before));
    if (!caption) continue;
    take(block, caption.inlines, caption.id);
    blocks.splice(blocks.indexOf(caption.paragraph), 1);
    if (caption.paragraph === before) i--;
  }
}

function descend(block: Block): void {
  switch (block.type) {
    case 'list':
      for (const item of block.items) attachTableCaptions(item.children);
      return;
    case 'blockquote':
    case 'plainText':
      attachTableCaptions(block.children);
      return;
    case 'heading':
    case 'paragraph':
    case 'table':
    case 'figure':
    case 'code':
    case 'thematicBreak':
      return;
    default:
      assertNever(block);
  }
}

interface Caption {
  paragraph: Paragraph;
  inlines: Inline[];
  id?: string;
}

/** The caption a paragraph spells, or undefined when it is an ordinary paragraph. */
function captionOf(block: Block): Caption | undefined {
  if (block.type !== 'paragraph') return undefined;
  const first = block.children[0];
  if (first?.type !== 'text' || !PREFIX.test(first.value)) return undefined;
  const inlines = [...block.children];
  inlines[0] = { ...first, value: first.value.replace(PREFIX, '') };
  let id: string | undefined;
  const last = inlines.at(-1);
  const label = last?.type === 'text' ? LABEL.exec(last.value) : null;
  if (last?.type === 'text' && label) {
    id = label[1];
    inlines[inlines.length - 1] = { ...last, value: last.value.slice(0, label.index) };
  }
  const kept = inlines.filter((n) => n.type !== 'text' || n.value !== '');
  if (kept.length === 0) return undefined;
  return { paragraph: block, inlines: kept, ...(id ? { id } : {}) };
}

function take(table: Table, caption: Inline[], id: string | undefined): void {
  table.caption = caption;
  if (id) table.id = id;
}
