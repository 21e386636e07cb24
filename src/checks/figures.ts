/**
 * Figures and images in text: alt text present unless decorative, and the image a file the
 * renderers can embed (image-files.ts).
 */
import type { Figure } from '../model/types.js';
import { walkContent, type CheckedContent } from './content.js';
import type { DiagnosticSink } from '../diagnostics.js';
import { inlineText } from '../model/text.js';
import { locateImage } from './image-files.js';

/** Checks every figure and image in text, and sets `path` on those that pass. */
export function checkFigures(doc: CheckedContent, sink: DiagnosticSink): void {
  walkContent(doc, (node) => {
    if (node.type !== 'figure' && node.type !== 'inlineImage') return;
    if (!node.decorative && node.alt === '') {
      sink.error('image-alt-missing', `the image "${node.src}" has no alt text`, node.pos,
        'describe what the image shows: ![Søyler som viser …](fil.png), or mark it ::figure{src="fil.png" decorative}');
    }
    if (node.type === 'figure') checkCaption(node, sink);
    const found = locateImage(node.src, doc);
    if ('path' in found) node.path = found.path;
    else sink.error(found.problem.code, found.problem.message, node.pos, found.problem.hint);
  });
}

/** "Figur 3: …", "Figure 2.1 –" at the start of a caption: documents from elsewhere number by hand. */
const NUMBERED_CAPTION = /^\s*(figur|figure|fig\.?|bilde|illustrasjon)\s*\d+(\.\d+)*\s*[.:–—-]?\s*/iu;

/** Warns about a caption that carries its own number, which the renderers would print twice. */
function checkCaption(figure: Figure, sink: DiagnosticSink): void {
  const text = inlineText(figure.caption ?? []);
  const numbered = NUMBERED_CAPTION.exec(text);
  if (!numbered) return;
  const rest = text.slice(numbered[0].length);
  sink.warn('figure-caption-numbered', `the caption starts with "${numbered[0].trim()}", but figures are numbered automatically`, figure.pos,
    rest ? `write only "${rest}"; the PDF and DOCX add "Figur 1" themselves` : 'write what the figure shows; the number is added automatically');
}

