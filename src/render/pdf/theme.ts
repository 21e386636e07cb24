/**
 * Page geometry and spacing of the PDF for the two layouts; colours and type sizes are the house
 * tokens (`render/shared/tokens.ts`) every format shares.
 *
 * 'report' is the official report: 11 pt Noto Sans on A4, a measure of about 70 characters.
 * 'easy' is the easy-to-read version: 14 pt type, shorter lines and more space between blocks.
 */
import type { Layout } from '../shared/options.js';
import { PALETTE, typeScale } from '../shared/tokens.js';

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
  headingSizes: readonly [number, number, number, number, number, number];
  smallSize: number;
  /** The smallest type a table may get to fit the page. */
  tableMinSize: number;
  codeSize: number;
  coverTitleSize: number;
  listIndent: number;
  colors: typeof PALETTE;
}

const GEOMETRY: Record<Layout, Pick<Theme, 'pageMargins' | 'lineHeight' | 'paragraphGap' | 'listIndent'>> = {
  report: { pageMargins: [85, 78, 90, 72], lineHeight: 1.1, paragraphGap: 8, listIndent: 18 },
  easy: { pageMargins: [80, 80, 100, 76], lineHeight: 1.2, paragraphGap: 14, listIndent: 24 },
};

/** The theme for a layout. */
export function themeFor(layout: Layout): Theme {
  const scale = typeScale(layout);
  return {
    ...GEOMETRY[layout],
    bodySize: scale.body,
    headingSizes: scale.headings,
    smallSize: scale.small,
    codeSize: scale.code,
    tableMinSize: scale.tableMin,
    coverTitleSize: scale.coverTitle,
    colors: PALETTE,
  };
}
