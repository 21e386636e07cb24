/**
 * Long footnotes in page-sized pieces. A note taller than a share of a page is cut into
 * pieces, at block boundaries or between words of a paragraph; the first piece goes to the page
 * of the reference and each further piece to the foot of the next page, as word processors do.
 * Pieces keep their runs' structure tags, so the note reads as one in the tag tree. Other blocks
 * (code, tables, lists, quotes, boxes) go whole into a piece they fit, by an estimate of their
 * height; one taller than a piece is cut between its lines, rows or blocks.
 */
import type { PdfNode } from './marks.js';
import type { PdfInline } from './inlines.js';
import { LINE_EM } from './text-measure.js';
import { blockHeight, isTable, padding, runEm, shareWidths, SLACK, typeOf, type TableShape, type Type } from './block-height.js';

/** The measure and type of the note area, and the most a piece may take of a page. */
export interface PieceLimits {
  width: number;
  size: number;
  lineHeight: number;
  maxHeight: number;
}

/** Splits a note's blocks into pieces no taller than `limits.maxHeight` (by estimate). */
export function notePieces(blocks: readonly PdfNode[], limits: PieceLimits): PdfNode[][] {
  const unit = limits.size * LINE_EM * limits.lineHeight;
  const maxLines = Math.max(3, Math.floor(limits.maxHeight / unit));
  const fit: Fit = { width: limits.width, unit, type: { size: limits.size, lineHeight: limits.lineHeight, bold: false, mono: false } };
  const pieces: PdfNode[][] = [[]];
  let used = 0;
  const add = (node: PdfNode, lines: number): void => {
    (pieces[pieces.length - 1] as PdfNode[]).push(node);
    used += lines;
  };
  const next = (): void => {
    pieces.push([]);
    used = 0;
  };
  for (const block of blocks) {
    const runs = paragraphRuns(block);
    if (runs) {
      const lines = linesOf(runs, limits);
      if (used + lines <= maxLines) {
        add(block, lines);
        continue;
      }
      // A paragraph that does not fit what is left: cut it between words.
      for (const part of cutRuns(runs, maxLines - used, maxLines, limits)) {
        if (used >= maxLines) next();
        add({ ...block, text: part.runs }, part.lines);
      }
      continue;
    }
    // Other blocks go whole to the next piece when they fit one; a taller one is cut where it
    // can be, else it takes a piece of its own (a block that cannot be estimated, a picture, too).
    const lines = linesOfBlock(block, fit);
    const parts = lines > maxLines ? cutBlock(block, maxLines - used, maxLines, fit) : undefined;
    for (const part of parts ?? [block]) {
      const partLines = parts ? linesOfBlock(part, fit) : lines;
      if (used > 0 && used + partLines > maxLines) next();
      add(part, partLines);
    }
  }
  return pieces.filter((piece) => piece.length > 0);
}

/** The measure and type blocks are estimated in, and the height of one line of the note. */
interface Fit {
  width: number;
  type: Type;
  unit: number;
}

/** A block's estimated height in the note's lines; Infinity for one that cannot be estimated. */
function linesOfBlock(block: PdfNode, fit: Fit): number {
  const height = blockHeight(block, fit.width, fit.type);
  return height === undefined ? Infinity : Math.ceil(height / fit.unit);
}

/** Where a block may be cut: its parts in order, and how to make a block of some of them. */
interface Cuts {
  atoms: PdfNode[];
  /** A block holding `atoms`, the `index`th part of the cut block. */
  wrap(atoms: PdfNode[], index: number): PdfNode;
  /** The measure the atoms are laid out in. */
  fit: Fit;
}

/**
 * Cuts a block taller than a piece into parts of at most `first` lines, then `rest` lines each
 * (by estimate): code between its lines, a table between its rows, a stack (a table with its
 * caption, the content of a quote or a box) between its blocks, and a block in it too tall for a
 * piece in turn. Undefined for a block that cannot be cut (a list item, a picture, a single row).
 */
function cutBlock(block: PdfNode, first: number, rest: number, fit: Fit): PdfNode[] | undefined {
  const cuts = cutsOf(block, fit);
  if (!cuts) return undefined;
  const parts: PdfNode[] = [];
  let group: PdfNode[] = [];
  let budget = first;
  const linesWith = (atoms: PdfNode[]): number => linesOfBlock(cuts.wrap(atoms, parts.length), fit);
  const close = (): void => {
    if (group.length > 0) parts.push(cuts.wrap(group, parts.length));
    group = [];
    budget = rest;
  };
  for (const atom of cuts.atoms) {
    if (linesWith([...group, atom]) <= budget) {
      group.push(atom);
      continue;
    }
    const left = budget - (group.length > 0 ? linesWith(group) : 0);
    const pieces = linesOfBlock(atom, cuts.fit) > rest ? cutBlock(atom, left, rest, cuts.fit) : undefined;
    for (const [i, piece] of (pieces ?? [atom]).entries()) {
      if (i > 0 || linesWith([...group, piece]) > budget) close();
      group.push(piece);
    }
  }
  close();
  return parts;
}

