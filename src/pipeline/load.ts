/** The pipeline: source file → validated model. Read the source, parse it (`src/parse`), check it (`src/checks`), then complete it for the renderers (frame, numbers, cross-references). */
import { basename, dirname, extname, resolve } from 'node:path';
import type { Metadata, ReportDocument } from '../model/types.js';
import { DiagnosticSink, pointSpan, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { buildFrame } from '../frame/index.js';
import { creationTime } from '../frame/dates.js';
import { runChecks } from '../checks/index.js';
import { readSource } from '../parse/source.js';
import { parseMarkdown } from '../parse/markdown.js';
import { blankDocusaurusTitles } from '../parse/admonitions.js';
import { readFrontMatter, type FrontMatterMetadata } from '../parse/frontmatter.js';
import { fullLocale } from '../model/locale.js';
import { detectLanguage, languageName } from '../parse/document-language.js';
import { toModel, type ConvertedBody } from '../parse/to-model.js';
import { projectRoot } from '../parse/project-root.js';
import { numberCaptions } from '../model/captions.js';
import { attachTableCaptions } from '../parse/table-captions.js';
import { resolveCrossReferences } from '../parse/cross-references.js';
import { findDeepNesting, MAX_SCANNED_NESTING } from '../parse/nesting-guard.js';
import { findInlineHazard, MAX_SCANNED_INLINE_NESTING } from '../parse/inline-guard.js';
import { timed } from '../timings.js';
import { locateImage } from '../checks/image-files.js';
import { readImageShape } from '../model/image-size.js';

/** The outcome of loading a report: the model when usable, and every diagnostic found. */
export interface LoadResult {
  doc?: ReportDocument;
  diagnostics: Diagnostic[];
}

/** What the command line may say about a document besides its text. */
export interface LoadOptions {
  /** The document language (`--lang`); wins over the front matter and detection. */
  lang?: string;
  /** The project root (`--root`); images and links may point anywhere inside it. */
  root?: string;
}

/** Loads a report from a Markdown file. `doc` is absent when errors make a model impossible. */
export function loadReport(file: string, options: LoadOptions = {}): LoadResult {
  const sink = new DiagnosticSink(file);
  const text = readSource(file, sink);
  if (text === undefined) return { diagnostics: sink.items };
  return loadReportText(file, text, sink, options);
}

/** Loads a report from Markdown text that claims to come from `file` (for checks and tests). */
export function loadReportText(file: string, text: string, sink = new DiagnosticSink(file), options: LoadOptions = {}): LoadResult {
  if (refuseBeforeParsing(text, sink)) return { diagnostics: sink.items };
  const tree = timed('parse', () => parseMarkdown(blankDocusaurusTitles(text)));
  const front = timed('model', () => readFrontMatter(tree, text, sink));
  const contentDir = dirname(resolve(file));
  const rootDir = projectRoot(file, options.root);
  const imageSize = (src: string) => {
    const found = locateImage(src, { contentDir, rootDir });
    return 'path' in found ? readImageShape(found.path)?.shown : undefined;
  };
  const converted = timed('model', () =>
    toModel(tree, { numbering: front?.numbering, source: text, titleFromHeading: front?.title === undefined, imageSize }, sink));
  attachTableCaptions(converted.body);
  numberCaptions(converted.body);
  const meta = front && completeMetadata(front, converted, file, options, sink);
  if (!meta) {
    // No model without front matter, but the author still gets every other finding at once.
    timed('checks', () => runChecks({ body: converted.body, footnotes: converted.footnotes, contentDir, rootDir }, sink, text));
    return { diagnostics: sortDiagnostics(sink.items) };
  }
  const doc: ReportDocument = {
    file,
    contentDir,
    rootDir,
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

/** Title and language from the front matter, else from the text (the first `#` heading, detection), else the file. */
function completeMetadata(front: FrontMatterMetadata, converted: ConvertedBody, file: string, options: LoadOptions,
  sink: DiagnosticSink): Metadata {
  const title = front.title ?? converted.title ?? titleFromFileName(file, sink);
  const lang = options.lang ?? front.lang ?? detectedLanguage(converted, sink);
  return { ...front, title, shortTitle: front.shortTitle ?? title, lang, locale: fullLocale(lang), numbering: converted.numbering };
}

const FILE_START = pointSpan({ line: 1, column: 1, offset: 0 });

/** The file name as a title; `README.md` and `index.md` are named after their folder. */
function titleFromFileName(file: string, sink: DiagnosticSink): string {
  const stem = basename(file, extname(file));
  const title = /^(readme|index|_index)$/i.test(stem) ? basename(dirname(resolve(file))) : stem;
  sink.warn('title-from-file-name', `the document has no title, so it is called "${title}" after its file`, FILE_START,
    'start it with a "# Title" heading, or add "title: …" to the front matter');
  return title;
}

function detectedLanguage(converted: ConvertedBody, sink: DiagnosticSink): string {
  const detected = detectLanguage(converted.body);
  if (detected === undefined) {
    sink.warn('lang-detected', 'no language is set and the text is too short to tell; Norwegian Bokmål (nb) is assumed', FILE_START,
      'set it with "lang: nb" (or nn, en, se, …) in the front matter, or with --lang');
    return 'nb';
  }
  sink.warn('lang-detected', `no language is set; the text reads as ${languageName(detected)} ("${detected}")`, FILE_START,
    `if that is right, write "lang: ${detected}" in the front matter (or build with --lang ${detected}); screen readers need it`);
  return detected;
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
  const inline = findInlineHazard(text);
  if (inline?.kind === 'deep') {
    sink.error('nesting-too-deep',
      `this paragraph opens ${inline.depth} emphasis markers or brackets without closing them; the limit is ${MAX_SCANNED_INLINE_NESTING}`,
      pointSpan(inline.at), 'close each * _ and [ you open, write \\* for a literal asterisk, or split the paragraph');
    return true;
  }
  if (inline?.kind === 'unmatched') {
    sink.error('markup-unmatched',
      `${inline.count} *, _ or ] in long paragraphs close nothing, or links leave their ( open (the first is here); reading them would take minutes`,
      pointSpan(inline.at), 'write \\* \\_ \\] for the characters themselves, put code and file names in `backticks`, or split the text into paragraphs');
    return true;
  }
  return false;
}
