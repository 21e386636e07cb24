/** Figures → an inline picture with alt text (or marked decorative) and a caption below it. */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { ImageRun, Paragraph } from 'docx';
import type { Figure } from '../../model/types.js';
import { imageSize } from './image-size.js';
import type { InlineContext } from './inlines.js';
import { captionParagraph } from './captions.js';
import { TEXT_WIDTH } from './page.js';

const TYPES: Record<string, 'png' | 'jpg'> = { '.png': 'png', '.jpg': 'jpg', '.jpeg': 'jpg' };
/** The text column in CSS pixels (96 per inch), the unit docx sizes pictures in. */
const MAX_WIDTH_PX = Math.floor(TEXT_WIDTH / 15);

/** The figure's paragraphs; empty when its file was not accepted by the checks. */
export function renderFigure(figure: Figure, label: string, ctx: InlineContext): Paragraph[] {
  const type = TYPES[extname(figure.path ?? '').toLowerCase()];
  if (!figure.path || !type) return [];
  const data = readFileSync(figure.path);
  const size = imageSize(data) ?? { width: MAX_WIDTH_PX, height: Math.round(MAX_WIDTH_PX * 0.6) };
  const scale = Math.min(1, MAX_WIDTH_PX / size.width);
  const image = new ImageRun({
    type,
    data,
    transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
    ...(figure.decorative
      ? { decorative: true, altText: { name: basename(figure.path), description: '', title: '' } }
      : { altText: { name: basename(figure.path), description: figure.alt, title: '' } }),
  });
  const out = [new Paragraph({ style: 'FigureParagraph', children: ctx.anchors.wrap(figure, [image]) })];
  const caption = captionParagraph(figure, label, ctx);
  if (caption) out.push(caption);
  return out;
}
