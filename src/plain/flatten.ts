/**
 * Inline markup that must survive text surgery. Language spans and links become one private-use
 * character each, so sentence splitting and word replacement treat them as single opaque words;
 * afterwards they are put back as model nodes. Footnote references are dropped, other markup
 * (emphasis, code …) becomes its text.
 */
import type { Inline, LangSpan, Link, Span } from '../model/types.js';
import { inlineText } from '../model/text.js';
import { assertNever } from '../model/assert-never.js';

const FIRST = 0xe000;
const PRIVATE_USE = /[\uE000-\uF8FF]/g;

/** Flat text with placeholders, plus the nodes the placeholders stand for. */
export interface FlatText {
  text: string;
  atoms: (LangSpan | Link)[];
}

/** Flattens inlines; text that already holds private-use characters loses them. */
export function flatten(inlines: readonly Inline[]): FlatText {
  const atoms: (LangSpan | Link)[] = [];
  const visit = (nodes: readonly Inline[]): string =>
    nodes
      .map((node) => {
        switch (node.type) {
          case 'text':
          case 'inlineCode':
            return node.value.replace(PRIVATE_USE, '');
          case 'crossRef':
            // The plain version has other sections and no figure numbers: the reference stays as words.
            return node.text.replace(PRIVATE_USE, '');
          case 'break':
            return ' ';
          case 'footnoteRef':
            return '';
          case 'inlineImage':
            // The plain version has no pictures; alt text is no sentence of its own.
            return '';
          case 'lang':
          case 'link':
            atoms.push(node);
            return String.fromCharCode(FIRST + atoms.length - 1);
          case 'emphasis':
          case 'strong':
          case 'delete':
          case 'superscript':
          case 'subscript':
            return visit(node.children);
          default:
            return assertNever(node);
        }
      })
      .join('');
  return { text: visit(inlines), atoms };
}

/** The readable text of a flat text (placeholders replaced by their words), for counting. */
export function readable(flat: string, atoms: FlatText['atoms']): string {
  return flat.replace(PRIVATE_USE, (c) => inlineText(atoms[c.charCodeAt(0) - FIRST]?.children ?? []));
}

/** Turns flat text back into inlines, restoring the placeholders' nodes; `pos` goes on new text nodes. */
export function unflatten(flat: string, atoms: FlatText['atoms'], pos?: Span): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  const flush = (): void => {
    if (buffer) out.push({ type: 'text', value: buffer, ...(pos ? { pos } : {}) });
    buffer = '';
  };
  for (const c of flat) {
    const atom = /[\uE000-\uF8FF]/.test(c) ? atoms[c.charCodeAt(0) - FIRST] : undefined;
    if (atom) {
      flush();
      out.push(atom);
    } else buffer += c;
  }
  flush();
  return out;
}
