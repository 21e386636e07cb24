/**
 * Tables: a real header row (`tblHeader`, repeated on every page, and table look `firstRow`),
 * rows that do not split across pages, in the house table style (horizontal rules only, as in a
 * printed report; see styles.ts). Spanning cells are `gridSpan` across and `vMerge` down.
 */
import { AlignmentType, Paragraph, Table, TableCell, TableRow, VerticalMergeType, WidthType } from 'docx';
import type { Align, Inline, Table as TableNode } from '../../model/types.js';
import { inlineText } from '../../model/text.js';
import { tableGrid, type PlacedCell, type TableGrid } from '../../model/table-grid.js';
import { renderInlines, type InlineContext } from './inlines.js';
import { captionParagraph } from './captions.js';
import { TEXT_WIDTH } from './page.js';
import { TABLE_STYLE } from './styles.js';

const ALIGN: Record<Exclude<Align, null>, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

/** The caption (above the table, as reports place table captions) and the table. */
export function renderTable(table: TableNode, label: string, ctx: InlineContext): (Paragraph | Table)[] {
  const grid = tableGrid(table);
  const widths = columnWidths(grid);
  const rows = grid.slots.map((slots, r) => {
    const headerRow = r < table.headerRows;
    const cells: TableCell[] = [];
    // One cell per cell covering the row: its own where it starts, a merged-on one under a cell spanning down.
    for (let c = 0; c < grid.columns; ) {
      const placed = slots[c] as PlacedCell;
      const { cell, colSpan, rowSpan } = placed;
      const starts = placed.row === r;
      const header = headerRow || cell.header;
      const align = table.align[c];
      cells.push(
        new TableCell({
          width: { size: sum(widths.slice(c, c + colSpan)), type: WidthType.DXA },
          ...(colSpan > 1 ? { columnSpan: colSpan } : {}),
          ...(rowSpan > 1 ? { verticalMerge: starts ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
          children: [
            new Paragraph({
              style: header ? 'TableHeading' : 'TableText',
              ...(align ? { alignment: ALIGN[align] } : {}),
              children: starts ? ctx.anchors.wrap(cell, renderInlines(cell.children, ctx)) : [],
            }),
          ],
        }),
      );
      c += colSpan;
    }
    return new TableRow({
      ...(headerRow ? { tableHeader: true } : {}),
      cantSplit: true,
      children: cells,
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
      // Rules, cell margins and the header row's look come from the house table style.
      style: TABLE_STYLE,
      tableLook: { firstRow: true, lastRow: false, firstColumn: false, lastColumn: false, noHBand: true, noVBand: true },
    }),
  );
  return out;
}

/**
 * Column widths in twips from the longest line in each column, so short columns stay narrow. A cell
 * spanning columns leaves their widths to the cells that do not.
 */
function columnWidths(grid: TableGrid): number[] {
  const longest = Array.from({ length: Math.max(1, grid.columns) }, () => 0);
  for (const { cell, column, colSpan } of grid.rows.flat()) {
    if (colSpan === 1) longest[column] = Math.max(longest[column] ?? 0, longestLine(cell.children));
  }
  const weights = longest.map((n) => Math.min(60, Math.max(6, n)));
  const total = sum(weights);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  widths[widths.length - 1] = (widths.at(-1) ?? 0) + TEXT_WIDTH - sum(widths);
  return widths;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
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
