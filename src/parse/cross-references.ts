/**
 * Cross-references in Quarto's syntax: `@sec-x`, `@fig-x`, `@tbl-x`, `[@fig-x]`, and `[-@fig-x]`
 * for the number alone. They are resolved once, here, into `crossRef` nodes that carry the text
 * every format prints ("figur 2", "kapittel 5.3", «Sammendrag»), so no renderer counts on its own.
 */
import type { CrossRef, Inline, Labels, Point, ReportDocument, Span } from '../model/types.js';
import type { Node } from '../model/walk.js';
import { walkDocument } from '../model/walk.js';
import { inlineText } from '../model/text.js';
import { assertNever } from '../model/assert-never.js';
import type { DiagnosticSink } from '../diagnostics.js';
import { advance } from './points.js';
import { closest } from './suggest.js';

type Kind = CrossRef['kind'];

const KINDS: Record<string, Kind> = { sec: 'section', fig: 'figure', tbl: 'table' };

/** `[-@fig-x]`, `[@fig-x]` or a bare `@fig-x` that does not continue a word (so e-mail addresses are left alone). */
const REFERENCE = /\[(-?)@((?:sec|fig|tbl)-[\p{L}\p{N}_-]*[\p{L}\p{N}_])\]|(?<![\p{L}\p{N}_.@-])@((?:sec|fig|tbl)-[\p{L}\p{N}_-]*[\p{L}\p{N}_])/gu;

/** Something a reference can point at. */
interface Target {
  kind: Kind;
  id: string;
  /** "5.3", "2"; absent for unnumbered headings and uncaptioned figures. */
  number?: string;
  title: string;
  pos?: Span;
}

/** Finds and resolves every cross-reference in the document, reporting unknown and duplicate labels. */
export function resolveCrossReferences(doc: ReportDocument, sink: DiagnosticSink, source?: string): void {
  const targets = collectTargets(doc, sink);
  const used = new Set<string>();
  const labels = doc.frame.labels;
  const rewrite = (children: Inline[]): Inline[] => {
    const out: Inline[] = [];
    for (const child of children) {
      if (child.type === 'text' && child.value.includes('@')) {
        out.push(...split(child.value, child.pos, out, { targets, labels, sink, source, used }));
      } else {
        out.push(child);
      }
    }
    return out;
  };
  walkDocument(doc, (node) => rewriteInlines(node, rewrite));
  for (const target of targets.values()) {
    // Only explicit labels are promises to refer; headings get ids whether or not anyone links to them.
    if (used.has(target.id) || !/^(sec|fig|tbl)-/.test(target.id)) continue;
    sink.warn('xref-unused', `the label "${target.id}" is never referred to`, target.pos,
      `refer to it with @${target.id}, or remove the label`, { strictOnly: true });
  }
}

/** Rewrites the inlines a node holds directly (not inside links: no link inside a link). */
function rewriteInlines(node: Node, rewrite: (children: Inline[]) => Inline[]): void {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'superscript':
    case 'subscript':
    case 'lang':
      node.children = rewrite(node.children);
      return;
    case 'table':
      if (node.caption) node.caption = rewrite(node.caption);
      for (const row of node.rows) for (const cell of row.cells) cell.children = rewrite(cell.children);
      return;
    case 'figure':
      if (node.caption) node.caption = rewrite(node.caption);
      return;
    case 'admonition':
      if (node.title) node.title = rewrite(node.title);
      return;
    case 'link':
    case 'text':
    case 'inlineCode':
    case 'footnoteRef':
    case 'break':
    case 'crossRef':
    case 'inlineImage':
    case 'list':
    case 'blockquote':
    case 'code':
    case 'thematicBreak':
    case 'plainText':
      return;
    default:
      assertNever(node);
  }
}

function collectTargets(doc: ReportDocument, sink: DiagnosticSink): Map<string, Target> {
  const targets = new Map<string, Target>();
  const add = (target: Target): void => {
    const first = targets.get(target.id);
    if (first) {
      const where = first.pos ? ` at line ${first.pos.start.line}, column ${first.pos.start.column}` : '';
      sink.error('xref-label-duplicate', `the label "${target.id}" is also used${where}`, target.pos,
        'give each heading, figure and table its own label');
      return;
    }
    targets.set(target.id, target);
  };
  walkDocument(doc, (node) => {
    if (node.type === 'heading') {
      add({ kind: 'section', id: node.id, title: inlineText(node.children).trim(), ...(node.number ? { number: node.number } : {}), ...at(node.pos) });
    } else if ((node.type === 'figure' || node.type === 'table') && node.id) {
      add({
        kind: node.type,
        id: node.id,
        title: inlineText(node.caption ?? []).trim(),
        ...(node.number !== undefined ? { number: String(node.number) } : {}),
        ...at(node.pos),
      });
    }
  });
  return targets;
}

function at(pos: Span | undefined): { pos?: Span } {
  return pos ? { pos } : {};
}

