/**
 * Readability figures (LIX, words per sentence, share of long words) per main chapter and overall,
 * for the report and its plain version; sections of the plain version above their threshold warn.
 */
import type { Block, ReportDocument, Span } from '../model/types.js';
import { inlineText } from '../model/text.js';
import { DiagnosticSink, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { addCounts, count, readability, type Readability } from './lix.js';
import { chapters } from './chapters.js';
import { splitSentences } from './sentences.js';
import { textUnits } from './units.js';
import { derivePlain, type PlainVersion } from './derive.js';
import { SMALL_SECTION, type PlainConfigOverrides, type ReadabilityThresholds } from './config.js';

/** Figures for one section. */
export interface SectionReadability extends Readability {
  title: string;
  pos?: Span;
}

/** Figures for a whole text and each of its sections. */
export interface TextReadability {
  overall: Readability;
  sections: SectionReadability[];
}

/** One sentence of the plain version, with where its text comes from in the source. */
export interface SentenceReadability {
  text: string;
  words: number;
  longWords: number;
  lix: number;
  pos?: Span;
}

/** What `rapportverk check` reports: the report, its plain version, its hardest sentences, the limits and any warnings. */
export interface ReadabilityReport {
  report: TextReadability;
  plain: TextReadability;
  /** The hardest sentences of the plain version, hardest first. */
  worst: SentenceReadability[];
  thresholds: ReadabilityThresholds;
  diagnostics: Diagnostic[];
}

/** How many of the hardest sentences `check` shows. */
const WORST_SHOWN = 5;

/** The sentences of the plain version (glossary left out: its text is the author's), hardest first: by LIX, then length. */
export function worstSentences(plain: PlainVersion, limit = WORST_SHOWN): SentenceReadability[] {
  const out: SentenceReadability[] = [];
  const visit = (blocks: readonly Block[]): void => {
    for (const block of blocks) {
      if (block.type === 'paragraph') {
        // Only sentences an author can act on: generated from, or written in, a place in the source.
        if (!block.pos) continue;
        for (const s of splitSentences(inlineText(block.children))) {
          const c = count([s.text]);
          out.push({ text: s.text, words: c.words, longWords: c.longWords, lix: readability(c).lix, pos: block.pos });
        }
      } else if (block.type === 'list') for (const item of block.items) visit(item.children);
    }
  };
  for (const section of plain.sections) if (section.source !== 'glossary') visit(section.blocks);
  return out.sort((a, b) => b.lix - a.lix || b.words - a.words).slice(0, limit);
}

/** Figures for the report itself, per main chapter (its `:::klarsprak` text does not count). */
export function reportReadability(doc: ReportDocument): TextReadability {
  return measure(chapters(doc.body).map((c) => ({
    title: c.heading ? inlineText(c.heading.children) : doc.meta.title,
    units: textUnits(c.blocks),
    ...(c.heading?.pos ? { pos: c.heading.pos } : {}),
  })));
}

/** Figures for the plain version, per section (glossary included). */
export function plainReadability(plain: PlainVersion): TextReadability {
  return measure(plain.sections.map((s) => ({ title: inlineText(s.title), units: textUnits(s.blocks), ...(s.pos ? { pos: s.pos } : {}) })));
}

/** Warnings for a plain version whose sections or whole text are harder than the thresholds. */
export function thresholdWarnings(file: string, figures: TextReadability, limits: ReadabilityThresholds): Diagnostic[] {
  const sink = new DiagnosticSink(file);
  for (const s of figures.sections) {
    // LIX says little about a handful of sentences; the section limit applies from SMALL_SECTION words.
    if (s.lix > limits.section && s.words >= SMALL_SECTION) {
      sink.warn('plain-lix-section', `the plain version of "${s.title}" has LIX ${s.lix}, above the limit ${limits.section}`, s.pos,
        `use shorter sentences (now ${s.wordsPerSentence} words each) and fewer long words (now ${percent(s.longWordShare)})`);
    }
  }
  const o = figures.overall;
  if (o.lix > limits.overall) {
    sink.warn('plain-lix-overall', `the plain version has LIX ${o.lix}, above the limit ${limits.overall}`, undefined,
      'shorten sentences and use common words in the :::klarsprak blocks, starting with the hardest sections');
  }
  return sink.items;
}

/** Derives the plain version and measures both texts; diagnostics include those of the derivation. */
export function readabilityReport(doc: ReportDocument, overrides?: PlainConfigOverrides): ReadabilityReport {
  return measureBoth(doc, derivePlain(doc, overrides));
}

/** Measures a report and its already derived plain version. */
export function measureBoth(doc: ReportDocument, plain: PlainVersion): ReadabilityReport {
  const figures = plainReadability(plain);
  return {
    report: reportReadability(doc),
    plain: figures,
    worst: worstSentences(plain),
    thresholds: plain.config.thresholds,
    diagnostics: sortDiagnostics([...plain.diagnostics, ...thresholdWarnings(doc.file, figures, plain.config.thresholds)]),
  };
}

/** The report as lines of text for people, e.g. for `rapportverk check`; `file` goes before each sentence's position. */
export function formatReadability(r: ReadabilityReport, file = ''): string {
  const row = (name: string, f: Readability): string =>
    `  ${f.lix.toFixed(1).padStart(5)}  ${f.wordsPerSentence.toFixed(1).padStart(14)}  ${percent(f.longWordShare).padStart(10)}  ${name}`;
  const block = (heading: string, t: TextReadability): string[] => [
    heading,
    '    LIX  words/sentence  long words  section',
    ...t.sections.map((s) => row(s.title, s)),
    row('(overall)', t.overall),
  ];
  return [
    ...block('Readability of the report:', r.report),
    ...block(`Readability of the plain version (limits: LIX ${r.thresholds.overall} overall, ${r.thresholds.section} per section):`, r.plain),
    ...(r.worst.length ? ['Hardest sentences of the plain version (a :::klarsprak block in their chapter helps most):'] : []),
    ...r.worst.map((s) => `  ${file}:${s.pos?.start.line ?? 1}:${s.pos?.start.column ?? 1}  LIX ${s.lix.toFixed(1)} (${s.words} words, ${s.longWords} long)  ${s.text}`),
  ].join('\n');
}

function measure(sections: { title: string; units: string[]; pos?: Span }[]): TextReadability {
  const counted = sections.map((s) => ({ s, c: count(s.units) }));
  return {
    overall: readability(addCounts(counted.map((x) => x.c))),
    sections: counted.map(({ s, c }) => ({ title: s.title, ...(s.pos ? { pos: s.pos } : {}), ...readability(c) })),
  };
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
