/**
 * A small Markdown → Typst converter for the benchmark (scripts/bench.ts): it covers the seed
 * report's constructs — front matter, headings with `{-}` and `{#id}`, paragraphs, emphasis,
 * links, footnotes, bullet and numbered lists, one GFM table, `:lang[…]{lang=…}` — so that Typst
 * typesets the same report, with a cover, contents and running footer, as PDF/UA-1.
 * `:::klarsprak` blocks feed only the plain version and are left out, as in the official PDF.
 */
import { parse } from 'yaml';
import type { FootnoteDefinition, Nodes, Root, RootContent } from 'mdast';
import { parseMarkdown } from '../src/parse/markdown.js';

interface Meta {
  title: string;
  subtitle?: string;
  lang: string;
  date?: string;
  authors?: string[];
  keywords?: string[];
  publisher?: string;
}

/** Converts the Markdown text of a report into a Typst document. */
export function typstFromMarkdown(markdown: string): string {
  const tree: Root = parseMarkdown(markdown);
  const yaml = tree.children.find((n) => n.type === 'yaml');
  const meta = (yaml && 'value' in yaml ? parse(String(yaml.value)) : {}) as Meta;
  const notes = new Map<string, FootnoteDefinition>();
  for (const node of tree.children) if (node.type === 'footnoteDefinition') notes.set(node.identifier, node);
  const body = tree.children.map((n) => block(n, notes)).filter(Boolean).join('\n\n');
  const date = meta.date ? new Date(meta.date) : undefined;
  const authors = (meta.authors ?? []).map(str).join(', ');
  const keywords = (meta.keywords ?? []).map(str).join(', ');
  return `#set document(title: ${str(meta.title)}, author: (${authors}${authors ? ',' : ''}), keywords: (${keywords}${keywords ? ',' : ''})${date ? `, date: datetime(year: ${date.getUTCFullYear()}, month: ${date.getUTCMonth() + 1}, day: ${date.getUTCDate()})` : ''})
#set text(lang: ${str(meta.lang)}, font: "Noto Sans", size: 11pt)
#set par(leading: 0.8em, justify: false)
#set page(paper: "a4", margin: (left: 30mm, right: 32mm, top: 28mm, bottom: 26mm),
  footer: context { if counter(page).get().first() > 1 [#h(1fr) Side #counter(page).display() av #counter(page).final().first()] })
#set heading(numbering: "1.1")
#show heading.where(level: 1): it => { pagebreak(weak: true); it }
#show raw: set text(font: "Noto Sans Mono")

#block(fill: rgb("#0c2d4e"), inset: 24pt, width: 100%, height: 45%)[
  #set text(fill: white)
  #text(size: 30pt, weight: "bold")[${inline(meta.title)}]
  ${meta.subtitle ? `\n  #text(size: 16pt)[${inline(meta.subtitle)}]` : ''}
]
${meta.publisher ? `${inline(meta.publisher)}\n` : ''}
#pagebreak()
#outline()

${body}
`;
}

function block(node: RootContent, notes: Map<string, FootnoteDefinition>): string {
  switch (node.type) {
    case 'heading': {
      // A trailing attribute block ({-}, {#id}) is no part of the heading's text.
      const last = node.children[node.children.length - 1];
      const attrs = last?.type === 'text' ? /\s*\{([^}]*)\}\s*$/.exec(last.value) : null;
      if (last?.type === 'text' && attrs) last.value = last.value.slice(0, attrs.index);
      const unnumbered = attrs !== null && /(^|\s)(-|\.unnumbered)(\s|$)/.test(attrs[1] ?? '');
      return `#heading(level: ${node.depth}${unnumbered ? ', numbering: none' : ''})[${children(node, notes)}]`;
    }
    case 'paragraph':
      return children(node, notes);
    case 'list': {
      const items = node.children.map((item) => `[${item.children.map((c) => block(c, notes)).join('\n\n')}]`).join(', ');
      return node.ordered ? `#enum(start: ${node.start ?? 1}, ${items})` : `#list(${items})`;
    }
    case 'table': {
      const [head, ...rows] = node.children;
      const cells = (row: typeof head) => (row?.children ?? []).map((c) => `[${children(c, notes)}]`).join(', ');
      return `#table(columns: ${head?.children.length ?? 1}, table.header(${cells(head)}), ${rows.map(cells).join(', ')})`;
    }
    case 'blockquote':
      return `#quote(block: true)[${node.children.map((c) => block(c, notes)).join('\n\n')}]`;
    case 'code':
      return `#raw(block: true, ${str(node.value)})`;
    case 'thematicBreak':
      return '#line(length: 100%)';
    default:
      // Front matter, footnote definitions (placed at their references) and :::klarsprak.
      return '';
  }
}

function children(node: Nodes, notes: Map<string, FootnoteDefinition>): string {
  return 'children' in node ? node.children.map((c) => inlineNode(c as Nodes, notes)).join('') : '';
}

function inlineNode(node: Nodes, notes: Map<string, FootnoteDefinition>): string {
  switch (node.type) {
    case 'text':
      return inline(node.value.replace(/\s*\n\s*/g, ' '));
    case 'emphasis':
      return `#emph[${children(node, notes)}]`;
    case 'strong':
      return `#strong[${children(node, notes)}]`;
    case 'inlineCode':
      return `#raw(${str(node.value)})`;
    case 'break':
      return ' \\\n';
    case 'link':
      return `#link(${str(node.url)})[${children(node, notes)}]`;
    case 'footnoteReference': {
      const note = notes.get(node.identifier);
      return note ? `#footnote[${note.children.map((c) => children(c, notes)).join(' ')}]` : '';
    }
    case 'textDirective':
      return `#text(lang: ${str(String(node.attributes?.['lang'] ?? 'en'))})[${children(node, notes)}]`;
    default:
      return children(node, notes);
  }
}

/** Text as Typst markup: every character with a meaning in markup escaped. */
function inline(text: string): string {
  return text.replace(/[\\#*_`$<>@[\]~=+/\-"'{}]/g, (c) => `\\${c}`);
}

/** A Typst string literal. */
function str(text: string): string {
  return JSON.stringify(text);
}
