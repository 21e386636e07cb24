/**
 * Heights of pdfmake nodes estimated before layout, from the bundled fonts' advance widths: the
 * text, stacks, columns (lists) and tables (code, quotes, boxes, data tables) blocks.ts makes.
 * Footnotes are cut into page-sized pieces before pdfmake lays them out (footnote-chunks.ts).
 */
import type { PdfNode } from './marks.js';
import type { PdfInline } from './inlines.js';
import { LINE_EM, textEm } from './text-measure.js';

/** Widths are estimates (no kerning, no line-break slack): lines are counted generously. */
export const SLACK = 1.15;

/** The type a block sets or inherits from the block around it. */
export interface Type {
  size: number;
  lineHeight: number;
  bold: boolean;
  mono: boolean;
}

export function runEm(text: string, run: PdfInline, type?: Type): number {
  return textEm(text, run.bold ?? type?.bold ?? false, run.font !== undefined || type?.mono === true);
}


/**
 * Lines text in a block takes `width` wide: each of its lines (code has many) is one line where
 * it fits, as in a table column sized to its text, else counted generously.
 */
function setLines(runs: readonly PdfInline[], width: number, type: Type): number {
  let lines = 0;
  let em = 0;
  const close = (): void => {
    const points = em * type.size;
    lines += points <= width ? 1 : Math.ceil((points * SLACK) / width);
    em = 0;
  };
  for (const run of runs) {
    for (const [i, part] of run.text.split('\n').entries()) {
      if (i > 0) close();
      em += runEm(part, run, type);
    }
  }
  close();
  return lines;
}

/**
 * The estimated height in points of a block laid out `width` wide, margins included, or undefined
 * for one that holds what cannot be estimated (a picture). It reads the pdfmake nodes blocks.ts
 * makes: text, stacks, columns (lists) and tables (code, quotes, boxes, data tables).
 */
export function blockHeight(node: PdfNode, width: number, outer: Type): number | undefined {
  const type = typeOf(node, outer);
  const text = node['text'];
  let inner: number | undefined;
  if (typeof text === 'string' || Array.isArray(text)) {
    const runs = typeof text === 'string' ? [{ text } as PdfInline] : (text as PdfInline[]);
    inner = setLines(runs, Math.max(1, width), type) * type.size * LINE_EM * type.lineHeight;
  } else if (Array.isArray(node['stack'])) {
    inner = sumOf((node['stack'] as PdfNode[]).map((child) => blockHeight(child, width, type)));
  } else if (Array.isArray(node['columns'])) {
    inner = columnsHeight(node['columns'] as PdfNode[], width, type);
  } else if (isTable(node['table'])) {
    inner = tableHeight(node['table'], node['layout'], width, type);
  }
  if (inner === undefined) return undefined;
  const margin = node['margin'];
  const [, top = 0, , bottom = 0] = Array.isArray(margin) ? (margin as number[]) : typeof margin === 'number' ? [0, margin, 0, margin] : [];
  return inner + top + bottom;
}

/** The type a block sets, else the one around it. */
export function typeOf(node: PdfNode, outer: Type): Type {
  return {
    size: typeof node['fontSize'] === 'number' ? node['fontSize'] : outer.size,
    lineHeight: typeof node['lineHeight'] === 'number' ? node['lineHeight'] : outer.lineHeight,
    bold: typeof node['bold'] === 'boolean' ? node['bold'] : outer.bold,
    mono: node['font'] !== undefined || outer.mono,
  };
}

function sumOf(heights: readonly (number | undefined)[]): number | undefined {
  let sum = 0;
  for (const h of heights) {
    if (h === undefined) return undefined;
    sum += h;
  }
  return sum;
}

/** Widths of columns or table columns: numbers as given, the rest share what is left. */
export function shareWidths(widths: readonly unknown[], width: number): number[] {
  const fixed = widths.reduce<number>((sum, w) => sum + (typeof w === 'number' ? w : 0), 0);
  const flexible = widths.filter((w) => typeof w !== 'number').length;
  const share = flexible > 0 ? Math.max(1, (width - fixed) / flexible) : 0;
  return widths.map((w) => (typeof w === 'number' ? w : share));
}

function columnsHeight(columns: readonly PdfNode[], width: number, type: Type): number | undefined {
  const widths = shareWidths(columns.map((c) => c['width']), width);
  let tallest = 0;
  for (const [i, column] of columns.entries()) {
    const h = blockHeight(column, widths[i] ?? width, type);
    if (h === undefined) return undefined;
    tallest = Math.max(tallest, h);
  }
  return tallest;
}

export interface TableShape {
  widths?: unknown[];
  body: PdfNode[][];
  headerRows?: number;
  keepWithHeaderRows?: number;
}

export function isTable(value: unknown): value is TableShape {
  return typeof value === 'object' && value !== null && Array.isArray((value as { body?: unknown }).body);
}

/** A cell padding from a table layout (functions of the row or column index in pdfmake). */
export function padding(layout: unknown, side: 'paddingLeft' | 'paddingRight' | 'paddingTop' | 'paddingBottom'): number {
  const fn = typeof layout === 'object' && layout !== null ? (layout as Record<string, unknown>)[side] : undefined;
  const value: unknown = typeof fn === 'function' ? (fn as (i: number) => unknown)(0) : undefined;
  // pdfmake's default layout pads cells by 4 pt on each side.
  return typeof value === 'number' ? Math.max(0, value) : 4;
}

/**
 * Rows one under another, each as tall as its tallest cell plus its padding and a rule. As in
 * pdfmake, column widths are the cells' text widths: the padding comes on top of them.
 */
function tableHeight(table: TableShape, layout: unknown, width: number, type: Type): number | undefined {
  const columns = table.body[0]?.length ?? 0;
  const across = padding(layout, 'paddingLeft') + padding(layout, 'paddingRight');
  const widths = shareWidths(table.widths ?? Array.from({ length: columns }, () => '*'), width - across * columns);
  const down = padding(layout, 'paddingTop') + padding(layout, 'paddingBottom') + 1;
  let height = 0;
  for (const row of table.body) {
    let tallest = 0;
    for (const [c, cell] of row.entries()) {
      const span = typeof cell['colSpan'] === 'number' ? cell['colSpan'] : 1;
      // A cell spanning columns also has the padding between them.
      const cellWidth = widths.slice(c, c + span).reduce((sum, w) => sum + w, 0) + across * (span - 1);
      const h = blockHeight(cell, cellWidth, type);
      if (h === undefined) return undefined;
      tallest = Math.max(tallest, h);
    }
    height += tallest + down;
  }
  return height;
}
