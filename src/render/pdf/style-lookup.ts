/**
 * pdfmake's style lookups, with the same results and without their allocations. pdfmake looks up
 * about twenty style properties for every run of text it measures, each through a new closure
 * and a new Set; in a warm build those lookups and the garbage they leave were the largest cost
 * of layout (about 8 % of it). These replace `StyleContextStack.getProperty`, `push`, `pop` and
 * `StyleContextStack.getStyleProperty` of pdfmake 0.3.11 (pdfmake-hooks.ts installs them); they
 * look up each property once per state of the stack and read an item's own styles in place.
 */

/** A named style: properties, and the styles it extends. */
type Style = Record<string, unknown> & { extends?: unknown };

/** The fields of pdfmake's StyleContextStack the lookups read, and the memo they keep on it. */
export interface StyleStack {
  styleDictionary: Record<string, Style | undefined>;
  styleOverrides?: unknown[];
  defaultStyle?: Record<string, unknown> | null;
  getProperty(property: string): unknown;
  /** Answers of `getProperty` for the stack as it was when they were found (UNSET for undefined). */
  known?: Map<string, unknown>;
  /** Set by push and pop: `known` is out of date. */
  changed?: boolean;
}

/** What `known` holds for a lookup that found undefined. */
const UNSET = Symbol('unset');

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

/** The innermost override or named style that sets `property`, else the default style's. */
function lookUp(stack: StyleStack, property: string): unknown {
  const overrides = stack.styleOverrides;
  if (overrides) {
    // The tests are written out: small builds run with V8's inlining off (bin/rapportverk.js).
    for (let i = overrides.length - 1; i >= 0; i--) {
      const item = overrides[i];
      const value = typeof item === 'string' || item instanceof String ? fromStyle(stack, item, property) : (item as Record<string, unknown>)[property];
      if (value !== undefined && value !== null) return value;
    }
  }
  return stack.defaultStyle && stack.defaultStyle[property];
}

/**
 * `StyleContextStack.prototype.getProperty`, remembered until the stack next changes: the words
 * of a text share one stack and each asks for the same twenty properties. The answer can change
 * only through push and pop (below; autopush and auto go through them) or a new stack (clone fills
 * a new stack, which has no memo yet, before anything is looked up in it). pdfmake does not change
 * the style dictionary, the default style or the style properties of a node while it is on a stack,
 * but for writing back what the stack answers (`node.font = stack.getProperty('font')`), which
 * leaves the answer as it was.
 */
export function getProperty(this: StyleStack, property: string): unknown {
  let known = this.known;
  if (known === undefined) {
    known = this.known = new Map();
  } else if (this.changed) {
    known.clear();
  } else {
    const value = known.get(property);
    if (value !== undefined) return value === UNSET ? undefined : value;
  }
  this.changed = false;
  const value = lookUp(this, property);
  known.set(property, value === undefined ? UNSET : value);
  return value;
}

/** `StyleContextStack.prototype.push`, marking the memo out of date. */
export function push(this: StyleStack, styleNameOrOverride: unknown): void {
  this.styleOverrides!.push(styleNameOrOverride);
  this.changed = true;
}

/** `StyleContextStack.prototype.pop`, marking the memo out of date. */
export function pop(this: StyleStack, howMany = 1): void {
  while (howMany-- > 0) this.styleOverrides!.pop();
  this.changed = true;
}

/** A property of one entry pushed on the stack: a named style, or an object of properties. */
function fromEntry(stack: StyleStack, entry: unknown, property: string): unknown {
  return typeof entry === 'string' || entry instanceof String ? fromStyle(stack, entry, property) : (entry as Record<string, unknown>)[property];
}

/**
 * The property from the styles `autopush` would push for `item` (its `style`, a name or object or
 * an array of them, the last innermost), without pushing them.
 */
function fromItemStyles(stack: StyleStack, item: Record<string, unknown>, property: string): unknown {
  // autopush pushes nothing for a string or a section.
  if (typeof item === 'string' || item instanceof String || item['section'] !== undefined) return undefined;
  const style = item['style'];
  if (!Array.isArray(style)) return fromEntry(stack, style, property);
  for (let i = style.length - 1; i >= 0; i--) {
    const value = fromEntry(stack, style[i], property);
    if (isValue(value)) return value;
  }
  return undefined;
}

/**
 * `StyleContextStack.getStyleProperty`: the item's own value, else its own styles', else the
 * stack's. pdfmake pushes the item and its styles on the stack for each lookup and pops them
 * after; reading them in place gives the same answer and leaves the stack, and what it knows, as is.
 */
export function getStyleProperty(item: Record<string, unknown>, stack: StyleStack | undefined, property: string, defaultValue: unknown): unknown {
  // The tests are written out, and fromItemStyles is called only for an item with styles: small
  // builds run with V8's inlining off (bin/rapportverk.js).
  const own = item[property];
  if (own !== undefined && own !== null) return own;
  if (!stack) return defaultValue;
  let value = item['style'] ? fromItemStyles(stack, item, property) : undefined;
  if (value === undefined || value === null) value = stack.getProperty(property);
  return value !== undefined && value !== null ? value : defaultValue;
}