interface SplitContext {
  targets: Map<string, Target>;
  labels: Labels;
  sink: DiagnosticSink;
  source: string | undefined;
  used: Set<string>;
}

/** Splits a text node around its references; `before` holds the inlines already emitted in this run. */
function split(value: string, pos: Span | undefined, before: readonly Inline[], ctx: SplitContext): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of value.matchAll(REFERENCE)) {
    const index = match.index;
    const label = (match[2] ?? match[3]) as string;
    const numberOnly = match[1] === '-';
    const where = locate(pos, ctx.source, index, match[0]);
    const target = resolve(label, where, ctx);
    if (!target) continue;
    if (index > last) out.push({ type: 'text', value: value.slice(last, index), ...at(pos) });
    const preceding = inlineText([...before, ...out]);
    const text = referenceText(target, ctx.labels, numberOnly, startsSentence(preceding));
    const number = target.number === undefined ? {} : { number: target.number };
    out.push({ type: 'crossRef', kind: target.kind, target: target.id, text, ...number, ...at(where) });
    last = index + match[0].length;
  }
  if (last === 0) return [{ type: 'text', value, ...at(pos) }];
  if (last < value.length) out.push({ type: 'text', value: value.slice(last), ...at(pos) });
  return out;
}

function resolve(label: string, where: Span | undefined, ctx: SplitContext): Target | undefined {
  const kind = KINDS[label.slice(0, 3)] as Kind;
  const target = ctx.targets.get(label);
  if (!target) {
    const guess = closest(label, [...ctx.targets.keys()].filter((id) => id.startsWith(label.slice(0, 4))));
    ctx.sink.error('xref-unknown', `no ${kind} has the label "${label}"`, where,
      guess ? `did you mean @${guess}?` : labelHint(kind, label));
    return undefined;
  }
  ctx.used.add(target.id);
  if (target.kind !== kind) {
    ctx.sink.error('xref-kind-mismatch', `"${label}" is the label of a ${target.kind}, not a ${kind}`, where,
      `labels of a ${target.kind} start with ${prefixOf(target.kind)}-`);
    return undefined;
  }
  if (target.number === undefined && kind !== 'section') {
    ctx.sink.error('xref-target-unnumbered', `the ${kind} "${label}" has no caption, so it has no number to refer to`, where ?? target.pos,
      `give the ${kind} a caption`);
    return undefined;
  }
  return target;
}

function labelHint(kind: Kind, label: string): string {
  switch (kind) {
    case 'section':
      return `label a heading with {#${label}} at the end of its line`;
    case 'figure':
      return `label a figure with ::figure{#${label} src="…" alt="…" caption="…"} or ![alt](file.png "caption"){#${label}}`;
    case 'table':
      return `label a table with a caption line after it: ": Caption {#${label}}"`;
    default:
      return assertNever(kind);
  }
}

function prefixOf(kind: Kind): string {
  return Object.entries(KINDS).find(([, k]) => k === kind)?.[0] ?? kind;
}

/** "kapittel 5.3", "figur 2", «Sammendrag», or the number alone. */
function referenceText(target: Target, labels: Labels, numberOnly: boolean, capital: boolean): string {
  const quoted = `${labels.quoteOpen}${target.title}${labels.quoteClose}`;
  if (target.number === undefined) return quoted;
  if (numberOnly) return target.number;
  const word = target.kind === 'section' ? labels.sectionRef : target.kind === 'figure' ? labels.figureRef : labels.tableRef;
  const text = `${word} ${target.number}`;
  return capital ? text.charAt(0).toLocaleUpperCase() + text.slice(1) : text;
}

/** Abbreviations that end in a full stop without ending the sentence ("jf. kapittel 2"). */
const ABBREVIATIONS = new Set(['jf', 'jfr', 'ca', 'bl.a', 'f.eks', 'dvs', 'evt', 'osv', 'mfl', 'mv', 'pga', 'iht', 'ifm', 'nr', 'kap', 'fig', 'tab', 'vs', 'cf', 'e.g', 'i.e', 'etc', 'see']);

/** True at the start of a block or after the end of a sentence. */
function startsSentence(preceding: string): boolean {
  if (preceding.trim() === '') return true;
  const end = /(\p{L}[\p{L}.]*?)?([.!?])["'»”)]?\s+$/u.exec(preceding);
  if (!end) return false;
  return end[2] !== '.' || !ABBREVIATIONS.has((end[1] ?? '').toLowerCase());
}

/** The exact span of a match when the text node's value is its source verbatim, else the node's span. */
function locate(pos: Span | undefined, source: string | undefined, index: number, raw: string): Span | undefined {
  if (!pos || source === undefined) return pos;
  const from = pos.start.offset + index;
  if (source.slice(from, from + raw.length) !== raw) return pos;
  const start: Point = advance(source.slice(pos.start.offset), pos.start, index);
  return { start, end: advance(raw, start, raw.length) };
}
