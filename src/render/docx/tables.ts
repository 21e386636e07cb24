/**
 * Tables: a real header row (`tblHeader`, repeated on every page, and table look `firstRow`),
 * rows that do not split across pages, and horizontal rules only, as in a printed report.
 */
import { AlignmentType, BorderStyle, Paragraph, ShadingType, Table, TableCell, TableRow, WidthType } from 'docx';
import type { Align, Inline, Table as TableNode } from '../../model/types.js';
import { inlineText } from '../../model/text.js';
import { renderInlines, type InlineContext } from './inlines.js';
import { captionParagraph } from './captions.js';
import { TEXT_WIDTH } from './page.js';
import { wordColor } from '../shared/tokens.js';

const RULE = { style: BorderStyle.SINGLE, size: 8, color: wordColor('heading') };
const THIN = { style: BorderStyle.SINGLE, size: 4, color: wordColor('rule') };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const HEADER_FILL = wordColor('tableHeaderFill');

const ALIGN: Record<Exclude<Align, null>, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

/** The caption (above the table, as reports place table captions) and the table. */
export function renderTable(table: TableNode, label: string, ctx: InlineContext): (Paragraph | Table)[] {
  const widths = columnWidths(table);
  const rows = table.rows.map((row, r) => {
    const headerRow = r < table.headerRows;
    return new TableRow({
      ...(headerRow ? { tableHeader: true } : {}),
      cantSplit: true,
      children: widths.map((width, c) => {
        const cell = row.cells[c];
        const header = headerRow || cell?.header === true;
        const align = table.align[c];
        return new TableCell({
          width: { size: width, type: WidthType.DXA },
          ...(headerRow ? { shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } } : {}),
          children: [
            new Paragraph({
              style: header ? 'TableHeading' : 'TableText',
              ...(align ? { alignment: ALIGN[align] } : {}),
              children: cell ? ctx.anchors.wrap(cell, renderInlines(cell.children, ctx)) : [],
            }),
          ],
        });
      }),
    });
  });
  const out: (Paragraph | Table)[] = [];
  const caption = captionParagraph(table, label, ctx);
  if (caption) out.push(caption);
  out.push(
    new Table({
      rows,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      margins: { top: 40, bottom: 40, left: 100, right: 100 },
      tableLook: { firstRow: true, lastRow: false, firstColumn: false, lastColumn: false, noHBand: true, noVBand: true },
      borders: { top: RULE, bottom: RULE, insideHorizontal: THIN, left: NONE, right: NONE, insideVertical: NONE },
    }),
  );
  return out;
}

/** Column widths in twips from the longest line in each column, so short columns stay narrow. */
function columnWidths(table: TableNode): number[] {
  const columns = Math.max(1, ...table.rows.map((r) => r.cells.length));
  const weights = Array.from({ length: columns }, (_, c) => {
    const longest = Math.max(0, ...table.rows.map((r) => (r.cells[c] ? longestLine(r.cells[c].children) : 0)));
    return Math.min(60, Math.max(6, longest));
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  widths[widths.length - 1] = (widths.at(-1) ?? 0) + TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function longestLine(children: readonly Inline[]): number {
  // A break splits a cell into lines; the cell is as wide as its longest one needs.
  const lines: Inline[][] = [[]];
  for (const node of children) {
    if (node.type === 'break') lines.push([]);
    else lines.at(-1)?.push(node);
  }
  return Math.max(...lines.map((line) => inlineText(line).length));
}