function cutsOf(block: PdfNode, fit: Fit): Cuts | undefined {
  const type = typeOf(block, fit.type);
  const stack = block['stack'];
  if (Array.isArray(stack) && stack.length > 0) {
    // A keep names blocks of the whole stack; a part keeps nothing (notes are laid out off the page).
    const { _rvKeep: _keep, ...rest } = block;
    return { atoms: stack as PdfNode[], wrap: (atoms) => ({ ...rest, stack: atoms }), fit: { ...fit, type } };
  }
  const table = block['table'];
  if (!isTable(table)) return undefined;
  const [row, ...more] = table.body;
  const cell = row?.[0];
  if (row && cell && row.length === 1 && more.length === 0) return cellCuts(block, table, cell, { ...fit, type });
  // Header rows go with the first part only: repeated, they would be read twice.
  const headerRows = table.headerRows ?? 0;
  if (table.body.length - headerRows < 2) return undefined;
  const head = table.body.slice(0, headerRows);
  return {
    atoms: table.body.slice(headerRows).map((cells) => ({ table: { ...table, headerRows: 0, body: [cells] }, layout: block['layout'] })),
    wrap: (atoms, index) => ({
      ...block,
      table: {
        ...table,
        headerRows: index === 0 ? headerRows : 0,
        keepWithHeaderRows: index === 0 ? (table.keepWithHeaderRows ?? 0) : 0,
        body: [...(index === 0 ? head : []), ...atoms.map((atom) => (atom['table'] as TableShape).body[0] as PdfNode[])],
      },
    }),
    fit: { ...fit, type },
  };
}

/** The content of a one-cell table (code, a quote, a box): code between lines, the rest between blocks. */
function cellCuts(block: PdfNode, table: TableShape, cell: PdfNode, fit: Fit): Cuts | undefined {
  const across = padding(block['layout'], 'paddingLeft') + padding(block['layout'], 'paddingRight');
  const inner: Fit = { ...fit, width: shareWidths(table.widths ?? ['*'], fit.width - across)[0] ?? fit.width, type: typeOf(cell, fit.type) };
  const inCell = (content: PdfNode): PdfNode => ({ ...block, table: { ...table, body: [[content]] } });
  const text = cell['text'];
  const [run, ...others] = Array.isArray(text) ? (text as PdfInline[]) : [];
  if (run && others.length === 0) {
    // Code: one run of lines.
    if (!run.text.includes('\n')) return undefined;
    return {
      atoms: run.text.split('\n').map((line) => ({ ...cell, text: [{ ...run, text: line }] })),
      wrap: (atoms) => inCell({ ...cell, text: [{ ...run, text: atoms.map((a) => (a['text'] as PdfInline[])[0]?.text ?? '').join('\n') }] }),
      fit: inner,
    };
  }
  const stack = cell['stack'];
  if (!Array.isArray(stack) || stack.length === 0) return undefined;
  return { atoms: stack as PdfNode[], wrap: (atoms) => inCell({ ...cell, stack: atoms }), fit: inner };
}

function paragraphRuns(block: PdfNode): PdfInline[] | undefined {
  const text = block['text'];
  return Array.isArray(text) ? (text as PdfInline[]) : undefined;
}

/** Lines a paragraph's `runs` take `limits.width` wide, counted generously. */
function linesOf(runs: readonly PdfInline[], limits: { width: number; size: number }): number {
  let lines = 1;
  let em = 0;
  for (const run of runs) {
    if (run.text === '\n') {
      lines += Math.ceil((em * limits.size * SLACK) / limits.width);
      em = 0;
      continue;
    }
    em += runEm(run.text, run);
  }
  return lines + Math.ceil((em * limits.size * SLACK) / limits.width);
}

/** Cuts runs into parts of at most `first` lines, then `rest` lines each, between words. */
function cutRuns(runs: readonly PdfInline[], first: number, rest: number, limits: PieceLimits): { runs: PdfInline[]; lines: number }[] {
  const parts: { runs: PdfInline[]; lines: number }[] = [];
  let current: PdfInline[] = [];
  let budget = Math.max(1, first) * limits.width;
  let used = 0;
  const close = () => {
    if (current.length === 0) return;
    parts.push({ runs: current, lines: Math.ceil(used / limits.width) });
    current = [];
    used = 0;
    budget = rest * limits.width;
  };
  for (const run of runs) {
    for (const word of run.text.match(/\S*\s*|\n/g) ?? []) {
      if (!word) continue;
      const width = word === '\n' ? limits.width : runEm(word, run) * limits.size * SLACK;
      if (used + width > budget && current.length > 0) close();
      const last = current[current.length - 1];
      if (last && last._rv === run._rv && sameStyle(last, run)) last.text += word;
      else current.push({ ...run, text: word });
      used += width;
    }
  }
  close();
  return parts;
}

function sameStyle(a: PdfInline, b: PdfInline): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('text');
  return [...keys].every((key) => a[key as keyof PdfInline] === b[key as keyof PdfInline]);
}
