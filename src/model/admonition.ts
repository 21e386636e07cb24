/** The first line of an admonition box, shared by every renderer: its label in words, then the author's title. */
import type { Admonition, Inline, Labels } from './types.js';

/** "Advarsel: Title" with the label in bold; a `<details>` box shows its summary alone. */
export function admonitionHeading(node: Admonition, labels: Pick<Labels, 'admonitions'>): Inline[] {
  const title = node.title ?? [];
  if (node.kind === 'details') return [{ type: 'strong', children: title }];
  const label = labels.admonitions[node.kind];
  return [{ type: 'strong', children: [{ type: 'text', value: title.length ? `${label}: ` : label }, ...title] }];
}
