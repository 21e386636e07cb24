/**
 * Admonitions as site generators write them. Docusaurus: `:::tip Title` … `:::` (the title after
 * a space, which remark-directive does not read: it is blanked before parsing, offsets kept, and
 * read back from the source). MkDocs: `!!! tip "Title"` with an indented body (which CommonMark
 * reads as a paragraph and a code block: both are regrouped into a directive here).
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type * as md from 'mdast';
import { ADMONITION_KINDS, type AdmonitionKind } from '../model/types.js';
import { parseMarkdown } from './markdown.js';
import type { SourceIndex } from './source-index.js';

const DOCUSAURUS_OPENER = new RegExp(`^([ \\t]*:::(?:${ADMONITION_KINDS.join('|')}))([ \\t]+)([^\\[{\\n][^\\n]*)$`, 'gm');

/** The source with Docusaurus titles blanked out (same length, so every offset stays). */
export function blankDocusaurusTitles(text: string): string {
  return text.replace(DOCUSAURUS_OPENER, (_, open: string, gap: string, title: string) => open + ' '.repeat(gap.length + title.length));
}

/** The Docusaurus title on the opening line at `offset` of the original source, if any. */
export function docusaurusTitle(source: string, offset: number): string | undefined {
  const end = source.indexOf('\n', offset);
  const line = source.slice(offset, end === -1 ? undefined : end);
  DOCUSAURUS_OPENER.lastIndex = 0;
  const title = new RegExp(DOCUSAURUS_OPENER.source).exec(line)?.[3]?.trim();
  return title || undefined;
}

/** True for a directive name that is an admonition kind. */
export function isAdmonitionKind(name: string): name is AdmonitionKind {
  return (ADMONITION_KINDS as readonly string[]).includes(name);
}

/** MkDocs-Material's types, by the box each looks like. */
const MKDOCS_KINDS: Record<string, AdmonitionKind> = {
  note: 'note', abstract: 'info', summary: 'info', tldr: 'info', info: 'info', todo: 'info', tip: 'tip', hint: 'tip',
  important: 'tip', success: 'tip', check: 'tip', done: 'tip', question: 'info', help: 'info', faq: 'info',
  warning: 'warning', caution: 'caution', attention: 'warning', failure: 'danger', fail: 'danger', missing: 'danger',
  danger: 'danger', error: 'danger', bug: 'danger', example: 'note', quote: 'note', cite: 'note',
};

const MKDOCS_OPENER = /^(?:!!!|\?\?\?\+?)[ \t]+([A-Za-z-]+)(?:[ \t]+"([^"\n]*)")?[ \t]*(?:\n|$)/;

/**
 * Regroups MkDocs admonitions among sibling blocks into container directives named by kind,
 * with the title as attribute. The body is the indented code block that follows, read again as
 * Markdown with positions moved to where its lines stand in the source.
 */
export function regroupMkDocs(nodes: readonly md.RootContent[], index: SourceIndex | undefined): md.RootContent[] {
  const out: md.RootContent[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as md.RootContent;
    const first = node.type === 'paragraph' ? node.children[0] : undefined;
    const opener = first?.type === 'text' ? MKDOCS_OPENER.exec(first.value) : null;
    if (node.type !== 'paragraph' || !first || first.type !== 'text' || !opener) {
      out.push(node);
      continue;
    }
    const kind = MKDOCS_KINDS[(opener[1] ?? '').toLowerCase()] ?? 'note';
    const children: md.BlockContent[] = [];
    // A body that follows on the next line without a blank is a lazy continuation of the paragraph.
    const rest = first.value.slice(opener[0].length);
    if (rest.trim() !== '' || node.children.length > 1) {
      children.push({ ...node, children: [...(rest ? [{ ...first, value: rest }] : []), ...node.children.slice(1)] });
    }
    const next = nodes[i + 1];
    if (next?.type === 'code' && !next.lang && next.position && index && isIndented(next, index)) {
      const body = parseMarkdown(next.value);
      moveIndented(body, next.position.start.line, index);
      children.push(...(body.children as md.BlockContent[]));
      i++;
    }
    const directive: ContainerDirective = {
      type: 'containerDirective',
      name: kind,
      attributes: opener[2] ? { title: opener[2] } : {},
      children,
      ...(node.position ? { position: { start: node.position.start, end: nodes[i]?.position?.end ?? node.position.end } } : {}),
    };
    out.push(directive);
  }
  return out;
}

function isIndented(code: md.Code, index: SourceIndex): boolean {
  return index.charAt(code.position?.start.offset ?? 0) === ' ';
}

/** The body lines stood four columns in, from `firstLine` on. */
function moveIndented(node: md.Nodes, firstLine: number, index: SourceIndex): void {
  const p = node.position;
  if (p) {
    const start = index.at(firstLine + p.start.line - 1, p.start.column + 4);
    const end = index.at(firstLine + p.end.line - 1, p.end.column + 4);
    node.position = { start, end };
  }
  if ('children' in node) for (const child of node.children) moveIndented(child, firstLine, index);
}
