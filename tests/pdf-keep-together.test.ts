/**
 * Headings are kept with what follows them: no page ends with a heading, and the block after a
 * heading shows at least its first two lines (or all of it) below the heading. Paragraphs leave
 * no single line alone at the bottom or the top of a page.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { fixturesDir, reportPath } from './helpers/paths.js';
import { renderFixture } from './helpers/pdf-render.js';
import { readPdf, type StructElem } from './helpers/pdf-read.js';
import { readLines, type TextLine, type TextRun } from './helpers/pdf-lines.js';

const headingsFixture = join(fixturesDir, 'pdf-headings', 'report.md');

/** The body lines of each page (running header, footer and footnotes left out). */
function body(pages: TextLine[][]): TextLine[][] {
  return pages.map((lines) =>
    lines
      .map((line) => ({ ...line, runs: line.runs.filter((r) => !r.note) }))
      .filter((line) => line.runs.length > 0),
  );
}

const isHeading = (line: TextLine) => line.runs.every((r) => r.heading);
const label = (line: TextLine | undefined) => line?.runs.map((r) => r.text).join('') ?? '';

describe.each([
  ['the report', reportPath, 'report'],
  ['the report in the easy-to-read layout', reportPath, 'easy'],
  ['a report with many headings', headingsFixture, 'report'],
] as const)('keeping together in %s', (_name, file, profile) => {
  let pages: TextLine[][];
  beforeAll(async () => {
    const bytes = await renderFixture(file, { layout: profile });
    const read = await readPdf(bytes);
    pages = body(await readLines(bytes, read.tree));
  });

  test('no page ends with a heading', () => {
    const endings = pages.map((lines, page) => ({ page: page + 1, last: lines[lines.length - 1] }));
    const bad = endings.filter(({ last }) => last && isHeading(last)).map(({ page, last }) => `${page}: ${label(last)}`);
    expect(bad).toEqual([]);
  });

  test('the block after the last heading on a page shows its first two lines there, or all of it', () => {
    const bad: string[] = [];
    pages.forEach((lines, page) => {
      const index = lines.findLastIndex(isHeading);
      if (index < 0) return;
      const after = lines.slice(index + 1);
      // The first block after the heading (a list's marker belongs to the item text after it).
      const first = after.flatMap((l) => l.runs).find((r) => r.block.role !== 'Lbl');
      if (!first) return;
      const own = after.filter((l) => l.runs.some((r) => r.block === first.block)).length;
      const continues = pages.slice(page + 1).some((next) => next.some((l) => l.runs.some((r) => r.block === first.block)));
      if (own < 2 && continues) bad.push(`${page + 1}: ${label(lines[index])} → ${own} line(s) of ${first.block.role}`);
    });
    expect(bad).toEqual([]);
  });

  test('a paragraph split over pages leaves at least two lines on each side', () => {
    const linesOf = new Map<StructElem, number[]>();
    pages.forEach((lines, page) => {
      for (const line of lines) {
        const blocks = new Set(line.runs.map((r: TextRun) => r.block));
        for (const block of blocks) {
          if (block.role !== 'P') continue;
          linesOf.set(block, [...(linesOf.get(block) ?? []), page]);
        }
      }
    });
    const bad: string[] = [];
    for (const [, onPages] of linesOf) {
      const first = onPages[0] as number;
      const last = onPages[onPages.length - 1] as number;
      if (first === last) continue;
      const head = onPages.filter((p) => p === first).length;
      const tail = onPages.filter((p) => p === last).length;
      if (head < 2 || tail < 2) bad.push(`pages ${first + 1}–${last + 1}: ${head} + ${tail} lines`);
    }
    expect(bad).toEqual([]);
  });
});
