/**
 * Heading attributes as Pandoc writes them (`# Sammendrag {-}`, `{.unnumbered}`, `{#custom-id}`) and
 * as MkDocs' attribute lists do (`{: #custom-id }`).
 */
import type { PhrasingContent } from 'mdast';

/** What a trailing `{…}` on a heading says, and the heading's children without it. */
export interface HeadingAttributes {
  children: PhrasingContent[];
  unnumbered: boolean;
  id?: string;
}

const TRAILING = /\s*\{([^{}]*)\}\s*$/;

/** Splits a trailing attribute block off the heading text; anything unrecognised stays text. */
export function parseHeadingAttributes(children: readonly PhrasingContent[]): HeadingAttributes {
  const last = children.at(-1);
  const plain: HeadingAttributes = { children: [...children], unnumbered: false };
  if (last?.type !== 'text') return plain;
  const match = TRAILING.exec(last.value);
  if (!match) return plain;
  // MkDocs (Python-Markdown attr_list) opens the block with a colon.
  const tokens = (match[1] ?? '').trim().replace(/^:\s*/, '').split(/\s+/).filter(Boolean);
  if (tokens.length === 0 || !tokens.every((t) => t === '-' || t === '.unnumbered' || /^#[\p{L}\p{N}_-]+$/u.test(t))) {
    return plain;
  }
  const result: HeadingAttributes = {
    children: children.slice(0, -1),
    unnumbered: tokens.some((t) => t === '-' || t === '.unnumbered'),
  };
  const id = tokens.find((t) => t.startsWith('#'));
  if (id) result.id = id.slice(1);
  const rest = last.value.slice(0, match.index);
  if (rest) result.children.push({ ...last, value: rest });
  return result;
}
