/** Tables: a header row with a heading in every column, and a width that fits a page. */
import type { DiagnosticSink } from '../diagnostics.js';
import { inlineText } from '../model/text.js';
import { walkContent, type CheckedContent } from './content.js';

/**
 * Widest table without a warning; wider ones are set in small type on a landscape page with
 * words broken anywhere, which is hard to read on paper and by a screen reader.
 */
export const MAX_TABLE_COLUMNS = 20;

/** Reports tables without column headings, header cells without text, and too many columns. */
export function checkTables(doc: CheckedContent, sink: DiagnosticSink): void {
  walkContent(doc, (node) => {
    if (node.type !== 'table') return;
    const header = node.headerRows > 0 ? node.rows[0] : undefined;
    const columns = Math.max(0, ...node.rows.map((row) => row.cells.length));
    if (columns > MAX_TABLE_COLUMNS) {
      sink.warn('table-too-wide', `the table has ${columns} columns; more than ${MAX_TABLE_COLUMNS} are hard to read on a page`, node.pos,
        'split it into several tables, or turn rows into columns');
    }
    const empty = (header?.cells ?? []).filter((cell) => inlineText(cell.children).trim() === '');
    if (!header || empty.length === header.cells.length) {
      sink.error('table-header-missing', 'the table has no header row: its first row is empty', node.pos,
        'write a heading for each column in the first row; screen readers announce it with every cell');
      return;
    }
    for (const cell of empty) {
      sink.error('table-header-empty', 'a column heading is empty', cell.pos ?? node.pos,
        'write a heading for this column (e.g. "Område"); screen readers announce it with every cell');
    }
  });
}
