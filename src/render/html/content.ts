/**
 * Model → HTML for a page's content, shared by the full report page and the plain version's page.
 * Every text value is escaped; links follow the shared link policy; language spans keep `lang`.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Admonition, Block, Figure, Heading, Inline, InlineImage, Labels, Table } from '../../model/types.js';
import { admonitionHeading } from '../../model/admonition.js';
import { escapeHtml } from '../../frame/handlebars.js';
import { assertNever } from '../../model/assert-never.js';
import { classifyLink } from '../../model/link-target.js';
import { tableGrid, type PlacedCell } from '../../model/table-grid.js';
import { inlineText } from '../../model/text.js';
import { captionPrefix } from '../shared/captions.js';
import { htmlCell } from '../shared/html-cells.js';
import { headingLabel, missingImageText } from '../shared/labels.js';
import { softBreaks } from '../shared/text.js';

/** How the page shows what differs between the report and the plain version. */
export interface HtmlContext {
  /** Anchors that exist on the page; internal links to other ids stay plain text. */
  ids: ReadonlySet<string>;
  labels: Labels;
  /** The HTML heading level (h1–h6) for a heading of the model. */
  level: (heading: Heading) => number;
  /** The full report: headings carry their ids and numbers, notes are linked, figures are embedded, `plainText` is left out. */
  report: boolean;
}

/** Inlines as escaped HTML. */
export function inlinesToHtml(inlines: readonly Inline[], ctx: HtmlContext): string {
  return inlines.map((node) => inlineToHtml(node, ctx)).join('');
}

function inlineToHtml(node: Inline, ctx: HtmlContext): string {
  switch (node.type) {
    case 'text':
      return escapeHtml(softBreaks(node.value));
    case 'inlineCode':
      return `<code>${escapeHtml(node.value)}</code>`;
    case 'break':
      return '<br>';
    case 'footnoteRef':
      return ctx.report ? footnoteRef(node.id, node.number, node.repeat, ctx.labels) : '';
    case 'emphasis':
      return `<em>${inlinesToHtml(node.children, ctx)}</em>`;
    case 'strong':
      return `<strong>${inlinesToHtml(node.children, ctx)}</strong>`;
    case 'delete':
      return `<del>${inlinesToHtml(node.children, ctx)}</del>`;
    case 'superscript':
      return `<sup>${inlinesToHtml(node.children, ctx)}</sup>`;
    case 'subscript':
      return `<sub>${inlinesToHtml(node.children, ctx)}</sub>`;
    case 'lang':
      return `<span lang="${escapeHtml(node.lang)}">${inlinesToHtml(node.children, ctx)}</span>`;
    case 'link': {
      const content = inlinesToHtml(node.children, ctx);
      const href = liveHref(node.href, ctx);
      if (href === undefined) return content;
      const title = node.title ? ` title="${escapeHtml(node.title)}"` : '';
      return `<a href="${escapeHtml(href)}"${title}>${content}</a>`;
    }
    case 'crossRef':
      return ctx.ids.has(node.target)
        ? `<a href="#${escapeHtml(encodeURIComponent(node.target))}">${escapeHtml(node.text)}</a>`
        : escapeHtml(node.text);
    case 'inlineImage':
      return ctx.report ? inlineImage(node) : '';
    default:
      return assertNever(node);
  }
}

/** The href of a live link (the shared link policy): an anchor on this page or an address; else none. */
function liveHref(href: string, ctx: HtmlContext): string | undefined {
  const target = classifyLink(href);
  if (target.kind === 'internal') return ctx.ids.has(target.id) ? `#${encodeURIComponent(target.id)}` : undefined;
  return target.kind === 'external' ? target.href : undefined;
}

/** A note reference as DPUB-ARIA describes it; the first reference is the note's way back. */
function footnoteRef(id: string, number: number, repeat: boolean, labels: Labels): string {
  const back = repeat ? '' : ` id="fnref-${escapeHtml(id)}"`;
  return `<sup><a class="fnref" href="#fn-${escapeHtml(id)}"${back} role="doc-noteref" aria-label="${escapeHtml(`${labels.footnoteReference} ${number}`)}">${number}</a></sup>`;
}

/** Blocks as escaped HTML. */
export function blocksToHtml(blocks: readonly Block[], ctx: HtmlContext): string {
  return blocks.map((block) => blockToHtml(block, ctx)).filter((html) => html !== '').join('\n');
}

function blockToHtml(block: Block, ctx: HtmlContext): string {
  switch (block.type) {
    case 'heading': {
      const level = ctx.level(block);
      if (!ctx.report) return `<h${level}>${inlinesToHtml(block.children, ctx)}</h${level}>`;
      const number = block.number ? `<span class="num">${escapeHtml(headingLabel(block.number))}</span>` : '';
      return `<h${level} id="${escapeHtml(block.id)}">${number}${inlinesToHtml(block.children, ctx)}</h${level}>`;
    }
    case 'paragraph':
      return `<p>${inlinesToHtml(block.children, ctx)}</p>`;
    case 'list': {
      const items = block.items.map((item) => `<li>${itemToHtml(item.children, block.tight, ctx)}</li>`).join('\n');
      if (!block.ordered) return `<ul>\n${items}\n</ul>`;
      return `<ol${block.start !== 1 ? ` start="${block.start}"` : ''}>\n${items}\n</ol>`;
    }
    case 'table':
      return table(block, ctx);
    case 'figure':
      return ctx.report ? figure(block, ctx) : '';
    case 'blockquote':
      return `<blockquote>\n${blocksToHtml(block.children, ctx)}\n</blockquote>`;
    case 'admonition':
      return admonition(block, ctx);
    case 'code':
      return `<pre><code>${escapeHtml(block.value)}</code></pre>`;
    case 'thematicBreak':
      return '<hr>';
    case 'plainText':
      // Author-written plain language belongs to the plain version only.
      return ctx.report ? '' : blocksToHtml(block.children, ctx);
    default:
      return assertNever(block);
  }
}

