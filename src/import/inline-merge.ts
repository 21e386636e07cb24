/**
 * The three-way merge inside one block. The base is the block's text as the DOCX renderer wrote
 * it, the edited text is what the editor left, and the projection says which source bytes each
 * base character came from. A word diff between base and edited text (jsdiff) gives the changed
 * stretches; each becomes an edit of just those source bytes, and formatting added or removed
 * becomes markup inserted or removed around the same bytes. What cannot be placed exactly falls
 * back to rewriting the block's text from the Word text.
 */
import { diffArrays } from 'diff';
import { assertNever } from '../model/assert-never.js';
import type { Inline } from '../model/types.js';
import { fitsContext, inlineMarkdown, markers, PLAIN_FORMAT, type FlatText, type MarkdownWriter } from './markdown-out.js';
import type { SourceChar } from './projection.js';
import type { RunFormat } from './read-docx.js';
import { NOTE_MARK } from './read-docx.js';
import type { Edit } from './edits.js';

/** The result of merging one block. */
export interface BlockMerge {
  edits: Edit[];
  /** True when the block's text was rewritten whole (the exact edit could not be placed). */
  rewritten: boolean;
  /** The source offset (before the edits) of a position in the edited text. */
  sourceAt(offset: number): number;
}

/** What a block merge needs besides the two texts. */
export interface BlockSource {
  /** Where each base character came from; absent when the base text could not be aligned with the source. */
  chars?: SourceChar[];
  /** The source range of the block's inline content, rewritten as a whole when needed. */
  region: { start: number; end: number };
  writer: MarkdownWriter;
}

type Attribute = 'link' | 'lang' | 'bold' | 'italic' | 'strike' | 'superscript' | 'subscript' | 'code';
const ATTRIBUTES: Attribute[] = ['link', 'lang', 'bold', 'italic', 'strike', 'superscript', 'subscript', 'code'];

/** The format attribute each inline node type gives its text. */
function attributeOf(node: Inline): Attribute | undefined {
  switch (node.type) {
    case 'strong':
      return 'bold';
    case 'emphasis':
      return 'italic';
    case 'delete':
      return 'strike';
    case 'superscript':
      return 'superscript';
    case 'subscript':
      return 'subscript';
    case 'inlineCode':
      return 'code';
    case 'link':
      return 'link';
    case 'lang':
      return 'lang';
    case 'text':
    case 'footnoteRef':
    case 'break':
    case 'crossRef':
    case 'inlineImage':
      return undefined;
    default:
      return assertNever(node);
  }
}

/** Merges the editor's changes to one block into source edits. */
export function mergeBlock(base: FlatText, edited: FlatText, block: BlockSource): BlockMerge {
  const identity: BlockMerge = { edits: [], rewritten: false, sourceAt: (o) => block.chars?.[o]?.start ?? block.region.start };
  if (sameText(base, edited)) return identity;
  const chars = block.chars;
  if (chars && chars.map((c) => c.char).join('') === base.text) {
    const exact = new ExactMerge(base, edited, chars, block.writer).run();
    if (exact) return exact;
  }
  return {
    edits: [{ start: block.region.start, end: block.region.end, text: inlineMarkdown(edited, 0, edited.text.length, PLAIN_FORMAT, block.writer) }],
    rewritten: true,
    sourceAt: () => block.region.start,
  };
}

function sameText(a: FlatText, b: FlatText): boolean {
  if (a.text !== b.text) return false;
  for (let i = 0; i < a.text.length; i++) {
    if (a.notes[i] !== b.notes[i] || JSON.stringify(a.formats[i]) !== JSON.stringify(b.formats[i])) return false;
  }
  return true;
}

/** Word-sized tokens (Intl word segmentation); a note mark is a token of its own, named by its note. */
function tokens(text: FlatText): { key: string; start: number; end: number }[] {
  const out: { key: string; start: number; end: number }[] = [];
  for (const { segment, index } of new Intl.Segmenter('und', { granularity: 'word' }).segment(text.text)) {
    let from = index;
    for (let i = index; i <= index + segment.length; i++) {
      if (i < index + segment.length && text.text.charAt(i) !== NOTE_MARK) continue;
      if (i > from) out.push({ key: text.text.slice(from, i), start: from, end: i });
      if (i < index + segment.length) out.push({ key: `${NOTE_MARK}${text.notes[i] ?? ''}`, start: i, end: i + 1 });
      from = i + 1;
    }
  }
  return out;
}

class ExactMerge {
  private readonly edits: Edit[] = [];
  /** Pairs of (edited offset, base offset) where equal stretches start, for `sourceAt`. */
  private readonly anchors: { e: number; b: number; length: number }[] = [];

  constructor(
    private readonly base: FlatText,
    private readonly edited: FlatText,
    private readonly chars: SourceChar[],
    private readonly writer: MarkdownWriter,
  ) {}

