/**
 * Anchors as authors expect them. Headings keep the tool's own ids (stable across versions);
 * besides those, a link may name a heading by its GitHub slug, its MkDocs slug, or an HTML
 * `id`/`name` target placed in or just before it. Such links are pointed at the heading's id,
 * so every link that works on GitHub or in MkDocs works in every output.
 */
import GithubSlugger from 'github-slugger';
import type { Block, Footnote } from '../model/types.js';
import { walk, type Node } from '../model/walk.js';

/** Python-Markdown's `toc.slugify` (MkDocs' default): accents dropped, ASCII word characters kept. */
function mkdocsSlug(text: string): string {
  return text
    .normalize('NFKD')
    // Without the u flag \w is ASCII only: what Python's encode('ascii', 'ignore') leaves.
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '-');
}

/** Collects the other names each heading goes by, then points links that use them at its id. */
export class AnchorAliases {
  private readonly github = new GithubSlugger();
  private readonly aliases = new Map<string, string>();

  /** Registers the names GitHub and MkDocs give a heading with this text. */
  heading(text: string, id: string): void {
    this.add(this.github.slug(text), id);
    this.add(mkdocsSlug(text), id);
  }

  /** Registers an HTML `id` or `name` target that stands in (or just before) the heading with `id`. */
  target(name: string, id: string): void {
    this.add(name, id);
  }

  /**
   * Rewrites `#alias` links in the body and footnotes to the ids of the headings they mean. A
   * name of a heading no longer in the body (the one taken as the title) leads to the first heading.
   */
  resolveLinks(body: readonly Block[], footnotes: readonly Footnote[]): void {
    const ids = new Set<string>();
    let first: string | undefined;
    walk(body, (node) => {
      if (node.type !== 'heading') return;
      first ??= node.id;
      ids.add(node.id);
    });
    const visit = (node: Node): void => {
      if (node.type !== 'link' || !node.href.startsWith('#')) return;
      const fragment = decodeFragment(node.href.slice(1));
      if (ids.has(fragment)) return;
      const target = this.aliases.get(fragment) ?? this.aliases.get(fragment.normalize('NFC'));
      if (target === undefined) return;
      const id = ids.has(target) ? target : first;
      if (id !== undefined) node.href = `#${id}`;
    };
    walk(body, visit);
    for (const note of footnotes) walk(note.children, visit);
  }

  private add(alias: string, id: string): void {
    // The first heading to claim a name keeps it, as in a browser.
    if (alias && !this.aliases.has(alias)) this.aliases.set(alias, id);
  }
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
