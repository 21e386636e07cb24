/**
 * Which images inside running text stay in the line (README: Images in text): icons and badges,
 * at most about two lines of text tall and a third of the text column wide at their natural
 * size. Anything larger would tear the lines apart, so it becomes a figure after its paragraph.
 */
import type { PixelSize } from '../model/image-size.js';

/** The largest image kept in a line, in CSS pixels (96 per inch). */
export const INLINE_IMAGE_MAX: PixelSize = { width: 200, height: 32 };

/** True for an image small enough to stand in a line of text. */
export function fitsInLine(size: PixelSize): boolean {
  return size.width <= INLINE_IMAGE_MAX.width && size.height <= INLINE_IMAGE_MAX.height;
}
