/**
 * Inline model nodes → docx runs. Formatting is bold/italic/etc. and character styles only, never
 * size; a run names a font only for characters the style's font lacks (arrows, maths, emoji).
 */
import { Bookmark, ExternalHyperlink, FootnoteReferenceRun, InternalHyperlink, SimpleField, TextRun, type ParagraphChild } from 'docx';
import type { CrossRef, Inline, InlineImage } from '../../model/types.js';
import { fontSegments, mainCoverage } from '../../fonts/coverage.js';
import { assertNever } from '../../model/assert-never.js';
import { fullLocale } from '../../model/locale.js';
import { classifyLink } from '../../model/link-target.js';
import { softBreaks } from '../shared/text.js';
import type { BlockAnchors } from './anchors.js';
import { pictureRun, pictureType } from './pictures.js';

/** What inline rendering needs from the document. */
export interface InlineContext {
  /** Heading id → bookmark name, for `#id` links. */
  bookmarks: ReadonlyMap<string, string>;
  /** Numbers of the footnotes referenced more than once. */
  repeatedNotes: ReadonlySet<number>;
  /** Bookmarks that tie paragraphs to their blocks, for `rapportverk import`. */
  anchors: BlockAnchors;
}

/** Character formatting inherited from enclosing inlines. */
interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  superScript?: boolean;
  subScript?: boolean;
  /** Run language for text in another language than the document's. */
  lang?: string;
  /** Character style (Hyperlink, Code Char). */
  style?: string;
}

/** Renders inlines to paragraph children. */
export function renderInlines(nodes: readonly Inline[], ctx: InlineContext, format: RunFormat = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push(...runs(softBreaks(node.value), format, 'text'));
        break;
      case 'inlineCode':
        out.push(...runs(node.value, { ...format, style: 'CodeChar' }, 'code'));
        break;
      case 'break':
        out.push(new TextRun({ break: 1 }));
        break;
      case 'emphasis':
        out.push(...renderInlines(node.children, ctx, { ...format, italics: true }));
        break;
      case 'strong':
        // Word's Strong character style, so editors restyle strong importance in one place; inside
        // a run that already has a style (a link), bold is all that can be added.
        out.push(...renderInlines(node.children, ctx, format.style === undefined ? { ...format, style: 'Strong' } : { ...format, bold: true }));
        break;
      case 'delete':
        out.push(...renderInlines(node.children, ctx, { ...format, strike: true }));
        break;
      case 'superscript':
        out.push(...renderInlines(node.children, ctx, { ...format, superScript: true }));
        break;
      case 'subscript':
        out.push(...renderInlines(node.children, ctx, { ...format, subScript: true }));
        break;
      case 'lang':
        out.push(...renderInlines(node.children, ctx, { ...format, lang: fullLocale(node.lang) }));
        break;
      case 'footnoteRef':
        out.push(footnoteRef(node.number, node.repeat, ctx));
        break;
      case 'link':
        out.push(...link(node.href, node.children, ctx, format));
        break;
      case 'crossRef':
        out.push(...crossRef(node, ctx, format));
        break;
      case 'inlineImage':
        out.push(...inlinePicture(node));
        break;
      default:
        assertNever(node);
    }
  }
  return out;
}

/** A picture in the line at its own size; nothing for a file that failed its checks (drafts only). */
function inlinePicture(node: InlineImage): ParagraphChild[] {
  const type = node.path ? pictureType(node.path) : undefined;
  if (!node.path || !type) return [];
  return [pictureRun({ path: node.path, alt: node.alt, decorative: node.decorative }, type, node.width, node)];
}

function link(href: string, children: readonly Inline[], ctx: InlineContext, format: RunFormat): ParagraphChild[] {
  const text = () => renderInlines(children, ctx, { ...format, style: 'Hyperlink' });
  const target = classifyLink(href);
  if (target.kind === 'internal') {
    const anchor = ctx.bookmarks.get(target.id);
    if (anchor) return [new InternalHyperlink({ anchor, children: text() })];
  } else if (target.kind === 'external') {
    return [new ExternalHyperlink({ link: target.href, children: text() })];
  }
  // Refused by the link policy, or a heading that does not exist: keep the text, as a link would lead nowhere.
  return renderInlines(children, ctx, format);
}

/**
 * A cross-reference: the word as text and the number as a REF field to the target's bookmark
 * (the heading's list number, the caption's SEQ number), so Word renumbers it with its target.
 * A reference by title links to the heading.
 */
function crossRef(node: CrossRef, ctx: InlineContext, format: RunFormat): ParagraphChild[] {
  const bookmark = ctx.bookmarks.get(node.target);
  if (!bookmark) return [run(node.text, format)];
  if (node.number === undefined) {
    return [new InternalHyperlink({ anchor: bookmark, children: [run(node.text, { ...format, style: 'Hyperlink' })] })];
  }
  const word = node.text.slice(0, node.text.length - node.number.length);
  const field = node.kind === 'section' ? `REF ${bookmark} \\w \\h` : `REF ${bookmark} \\h`;
  return [...(word ? [run(word, format)] : []), new SimpleField(field, node.number)];
}

/**
 * Word gives each footnote one reference. A note referenced again gets a hidden bookmark on its
 * reference and a NOTEREF field at the later ones, which shows the note's number and follows it
 * when editors add notes before it.
 */
function footnoteRef(number: number, repeat: boolean, ctx: InlineContext): ParagraphChild {
  const name = `_RefNote${number}`;
  if (repeat) return new SimpleField(`NOTEREF ${name} \\f \\h`, String(number));
  const reference = new FootnoteReferenceRun(number);
  return ctx.repeatedNotes.has(number) ? new Bookmark({ id: name, children: [reference] }) : reference;
}

/** The runs of a text: characters the style's font lacks get a run in a fallback font (as in the PDF). */
function runs(text: string, format: RunFormat, kind: 'text' | 'code'): TextRun[] {
  const covered = mainCoverage()[kind];
  return fontSegments(text, (cp) => covered.has(cp)).map((s) => run(s.text, format, s.family));
}

function run(text: string, format: RunFormat, font?: string): TextRun {
  const { lang, ...rest } = format;
  return new TextRun({ text, ...rest, ...(font ? { font } : {}), ...(lang ? { language: { value: lang } } : {}) });
}
