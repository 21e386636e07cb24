/**
 * Links: safe targets that exist, and link text that says where the link goes.
 *
 * The target is classified by the shared link policy (`model/link-target.ts`), the same one every
 * renderer follows, so what the check accepts is exactly what becomes a live link in each format.
 * A bare web address as link text is a warning in the body, where a reader (or a screen reader
 * listing links) needs words; in footnotes it is the reference itself and is left alone. The
 * colophon is made by the tool and not checked.
 */
import type { Link } from '../model/types.js';
import type { CheckedContent } from './content.js';
import type { DiagnosticSink } from '../diagnostics.js';
import { spokenText } from '../model/text.js';
import { walk, type Node } from '../model/walk.js';
import { classifyLink } from '../model/link-target.js';
import { assertNever } from '../model/assert-never.js';

/** Link texts that say nothing out of context (compared lower-case, without end punctuation). */
const VAGUE = new Set([
  'her', 'klikk her', 'trykk her', 'les mer', 'les meir', 'mer', 'lenke', 'lenkje', 'denne lenken', 'link',
  'click here', 'here', 'read more', 'more', 'this link',
]);

/** Reports unsafe, dangling, unfollowable and file links, and link text that is empty, vague or a bare address. */
export function checkLinks(doc: CheckedContent, sink: DiagnosticSink): void {
  const ids = new Set<string>();
  walk(doc.body, (node) => {
    if (node.type === 'heading') ids.add(node.id);
  });
  const check = (inFootnote: boolean) => (node: Node) => {
    if (node.type === 'link') checkLink(node, ids, inFootnote, sink);
  };
  walk(doc.body, check(false));
  for (const note of doc.footnotes) walk(note.children, check(true));
}

function checkLink(link: Link, ids: ReadonlySet<string>, inFootnote: boolean, sink: DiagnosticSink): void {
  checkTarget(link, ids, sink);
  const text = spokenText(link.children).trim();
  if (text === '') {
    sink.error('link-text-empty', 'the link has no text, so screen readers have nothing to announce', link.pos,
      'write what the link leads to between the brackets: [Statistikkbanken](https://…)');
  } else if (VAGUE.has(text.toLowerCase().replace(/[.:!…»›→ ]+$/u, ''))) {
    sink.warn('link-text-vague', `the link text "${text}" does not say where the link goes`, link.pos,
      'name the destination instead, e.g. "les [rapporten om levekår](https://…)"');
  } else if (!inFootnote && looksLikeAddress(text, link.href)) {
    sink.warn('link-text-url', 'the link text is a bare web address', link.pos,
      'say where the link goes, [Statistikkbanken](https://…), or move the address into a footnote');
  }
}

function checkTarget(link: Link, ids: ReadonlySet<string>, sink: DiagnosticSink): void {
  const shown = abbreviate(JSON.stringify(link.href).slice(1, -1));
  const target = classifyLink(link.href);
  switch (target.kind) {
    case 'external':
      return;
    case 'internal':
      if (!ids.has(target.id)) {
        sink.error('link-target-missing', `no heading has the id "#${target.id}"`, link.pos,
          'use the id of an existing heading (its text in lower case with hyphens), or set one with {#id} after the heading');
      }
      return;
    case 'refused':
      switch (target.reason) {
        case 'unsafe':
          sink.error('link-unsafe', `the link target "${shown}" uses ${target.scheme}, which readers block or cannot follow`, link.pos,
            'link to a web address (https://…) or to a heading (#id)');
          return;
        case 'scheme':
          sink.warn('link-scheme', `the link target "${shown}" uses ${target.scheme}, which PDF and Word readers cannot follow; it is shown as plain text`,
            link.pos, 'link to a web address (https://…), an e-mail address (mailto:…) or a phone number (tel:…)');
          return;
        case 'invalid':
          sink.warn('link-invalid', `the link target "${shown}" is not a valid ${target.scheme} address; it is shown as plain text`,
            link.pos, 'check the address for spaces or stray characters; write a space as %20');
          return;
        case 'relative':
          sink.warn('link-relative', `the link "${shown}" points to a file beside the report; it breaks once the PDF or DOCX is shared, so it is shown as plain text`,
            link.pos, 'link to the file\'s web address instead (https://…)');
          return;
        default:
          return assertNever(target.reason);
      }
    default:
      return assertNever(target);
  }
}

/** A web address as text; an e-mail address is the clearest text for its own mailto: link. */
function looksLikeAddress(text: string, href: string): boolean {
  return (text === href && !/^mailto:/i.test(href)) || /^(https?:\/\/|www\.)\S+$/i.test(text);
}

function abbreviate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
