/**
 * The official PDF: a tagged PDF/UA-1 report laid out by pdfmake.
 *
 * Model → document definition and structure tree (docdef.ts) → pdfmake layout, keeping
 * footnote space and headings with what follows as lines are placed, and pdfkit drawing with
 * marked content (pdfmake-hooks.ts) → metadata (metadata.ts), written compressed with object
 * streams (object-streams.ts).
 */
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { ReportDocument } from '../../model/types.js';
import type { HeadingPages } from '../../model/pages.js';
import { fontsDir } from '../../frame/paths.js';
import { buildDefinition } from './docdef.js';
import { fontFamilies } from './fonts.js';
import { attachSession, escapeXmpInfo, installHooks } from './pdfmake-hooks.js';
import { infoFor, PDFA_SUBSET, prepareXmp, type XmpTarget } from './metadata.js';
import { countBookmarks } from './outline.js';
import { themeFor } from './theme.js';
import type { RenderOptions } from '../shared/options.js';

/** Options for rendering a report to PDF; the official report's layout unless told. */
export type PdfRenderOptions = Partial<RenderOptions>;

/** A rendered PDF and the page each heading starts on. */
export interface LaidOutPdf {
  bytes: Uint8Array;
  headingPages: HeadingPages;
}

/** Renders the report model to a tagged PDF/UA-1 and PDF/A-2a file. */
export async function renderPdf(doc: ReportDocument, options: PdfRenderOptions = {}): Promise<Uint8Array> {
  return (await renderPdfWithPages(doc, options)).bytes;
}

/** Renders the report model to a tagged PDF/UA-1 file, and tells where its headings landed. */
export async function renderPdfWithPages(doc: ReportDocument, options: PdfRenderOptions = {}): Promise<LaidOutPdf> {
  installHooks();
  const theme = themeFor(options.layout ?? 'report');
  const built = buildDefinition(doc, theme);
  const notes = built.footnotes;
  const headingPages: Record<string, number> = {};
  attachSession(built.definition.content, {
    content: () => built.content(),
    reserve: (page) => notes.reserve(page),
    notesIn: (tags) => notes.notesIn(tags),
    continuations: (id) => notes.continuations(id),
    areaHeight: (ids, measure) => notes.areaHeight(ids, measure),
    settle: (byPage, bottoms, heights, measure) => notes.settle(byPage, bottoms, heights, measure),
    area: (page, height) => notes.area(page, height),
    // A node's id is on the first line pdfmake lays out for it (the destination of links to it).
    laidOut: (pages) =>
      pages.forEach((page, index) => {
        for (const entry of page.items) if (entry.type === 'line' && entry.item.id !== undefined) headingPages[entry.item.id] ??= index + 1;
      }),
  });
  pdfmake.setFonts(fontFamilies());
  // No network, and no files but the bundled fonts and the report's own folder.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => isInside(file, fontsDir) || isInside(file, doc.rootDir));
  const output = pdfmake.createPdf({
    ...built.definition,
    info: infoFor(doc),
    version: '1.7',
    subset: PDFA_SUBSET,
    tagged: true,
    displayTitle: true,
    language: doc.meta.locale,
    compress: true,
  });
  const kit = (await output.getStream()) as XmpTarget;
  // A draft built despite errors claims no conformance.
  if (!doc.draft) prepareXmp(kit);
  escapeXmpInfo(kit);
  countBookmarks(kit);
  return { bytes: new Uint8Array(await output.getBuffer()), headingPages };
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(path.resolve(folder), path.resolve(file));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
