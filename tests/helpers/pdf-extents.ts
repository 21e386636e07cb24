/** Where a PDF's text stands on its pages, read with pdfjs-dist: for finding text in the margins. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Layout } from '../../src/render/shared/options.js';
import { themeFor } from '../../src/render/pdf/theme.js';

/** A drawn piece of text and the horizontal stretch it covers, in points from the page's left edge. */
export interface TextExtent {
  page: number;
  str: string;
  left: number;
  right: number;
  pageWidth: number;
}

/**
 * Every non-empty text item set along the page's lines, with its horizontal extent (a draft's
 * watermark, set diagonally across the page, is left out).
 */
export async function textExtents(bytes: Uint8Array): Promise<TextExtent[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const out: TextExtent[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [x0, , x1] = page.view as [number, number, number, number];
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [a, b, , , left] = item.transform as [number, number, number, number, number];
      if (b !== 0 || a <= 0) continue;
      out.push({ page: n, str: item.str, left, right: left + item.width, pageWidth: x1 - x0 });
    }
  }
  await pdf.destroy();
  return out;
}

/** Rounding in layout and extraction; anything further out is drawn in the margin. */
const TOLERANCE = 0.5;

/**
 * The text items that stand in the left or right page margin of `layout` (landscape pages keep
 * the same margins), described for a failure message.
 */
export function inMargins(extents: readonly TextExtent[], layout: Layout): string[] {
  const [left, , right] = themeFor(layout).pageMargins;
  return extents
    .filter((e) => e.left < left - TOLERANCE || e.right > e.pageWidth - right + TOLERANCE)
    .map((e) => `page ${e.page}: ${e.left.toFixed(1)}–${e.right.toFixed(1)} of ${e.pageWidth.toFixed(1)} pt: ${e.str.slice(0, 40)}`);
}
