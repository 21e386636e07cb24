/**
 * The Word version: the intermediate model → an editable, accessible .docx with real styles,
 * lists, footnotes, bookmarks and a filled table of contents, byte-identical across builds.
 */
import { Document } from 'docx';
import type { ReportDocument } from '../../model/types.js';
import type { HeadingPages } from '../../model/pages.js';
import { walkDocument } from '../../model/walk.js';
import { BlockAnchors, SOURCE_PROPERTY, sourceFingerprint } from './anchors.js';
import { renderBlocks, type BlockContext } from './blocks.js';
import { bookmarkNames } from './bookmarks.js';
import { renderColophon, renderCover } from './cover.js';
import { makeReproducible } from './determinism.js';
import { fontsToEmbed } from './fonts.js';
import { renderFootnotes } from './footnotes.js';
import { completePackage } from './fixups.js';
import { ListNumbering } from './numbering.js';
import { editXml, packageParts, writePackage, type PackageParts } from './package.js';
import { colophonPage, coverPage, mainPages } from './page.js';
import { afterListSpacing, buildStyles, HOUSE_THEME } from './styles.js';
import { fillTocPages, renderToc } from './toc.js';
import { timed } from '../../timings.js';
import type { RenderOptions } from '../shared/options.js';

/** How to render: the official report or the easy-to-read (plain-language) version. */
export interface DocxOptions extends RenderOptions {
  /**
   * The page each heading starts on in the PDF of the same model and layout, for the contents;
   * a promise, so the file is made while the PDF is laid out and waits only to be zipped.
   */
  pages: HeadingPages | Promise<HeadingPages>;
  /** Collects the block bookmarks' names and nodes, for `rapportverk import`; else they are only written. */
  anchors?: BlockAnchors;
}

/** Renders a report as .docx bytes. */
export async function renderDocx(doc: ReportDocument, options: DocxOptions): Promise<Uint8Array> {
  const parts = timed('docx', () => documentParts(doc, options));
  const pages = await options.pages;
  return timed('docx', () => {
    editXml(parts, 'word/document.xml', (xml) => fillTocPages(xml, doc, pages));
    return writePackage(parts, doc.created);
  });
}

/** The package's parts, complete but for the contents' page numbers. */
function documentParts(doc: ReportDocument, options: DocxOptions): PackageParts {
  const { layout } = options;
  const bookmarks = bookmarkNames(doc.body);
  const repeatedNotes = new Set<number>();
  let admonitions = false;
  walkDocument(doc, (node) => {
    if (node.type === 'footnoteRef' && node.repeat) repeatedNotes.add(node.number);
    if (node.type === 'admonition') admonitions = true;
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
    afterList: afterListSpacing(layout),
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
    styles: buildStyles(layout, doc.meta.locale, doc.meta.numbering, admonitions),
    numbering: lists.options(),
    footnotes,
    fonts: fontsToEmbed(doc),
    features: { updateFields: true },
    customProperties: [{ name: SOURCE_PROPERTY, value: sourceFingerprint(doc) }],
    // New text and styles editors add follow the report's font and colours, not Office's defaults.
    theme: HOUSE_THEME,
    sections: [
      { ...coverPage(), children: cover },
      ...(colophon.length > 0 ? [{ ...colophonPage(), children: colophon }] : []),
      { ...mainPages(doc), children: [...renderToc(doc, bookmarks), ...body] },
    ],
  });
  const parts = packageParts(file);
  completePackage(parts, { locale: doc.meta.locale, creator, ...(doc.meta.publisher ? { publisher: doc.meta.publisher } : {}) });
  makeReproducible(parts, doc.created);
  return parts;
}
