/**
 * The plain-language version as a model of its own: "Kort om rapporten", one short section per
 * main chapter (the author's `:::klarsprak` text, or text generated from the chapter), and the
 * glossary of hard words the plain text uses. The result is a `ReportDocument`, so the PDF and
 * DOCX renderers can lay it out like any report.
 */
import type { Block, Heading, Inline, Metadata, ReportDocument, Span, TocEntry } from '../model/types.js';
import { inlineText } from '../model/text.js';
import { SlugRegistry, slugify } from '../model/slug.js';
import { DiagnosticSink, type Diagnostic } from '../diagnostics.js';
import { buildFrame } from '../frame/index.js';
import { resolvePlainConfig, type PlainConfig, type PlainConfigOverrides } from './config.js';
import { loadLexicon, usedEntries, type LexiconEntry } from './lexicon.js';
import { generateSection, type GenerateOptions } from './generate.js';
import { plainWordsFor } from './plain-words.js';
import { labelLanguage } from '../model/language-tag.js';
import { plainLanguage } from './language.js';
import { noTextParagraphs } from './about.js';
import { aboutParagraphs } from './about.js';
import { chapters, type Chapter } from './chapters.js';
import { textUnits } from './units.js';
import { addCounts, count, readability, type Counts } from './lix.js';

/** Where a section's text came from. */
export type SectionSource = 'about' | 'authored' | 'generated' | 'glossary';

/** One section of the plain version. */
export interface PlainSection {
  id: string;
  title: Inline[];
  source: SectionSource;
  /** Id of the report chapter this section stands for, if any. */
  chapter?: string;
  blocks: Block[];
  /** Where an author fixes this section: the `:::klarsprak` block, else the chapter heading. */
  pos?: Span;
}

/** The plain version: its sections (the glossary last, when any word is used), and the same as a report model. */
export interface PlainVersion {
  doc: ReportDocument;
  sections: PlainSection[];
  glossary: LexiconEntry[];
  config: PlainConfig;
  diagnostics: Diagnostic[];
}

/** Derives the plain-language version of a checked report. */
export function derivePlain(doc: ReportDocument, overrides?: PlainConfigOverrides): PlainVersion {
  const config = resolvePlainConfig(doc.meta.plain, overrides);
  const lexiconSink = new DiagnosticSink(doc.file);
  const lexicon = loadLexicon(doc.contentDir, lexiconSink);
  const lang = plainLanguage(labelLanguage(doc.meta.lang));
  const labels = doc.frame.labels;
  const build = (target: number) => {
    const sink = new DiagnosticSink(doc.file);
    const options: GenerateOptions = { lang, locale: doc.meta.locale, words: plainWordsFor(lang, lexicon), config, sink, target };
    return { sections: buildSections(doc, options), sink };
  };
  // Each section may go up to just under its own limit; if that takes the whole text over the
  // overall limit, every section is held to the overall limit instead.
  let built = build(config.thresholds.section - 1);
  const overall = readability(addCounts(built.sections.map((s) => count(textUnits(s.blocks))))).lix;
  if (overall > config.thresholds.overall - 1) built = build(Math.min(config.thresholds.section, config.thresholds.overall) - 1);
  const { sections, sink } = built;
  sink.items.unshift(...lexiconSink.items);
  const slugs = new SlugRegistry();
  const id = (title: string): string => slugs.claim(slugify(title));
  for (const s of sections) s.id = id(inlineText(s.title));

  const used = sections.flatMap((s) => [inlineText(s.title), ...textUnits(s.blocks)]);
  const glossary = usedEntries(used, lexicon, doc.meta.locale);
  if (glossary.length) {
    sections.push({ id: id(labels.glossary), title: [{ type: 'text', value: labels.glossary }], source: 'glossary', blocks: [glossaryList(glossary)] });
  }
  const plainMeta: Metadata = {
    ...doc.meta,
    title: `${labels.plainVersionTitle}: ${doc.meta.title}`,
    shortTitle: `${labels.plainVersionTitle}: ${doc.meta.shortTitle}`,
    description: labels.plainVersionNote,
    numbering: 0,
  };
  const body: Block[] = sections.flatMap((s) => [heading(s.id, s.title, s.pos), ...s.blocks]);
  const toc: TocEntry[] = body.flatMap((b) => (b.type === 'heading' && b.level === 1 ? [{ id: b.id, level: 1, text: inlineText(b.children) }] : []));

  return {
    doc: {
      file: doc.file,
      contentDir: doc.contentDir,
      rootDir: doc.rootDir,
      meta: plainMeta,
      frame: buildFrame(plainMeta, { draft: doc.draft }),
      ...(doc.draft ? { draft: true } : {}),
      body,
      footnotes: [],
      toc,
      created: doc.created,
    },
    sections,
    glossary,
    config,
    diagnostics: sink.items,
  };
}

