/** The plain version as one accessible, self-contained HTML page, through `templates/plain/page.html.hbs`. */
import { escapeHtml, loadTemplate } from '../frame/handlebars.js';
import type { PlainVersion } from './derive.js';
import { blocksToHtml, inlinesToHtml, type HtmlContext } from '../render/html/content.js';

/** Renders the page; the report title goes in the h1 under the "plain version" label. */
export function renderPlainPage(plain: PlainVersion, reportTitle: string): string {
  const { doc, sections } = plain;
  // Sections are h2; a level-2 heading inside one is h3.
  const ctx: HtmlContext = {
    ids: new Set(sections.map((s) => s.id)),
    labels: doc.frame.labels,
    level: (heading) => Math.min(6, 3 + Math.max(0, heading.level - 2)),
    report: false,
  };
  const page = loadTemplate('plain/page.html.hbs', escapeHtml);
  return page({
    lang: doc.meta.lang,
    draft: doc.draft === true,
    title: doc.meta.title,
    description: doc.meta.description ?? '',
    reportTitle,
    labels: doc.frame.labels,
    sections: sections.map((s) => ({
      id: s.id,
      titleRaw: inlinesToHtml(s.title, ctx),
      contentRaw: s.source === 'glossary' ? '' : blocksToHtml(s.blocks, ctx),
      glossary: s.source === 'glossary' ? plain.glossary.map((e) => ({ word: e.word, explanation: e.explanation })) : undefined,
    })),
    colophonRaw: blocksToHtml(doc.frame.colophon, ctx),
  });
}
