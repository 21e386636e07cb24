/**
 * Readability figures (LIX, words per sentence, share of long words) per main chapter and overall,
 * for the report and its plain version; sections of the plain version above their threshold warn.
 */
import type { ReportDocument, Span } from '../model/types.js';
import { inlineText } from '../model/text.js';
import { DiagnosticSink, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { addCounts, count, readability, type Readability } from './lix.js';
import { chapters } from './chapters.js';
import { textUnits } from './units.js';
import { derivePlain, type PlainVersion } from './derive.js';
import type { PlainConfigOverrides, ReadabilityThresholds } from './config.js';

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

/** What `rapportverk check` reports: the report, its plain version, the limits and any warnings. */
export interface ReadabilityReport {
  report: TextReadability;
  plain: TextReadability;
  thresholds: ReadabilityThresholds;
  diagnostics: Diagnostic[];
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
    if (s.lix > limits.section) {
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
    thresholds: plain.config.thresholds,
    diagnostics: sortDiagnostics([...plain.diagnostics, ...thresholdWarnings(doc.file, figures, plain.config.thresholds)]),
  };
}

/** The report as lines of text for people, e.g. for `rapportverk check`. */
export function formatReadability(r: ReadabilityReport): string {
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
