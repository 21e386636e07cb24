/** Figures → an inline picture with alt text (or marked decorative) and a caption below it. */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { BorderStyle, ImageRun, Paragraph, TextRun } from 'docx';
import type { Figure, Labels } from '../../model/types.js';
import { imageSize } from './image-size.js';
import type { InlineContext } from './inlines.js';
import { captionParagraph } from './captions.js';
import { TEXT_WIDTH } from './page.js';
import { missingImageText } from '../shared/labels.js';

const TYPES: Record<string, 'png' | 'jpg'> = { '.png': 'png', '.jpg': 'jpg', '.jpeg': 'jpg' };
/** The text column in CSS pixels (96 per inch), the unit docx sizes pictures in. */
const MAX_WIDTH_PX = Math.floor(TEXT_WIDTH / 15);

/** The figure's paragraphs; a framed placeholder naming the file when it was not accepted (drafts only). */
export function renderFigure(figure: Figure, labels: Pick<Labels, 'figure' | 'imageMissing'>, ctx: InlineContext): Paragraph[] {
  const type = TYPES[extname(figure.path ?? '').toLowerCase()];
  const frame = figure.path && type
    ? { children: ctx.anchors.wrap(figure, [picture(figure, figure.path, type)]) }
    : { border: DASHED_BOX, children: ctx.anchors.wrap(figure, [placeholderText(figure, labels)]) };
  const out = [new Paragraph({ style: 'FigureParagraph', ...frame })];
  const caption = captionParagraph(figure, labels.figure, ctx);
  if (caption) out.push(caption);
  return out;
}

function picture(figure: Figure, path: string, type: 'png' | 'jpg'): ImageRun {
  const data = readFileSync(path);
  const size = imageSize(data) ?? { width: MAX_WIDTH_PX, height: Math.round(MAX_WIDTH_PX * 0.6) };
  const scale = Math.min(1, MAX_WIDTH_PX / size.width);
  return new ImageRun({
    type,
    data,
    transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
    ...(figure.decorative
      ? { decorative: true, altText: { name: basename(path), description: '', title: '' } }
      : { altText: { name: basename(path), description: figure.alt, title: '' } }),
  });
}

const DASHED = { style: BorderStyle.DASHED, size: 6, color: '9AA7B4', space: 24 };
const DASHED_BOX = { top: DASHED, bottom: DASHED, left: DASHED, right: DASHED };

function placeholderText(figure: Figure, labels: Pick<Labels, 'imageMissing'>): TextRun {
  return new TextRun(missingImageText(labels, figure));
}
