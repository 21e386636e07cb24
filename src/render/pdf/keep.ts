/**
 * Keeping things together across page breaks: a heading never ends a page, it goes with at
 * least the first two lines of what follows it. The same probes place a block at the foot of
 * its page.
 *
 * Each heading carries a probe: a copy of the heading (and of any headings right after it) and
 * of the start of the next block. At layout time (pdfmake-hooks.ts) the probe is laid out off
 * the page once per width; when the space left on the page is less than the probe needs, the
 * heading moves to the next page.
 */
import { isStruct, type Tag } from './structure.js';
import type { PdfNode } from './marks.js';
import { cloneContent } from './clone.js';

/** How many lines of the following block a heading is kept with. */
export const KEEP_LINES = 2;

/** What a heading must keep on its page, measured lazily by the layout hooks. */
export class KeepProbe {
  /** Measured heights by available width (the same probe is measured once per width). */
  readonly heights = new Map<number, number>();

  constructor(
    /** Template content: the heading chain and the start of the next block (cloned to measure). */
    readonly content: PdfNode,
    /** Lines of what follows to keep (Infinity: the whole probe). */
    readonly lines: number,
  ) {}

  /** A copy of the content to lay out (pdfmake mutates what it lays out). */
  fresh(): PdfNode {
    return cloneContent(this.content);
  }

  /** True for lines that belong to what follows the headings. */
  counts(tag: Tag | undefined): boolean {
    for (let node = isStruct(tag) ? tag : undefined; node; node = node.parent) {
      if (/^H[1-6]$/.test(node.type)) return false;
    }
    return true;
  }
}

/** A block laid out at the foot of its page: the probe measures all of it. */
export function atFoot(nodes: PdfNode[]): PdfNode {
  // Space below the last block would push the block onto a page of its own.
  const last = nodes[nodes.length - 1];
  if (last && Array.isArray(last['margin'])) last['margin'] = [...(last['margin'] as number[]).slice(0, 3), 0];
  return { stack: nodes, _rvAtFoot: new KeepProbe({ stack: nodes }, Infinity) };
}

/** A probe that keeps the starts of `parts` together (a table caption with the table's first rows). */
export function keepStarts(parts: readonly PdfNode[]): KeepProbe {
  return new KeepProbe({ stack: parts.map(lead) }, Infinity);
}

/** Attaches a keep probe to every heading in a list of sibling content nodes. */
export function keepHeadingsWithNext(nodes: readonly PdfNode[]): void {
  nodes.forEach((node, index) => {
    if (node['headlineLevel'] === undefined) return;
    const chain: PdfNode[] = [node];
    let next = index + 1;
    while (nodes[next]?.['headlineLevel'] !== undefined && nodes[next]?.['pageBreak'] === undefined) {
      chain.push(nodes[next] as PdfNode);
      next++;
    }
    const following = nodes[next];
    if (!following || following['pageBreak'] !== undefined) return;
    // Tables, figures and captioned blocks start with a part that cannot break: keep all of it.
    const whole = following['table'] !== undefined || following['unbreakable'] === true || following._rvKeep !== undefined;
    const content = { stack: [...chain.map(withoutKeep), lead(following)] };
    node._rvKeep = new KeepProbe(content, whole ? Infinity : KEEP_LINES);
  });
}

/**
 * Keeps a label (the first line of a box) on its page with the first lines of what follows it in
 * the box; `wrap` makes the box around them, so the probe has the box's padding and width.
 */
export function keepLabelWithNext(label: PdfNode, next: PdfNode, wrap: (blocks: PdfNode[]) => PdfNode): KeepProbe {
  const whole = next['table'] !== undefined || next['unbreakable'] === true || next._rvKeep !== undefined;
  // The label's own line counts among the kept lines.
  return new KeepProbe(wrap([label, lead(next)]), whole ? Infinity : KEEP_LINES + 1);
}

/** Keeps a block on its page with the start of the block after it, moving it on when they do not fit. */
export function keepWithNext(node: PdfNode, next: PdfNode): void {
  node['_rvKeep'] = new KeepProbe({ stack: [withoutKeep(node), lead(next)] }, Infinity);
}

function withoutKeep(node: PdfNode): PdfNode {
  const copy = { ...node };
  delete copy._rvKeep;
  delete copy['pageBreak'];
  return copy;
}

/** The start of a block: its first line-bearing part, enough to hold the first lines. */
export function lead(node: PdfNode): PdfNode {
  const probe = node._rvKeep;
  if (probe && !Number.isFinite(probe.lines)) return probe.content;
  if (Array.isArray(node['stack'])) {
    const first = (node['stack'] as PdfNode[])[0];
    return { ...node, stack: first ? [lead(first)] : [] };
  }
  if (Array.isArray(node['columns'])) return { ...node, columns: (node['columns'] as PdfNode[]).map(lead) };
  const table = node['table'] as { body: PdfNode[][]; headerRows?: number } | undefined;
  if (table) {
    const kept = (table.headerRows ?? 0) + 1;
    // A cell spanning down past the kept rows spans only as far as they go.
    const rows = table.body.slice(0, kept).map((row, r) => row.map((cell) => lead(spanWithin(cell, kept - r))));
    return { ...node, table: { ...table, body: rows } };
  }
  return node;
}

function spanWithin(cell: PdfNode, rows: number): PdfNode {
  return typeof cell['rowSpan'] === 'number' && cell['rowSpan'] > rows ? { ...cell, rowSpan: rows } : cell;
}
