/** `X.plain.json`: the plain version's structure and readability figures, for tools and dashboards. */
import type { Span } from '../model/types.js';
import { inlineText } from '../model/text.js';
import type { PlainVersion } from './derive.js';
import type { ReadabilityReport, SectionReadability, TextReadability } from './readability.js';

/** The JSON text (stable key order, two-space indent, trailing newline). */
export function plainJson(plain: PlainVersion, figures: ReadabilityReport): string {
  const data = {
    title: plain.doc.meta.title,
    lang: plain.doc.meta.lang,
    source: plain.doc.file,
    created: plain.doc.created.toISOString(),
    thresholds: figures.thresholds,
    readability: { plain: text(figures.plain), report: text(figures.report) },
    sections: plain.sections.map((s) => ({
      id: s.id,
      title: inlineText(s.title),
      source: s.source,
      ...(s.chapter ? { chapter: s.chapter } : {}),
      ...(s.pos ? { line: s.pos.start.line } : {}),
    })),
    glossary: plain.glossary.map((e) => e.word),
    diagnostics: figures.diagnostics.map((d) => ({
      severity: d.severity,
      rule: d.rule,
      message: d.message,
      ...(d.pos ? { line: d.pos.start.line, column: d.pos.start.column } : {}),
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

function text(t: TextReadability) {
  return { overall: t.overall, sections: t.sections.map(section) };
}

function section(s: SectionReadability) {
  const { pos, ...rest } = s;
  return { ...rest, ...(pos ? { line: line(pos) } : {}) };
}

function line(pos: Span): number {
  return pos.start.line;
}