/** The sections of the plain version: "Kort om rapporten", then one per main chapter (ids are set by the caller). */
function buildSections(doc: ReportDocument, options: GenerateOptions): PlainSection[] {
  const { config, sink } = options;
  const labels = doc.frame.labels;
  const all = chapters(doc.body);
  const summary = all.find((c) => c.heading && config.summaryTitles.includes(inlineText(c.heading.children).trim().toLowerCase()))
    ?? all.find((c) => !c.heading);
  const opening = aboutParagraphs(doc.meta);
  const about: PlainSection = {
    id: '',
    title: [{ type: 'text', value: labels.aboutReport }],
    source: 'about',
    ...(summary?.heading ? { chapter: summary.heading.id } : {}),
    blocks: [...opening, ...(summary ? sectionBlocks(summary, options, count(textUnits(opening))).blocks : describe(doc.meta))],
    ...(summary?.heading?.pos ? { pos: summary.heading.pos } : {}),
  };
  const sections: PlainSection[] = [about];
  for (const chapter of all) {
    if (chapter === summary || !chapter.heading) continue;
    const { blocks: own, title, authored } = sectionBlocks(chapter, options);
    const pos = authored?.pos ?? chapter.heading.pos;
    let blocks = own;
    if (blocks.length === 0) {
      sink.warn('plain-section-empty', `the chapter "${inlineText(title)}" has no running text to make plain text from`, pos,
        'write a :::klarsprak block right after the chapter heading that says in plain words what the chapter is about');
      // The chapter stays in the plain version, with a pointer to the report, so no chapter goes missing.
      blocks = noTextParagraphs(doc.meta);
    }
    sections.push({
      id: '',
      title,
      source: authored ? 'authored' : 'generated',
      chapter: chapter.heading.id,
      blocks,
      ...(pos ? { pos } : {}),
    });
  }
  return sections;
}

/** A chapter's plain blocks: its `:::klarsprak` blocks when it has any, else generated text. */
function sectionBlocks(chapter: Chapter, options: GenerateOptions, before?: Counts) {
  const title = chapter.heading?.children ?? [];
  const authoredBlocks = chapter.blocks.flatMap((b) => (b.type === 'plainText' ? [b] : []));
  const authored = authoredBlocks[0];
  if (!authored) return { title, blocks: generateSection(inlineText(title), chapter.blocks, options, before), authored };
  return { title, blocks: authoredBlocks.flatMap((b) => b.children).map(nestHeading), authored };
}

/** Headings inside a section sit one level below it, whatever level the author wrote. */
function nestHeading(block: Block): Block {
  return block.type === 'heading' ? { ...block, level: 2 } : block;
}

/** Without a summary, the front matter description stands in for it. */
function describe(meta: Metadata): Block[] {
  return meta.description ? [{ type: 'paragraph', children: [{ type: 'text', value: meta.description }] }] : [];
}

function heading(id: string, children: Inline[], pos?: Span): Heading {
  return { type: 'heading', level: 1, id, children, ...(pos ? { pos } : {}) };
}

/** The glossary as a list: the word in bold, then its explanation. */
function glossaryList(entries: readonly LexiconEntry[]): Block {
  return {
    type: 'list',
    ordered: false,
    start: 1,
    tight: true,
    items: entries.map((e) => ({
      type: 'listItem',
      children: [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: e.word }] }, { type: 'text', value: `: ${e.explanation}` }] }],
    })),
  };
}
