/**
 * The Word version: the intermediate model → an editable, accessible .docx with real styles,
 * lists, footnotes, bookmarks and a filled table of contents, byte-identical across builds.
 */
import { Document } from 'docx';
import type { ReportDocument } from '../../model/types.js';
import { walkDocument } from '../../model/walk.js';
import { BlockAnchors } from './anchors.js';
import { renderBlocks, type BlockContext } from './blocks.js';
import { bookmarkNames } from './bookmarks.js';
import { renderColophon, renderCover } from './cover.js';
import { makeReproducible } from './determinism.js';
import { FONT_SANS, fontsToEmbed } from './fonts.js';
import { renderFootnotes } from './footnotes.js';
import { completePackage } from './fixups.js';
import { ListNumbering } from './numbering.js';
import { packageParts, writePackage } from './package.js';
import { colophonPage, coverPage, mainPages } from './page.js';
import { afterListSpacing, buildStyles } from './styles.js';
import { renderToc } from './toc.js';
import type { RenderOptions } from '../shared/options.js';

/** How to render: the layout, and for `rapportverk import` a collector of the block bookmarks' names and nodes. */
export interface DocxOptions extends RenderOptions {
  anchors?: BlockAnchors;
}

/** Renders a report as .docx bytes. */
export async function renderDocx(doc: ReportDocument, options: DocxOptions): Promise<Uint8Array> {
  const bookmarks = bookmarkNames(doc.body);
  const repeatedNotes = new Set<number>();
  walkDocument(doc, (node) => {
    if (node.type === 'footnoteRef' && node.repeat) repeatedNotes.add(node.number);
  });
  const lists = new ListNumbering(doc.meta.numbering);
  const ctx: BlockContext = {
    bookmarks,
    repeatedNotes,
    anchors: options.anchors ?? new BlockAnchors(),
    lists,
    labels: doc.frame.labels,
    paragraphStyle: 'Normal',
    listLevel: -1,
    afterList: afterListSpacing(options.layout),
    numberedLevels: doc.meta.numbering,
  };
  const cover = renderCover(doc, ctx);
  const colophon = renderColophon(doc, ctx);
  const body = renderBlocks(doc.body, ctx);
  const footnotes = renderFootnotes(doc.footnotes, ctx);
  const creator = doc.meta.authors.length > 0 ? doc.meta.authors.join('; ') : (doc.meta.publisher ?? '');

  const file = new Document({
    title: doc.meta.title,
    subject: doc.meta.subtitle ?? doc.meta.shortTitle,
    creator,
    keywords: doc.meta.keywords.join(', '),
    description: doc.meta.description ?? '',
    lastModifiedBy: creator,
    styles: buildStyles(options.layout, doc.meta.locale, doc.meta.numbering),
    numbering: lists.options(),
    footnotes,
    fonts: fontsToEmbed(doc),
    features: { updateFields: true },
    // New text and styles editors add follow the report's font, not Office's default theme fonts.
    theme: { fonts: { headings: FONT_SANS, body: FONT_SANS } },
    sections: [
      { ...coverPage(), children: cover },
      ...(colophon.length > 0 ? [{ ...colophonPage(), children: colophon }] : []),
      { ...mainPages(doc), children: [...renderToc(doc, bookmarks), ...body] },
    ],
  });
  const parts = packageParts(file);
  completePackage(parts, { locale: doc.meta.locale, creator, ...(doc.meta.publisher ? { publisher: doc.meta.publisher } : {}) });
  makeReproducible(parts, doc.created);
  return writePackage(parts, doc.created);
}
