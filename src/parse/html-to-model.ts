/**
 * hast → model. Raw HTML in Markdown becomes the same model nodes Markdown would give: emphasis,
 * links, headings, lists, tables, figures, boxes. What cannot be made safe is refused (scripts,
 * embedded content, form controls, event handlers, `javascript:`); tag-like text that is no HTML
 * element (`<major>.<minor>`, `<your-org>`) is printed as written; comments vanish.
 */
import { htmlTagNames } from 'html-tag-names';
import type { Element, ElementContent, Nodes as HastNodes, RootContent } from 'hast';
import type { Admonition, Block, Figure, HeaderScope, Heading, Inline, List, ListItem, Span, Table, TableCell, TableRow } from '../model/types.js';
import { regularGrid, tableGrid, type GridRepair } from '../model/table-grid.js';
import type { DiagnosticSink } from '../diagnostics.js';
import { inlineText } from '../model/text.js';
import { SLOT, type HtmlFragment } from './html-fragment.js';
import { abbreviate } from './points.js';

/** What the HTML reader needs from the Markdown converter. */
export interface HtmlHost {
  readonly sink: DiagnosticSink;
  /** The Markdown node a slot stands for, converted as blocks. */
  slotBlocks(index: number): Block[];
  /** The Markdown node a slot stands for, converted as inlines (large images in it are moved out). */
  slotInlines(index: number): Inline[];
  /** A heading, registered for ids, anchors and the outline (in a note, a bold paragraph); undefined when it has no text. */
  heading(level: Heading['level'], children: Inline[], pos: Span | undefined, id?: string): Block | undefined;
  /** An `id` or `name` link target: it leads to the heading it stands in or before. */
  target(name: string): void;
  /** Markdown text found inside HTML block content, converted as blocks. */
  markdown(text: string, sourceOffset: number | undefined): Block[];
  /** An image met inside running text: the inline that stays in the line, or none when it goes after the paragraph. */
  imageInText(figure: Figure): Inline | undefined;
}

/** Refused outright: they run code, embed other documents or collect input. */
const UNSAFE = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select',
  'textarea', 'option', 'optgroup', 'datalist', 'output', 'fieldset', 'link', 'meta', 'base', 'noscript', 'template',
]);

const KNOWN = new Set(htmlTagNames);

/** Elements that hold blocks; the text directly in them is Markdown, as on GitHub after a blank line. */
const FLOW_CONTAINERS = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'center', 'body', 'html']);

/** Elements that start a block of their own when met among blocks. */
const BLOCKS = new Set([
  ...FLOW_CONTAINERS, 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'hr', 'table',
  'details', 'figure', 'address', 'hgroup', 'menu',
]);

const STRONG = new Set(['b', 'strong', 'mark']);
const EMPHASIS = new Set(['i', 'em', 'cite', 'dfn', 'var']);
const DELETE = new Set(['s', 'del', 'strike']);
const CODE = new Set(['code', 'kbd', 'samp', 'tt']);

/** Converts one parsed fragment. */
export class HtmlReader {
  constructor(
    private readonly host: HtmlHost,
    private readonly fragment: HtmlFragment,
  ) {}

  /** The fragment's content as blocks. */
  blocks(): Block[] {
    return this.flow(this.fragment.tree.children);
  }

  /** The fragment's content as inlines. */
  inlines(): Inline[] {
    return this.phrasing(this.fragment.tree.children);
  }

  // -- blocks ------------------------------------------------------------------------------------

  private flow(nodes: readonly (RootContent | ElementContent)[]): Block[] {
    const out: Block[] = [];
    let run: (RootContent | ElementContent)[] = [];
    const flush = (): void => {
      if (run.length === 0) return;
      const children = this.phrasing(run);
      run = [];
      if (inlineText(children).trim() !== '' || children.some((c) => c.type === 'link')) {
        out.push({ type: 'paragraph', pos: this.spanOfAll(children), children: trimBreaks(children) });
      }
    };
    for (const node of nodes) {
      if (node.type === 'comment' || node.type === 'doctype') continue;
      if (node.type === 'text') {
        if (node.value.trim() === '') continue;
        flush();
        out.push(...this.host.markdown(node.value, this.offsetOf(node)));
        continue;
      }
      if (node.type !== 'element') continue;
      if (node.tagName === SLOT) {
        flush();
        out.push(...this.host.slotBlocks(slotIndex(node)));
      } else if (node.tagName === 'img') {
        flush();
        const figure = this.figure(node);
        if (figure) out.push(figure);
      } else if (BLOCKS.has(node.tagName) || UNSAFE.has(node.tagName)) {
        flush();
        out.push(...this.block(node));
      } else {
        run.push(node);
      }
    }
    flush();
    return out;
  }

