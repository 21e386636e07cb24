/**
 * mdast → intermediate model. The one place that knows both trees: it resolves references,
 * numbers headings and footnotes, turns the safe HTML subset and directives into model nodes,
 * and records a diagnostic (never an exception) for anything it cannot represent.
 */
import type * as md from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type {
  Admonition,
  AdmonitionKind,
  Align,
  Block,
  Span,
  Figure,
  Footnote,
  Heading,
  Inline,
  List,
  Metadata,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TocEntry,
} from '../model/types.js';
import { toString } from 'mdast-util-to-string';
import { inlineText } from '../model/text.js';
import { SlugRegistry, slugify } from '../model/slug.js';
import type { DiagnosticSink } from '../diagnostics.js';
import { parseHeadingAttributes } from './heading-attributes.js';
import { outlineHeadings, type OutlineHeading } from './heading-outline.js';
import { AnchorAliases } from './anchors.js';
import { parseFragment } from './html-fragment.js';
import { docusaurusTitle, isAdmonitionKind, regroupMkDocs } from './admonitions.js';
import { HtmlReader, type HtmlHost } from './html-to-model.js';
import { parseMarkdown } from './markdown.js';
import { SourceIndex } from './source-index.js';
import { closest } from './suggest.js';
import { span } from './points.js';
import { findUnresolvedReferences } from './unresolved-references.js';
import { canonicalLanguageTag } from '../model/language-tag.js';
import type { PixelSize } from '../model/image-size.js';
import { fitsInLine, INLINE_IMAGE_MAX } from './inline-images.js';

/** Deepest nesting of lists and block quotes accepted; deeper input gets an error, not a stack overflow. */
export const MAX_NESTING = 24;

/** Deepest nesting of inline markup (emphasis in links in …) accepted; conversion recurses per level. */
export const MAX_INLINE_NESTING = 32;

/** What the converter needs besides the tree. */
export interface ConvertOptions extends Partial<Pick<Metadata, 'numbering'>> {
  /** The text the tree was parsed from; lets the converter find references the parser left as text. */
  source?: string;
  /** Take a leading level-1 heading out of the body as the document title (no title in front matter). */
  titleFromHeading?: boolean;
  /** The upright size of the image a source names, when it can be read; images in text that fit a line stay in it. */
  imageSize?: (src: string) => PixelSize | undefined;
}

/** What the converter produces for the document body. */
export interface ConvertedBody {
  body: Block[];
  footnotes: Footnote[];
  toc: TocEntry[];
  /** The text of the leading level-1 heading taken out as the title, when asked for. */
  title?: string;
  /** Heading levels that got generated numbers. */
  numbering: number;
}

/** Heading numbers typed by hand ("7. Tankeprosess", "2.1 Mål"): generated ones would double them. */
const TYPED_NUMBER = /^\d+(\.\d+)*\.?\s/;

/** Levels numbered when the front matter says nothing and no heading carries a typed number. */
const DEFAULT_NUMBERING = 3;

type Directive = ContainerDirective | LeafDirective | TextDirective;

/** The directives the tool knows, by name: how each is opened and written. */
const DIRECTIVES: Record<string, { mark: string; syntax: string }> = {
  lang: { mark: ':', syntax: ':lang[text]{lang=en}' },
  figure: { mark: '::', syntax: '::figure{src="bilde.png" alt="What the image shows"}' },
  klarsprak: { mark: ':::', syntax: ':::klarsprak on its own line, the plain text, then ::: on its own line' },
};

/** Converts a parsed Markdown tree (front matter already read) into model blocks and footnotes. */
export function toModel(tree: md.Root, options: ConvertOptions, sink: DiagnosticSink): ConvertedBody {
  return new Converter(tree, options, sink).run();
}

