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
import { generateSection } from './generate.js';
import { aboutParagraphs } from './about.js';
import { chapters, type Chapter } from './chapters.js';
import { textUnits } from './units.js';

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
  const config = resolvePlainConfig(overrides);
  const sink = new DiagnosticSink(doc.file);
  const lexicon = loadLexicon(doc.contentDir, sink);
  const labels = doc.frame.labels;
  const slugs = new SlugRegistry();
  const id = (title: string): string => slugs.claim(slugify(title));

  const all = chapters(doc.body);
  const summary = all.find((c) => c.heading && config.summaryTitles.includes(inlineText(c.heading.children).trim().toLowerCase()))
    ?? all.find((c) => !c.heading);
  const aboutTitle: Inline[] = [{ type: 'text', value: labels.aboutReport }];
  const about: PlainSection = {
    id: id(labels.aboutReport),
    title: aboutTitle,
    source: 'about',
    ...(summary?.heading ? { chapter: summary.heading.id } : {}),
    blocks: [...aboutParagraphs(doc.meta), ...(summary ? sectionBlocks(summary, lexicon, config, sink).blocks : describe(doc.meta))],
    ...(summary?.heading?.pos ? { pos: summary.heading.pos } : {}),
  };

  const sections: PlainSection[] = [about];
  for (const chapter of all) {
    if (chapter === summary || !chapter.heading) continue;
    const { blocks, title, authored } = sectionBlocks(chapter, lexicon, config, sink);
    const pos = authored?.pos ?? chapter.heading.pos;
    if (blocks.length === 0) {
      sink.warn('plain-section-empty', `the chapter "${inlineText(title)}" has no running text to make plain text from`, pos,
        'write a :::klarsprak block right after the chapter heading that says in plain words what the chapter is about');
    }
    sections.push({
      id: id(inlineText(title)),
      title,
      source: authored ? 'authored' : 'generated',
      chapter: chapter.heading.id,
      blocks,
      ...(pos ? { pos } : {}),
    });
  }

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
      frame: buildFrame(plainMeta),
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

/** A chapter's plain blocks: its `:::klarsprak` blocks when it has any, else generated text. */
function sectionBlocks(chapter: Chapter, lexicon: readonly LexiconEntry[], config: PlainConfig, sink: DiagnosticSink) {
  const title = chapter.heading?.children ?? [];
  const authoredBlocks = chapter.blocks.flatMap((b) => (b.type === 'plainText' ? [b] : []));
  const authored = authoredBlocks[0];
  if (!authored) return { title, blocks: generateSection(chapter.blocks, lexicon, config, sink), authored };
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
