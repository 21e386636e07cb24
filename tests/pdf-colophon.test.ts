/** The colophon sits at the foot of the cover's verso (page 2), as in printed government reports. */
import { expect, test } from 'vitest';
import { join } from 'node:path';
import { fixturesDir, reportPath } from './helpers/paths.js';
import { renderFixture } from './helpers/pdf-render.js';
import { readPdf } from './helpers/pdf-read.js';
import { readLines } from './helpers/pdf-lines.js';

/** Bottom margins of the two layouts, in points. */
const BOTTOM_MARGIN = { report: 72, easy: 76 } as const;

test.each([
  ['the fixture', join(fixturesDir, 'pdf-all-constructs', 'report.md'), 'report'],
  ['the report', reportPath, 'report'],
  ['the report in the easy-to-read layout', reportPath, 'easy'],
] as const)('in %s the colophon ends at the bottom margin of page 2, and the contents follow on page 3', async (_name, file, profile) => {
  const bytes = await renderFixture(file, { layout: profile });
  const pages = await readLines(bytes, (await readPdf(bytes)).tree);
  const colophon = pages[1] ?? [];
  const text = (i: number) => colophon[i]?.runs.map((r) => r.text).join('') ?? '';
  expect(text(0)).toBe('Om dokumentet');
  expect(colophon[0]?.runs.every((r) => r.heading)).toBe(true);
  // Baselines count from the bottom of the page: the last line sits just above the margin.
  const last = colophon[colophon.length - 1]?.y ?? Infinity;
  expect(last).toBeGreaterThan(BOTTOM_MARGIN[profile]);
  expect(last).toBeLessThan(BOTTOM_MARGIN[profile] + 20);
  expect(colophon[0]?.y).toBeLessThan(841.89 / 2);
  expect(pages[2]?.[0]?.runs.map((r) => r.text).join('')).toBe('Innhold');
});
