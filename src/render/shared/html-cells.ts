/** A table cell as HTML states it, for the report page and the plain-language page alike. */
import type { Table } from '../../model/types.js';
import { headerScope, type PlacedCell } from '../../model/table-grid.js';

/** The cell's tag and its `scope`, `colspan` and `rowspan` attributes (each with a leading space). */
export function htmlCell(table: Table, placed: PlacedCell): { tag: 'th' | 'td'; attributes: string } {
  const { cell, row, colSpan, rowSpan } = placed;
  const header = cell.header || row < table.headerRows;
  const attributes = [
    header ? ` scope="${headerScope(cell, row, table)}"` : '',
    colSpan > 1 ? ` colspan="${colSpan}"` : '',
    rowSpan > 1 ? ` rowspan="${rowSpan}"` : '',
  ].join('');
  return { tag: header ? 'th' : 'td', attributes };
}
