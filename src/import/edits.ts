/** Source edits: byte ranges of the Markdown source replaced by new text, applied all at once. */

/** Replace source [start, end) (UTF-16 offsets) with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Orders edits by place; at one place, in the order they were made. */
export function sortEdits(edits: readonly Edit[]): Edit[] {
  return edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i).map((x) => x.e);
}

/** Applies non-overlapping edits (sorted by `sortEdits`). */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += source.slice(at, edit.start) + edit.text;
    at = Math.max(at, edit.end);
  }
  return out + source.slice(at);
}

/** Where an offset of the source lands after the edits. */
export function shiftOffset(edits: readonly Edit[], offset: number): number {
  let shift = 0;
  for (const edit of edits) {
    if (edit.start > offset || (edit.start === offset && edit.end > offset)) break;
    shift += edit.text.length - (Math.min(edit.end, offset) - edit.start);
  }
  return offset + shift;
}


/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset after the line break that ends the line holding `offset` (or the end of the text). */
export function afterLine(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end + 1;
}

/** The offset after the line holding `offset` and the blank lines that follow it. */
export function afterBlankLines(text: string, offset: number): number {
  let at = afterLine(text, offset);
  while (at < text.length) {
    const next = afterLine(text, at);
    if (text.slice(at, next).trim() !== '') break;
    at = next;
  }
  return at;
}
