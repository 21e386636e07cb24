/** The cover (title, subtitle, lines from the cover template) and the colophon, from the shared frame. */
import { Paragraph } from 'docx';
import type { ReportDocument } from '../../model/types.js';
import { renderBlocks, type BlockContext } from './blocks.js';
import { renderInlines } from './inlines.js';

/** The cover page's paragraphs: Title, Subtitle, then one Cover Text paragraph per template line. */
export function renderCover(doc: ReportDocument, ctx: BlockContext): Paragraph[] {
  const { cover } = doc.frame;
  return [
    new Paragraph({ style: 'Title', text: cover.title }),
    ...(cover.subtitle ? [new Paragraph({ style: 'Subtitle', text: cover.subtitle })] : []),
    ...cover.lines.map((line) => new Paragraph({ style: 'CoverText', children: renderInlines(line, ctx) })),
  ];
}

/** The colophon blocks in the Colophon style. */
export function renderColophon(doc: ReportDocument, ctx: BlockContext): ReturnType<typeof renderBlocks> {
  return renderBlocks(doc.frame.colophon, { ...ctx, paragraphStyle: 'Colophon' });
}
