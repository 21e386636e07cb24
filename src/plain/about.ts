/** Fixed plain text from per-language templates: the opening of "Kort om rapporten" (what, who, when), and the pointer for a chapter without text. */
import type { Metadata, Paragraph } from '../model/types.js';
import { labelLanguage } from '../model/language-tag.js';
import { loadTemplate } from '../frame/handlebars.js';
import { longDate } from '../frame/dates.js';

// The template makes plain text that only ever becomes model text nodes, which every renderer
// escapes for its own format; escaping here would show up as stray backslashes or entities.
const asText = (value: string): string => value.replace(/\s+/g, ' ');

/** Paragraphs saying which report this is, who published it and when. */
export function aboutParagraphs(meta: Metadata): Paragraph[] {
  return paragraphs(`plain/about.${labelLanguage(meta.lang)}.txt.hbs`, meta);
}

/** Paragraphs for a chapter without running text: read it in the report. */
export function noTextParagraphs(meta: Metadata): Paragraph[] {
  return paragraphs(`plain/no-text.${labelLanguage(meta.lang)}.txt.hbs`, meta);
}

function paragraphs(template: string, meta: Metadata): Paragraph[] {
  const text = loadTemplate(template, asText)({
    title: meta.title,
    publisher: meta.publisher ?? meta.authors.join(', '),
    dateLong: meta.date ? longDate(meta.date, meta.locale) : '',
  });
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] }));
}
