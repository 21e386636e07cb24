/**
 * The outline of a document as authors meant it: levels repaired (a body that starts at `##`
 * is lifted, a skipped level becomes the next one down), then numbered, then listed for the
 * table of contents. The PDF must never skip a level (Matterhorn 14-003), so this is repair,
 * not refusal.
 */
import type { Heading, TocEntry } from '../model/types.js';
import { inlineText } from '../model/text.js';
import type { DiagnosticSink } from '../diagnostics.js';

/** A converted heading, with whether `{-}` took it out of the numbering. */
export interface OutlineHeading {
  heading: Heading;
  unnumbered: boolean;
}

const TOC_DEPTH = 3;

/** Repairs levels, sets numbers down to `numbering` levels, and returns the table of contents. */
export function outlineHeadings(headings: readonly OutlineHeading[], numbering: number, sink: DiagnosticSink): TocEntry[] {
  repairLevels(headings.map((h) => h.heading), sink);
  return numberHeadings(headings, numbering);
}

/**
 * Each heading's level becomes its depth among the headings that enclose it as written: the
 * first heading is level 1 whatever it was written as, and a `####` right under a `##` becomes
 * the level below that `##`.
 */
function repairLevels(headings: readonly Heading[], sink: DiagnosticSink): void {
  const written: number[] = [];
  for (const heading of headings) {
    const level = heading.level;
    while (written.length > 0 && (written.at(-1) ?? 0) >= level) written.pop();
    const parent = written.at(-1);
    if (parent !== undefined && level > parent + 1) {
      sink.warn('heading-level-skipped', `heading level ${level} follows level ${parent}; it is treated as level ${parent + 1}`,
        heading.pos, `write it as ${'#'.repeat(parent + 1)} so every reader sees the same outline`);
    }
    written.push(level);
    heading.level = Math.min(6, written.length) as Heading['level'];
  }
}

function numberHeadings(headings: readonly OutlineHeading[], numbering: number): TocEntry[] {
  const counters = [0, 0, 0, 0, 0, 0, 0];
  // Subsections of an unnumbered heading stay unnumbered; a heading at or above its level ends that.
  let unnumberedLevel = 7;
  const toc: TocEntry[] = [];
  for (const { heading, unnumbered } of headings) {
    const level = heading.level;
    if (level <= unnumberedLevel) unnumberedLevel = 7;
    if (unnumbered) {
      unnumberedLevel = level;
    } else if (level <= numbering && unnumberedLevel === 7) {
      counters[level] = (counters[level] ?? 0) + 1;
      for (let l = level + 1; l < counters.length; l++) counters[l] = 0;
      heading.number = counters.slice(1, level + 1).join('.');
    }
    const text = inlineText(heading.children).trim();
    const number = heading.number;
    if (level <= TOC_DEPTH) toc.push({ id: heading.id, level, text, ...(number ? { number } : {}) });
  }
  return toc;
}
