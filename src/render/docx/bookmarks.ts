/**
 * Bookmark names for the ids of headings and labelled figures and tables. Word only keeps names
 * of at most 40 letters, digits and underscores that start with a letter, so `#id` links,
 * cross-references and the table of contents go through here.
 */
import type { Block } from '../../model/types.js';
import { walk } from '../../model/walk.js';

const MAX_LENGTH = 40;
/** Letters that do not decompose into a base letter and an accent. */
const SPELLED: Record<string, string> = { ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', ß: 'ss', đ: 'd', Đ: 'D', ŋ: 'n', Ŋ: 'N', ł: 'l', Ł: 'L', ŧ: 't', Ŧ: 'T' };

/** Maps every heading, figure and table id under `blocks` to a unique, Word-safe bookmark name. */
export function bookmarkNames(blocks: readonly Block[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  walk(blocks, (node) => {
    const id = node.type === 'heading' || node.type === 'figure' || node.type === 'table' ? node.id : undefined;
    if (id === undefined || names.has(id)) return;
    const ascii = id.replace(/[øØæÆßđĐŋŊłŁŧŦ]/g, (c) => SPELLED[c] ?? c).normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    const base = `h_${ascii.replace(/[^A-Za-z0-9]+/g, '_')}`
      .replace(/_+$/, '')
      .slice(0, MAX_LENGTH);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base.slice(0, MAX_LENGTH - String(n).length - 1)}_${n}`;
    taken.add(name);
    names.set(id, name);
  });
  return names;
}
