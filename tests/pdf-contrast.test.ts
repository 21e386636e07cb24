import { expect, test } from 'vitest';
import { themeFor } from '../src/render/pdf/theme.js';

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

test.each(['report', 'easy'] as const)('every text colour of the %s theme meets its contrast target', (profile) => {
  const c = themeFor(profile).colors;
  const white = '#ffffff';
  expect(contrast(c.text, white)).toBeGreaterThanOrEqual(7);
  expect(contrast(c.text, c.tableHeaderFill)).toBeGreaterThanOrEqual(7);
  expect(contrast(c.text, c.codeFill)).toBeGreaterThanOrEqual(7);
  expect(contrast(c.coverText, c.heading)).toBeGreaterThanOrEqual(7);
  for (const colour of [c.heading, c.link, c.muted]) expect(contrast(colour, white)).toBeGreaterThanOrEqual(4.5);
});
