/** Authoring checks over the model: every rule runs, every finding is recorded, nothing throws. */
import type { CheckedContent } from './content.js';
import type { DiagnosticSink } from '../diagnostics.js';
import { checkFigures } from './figures.js';
import { checkTables } from './tables.js';
import { checkLinks } from './links.js';
import { checkGlyphs } from './glyphs.js';

/**
 * Runs all model-level checks; also resolves figure paths for the renderers. `source` is the
 * Markdown text, for exact columns inside text nodes. Needs no front matter, so a file with
 * broken front matter still gets every other finding.
 */
export function runChecks(doc: CheckedContent, sink: DiagnosticSink, source?: string): void {
  checkFigures(doc, sink);
  checkTables(doc, sink);
  checkLinks(doc, sink);
  checkGlyphs(doc, sink, source);
}
