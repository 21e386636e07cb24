/**
 * Tables: a heading in every column of a header row, and a width that fits a page. A table
 * without a header row (its first row was empty) was warned about when it was read.
 */
import type { DiagnosticSink } from '../diagnostics.js';
import { inlineText } from '../model/text.js';
import { tableGrid } from '../model/table-grid.js';
import { walkContent, type CheckedContent } from './content.js';

/**
 * Widest table without a warning; wider ones are set in small type on a landscape page with
 * words broken anywhere, which is hard to read on paper and by a screen reader.
 */
export const MAX_TABLE_COLUMNS = 20;

/** Reports header cells without text and too many columns. */
export function checkTables(doc: CheckedContent, sink: DiagnosticSink): void {
  walkContent(doc, (node) => {
    if (node.type !== 'table') return;
    const header = node.headerRows > 0 ? node.rows[0] : undefined;
    const { columns } = tableGrid(node);
    if (columns > MAX_TABLE_COLUMNS) {
      sink.warn('table-too-wide', `the table has ${columns} columns; more than ${MAX_TABLE_COLUMNS} are hard to read on a page`, node.pos,
        'split it into several tables, or turn rows into columns');
    }
    // Cells with no place in the source fill out a ragged HTML table, which was warned about when it was read.
    const empty = (header?.cells ?? []).filter((cell) => cell.pos && inlineText(cell.children).trim() === '');
    for (const cell of empty) {
      sink.error('table-header-empty', 'a column heading is empty', cell.pos,
        'write a heading for this column (e.g. "Område"); screen readers announce it with every cell');
    }
  });
}
