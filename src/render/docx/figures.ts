/** Figures → an inline picture with alt text (or marked decorative) and a caption below it. */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { BorderStyle, ImageRun, Paragraph, TextRun } from 'docx';
import type { Figure, Labels } from '../../model/types.js';
import { imageSize } from './image-size.js';
import { renderInlines, type InlineContext } from './inlines.js';
import { TEXT_WIDTH } from './page.js';

const TYPES: Record<string, 'png' | 'jpg'> = { '.png': 'png', '.jpg': 'jpg', '.jpeg': 'jpg' };
/** The text column in CSS pixels (96 per inch), the unit docx sizes pictures in. */
const MAX_WIDTH_PX = Math.floor(TEXT_WIDTH / 15);

/** The figure's paragraphs; a framed placeholder naming the file when it was not accepted (drafts only). */
export function renderFigure(figure: Figure, ctx: InlineContext & { labels: Labels }): Paragraph[] {
  const type = TYPES[extname(figure.path ?? '').toLowerCase()];
  const out = [figure.path && type ? picture(figure, figure.path, type) : placeholder(figure, ctx.labels)];
  if (figure.caption) out.push(new Paragraph({ style: 'Caption', children: renderInlines(figure.caption, ctx) }));
  return out;
}

function picture(figure: Figure, path: string, type: 'png' | 'jpg'): Paragraph {
  const data = readFileSync(path);
  const size = imageSize(data) ?? { width: MAX_WIDTH_PX, height: Math.round(MAX_WIDTH_PX * 0.6) };
  const scale = Math.min(1, MAX_WIDTH_PX / size.width);
  const image = new ImageRun({
    type,
    data,
    transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
    ...(figure.decorative
      ? { decorative: true, altText: { name: basename(path), description: '', title: '' } }
      : { altText: { name: basename(path), description: figure.alt, title: '' } }),
  });
  return new Paragraph({ style: 'FigureParagraph', children: [image] });
}

const DASHED = { style: BorderStyle.DASHED, size: 6, color: '9AA7B4', space: 24 };

function placeholder(figure: Figure, labels: Labels): Paragraph {
  return new Paragraph({
    style: 'FigureParagraph',
    border: { top: DASHED, bottom: DASHED, left: DASHED, right: DASHED },
    children: [new TextRun(labels.imageMissing.replace('{src}', figure.src))],
  });
}
