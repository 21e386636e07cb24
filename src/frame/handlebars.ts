/**
 * A locked-down Handlebars: an isolated instance, no prototype access, strict lookups, and
 * values escaped for the template's output language before they go in. Source text that looks
 * like a template is data, never compiled.
 */
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { templatesDir } from './paths.js';

/** The escaping a template's output needs: Markdown, HTML, or none (already safe). */
export type Escape = (value: string) => string;

const instance = Handlebars.create();
const cache = new Map<string, Handlebars.TemplateDelegate>();

/** Backslash-escapes ASCII punctuation so values render as literal text in Markdown. */
export const escapeMarkdown: Escape = (value) =>
  value.replace(/[\\`*_{}[\]()#+\-.!<>|~:"'&=$%^@?/;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');

/** Escapes HTML special characters. */
export const escapeHtml: Escape = (value) =>
  value.replace(/[&<>"'`=]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Forgets the compiled templates, so the next build reads edited ones (watch mode). */
export function forgetTemplates(): void {
  cache.clear();
}

/** Compiles (once) and returns a template from `templates/`. */
export function loadTemplate(name: string, escape: Escape): (context: object) => string {
  let template = cache.get(name);
  if (!template) {
    const text = readFileSync(join(templatesDir, name), 'utf8');
    // `noEscape` because Handlebars' own escaping is HTML-only; `escapeValues` does it per format.
    template = instance.compile(text, { strict: false, noEscape: true, knownHelpersOnly: false });
    cache.set(name, template);
  }
  const compiled = template;
  return (context) =>
    compiled(escapeValues(context, escape), {
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
    });
}

/** Keys ending in `Raw` are passed through unescaped: the caller vouches for them. */
function escapeValues(value: unknown, escape: Escape, key = ''): unknown {
  if (typeof value === 'string') return key.endsWith('Raw') ? value : escape(value);
  if (Array.isArray(value)) return value.map((v) => escapeValues(v, escape));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeValues(v, escape, k);
    return out;
  }
  return value;
}
