/**
 * The plain words a sentence is rewritten with: the built-in list for the document's language,
 * with the document's `ordliste.yml` on top (its entries win; an entry without `plain` keeps its
 * word as it is).
 */
import type { PlainLanguage } from './language.js';
import type { LexiconEntry } from './lexicon.js';
import { NB_PLAIN_WORDS } from './words/nb.js';
import { NN_PLAIN_WORDS } from './words/nn.js';
import { EN_PLAIN_WORDS } from './words/en.js';

/** One word form and its plain replacement. */
export interface PlainWord {
  word: string;
  plain: string;
  /** A noun: not swapped after a word that agrees with its gender, since the plain word may have another. */
  noun: boolean;
}

const LISTS: Record<PlainLanguage, string> = { nb: NB_PLAIN_WORDS, nn: NN_PLAIN_WORDS, en: EN_PLAIN_WORDS };

/** Parses "a|b = x|y" lines into pairs of forms; a line whose sides do not pair up is a programming error. */
export function parsePlainWords(list: string): PlainWord[] {
  return list.split('\n').filter((l) => l.trim()).flatMap((line) => {
    const noun = line.startsWith('*');
    const [hard = '', plain = ''] = line.replace(/^\*\s*/, '').split('=').map((s) => s.trim());
    const forms = hard.split('|');
    const plains = plain.split('|');
    if (forms.length !== plains.length) throw new Error(`plain-word line does not pair up: ${line}`);
    return forms.map((word, i) => ({ word, plain: plains[i] as string, noun }));
  });
}

const builtIn = new Map<PlainLanguage, PlainWord[]>();

/** The built-in list for a language. */
export function builtInPlainWords(lang: PlainLanguage): PlainWord[] {
  let list = builtIn.get(lang);
  if (!list) builtIn.set(lang, (list = parsePlainWords(LISTS[lang])));
  return list;
}

/** The document's entries (which win) and the built-in words they do not name. */
export function plainWordsFor(lang: PlainLanguage, documentEntries: readonly LexiconEntry[]): PlainWord[] {
  const named = new Set(documentEntries.map((e) => e.word.toLowerCase()));
  const own = documentEntries.flatMap((e) => (e.plain ? [{ word: e.word, plain: e.plain, noun: true }] : []));
  return [...own, ...builtInPlainWords(lang).filter((w) => !named.has(w.word.toLowerCase()))];
}
