/**
 * pdfmake's style lookups, with the same results and without their allocations. pdfmake looks up
 * about twenty style properties for every run of text it measures, each through a new closure
 * and a new Set; in a warm build those lookups and the garbage they leave were the largest cost
 * of layout (about 8 % of it). These replace `StyleContextStack.getProperty` and
 * `StyleContextStack.getStyleProperty` of pdfmake 0.3.11 (pdfmake-hooks.ts installs them).
 */

/** A named style: properties, and the styles it extends. */
type Style = Record<string, unknown> & { extends?: unknown };

/** The fields of pdfmake's StyleContextStack the lookups read. */
export interface StyleStack {
  styleDictionary: Record<string, Style | undefined>;
  styleOverrides?: unknown[];
  defaultStyle?: Record<string, unknown>;
  autopush(item: unknown): number;
  pop(howMany: number): void;
  getProperty(property: string): unknown;
}

const isValue = (v: unknown): boolean => v !== undefined && v !== null;

/**
 * A property of a named style or the styles it extends, the last parent first. `visited` guards
 * against cycles; it is made only when a style extends another.
 */
function fromStyle(stack: StyleStack, name: unknown, property: string, visited?: Set<unknown>): unknown {
  if (visited?.has(name)) return undefined;
  visited?.add(name);
  const style = stack.styleDictionary[name as string];
  if (!style) return undefined;
  const own = style[property];
  if (isValue(own)) return own;
  if (!style.extends) return undefined;
  const seen = visited ?? new Set<unknown>([name]);
  const parents = Array.isArray(style.extends) ? (style.extends as unknown[]) : [style.extends];
  for (let i = parents.length - 1; i >= 0; i--) {
    const value = fromStyle(stack, parents[i], property, seen);
    if (isValue(value)) return value;
  }
  return undefined;
}

/** `StyleContextStack.prototype.getProperty`: the innermost override or named style that sets `property`. */
export function getProperty(this: StyleStack, property: string): unknown {
  const overrides = this.styleOverrides;
  if (overrides) {
    // The tests are written out: small builds run with V8's inlining off (bin/rapportverk.js).
    for (let i = overrides.length - 1; i >= 0; i--) {
      const item = overrides[i];
      const value = typeof item === 'string' || item instanceof String ? fromStyle(this, item, property) : (item as Record<string, unknown>)[property];
      if (value !== undefined && value !== null) return value;
    }
  }
  return this.defaultStyle && this.defaultStyle[property];
}

/** `StyleContextStack.getStyleProperty`: the item's own value, else the stack's with the item's styles on top. */
export function getStyleProperty(item: Record<string, unknown>, stack: StyleStack | undefined, property: string, defaultValue: unknown): unknown {
  const own = item[property];
  if (isValue(own)) return own;
  if (!stack) return defaultValue;
  const pushed = stack.autopush(item);
  const value = stack.getProperty(property);
  if (pushed > 0) stack.pop(pushed);
  return isValue(value) ? value : defaultValue;
}
