/**
 * The house fonts inside the page (`@font-face` with data: URIs), so the page looks like the PDF
 * and loads nothing. Only the faces the document uses are embedded: each adds about 700 kB.
 * (Subsetting is left out: fontkit's subsets have no cmap table, which browsers require.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportDocument } from '../../model/types.js';
import { fontsDir } from '../../frame/paths.js';
import { facesUsed } from '../shared/faces.js';

interface Face {
  family: string;
  file: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
}

/** The `@font-face` rules for the faces `doc` uses. */
export function fontFaces(doc: ReportDocument): string {
  const use = facesUsed(doc);
  const faces: Face[] = [
    { family: 'Noto Sans', file: 'NotoSans-Regular.ttf', weight: 400, style: 'normal' },
    { family: 'Noto Sans', file: 'NotoSans-Bold.ttf', weight: 700, style: 'normal' },
  ];
  if (use.italic) faces.push({ family: 'Noto Sans', file: 'NotoSans-Italic.ttf', weight: 400, style: 'italic' });
  if (use.boldItalic) faces.push({ family: 'Noto Sans', file: 'NotoSans-BoldItalic.ttf', weight: 700, style: 'italic' });
  if (use.mono) faces.push({ family: 'Noto Sans Mono', file: 'NotoSansMono-Regular.ttf', weight: 400, style: 'normal' });
  return faces
    .map((face) => {
      const data = readFileSync(join(fontsDir, face.file)).toString('base64');
      return `@font-face { font-family: "${face.family}"; font-weight: ${face.weight}; font-style: ${face.style}; font-display: swap; src: url(data:font/ttf;base64,${data}) format("truetype"); }`;
    })
    .join('\n');
}