  private block(el: Element): Block[] {
    if (!this.safe(el)) return [];
    const pos = this.fragment.span(el);
    this.targets(el);
    const tag = el.tagName;
    switch (tag) {
      case 'p':
      case 'address':
        return this.flowOfPhrasing(el);
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6': {
        const heading = this.host.heading(Number(tag.slice(1)) as Heading['level'], this.phrasing(el.children), pos);
        return heading ? [heading] : [];
      }
      case 'blockquote':
        return [{ type: 'blockquote', pos, children: this.flow(el.children) }];
      case 'pre':
        return [this.code(el, pos)];
      case 'ul':
      case 'ol':
      case 'menu':
        return [this.list(el, pos)];
      case 'dl':
        return [this.definitionList(el, pos)];
      case 'hr':
        return [{ type: 'thematicBreak', pos }];
      case 'table':
        return this.table(el, pos);
      case 'details':
        return this.details(el, pos);
      case 'figure':
        return this.figureElement(el);
      default:
        if (tag === 'div' && classes(el).includes('mermaid')) return [this.diagram(el, pos)];
        return this.flow(el.children);
    }
  }

  /** A `<p>`: its phrasing as one paragraph. */
  private flowOfPhrasing(el: Element): Block[] {
    const children = trimBreaks(this.phrasing(el.children));
    if (inlineText(children).trim() === '' && !children.some((c) => c.type === 'link')) return [];
    return [{ type: 'paragraph', pos: this.fragment.span(el), children }];
  }

  private code(el: Element, pos: Span | undefined): Block {
    const inner = el.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
    const lang = inner ? classes(inner).find((c) => c.startsWith('language-'))?.slice('language-'.length) : undefined;
    return { type: 'code', pos, value: textContent(el).replace(/\n$/, ''), ...(lang ? { lang } : {}) };
  }

  /** `<div class="mermaid">`: no renderer and no network here, so the diagram's source is shown as code. */
  private diagram(el: Element, pos: Span | undefined): Block {
    this.host.sink.warn('diagram-as-code', 'a Mermaid diagram cannot be drawn here; its source is shown as a code block', pos,
      'export the diagram as a PNG with alt text and insert it as an image: ![What it shows](diagram.png)');
    return { type: 'code', pos, lang: 'mermaid', value: textContent(el).trim() };
  }

  private list(el: Element, pos: Span | undefined): List {
    const items: ListItem[] = elements(el.children, 'li').map((li) => {
      this.targets(li);
      return { type: 'listItem', pos: this.fragment.span(li), children: this.flow(li.children) };
    });
    const start = Number(el.properties['start'] ?? 1);
    return { type: 'list', pos, ordered: el.tagName === 'ol', start: Number.isFinite(start) ? start : 1, tight: true, items };
  }

  /** A definition list as a list of terms, each in bold with its descriptions under it. */
  private definitionList(el: Element, pos: Span | undefined): List {
    const items: ListItem[] = [];
    for (const child of el.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'dt') {
        const term = this.phrasing(child.children);
        items.push({ type: 'listItem', pos: this.fragment.span(child), children: [{ type: 'paragraph', pos: this.fragment.span(child), children: [{ type: 'strong', children: term }] }] });
      } else if (child.tagName === 'dd') {
        const last = items.at(-1);
        const blocks = this.flow(child.children);
        if (last) last.children.push(...blocks);
        else items.push({ type: 'listItem', pos: this.fragment.span(child), children: blocks });
      }
    }
    return { type: 'list', pos, ordered: false, start: 1, tight: false, items };
  }

  /** `<details>`: a box titled by its summary, always open (print cannot fold). */
  private details(el: Element, pos: Span | undefined): Block[] {
    const summary = elements(el.children, 'summary')[0];
    const title = summary ? this.phrasing(summary.children) : [];
    const box: Admonition = { type: 'admonition', pos, kind: 'details', children: this.flow(el.children.filter((c) => c !== summary)) };
    if (title.length) box.title = title;
    return [box];
  }

  private figureElement(el: Element): Block[] {
    const img = el.children.find((c): c is Element => c.type === 'element' && c.tagName === 'img');
    const caption = elements(el.children, 'figcaption')[0];
    const captionInlines = caption ? this.phrasing(caption.children) : [];
    if (img && el.children.every((c) => c === img || c === caption || (c.type === 'text' && c.value.trim() === '') || c.type === 'comment')) {
      const figure = this.figure(img);
      if (!figure) return [];
      if (captionInlines.length) figure.caption = captionInlines;
      return [figure];
    }
    const body = this.flow(el.children.filter((c) => c !== caption));
    return captionInlines.length ? [...body, { type: 'paragraph', pos: caption && this.fragment.span(caption), children: captionInlines }] : body;
  }

  private figure(img: Element): Figure | undefined {
    if (!this.safe(img)) return undefined;
    const src = String(img.properties['src'] ?? '');
    if (!src) return undefined;
    const alt = img.properties['alt'];
    // alt="" is the HTML way to say "decorative"; no alt attribute at all is a missing description.
    const decorative = alt === '';
    return { type: 'figure', pos: this.fragment.span(img), src, alt: typeof alt === 'string' ? alt.trim() : '', decorative };
  }

  // -- tables ------------------------------------------------------------------------------------

  private table(el: Element, pos: Span | undefined): Block[] {
    const rows = tableRows(el);
    const cells = rows.flatMap((r) => elements(r.children, 'td', 'th'));
    // Cells that hold headings, lists or paragraphs lay out a page; read them in order, as a screen reader would.
    if (cells.some((cell) => cell.children.some((c) => c.type === 'element' && (BLOCKS.has(c.tagName) || c.tagName === 'img')))) {
      this.host.sink.warn('html-layout-table', 'this HTML table lays out blocks (headings, lists, paragraphs), so its cells are read in order as blocks',
        pos, 'keep tables for data; write the content as sections, or as a Markdown table of short texts');
      return cells.flatMap((cell) => this.flow(cell.children));
    }
    const captionEl = elements(el.children, 'caption')[0];
    const head = elements(el.children, 'thead')[0];
    const headRows = head ? elements(head.children, 'tr').length : 0;
    const grid = rows.map((tr) => this.row(tr));
    const leadingHeader = grid.findIndex((row) => row.cells.length === 0 || row.cells.some((c) => !c.header));
    const headerRows = headRows || (leadingHeader === -1 ? grid.length : leadingHeader);
    if (headerRows === 0 && !grid.some((row) => row.cells.some((c) => c.header))) {
      this.host.sink.warn('table-header-missing', 'the HTML table has no header cells (<th>), so it has no column headings', pos,
        'write the first row with <th> cells; screen readers announce them with every cell');
    }
    const table: Table = { type: 'table', pos, align: [], headerRows, rows: grid };
    const repair = regularGrid(table)[0];
    if (repair) {
      this.host.sink.warn('html-table-ragged', `the rows of this HTML table do not line up: ${REPAIRS[repair.kind]}`,
        (repair.cell ?? repair.row).pos ?? pos, 'give every row as many cells as the table has columns, counting colspan and rowspan');
    }
    for (const row of grid.slice(0, headerRows)) for (const cell of row.cells) cell.header = true;
    table.align = Array.from({ length: tableGrid(table).columns }, () => null);
    if (captionEl) table.caption = this.phrasing(captionEl.children);
    return [table];
  }

  /** A row's cells as written, with their spans and header scopes. */
  private row(tr: Element): TableRow {
    const cells = elements(tr.children, 'td', 'th').map((td): TableCell => {
      this.targets(td);
      const header = td.tagName === 'th';
      const scope = header ? scopeOf(td.properties['scope']) : undefined;
      const colSpan = span(td.properties['colSpan']);
      const rowSpan = span(td.properties['rowSpan']);
      return {
        type: 'tableCell',
        pos: this.fragment.span(td),
        header,
        ...(colSpan > 1 ? { colSpan } : {}),
        ...(rowSpan > 1 ? { rowSpan } : {}),
        ...(scope ? { scope } : {}),
        children: trimBreaks(this.phrasing(td.children)),
      };
    });
    return { type: 'tableRow', pos: this.fragment.span(tr), cells };
  }

  // -- inlines -----------------------------------------------------------------------------------

  private phrasing(nodes: readonly (RootContent | ElementContent)[]): Inline[] {
    return nodes.flatMap((node) => this.inline(node));
  }

  private inline(node: RootContent | ElementContent): Inline[] {
    if (node.type === 'text') return node.value ? [{ type: 'text', pos: this.fragment.span(node), value: node.value }] : [];
    if (node.type !== 'element') return [];
    const tag = node.tagName;
    if (tag === SLOT) return this.host.slotInlines(slotIndex(node));
    if (!this.safe(node)) return [];
    this.targets(node);
    const pos = this.fragment.span(node);
    if (!KNOWN.has(tag)) return this.literal(node, pos);
    this.colourOnly(node, pos);
    if (STRONG.has(tag)) return [{ type: 'strong', pos, children: this.phrasing(node.children) }];
    if (EMPHASIS.has(tag)) return [{ type: 'emphasis', pos, children: this.phrasing(node.children) }];
    if (DELETE.has(tag)) return [{ type: 'delete', pos, children: this.phrasing(node.children) }];
    // The text may stand in Markdown slots (`<kbd>Ctrl</kbd>` is three mdast nodes), so it is read after conversion.
    if (CODE.has(tag)) return [{ type: 'inlineCode', pos, value: inlineText(this.phrasing(node.children)) }];
    if (tag === 'sup' || tag === 'sub') return [{ type: tag === 'sup' ? 'superscript' : 'subscript', pos, children: this.phrasing(node.children) }];
    if (tag === 'br') return [{ type: 'break', pos }];
    if (tag === 'img') {
      const figure = this.figure(node);
      const inline = figure && this.host.imageInText(figure);
      return inline ? [inline] : [];
    }
    if (tag === 'a' && typeof node.properties['href'] === 'string') {
      return [{ type: 'link', pos, href: node.properties['href'], children: this.phrasing(node.children) }];
    }
    // span, small, u, ins, abbr, q, font, time …, and blocks met inside text: their text, in order.
    return this.phrasing(node.children);
  }

  /** Tag-like text that is no HTML element, as written: `<major>` stays `<major>`. */
  private literal(el: Element, pos: Span | undefined): Inline[] {
    const start = el.position?.start.offset;
    const end = el.position?.end.offset;
    const text = this.fragment.text;
    const open = start === undefined ? `<${el.tagName}>` : (/^<[^>]*>/.exec(text.slice(start))?.[0] ?? `<${el.tagName}>`);
    const closeTag = `</${el.tagName}>`;
    const closed = end !== undefined && text.slice(0, end).toLowerCase().endsWith(closeTag);
    this.host.sink.warn('html-unknown-tag', `${abbreviate(open)} is no HTML element, so it is printed as written`, pos,
      `write \\${open} (or use \`code\`) to show it as text on purpose`);
    return [
      { type: 'text', pos, value: open },
      ...this.phrasing(el.children),
      ...(closed ? [{ type: 'text' as const, value: text.slice(end - closeTag.length, end) }] : []),
    ];
  }

  // -- checks ------------------------------------------------------------------------------------

  /** False (with an error) for elements and attributes that run code, embed or collect input. */
  private safe(el: Element): boolean {
    const pos = this.fragment.span(el);
    if (UNSAFE.has(el.tagName)) {
      this.host.sink.error('html-unsafe', `<${el.tagName}> is not allowed: a report cannot run code, embed pages or hold form controls`, pos,
        'remove it; link to the page or describe the content in text instead');
      return false;
    }
    for (const [name, value] of Object.entries(el.properties)) {
      if (/^on[A-Z]/.test(name)) {
        this.host.sink.error('html-unsafe', `the event handler ${name.toLowerCase()} on <${el.tagName}> is not allowed`, pos, 'remove the attribute');
        return false;
      }
      if ((name === 'href' || name === 'src') && typeof value === 'string' && /^\s*(javascript|vbscript):/i.test(value)) {
        this.host.sink.error('html-unsafe', `a ${value.split(':')[0]?.trim()}: address on <${el.tagName}> is not allowed`, pos,
          'link to a web address (https://…) or to a heading (#id)');
        return false;
      }
    }
    return true;
  }

  /** Colour alone carries no meaning for many readers, nor in print in black and white. */
  private colourOnly(el: Element, pos: Span | undefined): void {
    const style = String(el.properties['style'] ?? '');
    if (!/(^|[;\s{])(background-)?colou?r\s*:/i.test(style) && el.properties['color'] === undefined) return;
    this.host.sink.warn('html-colour-only', `<${el.tagName}> sets a colour, which the outputs do not show and many readers cannot see`, pos,
      'say in words what the colour means, e.g. "Viktig:" or **bold**');
  }

  /** `id` and `<a name>` on an element: targets for links written for GitHub. */
  private targets(el: Element): void {
    const id = el.properties['id'];
    if (typeof id === 'string' && id) this.host.target(id);
    const name = el.properties['name'];
    if (el.tagName === 'a' && typeof name === 'string' && name) this.host.target(name);
  }

  private offsetOf(node: HastNodes): number | undefined {
    const offset = node.position?.start.offset;
    return offset === undefined ? undefined : this.fragment.sourceOffset(offset);
  }

  private spanOfAll(inlines: readonly Inline[]): Span | undefined {
    const first = inlines.find((i) => i.pos)?.pos;
    const last = [...inlines].reverse().find((i) => i.pos)?.pos;
    return first && last ? { start: first.start, end: last.end } : undefined;
  }
}