/**
 * A box led by its label in words: a note (role="note", not a landmark) or, from `<details>`,
 * a disclosure that starts open so nothing is hidden from print or a quick read.
 */
function admonition(node: Admonition, ctx: HtmlContext): string {
  const body = blocksToHtml(node.children, ctx);
  const head = inlinesToHtml(admonitionHeading(node, ctx.labels), ctx);
  if (node.kind === 'details') return `<details class="admonition" open>\n<summary>${head}</summary>\n${body}\n</details>`;
  return `<div class="admonition ${node.kind}" role="note">\n<p>${head}</p>\n${body}\n</div>`;
}

function idAttribute(node: Figure | Table, ctx: HtmlContext): string {
  return ctx.report && node.id ? ` id="${escapeHtml(node.id)}"` : '';
}

/** A caption's label ("Tabell 1") and text, as in the PDF and the Word file. */
function caption(node: Figure | Table, ctx: HtmlContext): string {
  const prefix = captionPrefix(ctx.labels, node);
  const label = prefix ? `<span class="label">${escapeHtml(prefix)}</span>` : '';
  return `${label}${inlinesToHtml(node.caption ?? [], ctx)}`;
}

function table(block: Table, ctx: HtmlContext): string {
  const grid = tableGrid(block);
  const short = shortColumns(grid.rows);
  const rows = grid.rows.map((row) => {
    const cells = row.map((placed) => {
      const { tag, attributes } = htmlCell(block, placed);
      const align = block.align[placed.column];
      const classes = [align && align !== 'left' ? align : '', placed.colSpan === 1 && short.has(placed.column) ? 'short' : ''].filter(Boolean);
      const style = classes.length ? ` class="${classes.join(' ')}"` : '';
      return `<${tag}${attributes}${style}>${inlinesToHtml(placed.cell.children, ctx)}</${tag}>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  const head = rows.slice(0, block.headerRows);
  const body = rows.slice(block.headerRows);
  const captionHtml = block.caption ? `<caption>${caption(block, ctx)}</caption>` : '';
  const sections = `${head.length ? `<thead>\n${head.join('\n')}\n</thead>\n` : ''}<tbody>\n${body.join('\n')}\n</tbody>`;
  // The wrapper scrolls a wide table on a phone; it is focusable so keyboards can scroll it too.
  const name = captionPrefix(ctx.labels, block).trim() || ctx.labels.table;
  return `<div class="table" role="region" tabindex="0" aria-label="${escapeHtml(name)}"><table${idAttribute(block, ctx)}>${captionHtml}\n${sections}\n</table></div>`;
}

/** Entries a column may hold and still stay on one line: times, dates, amounts, short names. */
const SHORT_ENTRY = 20;

/**
 * The columns whose every entry is short. They keep each entry on one line, as the PDF does, so
 * "Kl. 09:00 – 09:30" does not break into four lines beside a column of prose on a phone.
 */
function shortColumns(rows: readonly (readonly PlacedCell[])[]): Set<number> {
  const long = new Set<number>();
  const seen = new Set<number>();
  for (const row of rows) {
    for (const placed of row) {
      if (placed.colSpan !== 1) continue;
      seen.add(placed.column);
      if (inlineText(placed.cell.children).length > SHORT_ENTRY) long.add(placed.column);
    }
  }
  return new Set([...seen].filter((column) => !long.has(column)));
}

const MEDIA_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

/** The image file inside the page (a data: URI), so the page makes no requests; undefined for a file that failed its checks. */
function dataUri(path: string | undefined): string | undefined {
  const type = MEDIA_TYPES[extname(path ?? '').toLowerCase()];
  if (!path || !type) return undefined;
  return `data:${type};base64,${readFileSync(path).toString('base64')}`;
}

/** A small image in the line, at its upright size (browsers turn photos by their EXIF orientation themselves). */
function inlineImage(node: InlineImage): string {
  const src = dataUri(node.path);
  if (!src) return '';
  return `<img src="${src}" alt="${node.decorative ? '' : escapeHtml(node.alt)}" width="${node.width}" height="${node.height}">`;
}

/** A figure with its image inside the page. */
function figure(block: Figure, ctx: HtmlContext): string {
  const src = dataUri(block.path);
  const captionHtml = block.caption ? `\n<figcaption>${caption(block, ctx)}</figcaption>` : '';
  // A draft's image that could not be included is named in a box, as in the PDF and the Word file.
  if (!src) return `<figure${idAttribute(block, ctx)}>\n<p class="missing">${escapeHtml(missingImageText(ctx.labels, block))}</p>${captionHtml}\n</figure>`;
  if (block.decorative) return `<img class="decorative" src="${src}" alt="">`;
  return `<figure${idAttribute(block, ctx)}>\n<img src="${src}" alt="${escapeHtml(block.alt)}">${captionHtml}\n</figure>`;
}

/** Tight list items hold their paragraph's inlines directly. */
function itemToHtml(children: readonly Block[], tight: boolean, ctx: HtmlContext): string {
  return children
    .map((b) => (tight && b.type === 'paragraph' ? inlinesToHtml(b.children, ctx) : blockToHtml(b, ctx)))
    .join('\n');
}
