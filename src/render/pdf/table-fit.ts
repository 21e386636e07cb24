/**
 * Column widths for a table from its content, the way browsers size automatic tables: each
 * column gets at least its widest unbreakable piece and at most its widest line. A table whose
 * pieces do not fit gets smaller type, down to a readable minimum, and then a landscape page;
 * past that, words break anywhere. Nothing is ever wider than the page.
 */
import { textEm } from './text-measure.js';

/** A cell as text lines (forced breaks split lines), whether it is set in bold, and the columns it covers. */
export interface CellText {
  lines: string[];
  bold: boolean;
  column: number;
  colSpan: number;
}

/** Where the table may go and how small its type may get. */
export interface FitLimits {
  /** Width available on a portrait page. */
  width: number;
  /** Width available on a landscape page, when the table may turn. */
  landscapeWidth?: number;
  /** Type size to use when the table fits. */
  size: number;
  /** The smallest type size a reader can be given. */
  minSize: number;
  /** Height of a page's body: a row that may come near it is allowed to split. */
  pageHeight: number;
  /** Line height in em. */
  lineEm: number;
}

/** How the table is set. */
export interface TableFit {
  /** Content width of each column, padding excluded. */
  widths: number[];
  size: number;
  /** Cell padding left and right. */
  padding: number;
  landscape: boolean;
  /** Rows may split across pages (some row could be taller than a page). */
  breakRows: boolean;
}

/** A piece longer than this (in em) breaks anywhere rather than widening its column. */
const LONGEST_PIECE_EM = 10;
/** Kerning is not measured; widths keep this much to spare. */
const SLACK = 1.03;
const SIZE_STEP = 0.5;

/** Where a long word or address may break: after these characters (and at spaces). */
const PIECES = /[^\s/\-.?]*[/\-.?]*/g;

interface ColumnEm {
  min: number;
  max: number;
}

/** Sets a table of `columns` columns holding `cells` within `limits`. */
export function fitTable(cells: readonly CellText[], columns: number, limits: FitLimits): TableFit {
  const ems = measureColumns(cells, columns);
  const padding = columns > 8 ? 3 : 6;
  const pads = columns * padding * 2;
  const options = [
    { width: limits.width, landscape: false },
    ...(limits.landscapeWidth ? [{ width: limits.landscapeWidth, landscape: true }] : []),
  ];
  const minEm = sum(ems.map((c) => c.min));
  for (const option of options) {
    for (let size = limits.size; size >= limits.minSize; size -= SIZE_STEP) {
      if (minEm * size + pads <= option.width) return finish(cells, ems, option.width - pads, size, padding, option.landscape, limits);
    }
  }
  // Even the smallest type on the widest page is too wide: words break anywhere.
  const widest = options[options.length - 1] as (typeof options)[number];
  return finish(cells, ems, widest.width - pads, limits.minSize, padding, widest.landscape, limits);
}

/**
 * Each column's least and greatest width. Cells in one column measure it; then, as browsers do, a
 * cell spanning columns widens those it spans, evenly, where together they are narrower than it.
 */
function measureColumns(cells: readonly CellText[], columns: number): ColumnEm[] {
  const ems = Array.from({ length: columns }, (): ColumnEm => ({ min: 0, max: 0 }));
  for (const cell of cells.filter((c) => c.colSpan === 1)) {
    const em = ems[cell.column];
    if (!em) continue;
    const { min, max } = measureCell(cell);
    em.min = Math.max(em.min, min);
    em.max = Math.max(em.max, max);
  }
  for (const cell of [...cells].filter((c) => c.colSpan > 1).sort((a, b) => a.colSpan - b.colSpan)) {
    const spanned = ems.slice(cell.column, cell.column + cell.colSpan);
    const { min, max } = measureCell(cell);
    const minShort = min - sum(spanned.map((e) => e.min));
    const maxShort = max - sum(spanned.map((e) => e.max));
    for (const em of spanned) {
      if (minShort > 0) em.min += minShort / spanned.length;
      if (maxShort > 0) em.max += maxShort / spanned.length;
    }
  }
  return ems.map(({ min, max }) => ({ min, max: Math.max(min, max) }));
}

function measureCell(cell: CellText): ColumnEm {
  let min = 0;
  let max = 0;
  for (const line of cell.lines) {
    max = Math.max(max, textEm(line, cell.bold) * SLACK);
    for (const piece of line.match(PIECES) ?? []) {
      if (piece) min = Math.max(min, Math.min(LONGEST_PIECE_EM, textEm(piece, cell.bold) * SLACK));
    }
  }
  return { min, max };
}

function finish(
  cells: readonly CellText[],
  ems: readonly ColumnEm[],
  room: number,
  size: number,
  padding: number,
  landscape: boolean,
  limits: FitLimits,
): TableFit {
  const min = ems.map((c) => c.min * size);
  const max = ems.map((c) => c.max * size);
  const minSum = sum(min);
  const maxSum = sum(max);
  let widths: number[];
  if (minSum >= room) {
    widths = min.map((w) => (minSum > 0 ? (w / minSum) * room : room / min.length));
  } else if (maxSum <= room) {
    // Everything fits on one line per cell; the spare width goes to the widest column.
    widths = [...max];
    const widest = max.indexOf(Math.max(...max));
    widths[widest] = (widths[widest] ?? 0) + room - maxSum;
  } else {
    widths = shareRoom(min, max, room);
  }
  return { widths, size, padding, landscape, breakRows: mayOutgrowPage(cells, widths, size, limits) };
}

/**
 * Widths when the columns cannot all have their widest line. A column whose widest line fits in
 * an equal share of the room left keeps it, so short entries (times, numbers, names) never wrap;
 * the other columns share what remains as CSS's automatic table layout does, each getting its
 * least width plus the same part of what it would need more.
 */
function shareRoom(min: readonly number[], max: readonly number[], room: number): number[] {
  const whole = new Set<number>();
  let left = room;
  for (let grew = true; grew; ) {
    grew = false;
    const fair = left / (max.length - whole.size);
    max.forEach((w, i) => {
      if (!whole.has(i) && w <= fair) {
        whole.add(i);
        left -= w;
        grew = true;
      }
    });
  }
  const rest = max.map((_, i) => i).filter((i) => !whole.has(i));
  const restMin = sum(rest.map((i) => min[i] ?? 0));
  const restMax = sum(rest.map((i) => max[i] ?? 0));
  // Keeping the short columns whole must still leave the others their least widths.
  if (restMin > left) return shareRoom(min, max.map((w, i) => (whole.has(i) ? min[i] ?? w : w)), room);
  const share = restMax > restMin ? (left - restMin) / (restMax - restMin) : 0;
  return max.map((w, i) => (whole.has(i) ? w : (min[i] ?? 0) + (w - (min[i] ?? 0)) * share));
}

/** True when some cell could come near a page in height at these widths. */
function mayOutgrowPage(cells: readonly CellText[], widths: readonly number[], size: number, limits: FitLimits): boolean {
  const lineHeight = size * limits.lineEm;
  return cells.some((cell) => {
    const width = Math.max(1, sum(widths.slice(cell.column, cell.column + cell.colSpan)));
    const lines = sum(cell.lines.map((line) => Math.max(1, Math.ceil((textEm(line, cell.bold) * size * SLACK) / width))));
    return lines * lineHeight > limits.pageHeight * 0.4;
  });
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
