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
import { fontsDir } from '../../frame/paths.js';
import { buildDefinition } from './docdef.js';
import { fontFamilies } from './fonts.js';
import { attachSession, escapeXmpInfo, installHooks } from './pdfmake-hooks.js';
import { infoFor, prepareXmp, type XmpTarget } from './metadata.js';
import { themeFor } from './theme.js';
import type { RenderOptions } from '../shared/options.js';

/** Renders the report model to a tagged PDF/UA-1 file. */
export async function renderPdf(doc: ReportDocument, options: Partial<RenderOptions> = {}): Promise<Uint8Array> {
  installHooks();
  const theme = themeFor(options.layout ?? 'report');
  const built = buildDefinition(doc, theme);
  const notes = built.footnotes;
  attachSession(built.definition.content, {
    content: () => built.content(),
    reserve: (page) => notes.reserve(page),
    notesIn: (tags) => notes.notesIn(tags),
    areaHeight: (ids, measure) => notes.areaHeight(ids, measure),
    settle: (byPage, bottoms, measure) => notes.settle(byPage, bottoms, measure),
    area: (page) => notes.area(page),
  });
  pdfmake.setFonts(fontFamilies());
  // No network, and no files but the bundled fonts and the report's own folder.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => isInside(file, fontsDir) || isInside(file, doc.contentDir));
  const output = pdfmake.createPdf({
    ...built.definition,
    info: infoFor(doc),
    version: '1.7',
    tagged: true,
    displayTitle: true,
    language: doc.meta.locale,
    compress: true,
  });
  const kit = (await output.getStream()) as XmpTarget;
  prepareXmp(kit);
  escapeXmpInfo(kit);
  return new Uint8Array(await output.getBuffer());
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(path.resolve(folder), path.resolve(file));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