/** An image followed only by a label, as Quarto writes a labelled figure: `![alt](x.png "Caption"){#fig-x}`. */
function figureLabel(children: readonly md.PhrasingContent[]): { image: md.Image | md.ImageReference; id: string } | undefined {
  const [image, label] = children;
  if (children.length !== 2 || !image || (image.type !== 'image' && image.type !== 'imageReference') || label?.type !== 'text') return undefined;
  const match = /^\{#([\p{L}\p{N}_-]+)\}\s*$/u.exec(label.value);
  return match ? { image, id: match[1] as string } : undefined;
}

class Converter {
  private readonly definitions = new Map<string, md.Definition>();
  private readonly noteDefinitions = new Map<string, md.FootnoteDefinition>();
  private readonly noteNumbers = new Map<string, number>();
  /** Footnote ids in order of first reference. */
  private readonly noteOrder: string[] = [];
  private readonly slugs = new SlugRegistry();
  private readonly anchors = new AnchorAliases();
  /** Every heading in document order, for the outline pass. */
  private readonly headings: OutlineHeading[] = [];
  private typedNumbers = false;
  /** `id`/`name` targets met since the last heading: they lead to the next one. */
  private pendingTargets: string[] = [];
  /** Images met inside running text, placed after the block they stood in. */
  private readonly moved: Figure[] = [];
  private readonly index: SourceIndex | undefined;
  /** How deep Markdown inside HTML inside Markdown goes; bounded so text cannot recurse forever. */
  private markdownDepth = 0;
  /** True while a footnote's blocks are converted: a heading there has no place in the outline. */
  private inNote = false;

  private readonly numbering: number | undefined;
  private readonly source: string | undefined;
  private readonly titleFromHeading: boolean;
  private readonly imageSize: ((src: string) => PixelSize | undefined) | undefined;

  constructor(
    private readonly tree: md.Root,
    options: ConvertOptions,
    private readonly sink: DiagnosticSink,
  ) {
    this.numbering = options.numbering;
    this.source = options.source;
    this.titleFromHeading = options.titleFromHeading === true;
    this.imageSize = options.imageSize;
    this.index = options.source === undefined ? undefined : new SourceIndex(options.source);
  }

  run(): ConvertedBody {
    this.collectDefinitions();
    const title = this.takeTitle();
    const body = this.blocks(this.tree.children.filter((node) => node !== title?.node), 0);
    const footnotes = this.footnotes();
    const numbering = this.numbering ?? (this.typedNumbers ? 0 : DEFAULT_NUMBERING);
    const toc = outlineHeadings(this.headings, numbering, this.sink);
    const last = this.headings.at(-1)?.heading.id;
    if (last !== undefined) for (const name of this.pendingTargets) this.anchors.target(name, last);
    this.anchors.resolveLinks(body, footnotes);
    return { body, footnotes, toc, numbering, ...(title ? { title: title.text } : {}) };
  }

  /** The leading level-1 heading, when it is the document's title: its text is not printed twice. */
  private takeTitle(): { node: md.Heading; text: string } | undefined {
    if (!this.titleFromHeading) return undefined;
    const first = this.tree.children.find((node) => node.type === 'heading');
    if (first?.type !== 'heading' || first.depth !== 1) return undefined;
    const typed = this.typedNumbers;
    const heading = this.heading(first);
    const text = heading ? inlineText(heading.children).trim() : '';
    // The title is no section: it is neither numbered nor in the outline.
    this.typedNumbers = typed;
    if (heading) this.headings.pop();
    return text ? { node: first, text } : undefined;
  }

  private collectDefinitions(): void {
    const visit = (nodes: readonly md.RootContent[]): void => {
      for (const node of nodes) {
        if (node.type === 'definition' && !this.definitions.has(node.identifier)) {
          this.definitions.set(node.identifier, node);
        } else if (node.type === 'footnoteDefinition') {
          if (this.noteDefinitions.has(node.identifier)) {
            this.sink.warn('footnote-duplicate', `footnote [^${node.label ?? node.identifier}] is defined twice; the first is used`,
              span(node), 'give each footnote its own label');
          } else {
            this.noteDefinitions.set(node.identifier, node);
          }
        }
        if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') {
          visit(node.children as md.RootContent[]);
        }
      }
    };
    visit(this.tree.children);
  }

  // -- blocks -----------------------------------------------------------------------------------

  private blocks(written: readonly md.RootContent[], depth: number): Block[] {
    const nodes = regroupMkDocs(written, this.index);
    if (nodes.some((node) => node.type === 'html')) return this.htmlBlocks(nodes, depth);
    const out: Block[] = [];
    for (const node of nodes) out.push(...this.blockAndMoved(node, depth));
    return out;
  }

  /** A block, then the images that stood inside its text. */
  private blockAndMoved(node: md.RootContent, depth: number): Block[] {
    const block = this.block(node, depth);
    const moved = this.moved.splice(0);
    return block ? [block, ...moved] : moved;
  }

  /** Blocks among which raw HTML stands: parsed as one HTML fragment, the Markdown blocks in their places. */
  private htmlBlocks(nodes: readonly md.RootContent[], depth: number): Block[] {
    const fragment = parseFragment(nodes, '\n', this.index);
    const host = this.htmlHost(depth, {
      slotBlocks: (i) => {
        const node = nodes[i];
        return node ? this.blockAndMoved(node, depth) : [];
      },
      slotInlines: () => [],
    });
    return new HtmlReader(host, fragment).blocks();
  }

  private htmlHost(depth: number, slots: Pick<HtmlHost, 'slotBlocks' | 'slotInlines'>): HtmlHost {
    return {
      ...slots,
      sink: this.sink,
      heading: (level, children, pos, id) =>
        this.inNote ? this.noteHeading(children, pos) : this.makeHeading(level, children, pos, { unnumbered: false, ...(id ? { id } : {}) }),
      target: (name) => this.pendingTargets.push(name),
      markdown: (text, offset) => this.markdownInHtml(text, offset, depth),
      imageInText: (figure) => this.imageInText(figure),
    };
  }

  /** Markdown written inside an HTML block (after `</details>`, in a `<div>`): read as Markdown, as GitHub and Docusaurus do. */
  private markdownInHtml(text: string, offset: number | undefined, depth: number): Block[] {
    if (this.markdownDepth >= 2) return [{ type: 'paragraph', children: [{ type: 'text', value: text.trim() }] }];
    const tree = parseMarkdown(text);
    if (offset !== undefined && this.index) shiftPositions(tree, offset, this.index);
    this.markdownDepth++;
    try {
      return this.blocks(tree.children, depth + 1);
    } finally {
      this.markdownDepth--;
    }
  }

  /**
   * An image met inside running text: a small one without a caption stays in the line; any
   * other goes after the block it stood in, as a figure.
   */
  private imageInText(figure: Figure): Inline | undefined {
    const size = this.imageSize?.(figure.src);
    if (size && !figure.caption && fitsInLine(size)) {
      const { src, alt, decorative, pos } = figure;
      return { type: 'inlineImage', ...(pos ? { pos } : {}), src, alt, decorative, width: size.width, height: size.height };
    }
    const why = figure.caption ? ' and has a caption'
      : size ? ` and is ${size.width} × ${size.height} px, larger than a line holds (${INLINE_IMAGE_MAX.width} × ${INLINE_IMAGE_MAX.height})` : '';
    this.sink.warn('image-moved', `the image "${figure.src}" stands inside running text${why}; it is placed after the paragraph`, figure.pos,
      'put the image in a paragraph of its own, so it stands where you want it');
    this.moved.push(figure);
    return undefined;
  }

  private block(node: md.RootContent, depth: number): Block | undefined {
    switch (node.type) {
      case 'heading':
        return this.inNote ? this.noteHeading(this.inlines(parseHeadingAttributes(node.children).children), span(node)) : this.heading(node);
      case 'paragraph':
        return this.paragraph(node);
      case 'list':
        return this.nested(node, depth, () => this.list(node, depth + 1));
      case 'blockquote':
        return this.nested(node, depth, () => ({
          type: 'blockquote',
          pos: span(node),
          children: this.blocks(node.children, depth + 1),
        }));
      case 'code':
        return { type: 'code', pos: span(node), value: node.value, ...(node.lang ? { lang: node.lang } : {}) };
      case 'thematicBreak':
        return { type: 'thematicBreak', pos: span(node) };
      case 'table':
        return this.table(node);
      case 'html':
        // Only reached for html inside a list or quote item converted alone; blocks() routes html to the HTML reader.
        return this.htmlBlocks([node], 0)[0];
      case 'containerDirective':
      case 'leafDirective':
        return this.blockDirective(node, depth);
      case 'yaml':
        if (node === this.tree.children[0]) return undefined;
        this.sink.error('front-matter-position', 'a YAML block is only allowed at the very start of the file', span(node),
          'move it to the top, or remove it');
        return undefined;
      case 'definition':
      case 'footnoteDefinition':
        return undefined;
      default:
        this.sink.error('unsupported-block', `"${node.type}" is not supported here`, span(node),
          'write it as paragraphs, lists, tables or headings');
        return undefined;
    }
  }

  private nested(node: md.Node, depth: number, make: () => Block): Block | undefined {
    if (depth >= MAX_NESTING) {
      this.sink.error('nesting-too-deep', `lists and block quotes are nested more than ${MAX_NESTING} levels deep`, span(node),
        'flatten the structure: readers cannot follow such deep nesting either');
      return undefined;
    }
    return make();
  }

  private heading(node: md.Heading): Heading | undefined {
    const attrs = parseHeadingAttributes(node.children);
    return this.makeHeading(node.depth, this.inlines(attrs.children), span(node), attrs);
  }

  /**
   * A heading inside a note, as a bold paragraph: a note is no part of the outline (the heading
   * would be numbered, listed in the contents and bookmarked, with no page of its own).
   */
  private noteHeading(children: Inline[], pos: Span | undefined): Paragraph | undefined {
    this.sink.warn('footnote-heading', 'a heading inside a footnote is set as a bold paragraph: a note has no place in the outline', pos,
      'move the heading into the body, or write the note without it');
    return inlineText(children).trim() ? { type: 'paragraph', ...(pos ? { pos } : {}), children: [{ type: 'strong', children }] } : undefined;
  }

  /** A heading from Markdown or HTML: its id, the names links may use for it, its place in the outline. */
  private makeHeading(level: Heading['level'], children: Inline[], pos: Span | undefined, attrs: { id?: string; unnumbered: boolean }): Heading | undefined {
    const text = inlineText(children).trim();
    if (!text) {
      this.sink.warn('heading-empty', 'the heading has no text; it is left out', pos, 'write the heading text after the #, or delete the line');
      return undefined;
    }
    let id: string;
    if (attrs.id) {
      if (this.slugs.has(attrs.id)) {
        this.sink.warn('heading-id-duplicate', `heading id "#${attrs.id}" is used twice`, pos, 'give each {#id} a unique name');
      }
      id = this.slugs.claim(attrs.id);
    } else {
      id = this.slugs.claim(slugify(text));
    }
    this.anchors.heading(text, id);
    for (const name of this.pendingTargets.splice(0)) this.anchors.target(name, id);
    if (TYPED_NUMBER.test(text)) this.typedNumbers = true;
    const heading: Heading = { type: 'heading', pos, level, id, children };
    this.headings.push({ heading, unnumbered: attrs.unnumbered });
    return heading;
  }

  private paragraph(node: md.Paragraph): Block | undefined {
    const meaningful = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
    const only = meaningful.length === 1 ? meaningful[0] : undefined;
    if (only && (only.type === 'image' || only.type === 'imageReference')) {
      return this.figureFromImage(only, node);
    }
    const labelled = figureLabel(meaningful);
    if (labelled) {
      const figure = this.figureFromImage(labelled.image, node);
      if (figure) figure.id = labelled.id;
      return figure;
    }
    this.pipeRowsWithoutDelimiter(node);
    const children = this.inlines(node.children);
    if (children.length === 0) return undefined;
    return { type: 'paragraph', pos: span(node), children };
  }

  /** Warns about a paragraph of `| a | b |` lines: a table whose `|---|` line under the header is missing. */
  private pipeRowsWithoutDelimiter(node: md.Paragraph): void {
    const pos = span(node);
    if (this.source === undefined || !pos || pos.start.line === pos.end.line) return;
    const lines = this.source.slice(pos.start.offset, pos.end.offset).split('\n');
    if (!lines.every((l) => /^\s*\|.*\|\s*$/.test(l))) return;
    const columns = (lines[0]?.match(/\|/g)?.length ?? 2) - 1;
    this.sink.warn('table-delimiter-missing', 'these lines look like a table, but the line under the header is missing, so they print as text',
      pos, `add a line like |${' --- |'.repeat(Math.max(1, columns))} right under the first row`);
  }

  private figureFromImage(image: md.Image | md.ImageReference, para: md.Node): Figure | undefined {
    const resource = image.type === 'image' ? image : this.definitions.get(image.identifier);
    if (!resource) return undefined;
    const figure: Figure = {
      type: 'figure',
      pos: span(para),
      src: resource.url,
      alt: (image.alt ?? '').trim(),
      decorative: false,
    };
    if (resource.title) figure.caption = [{ type: 'text', value: resource.title, pos: span(image) }];
    return figure;
  }

  private list(node: md.List, depth: number): List {
    return {
      type: 'list',
      pos: span(node),
      ordered: node.ordered === true,
      start: node.start ?? 1,
      tight: node.spread !== true && !node.children.some((item) => item.spread === true),
      items: node.children.map((item) => ({
        type: 'listItem' as const,
        pos: span(item),
        ...(typeof item.checked === 'boolean' ? { checked: item.checked } : {}),
        children: this.blocks(item.children, depth),
      })),
    };
  }

  private table(node: md.Table): Table {
    const width = node.children[0]?.children.length ?? 0;
    const [first, ...rest] = node.children;
    // An empty first row is how Markdown writes a table without column headings.
    const headerless = first !== undefined && first.children.every((cell) => toString(cell).trim() === '');
    if (headerless) {
      this.sink.warn('table-header-missing', 'the first row of the table is empty, so the table has no column headings', span(first),
        'write a heading for each column in the first row; screen readers announce it with every cell');
    }
    const rows = headerless ? rest : node.children;
    return {
      type: 'table',
      pos: span(node),
      align: Array.from({ length: width }, (_, i): Align => node.align?.[i] ?? null),
      headerRows: rows.length > 0 && !headerless ? 1 : 0,
      rows: rows.map((row, r) => this.tableRow(row, width, r === 0 && !headerless)),
    };
  }

  /** A row as GFM renders it: as wide as the header, short rows padded, extra cells dropped (with a warning). */
  private tableRow(row: md.TableRow, width: number, header: boolean): TableRow {
    if (row.children.length > width) {
      this.sink.warn('table-row-too-long', `this row has ${row.children.length} cells but the header only ${width}; the extra cells are left out`,
        span(row.children[width] ?? row), 'add a column heading for them, or remove the extra "|" cells');
    }
    const cells = Array.from({ length: width }, (_, i): TableCell => {
      const cell = row.children[i];
      if (!cell) return { type: 'tableCell', header, children: [] };
      return { type: 'tableCell', pos: span(cell), header, children: this.inlines(cell.children) };
    });
    return { type: 'tableRow', pos: span(row), cells };
  }

  private blockDirective(node: ContainerDirective | LeafDirective, depth: number): Block | undefined {
    if (node.type === 'containerDirective' && node.name === 'klarsprak') {
      return this.nested(node, depth, () => ({ type: 'plainText', pos: span(node), children: this.blocks(node.children, depth + 1) }));
    }
    if (node.type === 'containerDirective' && isAdmonitionKind(node.name)) {
      return this.nested(node, depth, () => this.admonition(node, node.name as AdmonitionKind, depth));
    }
    if (node.type === 'leafDirective' && node.name === 'figure') {
      return this.figureDirective(node);
    }
    this.unknownDirective(node);
    return undefined;
  }

  /** `:::tip[Title]`, `:::tip Title` (Docusaurus) or `!!! tip "Title"` (MkDocs, regrouped): a labelled box. */
  private admonition(node: ContainerDirective, kind: AdmonitionKind, depth: number): Admonition {
    const [first, ...rest] = node.children;
    const labelled = first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel === true;
    const written = node.attributes?.title ??
      (this.source !== undefined && node.position?.start.offset !== undefined ? docusaurusTitle(this.source, node.position.start.offset) : undefined);
    const title = labelled ? this.inlines(first.children) : written ? [{ type: 'text' as const, value: written, pos: span(node) }] : undefined;
    const admonition: Admonition = { type: 'admonition', pos: span(node), kind, children: this.blocks(labelled ? rest : node.children, depth + 1) };
    if (title?.length) admonition.title = title;
    return admonition;
  }

  private figureDirective(node: LeafDirective): Figure | undefined {
    const attrs = node.attributes ?? {};
    const src = attrs.src ?? '';
    if (!src) {
      this.sink.error('figure-src-missing', '::figure needs a src attribute', span(node),
        'write ::figure{src="bilde.png" alt="What the image shows"}');
      return undefined;
    }
    this.unknownAttributes(node, ['src', 'alt', 'caption', 'decorative', 'id']);
    const decorative = 'decorative' in attrs;
    const label = inlineText(this.inlines(node.children)).trim();
    const figure: Figure = {
      type: 'figure',
      pos: span(node),
      src,
      alt: decorative ? '' : (attrs.alt ?? label).trim(),
      decorative,
      ...(attrs.id ? { id: attrs.id } : {}),
    };
    const caption = attrs.caption ?? (attrs.alt !== undefined ? label : '');
    if (caption) figure.caption = [{ type: 'text', value: caption, pos: span(node) }];
    return figure;
  }

  /** Warns about attributes a known directive ignores, with the closest known one. */
  private unknownAttributes(node: Directive, known: readonly string[]): void {
    const mark = node.type === 'leafDirective' ? '::' : ':';
    for (const name of Object.keys(node.attributes ?? {})) {
      if (known.includes(name)) continue;
      const guess = closest(name, known);
      this.sink.warn('directive-attribute-unknown', `${mark}${node.name} has no attribute "${name}"; it is ignored`, span(node),
        guess ? `did you mean "${guess}"?` : `${mark}${node.name} takes ${known.join(', ')}`);
    }
  }

  private unknownDirective(node: Directive): void {
    const mark = node.type === 'containerDirective' ? ':::' : node.type === 'leafDirective' ? '::' : ':';
    const guess = closest(node.name, Object.keys(DIRECTIVES));
    const known = guess ? DIRECTIVES[guess] : undefined;
    if (known) {
      this.sink.error('directive-unknown', `unknown directive ${mark}${node.name}; did you mean ${known.mark}${guess}?`, span(node),
        `write it as ${known.syntax}`);
      return;
    }
    this.sink.error('directive-unknown', `unknown directive ${mark}${node.name}`, span(node),
      `known directives: ${Object.values(DIRECTIVES).map((d) => d.syntax).join(', ')}`);
  }

  // -- inlines ----------------------------------------------------------------------------------

  private inlines(nodes: readonly md.PhrasingContent[], depth = 0): Inline[] {
    if (depth > MAX_INLINE_NESTING) {
      const first = nodes[0];
      if (first) {
        this.sink.error('nesting-too-deep', `inline markup (emphasis, links, …) is nested more than ${MAX_INLINE_NESTING} levels deep`,
          span(first), 'simplify the markup around this text');
      }
      return [];
    }
    if (nodes.some((node) => node.type === 'html')) return this.htmlInlines(nodes, depth);
    return nodes.flatMap((node) => this.inline(node, depth + 1) ?? []);
  }

  /** Text with raw HTML in it: one HTML fragment, so tags split over several mdast nodes pair up. */
  private htmlInlines(nodes: readonly md.PhrasingContent[], depth: number): Inline[] {
    const fragment = parseFragment(nodes, '', this.index);
    const host = this.htmlHost(depth, {
      slotBlocks: () => [],
      slotInlines: (i) => {
        const node = nodes[i];
        const inline = node && this.inline(node, depth + 1);
        return inline ? [inline] : [];
      },
    });
    return new HtmlReader(host, fragment).inlines();
  }

  private inline(node: md.PhrasingContent, depth: number): Inline | undefined {
    switch (node.type) {
      case 'text':
        this.unresolvedReferences(node);
        return { type: 'text', pos: span(node), value: node.value };
      case 'emphasis':
      case 'strong':
      case 'delete':
        return { type: node.type, pos: span(node), children: this.inlines(node.children, depth) };
      case 'inlineCode':
        return { type: 'inlineCode', pos: span(node), value: node.value };
      case 'break':
        return { type: 'break', pos: span(node) };
      case 'link':
        return {
          type: 'link',
          pos: span(node),
          href: node.url,
          ...(node.title ? { title: node.title } : {}),
          children: this.inlines(node.children, depth),
        };
      case 'linkReference': {
        const def = this.definitions.get(node.identifier);
        const children = this.inlines(node.children, depth);
        if (!def) return { type: 'emphasis', pos: span(node), children };
        return { type: 'link', pos: span(node), href: def.url, ...(def.title ? { title: def.title } : {}), children };
      }
      case 'footnoteReference':
        return this.footnoteRef(node);
      case 'image':
      case 'imageReference': {
        const figure = this.figureFromImage(node, node);
        return figure && this.imageInText(figure);
      }
      case 'textDirective':
        return this.textDirective(node, depth);
      default:
        this.sink.error('unsupported-inline', `"${node.type}" is not supported inside text`, span(node),
          'write it as plain text, emphasis or a link');
        return undefined;
    }
  }

  private textDirective(node: TextDirective, depth: number): Inline | undefined {
    if (node.name === 'lang') {
      this.unknownAttributes(node, ['lang']);
      const written = node.attributes?.lang ?? '';
      const lang = canonicalLanguageTag(written);
      const children = this.inlines(node.children, depth);
      if (lang === undefined) {
        this.sink.error('lang-span-invalid', `:lang needs a language tag, got "${written}"`, span(node),
          'write :lang[text]{lang=en} with a BCP 47 tag such as en, se, nn');
        return { type: 'emphasis', pos: span(node), children };
      }
      return { type: 'lang', pos: span(node), lang, children };
    }
    // A bare ":word" with no label or attributes is ordinary prose ("kl.:Her"), not a directive.
    const bare = node.children.length === 0 && Object.keys(node.attributes ?? {}).length === 0;
    if (bare) return { type: 'text', pos: span(node), value: `:${node.name}` };
    this.unknownDirective(node);
    return undefined;
  }

  /** Reports `[^x]` and `[text][label]` that the parser left as text because nothing defines them. */
  private unresolvedReferences(node: md.Text): void {
    const pos = span(node);
    if (this.source === undefined || !pos || !node.value.includes('[')) return;
    const raw = this.source.slice(pos.start.offset, pos.end.offset);
    for (const ref of findUnresolvedReferences(raw, pos.start)) {
      if (ref.kind === 'footnote') {
        this.sink.error('footnote-undefined', `footnote [^${ref.label}] has no definition`, ref.pos,
          `add a line "[^${ref.label}]: …" with the note text, or write \\[^${ref.label}] for literal brackets`);
      } else {
        this.sink.warn('link-reference-undefined', `link reference [${ref.label}] has no definition, so this is no link`, ref.pos,
          `add a line "[${ref.label}]: https://…" below the paragraph, or write [text](https://…)`);
      }
    }
  }

  private footnoteRef(node: md.FootnoteReference): Inline {
    let number = this.noteNumbers.get(node.identifier);
    const repeat = number !== undefined;
    if (number === undefined) {
      number = this.noteOrder.push(node.identifier);
      this.noteNumbers.set(node.identifier, number);
    }
    return { type: 'footnoteRef', pos: span(node), id: node.identifier, number, repeat };
  }

  private footnotes(): Footnote[] {
    const notes: Footnote[] = [];
    // Converting a note may reference further notes, so walk until no new numbers appear.
    for (let i = 0; i < this.noteOrder.length; i++) {
      const id = this.noteOrder[i] as string;
      const def = this.noteDefinitions.get(id);
      if (!def) continue;
      this.inNote = true;
      try {
        notes.push({ type: 'footnote', pos: span(def), id, number: i + 1, children: this.blocks(def.children, 1) });
      } finally {
        this.inNote = false;
      }
    }
    for (const [id, def] of this.noteDefinitions) {
      if (!this.noteNumbers.has(id)) {
        this.sink.warn('footnote-unused', `footnote [^${def.label ?? id}] is never referenced`, span(def),
          `reference it with [^${def.label ?? id}] in the text, or delete it`);
      }
    }
    return notes;
  }
}

/** Moves the positions of a tree parsed from a piece of the source to where that piece starts. */
function shiftPositions(node: md.Nodes, offset: number, index: SourceIndex): void {
  const p = node.position;
  if (p?.start.offset !== undefined && p.end.offset !== undefined) {
    const start = index.point(offset + p.start.offset);
    const end = index.point(offset + p.end.offset);
    node.position = { start: { ...start }, end: { ...end } };
  }
  if ('children' in node) for (const child of node.children) shiftPositions(child, offset, index);
}
