/**
 * Model inlines → flat pdfmake inline runs, each tagged with the structure element it belongs to.
 *
 * pdfmake drops the style of nested text arrays, so styles are resolved here and every run is a
 * leaf. Links, language spans and inline code get their own structure element (Link, Span, Code).
 */
import type { Inline, Labels } from '../../model/types.js';
import { spokenText } from '../../model/text.js';
import { assertNever } from '../../model/assert-never.js';
import { classifyLink } from '../../model/link-target.js';
import { softBreaks } from '../shared/text.js';
import { LAYOUT_ARTIFACT, StructNode, type Tag } from './structure.js';
import { MONO } from './fonts.js';
import type { Theme } from './theme.js';
import { imageRun, type LineImage } from './inline-images.js';

/** One run of text for pdfmake. */
export interface PdfInline {
  text: string;
  _rv: Tag;
  bold?: boolean;
  italics?: boolean;
  font?: string;
  color?: string;
  decoration?: string | string[];
  decorationColor?: string;
  sup?: boolean;
  sub?: boolean;
  fontSize?: number;
  pageReference?: string;
  lineHeight?: number;
  characterSpacing?: number;
  preserveLeadingSpaces?: boolean;
  preserveTrailingSpaces?: boolean;
  /** A picture drawn in this run's place (inline-images.ts). */
  _rvImage?: LineImage;
}

/** Creates the Note for a footnote's first reference; returns the Note's back-link destination owner. */
export type NoteFactory = (id: string, number: number, ref: StructNode) => void;

/** What inline conversion needs from its surroundings. */
export interface InlineContext {
  theme: Theme;
  labels: Labels;
  onFootnote: NoteFactory;
  /** Text size for this part of the document (body or footnotes). */
  size: number;
}

/** Least size of a footnote reference number, and pdfmake's scale for superscript. */
const NOTE_REF_MIN_PT = 8;
const SUP_SCALE = 0.58;

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  font?: string;
  color?: string;
  decoration?: string[];
  sup?: boolean;
  sub?: boolean;
}

/** Converts inlines to runs; `leaf` is the element (P, H1, TD, …) that owns plain text. */
export function toRuns(nodes: readonly Inline[], leaf: StructNode, ctx: InlineContext): PdfInline[] {
  const out: PdfInline[] = [];
  walk(nodes, leaf, {}, ctx, out);
  return out;
}

function run(text: string, leaf: StructNode, style: RunStyle): PdfInline {
  const r: PdfInline = { text, _rv: leaf };
  if (style.bold) r.bold = true;
  if (style.italics) r.italics = true;
  if (style.font) r.font = style.font;
  if (style.color) r.color = style.color;
  if (style.decoration && style.decoration.length > 0) {
    r.decoration = style.decoration.length === 1 ? (style.decoration[0] as string) : style.decoration;
  }
  if (style.sup) r.sup = true;
  if (style.sub) r.sub = true;
  return r;
}

/** Links are underlined so they are recognisable without colour. */
function linkStyle(style: RunStyle, ctx: InlineContext): RunStyle {
  return { ...style, color: ctx.theme.colors.link, decoration: [...(style.decoration ?? []), 'underline'] };
}

function walk(nodes: readonly Inline[], leaf: StructNode, style: RunStyle, ctx: InlineContext, out: PdfInline[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text': {
        const text = softBreaks(node.value);
        if (text !== '') out.push(run(text, leaf, style));
        break;
      }
      case 'emphasis':
        walk(node.children, leaf, { ...style, italics: true }, ctx, out);
        break;
      case 'strong':
        walk(node.children, leaf, { ...style, bold: true }, ctx, out);
        break;
      case 'delete':
        walk(node.children, leaf, { ...style, decoration: [...(style.decoration ?? []), 'lineThrough'] }, ctx, out);
        break;
      case 'superscript':
        walk(node.children, leaf, { ...style, sup: true }, ctx, out);
        break;
      case 'subscript':
        walk(node.children, leaf, { ...style, sub: true }, ctx, out);
        break;
      case 'inlineCode': {
        const code = leaf.add(new StructNode('Code'));
        out.push(run(node.value, code, { ...style, font: MONO }));
        break;
      }
      case 'break':
        out.push(run('\n', leaf, style));
        break;
      case 'lang': {
        const span = leaf.add(new StructNode('Span', { lang: node.lang }));
        walk(node.children, span, style, ctx, out);
        break;
      }
      case 'link': {
        const target = classifyLink(node.href);
        if (target.kind === 'refused') {
          // Not followable from a PDF (the check has said why): its text stays, as plain text.
          walk(node.children, leaf, style, ctx, out);
          break;
        }
        const link = leaf.add(new StructNode('Link'));
        const text = spokenText(node.children);
        link.link = target.kind === 'internal'
          ? { dest: target.id, contents: text }
          : { uri: target.href, contents: text === node.href ? text : `${text} (${node.href})` };
        walk(node.children, link, linkStyle(style, ctx), ctx, out);
        break;
      }
      case 'crossRef': {
        const link = leaf.add(new StructNode('Link'));
        link.link = { dest: node.target, contents: node.text };
        out.push(run(node.text, link, linkStyle(style, ctx)));
        break;
      }
      case 'footnoteRef': {
        const ref = leaf.add(new StructNode('Link'));
        ref.link = { dest: `fn-${node.id}`, contents: `${ctx.labels.footnoteReference} ${node.number}` };
        if (!node.repeat) {
          ref.dest = `fnref-${node.id}`;
          ref.footnoteRef = node.id;
          ctx.onFootnote(node.id, node.number, ref);
        }
        // Superscript shrinks text to 58 %; a reference number stays readable at 8 pt or more.
        const fontSize = Math.max(ctx.size, NOTE_REF_MIN_PT / SUP_SCALE);
        out.push({ ...run(String(node.number), ref, { ...style, sup: true, color: ctx.theme.colors.link }), fontSize });
        break;
      }
      case 'inlineImage': {
        // A file that failed its checks reaches the renderer only in a draft; the check has said which.
        if (!node.path) break;
        // In the paragraph (or link) it stands in, as the reader meets it; decorative ones are no content.
        const tag = node.decorative ? LAYOUT_ARTIFACT : leaf.add(new StructNode('Figure', { alt: node.alt }));
        out.push(imageRun({ ...node, path: node.path }, tag, ctx.size, ctx.theme));
        break;
      }
      default:
        assertNever(node);
    }
  }
}
