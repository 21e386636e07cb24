/**
 * A cheap scan for inline markup that would make micromark take minutes, run before remark sees
 * the text. Two shapes are quadratic in micromark:
 * - deep nesting: it resolves nested emphasis and brackets in time quadratic in their depth
 *   (4 000 nested `*a` take 10 seconds on 12 KB of text);
 * - markup that closes nothing: for every `*`, `_` or `]` that closes no opener, micromark walks
 *   back over the whole paragraph before it, and a link destination or title left open is read to
 *   the paragraph's end, again for every one (`a_ ` 40 000 times, 120 KB, took over a minute).
 * Real prose nests a handful of levels and closes what it opens. The scan follows paragraphs
 * (blank lines reset it, fenced code is skipped) and stops far above what real text does.
 */
import type { Point } from '../model/types.js';

/** Open emphasis markers or brackets per paragraph the scan lets through (the converter allows 32). */
export const MAX_SCANNED_INLINE_NESTING = 200;

/**
 * The characters micromark walks over for markup that closes nothing, summed over the document,
 * that the scan lets through: about a second of parsing.
 */
export const MAX_UNMATCHED_WALK = 50_000_000;

/** Where the text first goes past a limit, and by how much; undefined when it never does. */
export type InlineHazard =
  | { kind: 'deep'; at: Point; depth: number }
  | { kind: 'unmatched'; at: Point; count: number };

/** Scans `text` for inline markup nested too deep or closing nothing in bulk. */
export function findInlineHazard(text: string): InlineHazard | undefined {
  const scan = new ParagraphScan();
  let fence: string | undefined;
  let lineStart = 0;
  for (let line = 1; lineStart <= text.length; line++) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const content = text.slice(lineStart, lineEnd);
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(content)?.[1];
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    } else if (marker || content.trim() === '') {
      if (marker) fence = marker;
      const found = scan.end(lineStart);
      if (found) return found;
    } else {
      const found = scan.line(content, line, lineStart);
      if (found) return found;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return scan.end(text.length);
}

/** The markup of one paragraph so far, and the walk it costs micromark over the whole document. */
class ParagraphScan {
  private star = 0;
  private underscore = 0;
  private brackets = 0;
  /** Link destinations or titles opened with `](` and not closed, and where the first of them opened. */
  private openResources = 0;
  private resourceAt: Point | undefined;
  private start: number | undefined;
  private walked = 0;
  /** Closers without an opener and links left open, and where the first of them is. */
  private unmatched = 0;
  private firstUnmatched: Point | undefined;

  /** Scans one line of a paragraph; returns a hazard as soon as the nesting goes past its limit. */
  line(content: string, line: number, lineStart: number): InlineHazard | undefined {
    this.start ??= lineStart;
    for (let i = 0; i < content.length; i++) {
      const c = content[i] as string;
      const at = (): Point => ({ line, column: i + 1, offset: lineStart + i });
      if (c === '\\') {
        i++;
      } else if (c === '`') {
        // Skip an inline code span on this line: nothing inside it is markup.
        let run = 1;
        while (content[i + run] === '`') run++;
        const close = content.indexOf('`'.repeat(run), i + run);
        i = close === -1 ? i + run - 1 : close + run - 1;
      } else if (c === '[') {
        this.brackets++;
      } else if (c === ']') {
        if (this.brackets === 0) this.closesNothing(at(), lineStart + i);
        this.brackets = Math.max(0, this.brackets - 1);
        if (content[i + 1] === '(' && this.openResources++ === 0) this.resourceAt = at();
      } else if (c === ')') {
        this.openResources = Math.max(0, this.openResources - 1);
      } else if (c === '*' || c === '_') {
        let run = 1;
        while (content[i + run] === c) run++;
        const before = i === 0 ? ' ' : (content[i - 1] as string);
        const after = i + run >= content.length ? ' ' : (content[i + run] as string);
        const open = c === '*' ? 'star' : 'underscore';
        if (/\s/.test(before) && !/\s/.test(after)) this[open]++;
        else if (!/\s/.test(before) && /[\s\p{P}]/u.test(after)) {
          if (this[open] === 0) this.closesNothing(at(), lineStart + i);
          this[open] = Math.max(0, this[open] - 1);
        }
        i += run - 1;
      }
      const depth = Math.max(this.star, this.underscore, this.brackets);
      if (depth > MAX_SCANNED_INLINE_NESTING) return { kind: 'deep', at: at(), depth };
      const found = this.overWalk();
      if (found) return found;
    }
    return undefined;
  }

  /** Ends the paragraph at `offset`: each destination or title left open is read to here. */
  end(offset: number): InlineHazard | undefined {
    if (this.start !== undefined && this.openResources > 0) {
      this.walked += this.openResources * (offset - this.start);
      this.unmatched += this.openResources;
      this.firstUnmatched ??= this.resourceAt;
    }
    this.star = 0;
    this.underscore = 0;
    this.brackets = 0;
    this.openResources = 0;
    this.start = undefined;
    return this.overWalk();
  }

  private overWalk(): InlineHazard | undefined {
    return this.walked > MAX_UNMATCHED_WALK && this.firstUnmatched ? { kind: 'unmatched', at: this.firstUnmatched, count: this.unmatched } : undefined;
  }

  /** A closer with no opener: micromark walks back to the paragraph's start for it. */
  private closesNothing(at: Point, offset: number): void {
    this.walked += offset - (this.start ?? offset);
    this.unmatched++;
    this.firstUnmatched ??= at;
  }
}
