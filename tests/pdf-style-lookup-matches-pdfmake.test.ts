/**
 * The style lookups that replace pdfmake's (src/render/pdf/style-lookup.ts, installed by
 * pdfmake-hooks.ts) give pdfmake's own answers: for random style dictionaries (with `extends`,
 * cycles and missing names), default styles, stacks of names and override objects, and items
 * with their own properties and styles, checked after every step of random push, pop, autopush,
 * clone and write-back sequences, so a remembered answer that outlives its stack state fails.
 */
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { installHooks } from '../src/render/pdf/pdfmake-hooks.js';
import { getProperty, getStyleProperty, pop, push } from '../src/render/pdf/style-lookup.js';

const require = createRequire(import.meta.url);

type Props = Record<string, unknown>;

interface Stack {
  styleDictionary: Record<string, Props>;
  defaultStyle: Props | null;
  styleOverrides: unknown[];
  push(entry: unknown): void;
  pop(howMany?: number): void;
  autopush(item: unknown): number;
  getProperty(property: string): unknown;
}

interface StackClass {
  new (styleDictionary: Record<string, Props>, defaultStyle?: Props | null): Stack;
  prototype: Stack;
  getStyleProperty(item: unknown, stack: Stack | undefined, property: string, defaultValue: unknown): unknown;
}

const StyleContextStack = (require('pdfmake/js/StyleContextStack.js') as { default: StackClass }).default;

// pdfmake's own methods, kept before the hooks replace them.
const original = {
  getProperty: StyleContextStack.prototype.getProperty,
  push: StyleContextStack.prototype.push,
  pop: StyleContextStack.prototype.pop,
  getStyleProperty: StyleContextStack.getStyleProperty,
};

/** A stack that runs pdfmake's own code only. */
class PdfmakeStack extends StyleContextStack {}
PdfmakeStack.prototype.getProperty = original.getProperty;
PdfmakeStack.prototype.push = original.push;
PdfmakeStack.prototype.pop = original.pop;

installHooks();

const PROPS = ['font', 'bold', 'color', 'fontSize', 'noWrap'];
const VALUES: unknown[] = [undefined, null, 0, false, '', 'a', 'b', 7];
const NAMES = ['s0', 's1', 's2', 's3', 's4', 's5', 'missing'];

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generator(seed: number) {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const props = (): Props => {
    const out: Props = {};
    for (const p of PROPS) if (next() < 0.4) out[p] = pick(VALUES);
    return out;
  };
  const styleRef = (): unknown => {
    const r = next();
    if (r < 0.6) return pick(NAMES);
    if (r < 0.7) return new String(pick(NAMES));
    return props();
  };
  const dictionary = (): Record<string, Props> => {
    const dict: Record<string, Props> = {};
    for (const name of NAMES.slice(0, -1)) {
      const style = props();
      const r = next();
      if (r < 0.3) style['extends'] = pick(NAMES);
      else if (r < 0.5) style['extends'] = [pick(NAMES), pick(NAMES)];
      dict[name] = style;
    }
    return dict;
  };
  const item = (): unknown => {
    const r = next();
    if (r < 0.1) return 'a string';
    const it = props();
    if (r < 0.15) it['section'] = true;
    const s = next();
    if (s < 0.3) it['style'] = pick(NAMES);
    else if (s < 0.5) it['style'] = [styleRef(), styleRef(), styleRef()];
    else if (s < 0.55) it['style'] = '';
    else if (s < 0.6) it['style'] = props();
    return it;
  };
  return { next, pick, props, styleRef, dictionary, item };
}

