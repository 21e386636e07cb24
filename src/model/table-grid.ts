/**
 * The grid of a table whose cells may span columns and rows. A row lists the cells that start in
 * it, left to right, as HTML writes them; each goes in the first slot of its row that no cell
 * from above covers, as the HTML table algorithm places it. The renderers lay tables out from
 * `tableGrid`, which relies on one invariant: every slot of the rectangle is covered by exactly one
 * cell. `regularGrid` makes any rows an author wrote hold it, and says what it had to change.
 */
import type { HeaderScope, Table, TableCell, TableRow } from './types.js';

/** A cell where it sits: the row and column of its top left slot, and the columns and rows it covers. */
export interface PlacedCell {
  cell: TableCell;
  row: number;
  column: number;
  colSpan: number;
  rowSpan: number;
}

/** A table laid out on its grid. */
export interface TableGrid {
  columns: number;
  /** Each row's own cells, in order, with their places. */
  rows: PlacedCell[][];
  /** `slots[r][c]`: the cell covering that slot (it may start above or to the left of it). */
  slots: PlacedCell[][];
}

/**
 * What did not fit the grid: a cell spanning over a cell spanning down from above, a cell spanning
 * down past its row group (the header rows, or the body), or a row shorter than the widest.
 */
export interface GridRepair {
  kind: 'overlap' | 'past-group' | 'short-row';
  row: TableRow;
  cell?: TableCell;
}

type TableShape = Pick<Table, 'rows' | 'headerRows'>;

/** The table on its grid; the table must hold the grid invariant (see `regularGrid`). */
export function tableGrid(table: TableShape): TableGrid {
  const { grid, repairs } = layOut(table, false);
  if (repairs.length > 0) throw new Error(`table grid invariant broken: ${repairs.map((r) => r.kind).join(', ')}`);
  return grid;
}

/**
 * Makes the rows hold the grid invariant, losing no cell: spans that run over other cells or out of
 * their row group are cut short, and short rows get empty cells at their end.
 */
export function regularGrid(table: TableShape): GridRepair[] {
  return layOut(table, true).repairs;
}

/** What a header cell heads: what the author said, else its column in a header row and its row in the body. */
export function headerScope(cell: TableCell, row: number, table: Pick<Table, 'headerRows'>): HeaderScope {
  return cell.scope ?? (row < table.headerRows ? 'col' : 'row');
}

/** A filler for a slot no cell covers. */
function emptyCell(): TableCell {
  return { type: 'tableCell', header: false, children: [] };
}

/** Sets a span, leaving it out when it is 1, as cells that do not span are written. */
function setSpan(cell: TableCell, key: 'colSpan' | 'rowSpan', value: number): void {
  if (value > 1) cell[key] = value;
  else delete cell[key];
}

/** Places the cells; with `fix`, spans are cut and rows padded where they break the invariant. */
function layOut(table: TableShape, fix: boolean): { grid: TableGrid; repairs: GridRepair[] } {
  const { rows, headerRows } = table;
  const repairs: GridRepair[] = [];
  const slots: PlacedCell[][] = rows.map(() => []);
  const placedRows: PlacedCell[][] = [];
  const place = (row: TableRow, r: number, cell: TableCell, from: number): number => {
    const line = slots[r] as PlacedCell[];
    let c = from;
    while (line[c]) c++;
    const wantColumns = cell.colSpan ?? 1;
    let colSpan = 1;
    while (colSpan < wantColumns && !line[c + colSpan]) colSpan++;
    if (colSpan < wantColumns) repairs.push({ kind: 'overlap', row, cell });
    const groupEnd = r < headerRows ? headerRows : rows.length;
    const wantRows = cell.rowSpan ?? 1;
    const rowSpan = Math.min(wantRows, groupEnd - r);
    if (rowSpan < wantRows) repairs.push({ kind: 'past-group', row, cell });
    if (fix) {
      setSpan(cell, 'colSpan', colSpan);
      setSpan(cell, 'rowSpan', rowSpan);
    }
    const placed: PlacedCell = { cell, row: r, column: c, colSpan, rowSpan };
    for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) (slots[r + dr] as PlacedCell[])[c + dc] = placed;
    (placedRows[r] as PlacedCell[]).push(placed);
    return c + colSpan;
  };
  rows.forEach((row, r) => {
    placedRows.push([]);
    let c = 0;
    for (const cell of row.cells) c = place(row, r, cell, c);
  });
  const columns = Math.max(0, ...slots.map((line) => line.length));
  rows.forEach((row, r) => {
    const line = slots[r] as PlacedCell[];
    // Holes can only be at a row's end (or beside cells from above): fillers go in from the left.
    const holes = Array.from({ length: columns }, (_, c) => c).filter((c) => !line[c]);
    if (holes.length === 0) return;
    repairs.push({ kind: 'short-row', row });
    for (const c of holes) {
      const filler = emptyCell();
      if (fix) row.cells.push(filler);
      place(row, r, filler, c);
    }
  });
  return { grid: { columns, rows: placedRows, slots }, repairs };
}
