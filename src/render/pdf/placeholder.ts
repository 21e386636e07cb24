/**
 * The box drawn where an image could not be used. Only drafts (`build --draft`) reach the
 * renderer with such a figure: it shows which file is missing, as text a reader can find.
 */
import type { Figure } from '../../model/types.js';
import { StructNode } from './structure.js';
import type { BlockContext } from './blocks.js';
import type { PdfNode } from './marks.js';
import { missingImageText } from '../shared/labels.js';

/** A bordered box, a third of the text width high, naming the image's file. */
export function missingImage(figure: Figure, parent: StructNode, ctx: BlockContext): PdfNode {
  const p = parent.add(new StructNode('P'));
  const text = missingImageText(ctx.labels, figure);
  const padding = Math.round(ctx.width / 8);
  return {
    table: { widths: ['*'], body: [[{ text: [{ text, _rv: p }], alignment: 'center', color: ctx.theme.colors.muted }]] },
    layout: {
      hLineColor: () => ctx.theme.colors.rule,
      vLineColor: () => ctx.theme.colors.rule,
      hLineStyle: () => ({ dash: { length: 4 } }),
      vLineStyle: () => ({ dash: { length: 4 } }),
      paddingTop: () => padding,
      paddingBottom: () => padding,
    },
  };
}
