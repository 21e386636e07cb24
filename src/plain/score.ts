/**
 * How good a sentence is for the plain version. Central: it shares terms with the chapter (many
 * sentences use them) and with its headings, and it names numbers or names; a paragraph's lead
 * sentence gets a little more. Easy: its simplified form has a low LIX. A sentence that cannot
 * stand alone (it leans on the one before, asks a question, or lacks a finite verb) is no candidate.
 */
import { CONTEXT_OPENERS, hasMainClauseVerb, STOP_WORDS, type PlainLanguage } from './language.js';
import { readability, type Counts } from './lix.js';
import { words } from './sentences.js';

/** Term counts over a chapter and the terms of its headings. */
export interface Terms {
  frequency: Map<string, number>;
  headings: Set<string>;
}

/** A word's term: lower case, its first six letters (so "integreringen" and "integrering" match); short and stop words have none. */
function term(word: string, lang: PlainLanguage): string | undefined {
  const w = word.toLowerCase();
  if (w.length < 4 || STOP_WORDS[lang].has(w) || /^\d/.test(w)) return undefined;
  return w.slice(0, 6);
}

function termSet(text: string, lang: PlainLanguage): Set<string> {
  return new Set(words(text).flatMap((w) => term(w, lang) ?? []));
}

/** Counts in how many sentences each term occurs, and collects the heading terms. */
export function termsOf(sentences: readonly string[], headings: readonly string[], lang: PlainLanguage): Terms {
  const frequency = new Map<string, number>();
  for (const s of sentences) for (const t of termSet(s, lang)) frequency.set(t, (frequency.get(t) ?? 0) + 1);
  return { frequency, headings: new Set(headings.flatMap((h) => [...termSet(h, lang)])) };
}

/** The score of a source sentence whose simplified form has `counts`. */
export function scoreCandidate(source: string, counts: Counts, lead: boolean, terms: Terms, lang: PlainLanguage): number {
  const own = [...termSet(source, lang)];
  const central = own.reduce((sum, t) => sum + Math.log(terms.frequency.get(t) ?? 1), 0) / Math.sqrt(own.length + 4);
  const headingShare = own.filter((t) => terms.headings.has(t)).length;
  const names = /\d/.test(source) || /\s\p{Lu}/u.test(source) ? 0.4 : 0;
  const hard = Math.max(0, readability(counts).lix - 25) / 6;
  return central + 0.8 * Math.min(headingShare, 3) + names + (lead ? 0.8 : 0) - hard;
}

/**
 * True when a source sentence can stand alone in a summary and its simplified sentences are
 * well formed: a capital first, end punctuation, a finite verb (a known one in a list item); no question, no lean on context, no introduction to a list that is not there.
 */
export function standsAlone(source: string, simplified: readonly string[], lang: PlainLanguage, listItem = false): boolean {
  const first = words(source)[0]?.toLowerCase() ?? '';
  if (CONTEXT_OPENERS[lang].has(first) || /[?:]\s*$/.test(source) || !/^[«"“]?\p{Lu}/u.test(source)) return false;
  // "På tross av dette …", "In spite of this …": a demonstrative early on points back to the sentence before.
  if (/^(?:\S+\s+){0,3}(dette|disse|this|these)[\s.,]/iu.test(source)) return false;
  return simplified.every(isWellFormed(lang, !listItem));
}

/** A capital (or digit) first, end punctuation (a colon before a list counts), and a main clause with a finite verb; list items excepted. */
export function isWellFormed(lang: PlainLanguage, guess = true): (sentence: string, index: number, all: readonly string[]) => boolean {
  return (sentence, index, all) => {
    // Items of a bullet list made from an enumeration follow an introduction that ends in a colon.
    if (all.slice(0, index).some((s) => s.endsWith(':'))) return true;
    return /^[«"“]?[\p{Lu}\p{N}]/u.test(sentence) && /[.!?:]["»”)]*$/.test(sentence) && hasMainClauseVerb(sentence, lang, guess);
  };
}
