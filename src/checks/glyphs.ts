/**
 * Characters the bundled fonts cannot draw. A PDF would show an empty box (or nothing) in their
 * place, so each one is reported with its position, code point and Unicode name.
 *
 * Running text, headings, tables and footnotes use the proportional family (Noto Sans), code the
 * monospace one (Noto Sans Mono). A character counts as covered by a family only when every
 * style of it (regular, bold, italic …) has a glyph, since emphasis may land on any character.
 * What a family lacks is drawn from a fallback font (maths, symbols, emoji: src/fonts/coverage.ts);
 * only characters no bundled font has are reported. The front matter is checked against the proportional family: its values fill cover and colophon.
 */
import { createRequire } from 'node:module';
import type { Point, Span } from '../model/types.js';
import { pointSpan, type DiagnosticSink } from '../diagnostics.js';
import { fallbackFor, isIgnorable, mainCoverage, type Covers, type MainCoverage } from '../fonts/coverage.js';
import { walkContent, type CheckedContent } from './content.js';
import { advance } from '../parse/points.js';
import { pointAt } from '../parse/points.js';

type Kind = keyof MainCoverage;

const REPLACEMENT = '\uFFFD';
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const DAMAGED = /[\u0000\uFFFD]/g;

/** One character that cannot be drawn, where it first occurs, and how often. */
interface Finding {
  char: string;
  kind: Kind;
  pos: Span | undefined;
  count: number;
}

/** Reports each undrawable or control character once, at its first occurrence, with a count. */
export function checkGlyphs(doc: CheckedContent, sink: DiagnosticSink, source?: string): void {
  const fonts = mainCoverage();
  const findings = new Map<string, Finding>();
  const note = (char: string, kind: Kind, pos: () => Span | undefined): void => {
    const key = `${kind}:${char}`;
    const known = findings.get(key);
    if (known) known.count++;
    else findings.set(key, { char, kind, pos: pos(), count: 1 });
  };
  if (source !== undefined) {
    // The parser turns NUL into U+FFFD, so both are looked for in the source, where they stand.
    for (const m of source.matchAll(DAMAGED)) note(m[0], 'text', () => pointSpan(pointAt(source, m.index)));
  }
  const scan = (value: string, kind: Kind, pos: Span | undefined): void => {
    for (const char of value) {
      const cp = char.codePointAt(0) as number;
      if (drawable(char, cp, fonts[kind]) || (source !== undefined && char === REPLACEMENT)) continue;
      note(char, kind, () => locate(char, pos, source));
    }
  };
  const front = source === undefined ? undefined : frontMatterText(source);
  if (front) {
    const start: Point = { line: 1, column: 1, offset: 0 };
    scan(front, 'text', { start, end: advance(front, start, front.length) });
  }
  walkContent(doc, (node) => {
    if (node.type === 'text') scan(node.value, 'text', node.pos);
    else if (node.type === 'inlineCode' || node.type === 'code') scan(node.value, 'code', node.pos);
  });
  for (const f of findings.values()) report(f, fonts, sink);
}


function drawable(char: string, cp: number, covered: Covers): boolean {
  if (covered.has(cp) || char === '\n' || char === '\t') return true;
  // Invisible formatting characters (soft hyphen, zero-width joiner, variation selectors …) are
  // handled by the renderers and need no glyph; symbols, arrows and emoji come from a fallback font.
  return isIgnorable(char) || fallbackFor(cp) !== undefined;
}

function report(f: Finding, fonts: MainCoverage, sink: DiagnosticSink): void {
  const cp = f.char.codePointAt(0) as number;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = characterName(f.char);
  const times = f.count > 1 ? ` (${f.count} times; this is the first)` : '';
  if (f.char === REPLACEMENT) {
    sink.error('replacement-character', `${code} ${name} (${f.char}) marks text damaged by a wrong character encoding${times}`, f.pos,
      'retype the character that belongs here (often æ, ø or å), or convert the source from its old encoding to UTF-8 again');
    return;
  }
  if (/\p{Cc}/u.test(f.char)) {
    sink.error('control-character', `invisible control character ${code} ${name} in the text${times}`, f.pos,
      'delete it: it has no meaning in a document (it often comes from copying out of another program)');
    return;
  }
  const other: Kind = f.kind === 'text' ? 'code' : 'text';
  if (fonts[other].has(cp)) {
    const which = f.kind === 'text' ? 'the text font' : 'the code font';
    sink.error('glyph-missing', `${which} cannot draw ${code} ${name} (${f.char})${times}`, f.pos,
      f.kind === 'text' ? 'use another character, or write it as `code` where the code font can draw it'
        : 'use another character inside code');
    return;
  }
  sink.error('glyph-missing', `no bundled font can draw ${code} ${name} (${f.char})${times}`, f.pos,
    'replace it with a character the bundled fonts have, or describe it in words (they cover Latin, Greek, Cyrillic, maths, symbols and emoji, but not other scripts)');
}

let names: typeof import('unicode-name') | undefined;

/** The Unicode name, e.g. "RIGHTWARDS ARROW", or a label like "<control-0007>". */
function characterName(char: string): string {
  // The name tables are large (1.6 MB); load them only when there is something to report.
  names ??= createRequire(import.meta.url)('unicode-name') as typeof import('unicode-name');
  return names.unicodeName(char) ?? names.unicodeLabel(char) ?? 'UNNAMED CHARACTER';
}

/**
 * The first place `char` occurs in the source of a node, written as itself or as a numeric
 * character reference (`&#x1F600;`, `&#128512;`); the node's start when it is written otherwise.
 */
function locate(char: string, pos: Span | undefined, source: string | undefined): Span | undefined {
  if (!pos || source === undefined) return pos;
  const raw = source.slice(pos.start.offset, pos.end.offset);
  const cp = char.codePointAt(0) as number;
  const forms = new RegExp(`${escapeRegExp(char)}|&#x0*${cp.toString(16)};|&#0*${cp};`, 'iu');
  const match = forms.exec(raw);
  if (!match) return pos;
  const start: Point = advance(raw, pos.start, match.index);
  return { start, end: advance(raw, pos.start, match.index + match[0].length) };
}

function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** The YAML between the opening and closing `---`, or undefined when the file has none. */
function frontMatterText(source: string): string | undefined {
  if (!source.startsWith('---\n')) return undefined;
  const end = source.indexOf('\n---', 3);
  return end === -1 ? undefined : source.slice(0, end);
}
