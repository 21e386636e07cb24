/**
 * The house design tokens every format draws with: one palette and one type scale, so the PDF,
 * the Word file and the web page look like one publication. Colours are chosen for contrast on
 * white: body text 17:1, every other text at least 7:1 (tests/pdf-contrast.test.ts).
 */
import type { Layout } from './options.js';

/** Colours as `#rrggbb`. */
export const PALETTE = {
  text: '#1a1a1a',
  heading: '#0c2d4e',
  link: '#0a4a8c',
  muted: '#474747',
  rule: '#9aa7b4',
  tableHeaderFill: '#e6edf3',
  codeFill: '#f2f4f6',
  /** The rule beside quotes and boxes. */
  quoteRule: '#0c2d4e',
  coverText: '#ffffff',
} as const;

export type PaletteColor = keyof typeof PALETTE;

/** Type sizes in points for one layout. */
export interface TypeScale {
  body: number;
  /** Footnotes, running header and footer. */
  small: number;
  code: number;
  /** Heading levels 1–6. */
  headings: readonly [number, number, number, number, number, number];
  coverTitle: number;
  /** The smallest type a table may get to fit the page. */
  tableMin: number;
}

const SCALES: Record<Layout, TypeScale> = {
  report: { body: 11, small: 9.5, code: 9.5, headings: [21, 16, 13.5, 12, 11.5, 11], coverTitle: 30, tableMin: 8 },
  easy: { body: 14, small: 11, code: 12, headings: [26, 20, 17, 15, 14, 14], coverTitle: 34, tableMin: 12 },
};

/** The type scale of a layout. */
export function typeScale(layout: Layout): TypeScale {
  return SCALES[layout];
}

/** A palette colour as Word writes it: six hex digits, upper case, no `#`. */
export function wordColor(color: PaletteColor): string {
  return PALETTE[color].slice(1).toUpperCase();
}
