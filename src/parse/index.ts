/** Source file → validated model: read, parse, front matter, convert, frame, checks. */
import { dirname, resolve } from 'node:path';
import type { ReportDocument } from '../model/types.js';
import { DiagnosticSink, pointSpan, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { buildFrame } from '../frame/index.js';
import { creationTime } from '../frame/dates.js';
import { runChecks } from '../checks/index.js';
import { readSource } from './source.js';
import { parseMarkdown } from './markdown.js';
import { readFrontMatter } from './frontmatter.js';
import { toModel } from './to-model.js';
import { numberCaptions } from '../model/captions.js';
import { attachTableCaptions } from './table-captions.js';
import { resolveCrossReferences } from './cross-references.js';
import { findDeepNesting, MAX_SCANNED_NESTING } from './nesting-guard.js';
import { findDeepInlineNesting, MAX_SCANNED_INLINE_NESTING } from './inline-guard.js';
import { timed } from '../timings.js';

/** The outcome of loading a report: the model when usable, and every diagnostic found. */
export interface LoadResult {
  doc?: ReportDocument;
  diagnostics: Diagnostic[];
}

/** Loads a report from a Markdown file. `doc` is absent when errors make a model impossible. */
export function loadReport(file: string): LoadResult {
  const sink = new DiagnosticSink(file);
  const text = readSource(file, sink);
  if (text === undefined) return { diagnostics: sink.items };
  return loadReportText(file, text, sink);
}

/** Loads a report from Markdown text that claims to come from `file` (for checks and tests). */
export function loadReportText(file: string, text: string, sink = new DiagnosticSink(file)): LoadResult {
  if (refuseBeforeParsing(text, sink)) return { diagnostics: sink.items };
  const tree = timed('parse', () => parseMarkdown(text));
  const meta = timed('model', () => readFrontMatter(tree, text, sink));
  const converted = timed('model', () => toModel(tree, { numbering: meta?.numbering ?? 3, source: text }, sink));
  attachTableCaptions(converted.body);
  numberCaptions(converted.body);
  const contentDir = dirname(resolve(file));
  if (!meta) {
    // No model without front matter, but the author still gets every other finding at once.
    timed('checks', () => runChecks({ body: converted.body, footnotes: converted.footnotes, contentDir }, sink, text));
    return { diagnostics: sortDiagnostics(sink.items) };
  }
  const doc: ReportDocument = {
    file,
    contentDir,
    meta,
    frame: timed('model', () => buildFrame(meta)),
    body: converted.body,
    footnotes: converted.footnotes,
    toc: converted.toc,
    created: creationTime(meta.date),
  };
  timed('model', () => resolveCrossReferences(doc, sink, text));
  timed('checks', () => runChecks(doc, sink, text));
  return { doc, diagnostics: sortDiagnostics(sink.items) };
}

/**
 * Records an error and returns true for input the parser would overflow its stack on, or spend
 * minutes on; nothing else in such a file can be checked safely.
 */
function refuseBeforeParsing(text: string, sink: DiagnosticSink): boolean {
  const deep = findDeepNesting(text);
  if (deep) {
    sink.error('nesting-too-deep', `this line nests ${deep.depth} or more block quotes and lists; the limit is ${MAX_SCANNED_NESTING}`,
      pointSpan(deep.at), 'flatten the structure: readers cannot follow such deep nesting either');
    return true;
  }
  const inline = findDeepInlineNesting(text);
  if (inline) {
    sink.error('nesting-too-deep',
      `this paragraph opens ${inline.depth} emphasis markers or brackets without closing them; the limit is ${MAX_SCANNED_INLINE_NESTING}`,
      pointSpan(inline.at), 'close each * _ and [ you open, write \\* for a literal asterisk, or split the paragraph');
    return true;
  }
  return false;
}
