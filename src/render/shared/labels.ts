/**
 * Generated label text every format prints the same way: heading numbers, caption labels
 * ("Figur 3", "Tabell 1"), the "Side {page} av {pages}" footer pattern, and the placeholder
 * text for an image a draft could not include.
 */
import type { Figure, Labels } from '../../model/types.js';

/** Between a generated number or label and the text it introduces: an en space. */
export const LABEL_SEPARATOR = '\u2002';

/** The printed label before a heading's text: "3.1" and the separator, or nothing when unnumbered. */
export function headingLabel(number: string | undefined): string {
  return number ? `${number}${LABEL_SEPARATOR}` : '';
}

/** A heading as one line of text, as in bookmarks and the contents: "3.1 Bakgrunn". */
export function headingLine(number: string | undefined, text: string): string {
  return number ? `${number} ${text}` : text;
}

/** One piece of the page-of pattern: literal text, or the current or total page number. */
export type PageOfPart = string | { field: 'page' | 'pages' };

/** The footer pattern (`labels.pageOf`, e.g. "Side {page} av {pages}") split into text and fields. */
export function pageOfParts(labels: Labels): PageOfPart[] {
  return labels.pageOf
    .split(/(\{page\}|\{pages\})/)
    .filter((piece) => piece !== '')
    .map((piece) => (piece === '{page}' ? { field: 'page' } : piece === '{pages}' ? { field: 'pages' } : piece));
}

/** The footer text for a known page and page count. */
export function pageOfText(labels: Labels, page: number, pages: number): string {
  return pageOfParts(labels)
    .map((part) => (typeof part === 'string' ? part : String(part.field === 'page' ? page : pages)))
    .join('');
}

/** What a draft shows where an image could not be included: "Bildet mangler: kart.png". */
export function missingImageText(labels: Pick<Labels, 'imageMissing'>, figure: Pick<Figure, 'src'>): string {
  return labels.imageMissing.replace('{src}', figure.src);
}
