/**
 * The one link policy, shared by the checks and every renderer: a link target is classified once
 * into an internal link (`#id`), an external link readers can follow (http, https, mailto, tel),
 * or a refused target, which every format shows as its plain text.
 *
 * Targets are read the way browsers read them: ASCII tabs and newlines are removed anywhere and
 * C0 controls and spaces at either end, then the WHATWG URL parser decides, and the scheme is
 * checked on its result. So `java&#9;script:` is the javascript: scheme here as in a browser.
 */

/** Schemes whose links are live in every output. */
const LIVE = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** Schemes that run code or read local files when followed. */
const UNSAFE = new Set(['javascript:', 'vbscript:', 'data:', 'file:', 'blob:']);

/** Why a target is not made a link. */
export type RefusedReason =
  /** A scheme that runs code or reads files (an error). */
  | 'unsafe'
  /** A scheme readers cannot follow from a PDF or a Word file (ftp:, a drive letter, …). */
  | 'scheme'
  /** A live scheme, but the address does not parse (e.g. a space in the host). */
  | 'invalid'
  /** No scheme: a path beside the source, which breaks once the file is shared. */
  | 'relative';

export type LinkTarget =
  /** A heading of this document; `id` is the fragment, percent-decoded once. */
  | { kind: 'internal'; id: string }
  /** A followable address; `href` is its WHATWG serialisation (ASCII, percent-encoded). */
  | { kind: 'external'; href: string; scheme: string }
  | { kind: 'refused'; reason: RefusedReason; scheme?: string };

/** What browsers strip before parsing a URL (URL standard, "basic URL parser", first steps). */
function cleaned(href: string): string {
  const target = href.replace(/[\t\n\r]/g, '');
  let start = 0;
  let end = target.length;
  while (start < end && target.charCodeAt(start) <= 0x20) start++;
  while (end > start && target.charCodeAt(end - 1) <= 0x20) end--;
  return target.slice(start, end);
}

/** Classifies a link target as written in the source. */
export function classifyLink(href: string): LinkTarget {
  const target = cleaned(href);
  if (target.startsWith('#')) return { kind: 'internal', id: decodeFragment(target.slice(1)) };
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(target)?.[0].toLowerCase();
    if (scheme === undefined) return { kind: 'refused', reason: 'relative' };
    return { kind: 'refused', reason: UNSAFE.has(scheme) ? 'unsafe' : LIVE.has(scheme) ? 'invalid' : 'scheme', scheme };
  }
  const scheme = url.protocol;
  if (LIVE.has(scheme)) return { kind: 'external', href: url.href, scheme };
  return { kind: 'refused', reason: UNSAFE.has(scheme) ? 'unsafe' : 'scheme', scheme };
}

/** A fragment decoded once, as browsers match it against ids; malformed escapes stay as written. */
function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
