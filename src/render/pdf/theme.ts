/**
 * Typography and page geometry for the two layout profiles.
 *
 * 'report' is the official report: 11 pt Noto Sans on A4, a measure of about 70 characters.
 * 'easy' is the easy-to-read version: 14 pt type, shorter lines and more space between blocks.
 * Colours are chosen for contrast on white: body text 17:1, every other text at least 7:1 (tests/pdf-contrast.test.ts).
 */

/** The layout profile of a rendering. */
export type LayoutProfile = 'report' | 'easy';

/** Everything the document definition needs to know about the look of the page. */
export interface Theme {
  /** Left, top, right, bottom, in points. */
  pageMargins: [number, number, number, number];
  bodySize: number;
  /** pdfmake's line height factor; Noto Sans' own line gap is 1.362 em, so 1.1 gives 1.5 em. */
  lineHeight: number;
  /** Space after a paragraph. */
  paragraphGap: number;
  /** Font sizes for heading levels 1–6. */
  headingSizes: [number, number, number, number, number, number];
  smallSize: number;
  /** The smallest type a table may get to fit the page. */
  tableMinSize: number;
  codeSize: number;
  coverTitleSize: number;
  listIndent: number;
  colors: {
    text: string;
    heading: string;
    accent: string;
    link: string;
    muted: string;
    rule: string;
    tableHeaderFill: string;
    codeFill: string;
    quoteRule: string;
    coverBand: string;
    coverText: string;
  };
}

const COLORS: Theme['colors'] = {
  text: '#1a1a1a',
  heading: '#0c2d4e',
  accent: '#0c2d4e',
  link: '#0a4a8c',
  muted: '#474747',
  rule: '#9aa7b4',
  tableHeaderFill: '#e6edf3',
  codeFill: '#f2f4f6',
  quoteRule: '#0c2d4e',
  coverBand: '#0c2d4e',
  coverText: '#ffffff',
};

const THEMES: Record<LayoutProfile, Theme> = {
  report: {
    pageMargins: [85, 78, 90, 72],
    bodySize: 11,
    lineHeight: 1.1,
    paragraphGap: 8,
    headingSizes: [21, 16, 13.5, 12, 11.5, 11],
    smallSize: 9.5,
    tableMinSize: 8,
    codeSize: 9.5,
    coverTitleSize: 30,
    listIndent: 18,
    colors: COLORS,
  },
  easy: {
    pageMargins: [80, 80, 100, 76],
    bodySize: 14,
    lineHeight: 1.2,
    paragraphGap: 14,
    headingSizes: [26, 20, 17, 15, 14, 14],
    smallSize: 11,
    tableMinSize: 12,
    codeSize: 12,
    coverTitleSize: 34,
    listIndent: 24,
    colors: COLORS,
  },
};

/** The theme for a layout profile. */
export function themeFor(profile: LayoutProfile): Theme {
  return THEMES[profile];
}
