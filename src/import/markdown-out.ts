/**
 * Word text → Markdown, for text the editor wrote: escapes what Markdown would read as markup and
 * writes formatting as the dialect spells it (`**`, `*`, `~~`, `<sup>`, links, `:lang[]{lang=…}`).
 */
import type { RunFormat } from './read-docx.js';
import { NOTE_MARK } from './read-docx.js';

/** Text with one format per character and a note key at each note mark. */
export interface FlatText {
  text: string;
  formats: RunFormat[];
  /** Per character: the key of the note a note mark refers to. */
  notes: (string | undefined)[];
}

/** How to write what the text refers to. */
export interface MarkdownWriter {
  /** `[^label]` for a note key. */
  noteReference(key: string): string;
  /** The Markdown link target for a link of the Word text. */
  href(link: string): string;
  /** Inside a table cell, `|` must be escaped. */
  inTable?: boolean;
}

type Attribute = 'link' | 'lang' | 'bold' | 'italic' | 'strike' | 'superscript' | 'subscript' | 'code';
/** Outermost first, so that the markup nests. */
const ORDER: Attribute[] = ['link', 'lang', 'bold', 'italic', 'strike', 'superscript', 'subscript', 'code'];

/** The formatting of plain text. */
export const PLAIN_FORMAT: RunFormat = { bold: false, italic: false, strike: false, superscript: false, subscript: false, code: false };

/** Writes `text[from, to)` as Markdown, marking up the formatting it has beyond `context`. */
export function inlineMarkdown(text: FlatText, from: number, to: number, context: RunFormat, writer: MarkdownWriter): string {
  return write(text, from, to, context, 0, writer);
}

/** True when every character of `text[from, to)` has the formatting of `context` (and maybe more). */
export function fitsContext(text: FlatText, from: number, to: number, context: RunFormat): boolean {
  for (let i = from; i < to; i++) {
    const f = text.formats[i] as RunFormat;
    for (const a of ORDER) if (isOn(context, a) && value(f, a) !== value(context, a)) return false;
  }
  return true;
}

function write(text: FlatText, from: number, to: number, context: RunFormat, level: number, writer: MarkdownWriter): string {
  const attribute = ORDER[level];
  if (attribute === undefined) return escape(text, from, to, writer);
  let out = '';
  let i = from;
  while (i < to) {
    const v = value(text.formats[i] as RunFormat, attribute);
    let j = i + 1;
    while (j < to && value(text.formats[j] as RunFormat, attribute) === v) j++;
    if (v === value(context, attribute) || !v) out += write(text, i, j, context, level + 1, writer);
    else out += wrap(text, i, j, { ...context, [attribute]: v }, attribute, v, level, writer);
    i = j;
  }
  return out;
}

/** Marks up `text[from, to)`; spaces at its ends stay outside, where Markdown wants them. */
function wrap(text: FlatText, from: number, to: number, context: RunFormat, attribute: Attribute, v: string, level: number, writer: MarkdownWriter): string {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text.text.charAt(start))) start++;
  while (end > start && /\s/.test(text.text.charAt(end - 1))) end--;
  const lead = escape(text, from, start, writer);
  const trail = escape(text, end, to, writer);
  if (start === end) return lead + trail;
  if (attribute === 'code') {
    const raw = text.text.slice(start, end);
    const fence = '`'.repeat(Math.max(0, ...[...raw.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
    return `${lead}${fence}${/^`|`$/.test(raw) ? ` ${raw} ` : raw}${fence}${trail}`;
  }
  const inner = write(text, start, end, context, level + 1, writer);
  const [open, close] = markers(attribute, v, writer);
  return `${lead}${open}${inner}${close}${trail}`;
}

/** The opening and closing markup for an attribute. */
export function markers(attribute: Attribute, v: string, writer: MarkdownWriter): [string, string] {
  switch (attribute) {
    case 'link':
      return ['[', `](${writer.href(v)})`];
    case 'lang':
      return [':lang[', `]{lang=${v}}`];
    case 'bold':
      return ['**', '**'];
    case 'italic':
      return ['*', '*'];
    case 'strike':
      return ['~~', '~~'];
    case 'superscript':
      return ['<sup>', '</sup>'];
    case 'subscript':
      return ['<sub>', '</sub>'];
    case 'code':
      return ['`', '`'];
  }
}

function value(format: RunFormat, attribute: Attribute): string {
  const v = format[attribute];
  return typeof v === 'string' ? v : v ? 'on' : '';
}

function isOn(format: RunFormat, attribute: Attribute): boolean {
  return value(format, attribute) !== '';
}

/** Escapes text so that Markdown reads it as the same text; note marks become references. */
function escape(text: FlatText, from: number, to: number, writer: MarkdownWriter): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const c = text.text.charAt(i);
    if (c === NOTE_MARK) {
      const key = text.notes[i];
      if (key !== undefined) out += writer.noteReference(key);
      continue;
    }
    const next = text.text.charAt(i + 1);
    if (c === '\n') out += '\\\n';
    else if ('\\*_`[]<>~'.includes(c) || (c === '|' && writer.inTable)) out += `\\${c}`;
    // `:name` would start a directive, `&name;` an entity.
    else if ((c === ':' && /[A-Za-z]/.test(next)) || (c === '&' && /^&#?[A-Za-z0-9]+;/.test(text.text.slice(i)))) out += `\\${c}`;
    else out += c;
  }
  return out;
}

/** Escapes what would make a block something else at the start of a line (`#`, `>`, `-`, `1.`). */
export function escapeBlockStart(markdown: string): string {
  return markdown.replace(/^(\s*)([#>+=-]|\d+(?=[.)]))/, (whole, space: string, mark: string) =>
    /^\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
  );
}