/** Both stacks answer every property, alone and for an item, as pdfmake's code does. */
function expectSameAnswers(hooked: Stack, reference: Stack, g: ReturnType<typeof generator>, step: string): void {
  expect(hooked.styleOverrides).toEqual(reference.styleOverrides);
  for (const property of PROPS) {
    expect(hooked.getProperty(property), `${step}: getProperty(${property})`).toBe(original.getProperty.call(reference, property));
    const item = g.item();
    const fallback = g.pick(VALUES);
    expect(getStyleProperty(item as Props, hooked, property, fallback), `${step}: getStyleProperty(${property})`).toBe(
      original.getStyleProperty(item, reference, property, fallback),
    );
  }
}

describe('style lookups give pdfmake\u2019s own answers', () => {
  test('the hooks replace pdfmake\u2019s methods, and the reference keeps pdfmake\u2019s', () => {
    expect(StyleContextStack.prototype.getProperty).toBe(getProperty);
    expect(StyleContextStack.prototype.push).toBe(push);
    expect(StyleContextStack.prototype.pop).toBe(pop);
    expect(StyleContextStack.getStyleProperty).toBe(getStyleProperty);
    expect(original.getProperty).not.toBe(getProperty);
    expect(original.push).not.toBe(push);
    expect(original.pop).not.toBe(pop);
    expect(original.getStyleProperty).not.toBe(getStyleProperty);
  });

  test('after every step of random push, pop, autopush, clone and write-back sequences', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const g = generator(seed);
      const dict = g.dictionary();
      const r = g.next();
      const defaults = r < 0.1 ? null : r < 0.2 ? undefined : g.props();
      let hooked = new StyleContextStack(dict, defaults);
      let reference: Stack = new PdfmakeStack(dict, defaults);
      for (let step = 0; step < 40; step++) {
        const op = g.next();
        if (op < 0.35) {
          const entry = g.styleRef();
          hooked.push(entry);
          reference.push(entry);
        } else if (op < 0.6) {
          const n = Math.floor(g.next() * 3);
          hooked.pop(n);
          reference.pop(n);
        } else if (op < 0.75) {
          const item = g.item();
          expect(hooked.autopush(item)).toBe(reference.autopush(item));
        } else if (op < 0.85) {
          // A clone is a new stack with the same entries; go on with it.
          hooked = (hooked as Stack & { clone(): Stack }).clone();
          const copy = new PdfmakeStack(dict, defaults);
          for (const entry of reference.styleOverrides) copy.push(entry);
          reference = copy;
        } else {
          // pdfmake writes answers back onto a node on the stack (`node.font = stack.getProperty('font')`).
          const node = hooked.styleOverrides.findLast((e) => typeof e === 'object' && !(e instanceof String)) as Props | undefined;
          const property = g.pick(PROPS);
          if (node) node[property] = hooked.getProperty(property);
        }
        expectSameAnswers(hooked, reference, g, `seed ${seed}, step ${step}`);
      }
    }
  });

  test('a lookup after a push or pop answers for the stack as it is then', () => {
    const stack = new StyleContextStack({ quote: { color: 'grey', extends: 'base' }, base: { font: 'Serif' } }, { color: 'black' });
    expect(stack.getProperty('color')).toBe('black');
    stack.push('quote');
    expect(stack.getProperty('color')).toBe('grey');
    expect(stack.getProperty('font')).toBe('Serif');
    stack.push({ color: 'red' });
    expect(stack.getProperty('color')).toBe('red');
    expect(stack.getProperty('font')).toBe('Serif');
    stack.pop();
    expect(stack.getProperty('color')).toBe('grey');
    stack.pop();
    expect(stack.getProperty('color')).toBe('black');
    expect(stack.getProperty('font')).toBeUndefined();
    // An item's own styles count for it, and are not left on the stack.
    expect(getStyleProperty({ style: ['quote', { color: 'blue' }] }, stack, 'color', 'none')).toBe('blue');
    expect(getStyleProperty({ style: 'quote' }, stack, 'font', 'none')).toBe('Serif');
    expect(getStyleProperty({ style: 'quote', section: {} }, stack, 'font', 'none')).toBe('none');
    expect(stack.styleOverrides).toEqual([]);
  });
});