  run(): BlockMerge | undefined {
    const bTokens = tokens(this.base);
    const eTokens = tokens(this.edited);
    const parts = diffArrays(bTokens.map((t) => t.key), eTokens.map((t) => t.key));
    let bi = 0;
    let ei = 0;
    let hunk: { b0: number; b1: number; e0: number; e1: number } | undefined;
    const bAt = (i: number): number => bTokens[i]?.start ?? this.base.text.length;
    const eAt = (i: number): number => eTokens[i]?.start ?? this.edited.text.length;
    for (const part of parts) {
      const n = part.count ?? part.value.length;
      if (!part.added && !part.removed) {
        if (hunk && !this.replace(hunk)) return undefined;
        hunk = undefined;
        const b = bAt(bi);
        const e = eAt(ei);
        const length = bAt(bi + n) - b;
        this.anchors.push({ e, b, length });
        if (!this.reformat(b, e, length)) return undefined;
        bi += n;
        ei += n;
        continue;
      }
      hunk ??= { b0: bAt(bi), b1: bAt(bi), e0: eAt(ei), e1: eAt(ei) };
      if (part.removed) bi += n;
      else ei += n;
      hunk.b1 = bAt(bi);
      hunk.e1 = eAt(ei);
    }
    if (hunk && !this.replace(hunk)) return undefined;
    const edits = [...this.edits].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < edits.length; i++) if ((edits[i - 1] as Edit).end > (edits[i] as Edit).start) return undefined;
    return { edits, rewritten: false, sourceAt: (offset) => this.sourceAt(offset) };
  }

  private sourceAt(offset: number): number {
    let b = 0;
    // A place at the end of an unchanged stretch (where text was taken out) stays at that end.
    for (const a of this.anchors) {
      if (offset < a.e) break;
      b = a.b + Math.min(offset - a.e, a.length);
      if (offset <= a.e + a.length) break;
    }
    return this.chars[b]?.start ?? this.chars.at(-1)?.end ?? 0;
  }

  /** A changed stretch: base [b0, b1) became edited [e0, e1). */
  private replace(h: { b0: number; b1: number; e0: number; e1: number }): boolean {
    if (h.b0 === h.b1) return this.insert(h.b0, h.e0, h.e1);
    const range = h.e0 === h.e1 ? this.slidDeletion(h.b0, h.b1) : this.balanced(h.b0, h.b1);
    if (!range) return false;
    if (!fitsContext(this.edited, h.e0, h.e1, range.context)) return false;
    this.edits.push({ start: range.start, end: range.end, text: inlineMarkdown(this.edited, h.e0, h.e1, range.context, this.writer) });
    return true;
  }

  /**
   * A deletion the diff placed across a node's edge ("nettsider " at the end of a link) can often
   * slide to the same text inside it (" nettsider"): the result is the same, the markup stays whole.
   */
  private slidDeletion(from: number, to: number): { start: number; end: number; context: RunFormat } | undefined {
    const text = this.base.text;
    for (let shift = 0; from - shift >= 0 && (shift === 0 || text.charAt(from - shift) === text.charAt(to - shift)); shift++) {
      const range = this.balanced(from - shift, to - shift);
      if (range) return range;
    }
    for (let shift = 1; to + shift <= text.length && text.charAt(from + shift - 1) === text.charAt(to + shift - 1); shift++) {
      const range = this.balanced(from + shift, to + shift);
      if (range) return range;
    }
    return undefined;
  }

  /** New text at a boundary: placed inside the nodes of the neighbour whose formatting it shares. */
  private insert(b: number, e0: number, e1: number): boolean {
    const candidates: { at: number; context: RunFormat }[] = [];
    const left = this.chars[b - 1];
    const right = this.chars[b];
    for (const [neighbour, side] of [[left, 'left'], [right, 'right']] as const) {
      if (!neighbour) continue;
      for (let depth = neighbour.path.length; depth >= 0; depth--) {
        const node = neighbour.path[depth];
        const index = side === 'left' ? b - 1 : b;
        // Outside a node only where the neighbour is the node's last (or first) character.
        if (node && depth < neighbour.path.length) {
          const [first, last] = this.extent(node);
          if ((side === 'left' && last !== index) || (side === 'right' && first !== index)) break;
        }
        const at = !node ? (side === 'left' ? neighbour.end : neighbour.start) : side === 'left' ? (node.pos?.end.offset ?? neighbour.end) : (node.pos?.start.offset ?? neighbour.start);
        candidates.push({ at: depth === neighbour.path.length ? (side === 'left' ? neighbour.end : neighbour.start) : at, context: this.context(index, depth) });
      }
    }
    if (candidates.length === 0) return false;
    const fit = candidates.find((c) => fitsContext(this.edited, e0, e1, c.context) && sameAs(this.edited.formats[e0], c.context)) ??
      candidates.find((c) => fitsContext(this.edited, e0, e1, c.context));
    if (!fit) return false;
    this.edits.push({ start: fit.at, end: fit.at, text: inlineMarkdown(this.edited, e0, e1, fit.context, this.writer) });
    return true;
  }

  /** Formatting changed on text that stayed: markup added or removed around the same bytes. */
  private reformat(b: number, e: number, length: number): boolean {
    for (const attribute of ATTRIBUTES) {
      const pair = (i: number): string => `${value(this.base.formats[b + i], attribute)}\u0000${value(this.edited.formats[e + i], attribute)}`;
      let i = 0;
      while (i < length) {
        const before = value(this.base.formats[b + i], attribute);
        const after = value(this.edited.formats[e + i], attribute);
        if (before === after || /\s/.test(this.base.text.charAt(b + i))) {
          i++;
          continue;
        }
        let j = i + 1;
        while (j < length && pair(j) === pair(i)) j++;
        let end = j;
        while (end > i && /\s/.test(this.base.text.charAt(b + end - 1))) end--;
        if (!this.restyle(attribute, b + i, b + end, before, after)) return false;
        i = j;
      }
    }
    return true;
  }

  private restyle(attribute: Attribute, from: number, to: number, before: string, after: string): boolean {
    if (!before) {
      const range = this.balanced(from, to);
      if (!range) return false;
      if (attribute === 'code') return false;
      const [open, close] = markers(attribute, after, this.writer);
      this.edits.push({ start: range.start, end: range.start, text: open }, { start: range.end, end: range.end, text: close });
      return true;
    }
    // Removed or changed: only where one node gave exactly this stretch its formatting.
    const node = this.chars[from]?.path.find((n) => attributeOf(n) === attribute);
    if (!node || !node.pos || !('children' in node) || node.children.length === 0) return false;
    const [first, last] = this.extent(node);
    if (first !== from || last !== to - 1) return false;
    const inner = { start: node.children[0]?.pos?.start.offset, end: node.children.at(-1)?.pos?.end.offset };
    if (inner.start === undefined || inner.end === undefined) return false;
    if (!after) {
      this.edits.push({ start: node.pos.start.offset, end: inner.start, text: '' }, { start: inner.end, end: node.pos.end.offset, text: '' });
      return true;
    }
    this.edits.push({ start: inner.end, end: node.pos.end.offset, text: markers(attribute, after, this.writer)[1] });
    return true;
  }

  /** First and last base index of the characters inside `node`. */
  private extent(node: Inline): [number, number] {
    let first = -1;
    let last = -1;
    this.chars.forEach((c, i) => {
      if (c.path.includes(node)) {
        if (first < 0) first = i;
        last = i;
      }
    });
    return [first, last];
  }

  /**
   * The source range of base [from, to) when it covers whole nodes, so that replacing it keeps
   * the markup balanced, and the formatting of the nodes around it.
   */
  private balanced(from: number, to: number): { start: number; end: number; context: RunFormat } | undefined {
    const first = this.chars[from] as SourceChar;
    const last = this.chars[to - 1] as SourceChar;
    let depth = 0;
    const inRange = this.chars.slice(from, to);
    while (inRange.every((c) => c.path[depth] !== undefined && c.path[depth] === first.path[depth])) depth++;
    let start = first.start;
    let end = last.end;
    const opening = first.path[depth];
    if (opening) {
      if (this.extent(opening)[0] !== from || !opening.pos) return undefined;
      start = opening.pos.start.offset;
    }
    const closing = last.path[depth];
    if (closing) {
      if (this.extent(closing)[1] !== to - 1 || !closing.pos) return undefined;
      end = closing.pos.end.offset;
    }
    return { start, end, context: this.context(from, depth) };
  }

  /** The formatting that the nodes around base character `index`, down to `depth`, give it. */
  private context(index: number, depth: number): RunFormat {
    const format = this.base.formats[index] as RunFormat;
    const given = new Set((this.chars[index]?.path.slice(0, depth) ?? []).map(attributeOf));
    const out: RunFormat = { ...PLAIN_FORMAT };
    for (const a of ATTRIBUTES) {
      if (!given.has(a)) continue;
      if (a === 'link' || a === 'lang') {
        const v = format[a];
        if (v !== undefined) out[a] = v;
      } else out[a] = format[a];
    }
    return out;
  }
}

function value(format: RunFormat | undefined, attribute: Attribute): string {
  const v = format?.[attribute];
  return typeof v === 'string' ? v : v ? 'on' : '';
}

function sameAs(format: RunFormat | undefined, context: RunFormat): boolean {
  return ATTRIBUTES.every((a) => value(format, a) === value(context, a));
}
