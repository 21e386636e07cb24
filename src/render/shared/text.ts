/** Text handling every format shares. */

/** A soft line break in the source is a space on the page; only a `break` node ends a line. */
export function softBreaks(text: string): string {
  // Most text has no line break; the test spares the regular expression a scan of it.
  return text.includes('\n') ? text.replace(/[ \t]*\r?\n[ \t]*/g, ' ') : text;
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
