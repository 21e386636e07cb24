/** Positions: model spans from mdast nodes, points inside source text, short quotes of source. */
import type { Node } from 'mdast';
import type { Point, Span } from '../model/types.js';

/** The model span of an mdast node. */
export function span(node: Node): Span | undefined {
  const p = node.position;
  if (!p) return undefined;
  return {
    start: { line: p.start.line, column: p.start.column, offset: p.start.offset ?? 0 },
    end: { line: p.end.line, column: p.end.column, offset: p.end.offset ?? 0 },
  };
}

/** The point `count` UTF-16 units into `raw`, a piece of source that begins at `start`. */
export function advance(raw: string, start: Point, count: number): Point {
  let { line, column } = start;
  for (let i = 0; i < count; i++) {
    if (raw[i] === '\n') {
      line++;
      column = 1;
    } else {
      column++;
    }
  }
  return { line, column, offset: start.offset + count };
}

/** A piece of source on one line, at most 40 characters, for quoting in a message. */
export function abbreviate(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 40 ? `${one.slice(0, 37)}…` : one;
}

/** Line and column of an offset in `text` (one pass over the lines before it). */
export function pointAt(text: string, offset: number): Point {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}
