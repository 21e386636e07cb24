/**
 * A picture run: the file at its upright size (scaled down to fit), with alt text or marked
 * decorative, and turned by its EXIF orientation, which Word does not apply itself.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { ImageRun } from 'docx';
import { imageShape, uprightTurn, type PixelSize } from '../../model/image-size.js';

const TYPES: Record<string, 'png' | 'jpg'> = { '.png': 'png', '.jpg': 'jpg', '.jpeg': 'jpg' };

/** What a picture shows and how it is described. */
export interface PictureSource {
  path: string;
  alt: string;
  decorative: boolean;
}

/** The file's type as docx names it, or undefined for a file it cannot embed. */
export function pictureType(path: string): 'png' | 'jpg' | undefined {
  return TYPES[extname(path).toLowerCase()];
}

/** A picture run no wider than `maxWidth` CSS pixels; `fallback` is its size when the file's header cannot be read. */
export function pictureRun(source: PictureSource, type: 'png' | 'jpg', maxWidth: number, fallback: PixelSize): ImageRun {
  const data = readFileSync(source.path);
  const shape = imageShape(data) ?? { stored: fallback, shown: fallback, orientation: 1 as const };
  const scale = Math.min(1, maxWidth / shape.shown.width);
  const turn = uprightTurn(shape.orientation);
  // The drawing is sized as stored and turned about its centre; fixups.ts makes room for the turned box.
  return new ImageRun({
    type,
    data,
    transformation: {
      width: Math.round(shape.stored.width * scale),
      height: Math.round(shape.stored.height * scale),
      ...(turn.rotation ? { rotation: turn.rotation } : {}),
      ...(turn.flipHorizontal || turn.flipVertical ? { flip: { horizontal: turn.flipHorizontal, vertical: turn.flipVertical } } : {}),
    },
    ...(source.decorative
      ? { decorative: true, altText: { name: basename(source.path), description: '', title: '' } }
      : { altText: { name: basename(source.path), description: source.alt, title: '' } }),
  });
}
