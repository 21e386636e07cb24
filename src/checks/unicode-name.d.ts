/** The part of `unicode-name` (which ships no types) that the glyph check uses. */
declare module 'unicode-name' {
  /** The character's name or its best alias, e.g. "RIGHTWARDS ARROW"; undefined when it has none. */
  export function unicodeName(char: string): string | undefined;
  /** A label such as "<control-0007>" for characters without a name. */
  export function unicodeLabel(char: string): string | undefined;
}
