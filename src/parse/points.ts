/** Positions inside source text: line and column from offsets. */
import type { Point } from '../model/types.js';

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
