/** Authoring checks over the model: every rule runs, every finding is recorded, nothing throws. */
import type { ReportDocument } from '../model/types.js';
import type { DiagnosticSink } from '../diagnostics.js';
import { checkHeadings } from './headings.js';
import { checkFigures } from './figures.js';
import { checkTables } from './tables.js';
import { checkLinks } from './links.js';
import { checkGlyphs } from './glyphs.js';

/**
 * Runs all model-level checks; also resolves figure paths for the renderers. `source` is the
 * Markdown text, for exact columns inside text nodes.
 */
export function runChecks(doc: ReportDocument, sink: DiagnosticSink, source?: string): void {
  checkHeadings(doc, sink);
  checkFigures(doc, sink);
  checkTables(doc, sink);
  checkLinks(doc, sink);
  checkGlyphs(doc, sink, source);
}
