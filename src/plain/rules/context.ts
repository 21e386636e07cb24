/** What every rewrite rule gets: the language, the locale, the length limit and a word counter. */
import type { PlainLanguage } from '../language.js';

export interface RuleContext {
  lang: PlainLanguage;
  /** Full language tag for dates, e.g. `nb-NO`. */
  locale: string;
  /** A sentence longer than this (in words) asks to be split. */
  maxWords: number;
  /** Words of a flat sentence, counting each placeholder (link, language span) as its words. */
  count: (sentence: string) => number;
}

/** Upper-cases the first letter (placeholders and quotes before it stay). */
export function capitalize(text: string): string {
  return text.replace(/\p{L}/u, (c) => c.toUpperCase());
}

/** Ends a clause with a full stop unless it already ends a sentence. */
export function endSentence(text: string): string {
  const t = text.trim().replace(/[,;:]$/, '');
  return /[.!?]["»”)]*$/.test(t) ? t : `${t}.`;
}

/** The words of a stretch of flat text split on spaces (punctuation kept on the words). */
export function tokens(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}

/** A token without surrounding punctuation, lower case. */
export function bare(token: string | undefined): string {
  return (token ?? '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
}
