/**
 * `rapportverk import`: merges an editor's changes to the DOCX back into the Markdown source.
 * The source is rendered again, in this process, to the DOCX it builds (the base, with the block
 * bookmarks and the map from bookmark to block); the base and the edited DOCX are read alike and
 * merged three ways, so only what the editor changed changes in the source.
 */
import { createTwoFilesPatch } from 'diff';
import { loadReportText } from '../pipeline/load.js';
import { readSource } from '../parse/source.js';
import { DiagnosticSink, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { renderDocx } from '../render/docx/index.js';
import { BlockAnchors, SOURCE_PROPERTY, sourceFingerprint } from '../render/docx/anchors.js';
import { bookmarkNames } from '../render/docx/bookmarks.js';
import { applyEdits, shiftOffset } from './edits.js';
import { pointAt } from '../parse/points.js';
import { mergeDocument } from './merge.js';
import { readDocx } from './read-docx.js';

/** The outcome of an import. */
export interface ImportResult {
  /** The merged source; absent when errors stopped the import. */
  text?: string;
  /** The source as it was. */
  original?: string;
  diagnostics: Diagnostic[];
}

/** Merges `edited` (DOCX bytes) into the Markdown file `file`; writes nothing. */
export async function importDocx(file: string, edited: Uint8Array, options: { positionsIn: 'original' | 'merged' }): Promise<ImportResult> {
  const sink = new DiagnosticSink(file);
  const source = readSource(file, sink);
  if (source === undefined) return { diagnostics: sink.items };
  const { doc, diagnostics } = loadReportText(file, source);
  if (!doc || diagnostics.some((d) => d.severity === 'error')) {
    sink.error('import-source-invalid', 'the source has errors, so the DOCX it builds cannot be made again to compare with', undefined,
      'fix the errors `rapportverk check` shows, then import again');
    return { diagnostics: [...diagnostics.filter((d) => d.severity === 'error'), ...sink.items] };
  }
  let editedDocument;
  try {
    editedDocument = readDocx(edited);
  } catch (err) {
    sink.error('import-not-docx', `the edited file cannot be read: ${(err as Error).message}`, undefined, 'save it from Word as a .docx (Word Document)');
    return { diagnostics: sink.items };
  }
  const builtFrom = editedDocument.properties.get(SOURCE_PROPERTY);
  if (builtFrom !== undefined && builtFrom !== sourceFingerprint(doc)) {
    sink.error('import-source-changed', 'the source changed after this DOCX was built, so its paragraphs can no longer be matched to the source safely', undefined,
      'import into the source as it was when the DOCX was built (e.g. from version control), then merge your later changes');
    return { diagnostics: sink.items };
  }
  const anchors = new BlockAnchors();
  // The contents' page numbers play no part in mapping blocks back, so no PDF is laid out for them.
  const base = readDocx(await renderDocx(doc, { layout: 'report', anchors, pages: {} }));
  const { edits, findings } = mergeDocument({
    doc,
    source,
    anchors: anchors.byName,
    headingBookmarks: bookmarkNames(doc.body),
    base,
    edited: editedDocument,
  });
  const text = applyEdits(source, edits);
  for (const f of findings) {
    const offset = options.positionsIn === 'merged' ? shiftOffset(edits, f.offset) : f.offset;
    const at = pointAt(options.positionsIn === 'merged' ? text : source, offset);
    sink.warn(f.rule, f.message, { start: at, end: at }, f.hint);
  }
  return { text, original: source, diagnostics: sortDiagnostics(sink.items) };
}

/** The change as a unified diff of the source file. */
export function unifiedDiff(file: string, before: string, after: string): string {
  return before === after ? '' : createTwoFilesPatch(file, file, before, after, undefined, undefined, { context: 3 });
}
