/** Offsets in a source text → line and column, by binary search over the line starts. */
import type { Point } from '../model/types.js';

/** Answers "which line and column is this offset" in O(log lines). */
export class SourceIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  /** The point at `offset`. */
  point(offset: number): Point {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.lineStarts[lo] ?? 0) + 1, offset };
  }

  /** The point at a line and column (columns past the line's end stay on it). */
  at(line: number, column: number): Point {
    const start = this.lineStarts[Math.min(line, this.lineStarts.length) - 1] ?? 0;
    return this.point(Math.min(this.text.length, start + column - 1));
  }

  /** The character at `offset`. */
  charAt(offset: number): string {
    return this.text.charAt(offset);
  }
}