function slotIndex(el: Element): number {
  return Number(el.properties['dataI']);
}

function classes(el: Element): string[] {
  const c = el.properties['className'];
  return Array.isArray(c) ? c.map(String) : [];
}

function elements(nodes: readonly ElementContent[], ...names: string[]): Element[] {
  return nodes.filter((n): n is Element => n.type === 'element' && names.includes(n.tagName));
}

/** The rows of a table in order: those of thead, tbody and tfoot, and rows written directly in it. */
function tableRows(table: Element): Element[] {
  return table.children.flatMap((c) => {
    if (c.type !== 'element') return [];
    if (c.tagName === 'tr') return [c];
    if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') return elements(c.children, 'tr');
    return [];
  });
}

const SCOPES: readonly HeaderScope[] = ['col', 'row', 'colgroup', 'rowgroup'];

function scopeOf(value: unknown): HeaderScope | undefined {
  const scope = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return SCOPES.find((s) => s === scope);
}

/** How the grid was mended, for the warning. */
const REPAIRS: Record<GridRepair['kind'], string> = {
  'overlap': 'a cell spans over a cell that spans down from above; it is cut short there',
  'past-group': 'a cell spans down past the last row of its part of the table; it is cut short there',
  'short-row': 'a row is shorter than the widest; empty cells fill it',
};

function span(value: unknown): number {
  const n = Number(value ?? 1);
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 1;
}

/** The text of an element, as `textContent` gives it. */
function textContent(node: HastNodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map(textContent).join('');
  return '';
}

/** Line breaks and white space at the very start or end of a paragraph or cell say nothing. */
function trimBreaks(inlines: Inline[]): Inline[] {
  let start = 0;
  let end = inlines.length;
  const blank = (i: Inline | undefined): boolean => i !== undefined && (i.type === 'break' || (i.type === 'text' && i.value.trim() === ''));
  while (start < end && blank(inlines[start])) start++;
  while (end > start && blank(inlines[end - 1])) end--;
  const out = inlines.slice(start, end);
  const first = out[0];
  if (first?.type === 'text') out[0] = { ...first, value: first.value.trimStart() };
  const last = out.at(-1);
  if (last?.type === 'text') out[out.length - 1] = { ...last, value: last.value.trimEnd() };
  return out;
}
