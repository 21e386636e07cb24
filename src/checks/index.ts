/** Authoring checks over the model: every rule runs, every finding is recorded, nothing throws. */
import type { ReportDocument } from '../model/types.js';
import type { DiagnosticSink } from '../diagnostics.js';
import { checkHeadings } from './headings.js';
import { checkFigures } from './figures.js';

/** Runs all model-level checks; also resolves figure paths for the renderers. */
export function runChecks(doc: ReportDocument, sink: DiagnosticSink): void {
  checkHeadings(doc, sink);
  checkFigures(doc, sink);
}
