/**
 * A sentence that ends in a list of more than three short items ("… innenfor områdene sosiale
 * helseforskjeller, psykisk helse, eldre, kvinnehelse og rus.") becomes an introduction ending
 * in a colon and a bullet list. Only lists joined with "og"/"and" (a bullet list reads as "all of
 * these"), items of at most four words without a verb, and an introduction that is a clause.
 */
import { hasFiniteVerb, isFiniteVerb, type PlainLanguage } from '../language.js';
import { words } from '../sentences.js';
import { bare, tokens, type RuleContext } from './context.js';

/** An introduction (ending in a colon) and the items of its list. */
export interface Enumeration {
  intro: string;
  items: string[];
}

const AND: Record<PlainLanguage, string> = { nb: 'og', nn: 'og', en: 'and' };
const MAX_ITEM_WORDS = 4;

/** Words that cannot start a list item: the list then started earlier than the guess. */
const NOT_ITEM_START: Record<PlainLanguage, ReadonlySet<string>> = {
  nb: new Set(['i', 'på', 'om', 'av', 'for', 'til', 'med', 'mot', 'fra', 'innenfor', 'blant', 'som', 'at', 'og', 'eller', 'områdene', 'området', 'temaene', 'særlig', 'både']),
  nn: new Set(['i', 'på', 'om', 'av', 'for', 'til', 'med', 'mot', 'frå', 'innanfor', 'mellom', 'som', 'at', 'og', 'eller', 'områda', 'området', 'tema', 'særleg', 'både']),
  en: new Set(['in', 'on', 'of', 'for', 'to', 'with', 'from', 'within', 'among', 'as', 'that', 'and', 'or', 'the', 'areas', 'such', 'both', 'including']),
};

/** The sentence as an introduction and a bullet list, or undefined when it has no such list or the rule is unsure. */
export function listFromEnumeration(sentence: string, ctx: RuleContext): Enumeration | undefined {
  if (!/\.$/.test(sentence)) return undefined;
  const parts = sentence.slice(0, -1).split(/,\s+/);
  const lastPart = parts.pop() ?? '';
  const and = ` ${AND[ctx.lang]} `;
  const join = lastPart.lastIndexOf(and);
  if (parts.length < 3 || join < 0) return undefined;
  const middle = parts.slice(1);
  const items = [...middle, lastPart.slice(0, join), lastPart.slice(join + and.length)].map((s) => s.trim());
  const head = tokens(parts[0] ?? '');
  // The first item is as long as the longest other item, shorter if a preposition or determiner comes first.
  const longest = Math.max(...items.map((i) => tokens(i).length));
  let size = 0;
  while (size < longest && size < head.length - 2 && !NOT_ITEM_START[ctx.lang].has(bare(head[head.length - 1 - size]))) size++;
  // The word before the first item must mark its start; an "og" just before it means the list may start earlier.
  const marker = bare(head[head.length - 1 - size]);
  const nearBefore = head.slice(Math.max(0, head.length - size - 4), head.length - size).map(bare);
  if (size === 0 || !NOT_ITEM_START[ctx.lang].has(marker) || nearBefore.includes(AND[ctx.lang])) return undefined;
  const first = head.slice(head.length - size).join(' ');
  const intro = head.slice(0, head.length - size).join(' ');
  const all = [first, ...items];
  const itemOk = (item: string): boolean =>
    tokens(item).length >= 1 && tokens(item).length <= MAX_ITEM_WORDS && !tokens(item).some((t) => isFiniteVerb(bare(t), ctx.lang, false)) && !/[()«»"]/.test(item);
  if (!all.every(itemOk) || ctx.count(intro) < 3 || !hasFiniteVerb(words(intro), ctx.lang)) return undefined;
  return { intro: `${intro}:`, items: all };
}
