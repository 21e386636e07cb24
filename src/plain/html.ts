/**
 * Model → HTML for the plain page's content. Every text value is escaped; only links with a safe
 * scheme (or to an anchor on the page) become links; language spans keep their `lang`.
 */
import type { Block, Inline, Labels } from '../model/types.js';
import { admonitionHeading } from '../model/admonition.js';
import { escapeHtml } from '../frame/handlebars.js';
import { assertNever } from '../model/assert-never.js';

/** Rendering context: the anchors that exist on the page, the heading level blocks start at, the labels. */
export interface HtmlContext {
  ids: ReadonlySet<string>;
  labels: Labels;
  /** HTML level for a level-2 heading inside a section (sections themselves are h2). */
  headingBase: number;
}

/** Inlines as escaped HTML. */
export function inlinesToHtml(inlines: readonly Inline[], ctx: HtmlContext): string {
  return inlines.map((node) => inlineToHtml(node, ctx)).join('');
}

function inlineToHtml(node: Inline, ctx: HtmlContext): string {
  switch (node.type) {
    case 'text':
      return escapeHtml(node.value);
    case 'inlineCode':
      return `<code>${escapeHtml(node.value)}</code>`;
    case 'break':
      return '<br>';
    case 'footnoteRef':
    case 'inlineImage':
      return '';
    case 'crossRef':
      // A link only where the target is on this page; the plain version leaves many targets out.
      return ctx.ids.has(node.target) ? `<a href="#${escapeHtml(node.target)}">${escapeHtml(node.text)}</a>` : escapeHtml(node.text);
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
      if (!safeHref(node.href, ctx)) return content;
      const title = node.title ? ` title="${escapeHtml(node.title)}"` : '';
      return `<a href="${escapeHtml(node.href)}"${title}>${content}</a>`;
    }
    default:
      return assertNever(node);
  }
}

/** External links with a web or mail scheme, and anchors that exist on this page. */
function safeHref(href: string, ctx: HtmlContext): boolean {
  if (href.startsWith('#')) return ctx.ids.has(href.slice(1));
  return /^(https?:\/\/|mailto:)/i.test(href);
}

/** Blocks as escaped HTML. Figures are left out: the page loads nothing from outside itself. */
export function blocksToHtml(blocks: readonly Block[], ctx: HtmlContext): string {
  return blocks.map((block) => blockToHtml(block, ctx)).join('\n');
}

function blockToHtml(block: Block, ctx: HtmlContext): string {
  switch (block.type) {
    case 'heading': {
      const level = Math.min(6, ctx.headingBase + Math.max(0, block.level - 2));
      return `<h${level}>${inlinesToHtml(block.children, ctx)}</h${level}>`;
    }
    case 'paragraph':
      return `<p>${inlinesToHtml(block.children, ctx)}</p>`;
    case 'list': {
      const items = block.items.map((item) => `<li>${itemToHtml(item.children, block.tight, ctx)}</li>`).join('\n');
      if (!block.ordered) return `<ul>\n${items}\n</ul>`;
      return `<ol${block.start !== 1 ? ` start="${block.start}"` : ''}>\n${items}\n</ol>`;
    }
    case 'table': {
      const rows = block.rows.map((row, i) => {
        const cells = row.cells.map((cell) => {
          const tag = cell.header || i < block.headerRows ? 'th' : 'td';
          const scope = tag === 'th' ? ` scope="${i < block.headerRows ? 'col' : 'row'}"` : '';
          return `<${tag}${scope}>${inlinesToHtml(cell.children, ctx)}</${tag}>`;
        });
        return `<tr>${cells.join('')}</tr>`;
      });
      const caption = block.caption ? `<caption>${inlinesToHtml(block.caption, ctx)}</caption>` : '';
      return `<div class="table"><table>${caption}\n${rows.join('\n')}\n</table></div>`;
    }
    case 'blockquote':
      return `<blockquote>\n${blocksToHtml(block.children, ctx)}\n</blockquote>`;
    case 'admonition':
      return `<aside class="admonition ${block.kind}">\n<p>${inlinesToHtml(admonitionHeading(block, ctx.labels), ctx)}</p>\n${blocksToHtml(block.children, ctx)}\n</aside>`;
    case 'code':
      return `<pre><code>${escapeHtml(block.value)}</code></pre>`;
    case 'thematicBreak':
      return '<hr>';
    case 'plainText':
      return blocksToHtml(block.children, ctx);
    case 'figure':
      return '';
    default:
      return assertNever(block);
  }
}

/** Tight list items hold their paragraph's inlines directly. */
function itemToHtml(children: readonly Block[], tight: boolean, ctx: HtmlContext): string {
  return children
    .map((b) => (tight && b.type === 'paragraph' ? inlinesToHtml(b.children, ctx) : blockToHtml(b, ctx)))
    .join('\n');
}
