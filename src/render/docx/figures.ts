/** Figures → an inline picture with alt text (or marked decorative) and a caption below it. */
import { BorderStyle, Paragraph, TextRun } from 'docx';
import type { Figure, Labels } from '../../model/types.js';
import type { InlineContext } from './inlines.js';
import { captionParagraph } from './captions.js';
import { TEXT_WIDTH } from './page.js';
import { missingImageText } from '../shared/labels.js';
import { pictureRun, pictureType } from './pictures.js';

/** The text column in CSS pixels (96 per inch), the unit docx sizes pictures in. */
const MAX_WIDTH_PX = Math.floor(TEXT_WIDTH / 15);
/** The size given to a picture whose header cannot be read: the column's width, landscape. */
const FALLBACK_SIZE = { width: MAX_WIDTH_PX, height: Math.round(MAX_WIDTH_PX * 0.6) };

/** The figure's paragraphs; a framed placeholder naming the file when it was not accepted (drafts only). */
export function renderFigure(figure: Figure, labels: Pick<Labels, 'figure' | 'imageMissing'>, ctx: InlineContext): Paragraph[] {
  const type = figure.path ? pictureType(figure.path) : undefined;
  const frame = figure.path && type
    ? { children: ctx.anchors.wrap(figure, [pictureRun({ ...figure, path: figure.path }, type, MAX_WIDTH_PX, FALLBACK_SIZE)]) }
    : { border: DASHED_BOX, children: ctx.anchors.wrap(figure, [placeholderText(figure, labels)]) };
  const out = [new Paragraph({ style: 'FigureParagraph', ...frame })];
  const caption = captionParagraph(figure, labels.figure, ctx);
  if (caption) out.push(caption);
  return out;
}

const DASHED = { style: BorderStyle.DASHED, size: 6, color: '9AA7B4', space: 24 };
const DASHED_BOX = { top: DASHED, bottom: DASHED, left: DASHED, right: DASHED };

function placeholderText(figure: Figure, labels: Pick<Labels, 'imageMissing'>): TextRun {
  return new TextRun(missingImageText(labels, figure));
}
