/**
 * Bookmark counts. pdfkit writes /Count only on open items, as the number of their children,
 * and none on the outline root; ISO 32000-1 (12.3.3, Tables 152 and 153) requires it on the root
 * (the visible items) and on every item with children: the visible descendants when open, their
 * negated number when closed. Without it pdf.js shows every level open.
 */

/** A pdfkit outline item (only the fields used here). */
interface KitOutline {
  options: { expanded?: boolean };
  outlineData: Record<string, unknown>;
  children: KitOutline[];
}

/** The part of a pdfkit document this module uses. */
interface OutlineDoc {
  outline: KitOutline;
  endOutline(): unknown;
}

/** Writes the counts before pdfkit ends the outline. */
export function countBookmarks(kit: object): void {
  const doc = kit as OutlineDoc;
  if (typeof doc.endOutline !== 'function') throw new Error('pdfkit endOutline is missing; the bookmark counts need it');
  const endOutline = doc.endOutline;
  doc.endOutline = function (this: OutlineDoc) {
    if (this.outline.children.length > 0) this.outline.outlineData['Count'] = shown(this.outline);
    for (const item of this.outline.children) count(item);
    return endOutline.call(this);
  };
}

/** Items shown below an item when it is open. */
function shown(item: KitOutline): number {
  return item.children.reduce((sum, child) => sum + 1 + (child.options.expanded ? shown(child) : 0), 0);
}

function count(item: KitOutline): void {
  if (item.children.length === 0) return;
  item.outlineData['Count'] = item.options.expanded ? shown(item) : -shown(item);
  // pdfkit would overwrite an open item's count with its number of children.
  item.options = { ...item.options, expanded: false };
  for (const child of item.children) count(child);
}
