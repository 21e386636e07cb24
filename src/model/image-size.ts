/**
 * An image's size as a reader sees it: the pixel size from the file's header, turned by its EXIF
 * orientation. Cameras store photos as the sensor saw them and note the turn in EXIF; browsers
 * and pdfkit apply it, Word does not, so every format sizes (and DOCX turns) the picture from here.
 */
import { readFileSync } from 'node:fs';
import { imageSize } from 'image-size';

/** EXIF orientation 1–8: 1 as stored; 2–4 flipped or turned half; 5–8 turned a quarter (width and height swap). */
export type Orientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** An image's size in pixels. */
export interface PixelSize {
  width: number;
  height: number;
}

/** The stored size, the shown size and the orientation that leads from one to the other. */
export interface ImageShape {
  /** Size as stored in the file. */
  stored: PixelSize;
  /** Size as shown upright (stored size, swapped for orientations 5–8). */
  shown: PixelSize;
  orientation: Orientation;
}

/** The shape of a PNG or JPEG image, or undefined for bytes that are neither. */
export function imageShape(bytes: Uint8Array): ImageShape | undefined {
  let found: { width: number; height: number; orientation?: number };
  try {
    found = imageSize(bytes);
  } catch {
    return undefined;
  }
  const orientation = isOrientation(found.orientation) ? found.orientation : 1;
  const stored = { width: found.width, height: found.height };
  const shown = orientation >= 5 ? { width: stored.height, height: stored.width } : stored;
  return { stored, shown, orientation };
}

/** The shape of an image file, or undefined when it cannot be read. */
export function readImageShape(path: string): ImageShape | undefined {
  try {
    return imageShape(readFileSync(path));
  } catch {
    return undefined;
  }
}

function isOrientation(value: number | undefined): value is Orientation {
  return value !== undefined && Number.isInteger(value) && value >= 1 && value <= 8;
}

/**
 * What shows a stored image upright, in DrawingML's order: flip first, then turn clockwise about
 * the centre (EXIF 5 is a transpose: a mirror and three quarters; 7 a mirror and one quarter).
 */
export interface Turn {
  /** Degrees clockwise: 0, 90, 180 or 270. */
  rotation: 0 | 90 | 180 | 270;
  flipHorizontal: boolean;
  flipVertical: boolean;
}

const TURNS: Record<Orientation, Turn> = {
  1: { rotation: 0, flipHorizontal: false, flipVertical: false },
  2: { rotation: 0, flipHorizontal: true, flipVertical: false },
  3: { rotation: 180, flipHorizontal: false, flipVertical: false },
  4: { rotation: 0, flipHorizontal: false, flipVertical: true },
  5: { rotation: 270, flipHorizontal: true, flipVertical: false },
  6: { rotation: 90, flipHorizontal: false, flipVertical: false },
  7: { rotation: 90, flipHorizontal: true, flipVertical: false },
  8: { rotation: 270, flipHorizontal: false, flipVertical: false },
};

/** The turn that shows an image of this orientation upright. */
export function uprightTurn(orientation: Orientation): Turn {
  return TURNS[orientation];
}
