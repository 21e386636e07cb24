/** Words and sentences in Norwegian (and English) running text, shared by LIX and simplification. */

/** A sentence found in a text, with its offsets in that text. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Abbreviations that stand inside a sentence: a full stop after them never ends one. */
const INNER_ABBREVIATIONS = new Set([
  'f.eks', 'bl.a', 'ca', 'kl', 'nr', 'jf', 'dvs', 'pga', 'inkl', 'evt', 'ev', 'iht', 'mht', 'vha', 'ift',
  'prof', 'dr', 't.o.m', 'f.o.m', 'st.meld', 'e.g', 'i.e', 'mr', 'mrs', 'ms', 'vs',
]);

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** The words of a text: runs of letters and digits, joined by inner hyphens, apostrophes or dots. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Number of letters in a word (digits and punctuation do not count). */
export function letterCount(word: string): number {
  return (word.match(/\p{L}/gu) ?? []).length;
}

/**
 * Splits a text into sentences. A sentence ends at `!`, `?`, or a full stop followed by a capital,
 * a digit or the end — not after inner abbreviations ("f.eks.", "kl.") and not in "21. juni".
 * With `colon`, a colon before a capital ends a sentence too (LIX counts it that way).
 */
export function splitSentences(text: string, options: { colon?: boolean } = {}): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    if (words(trimmed).length > 0) {
      const lead = raw.length - raw.trimStart().length;
      out.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
    }
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c !== '.' && c !== '!' && c !== '?' && !(options.colon && c === ':')) continue;
    let end = i + 1;
    while (end < text.length && /[.!?»”"')\]]/.test(text[end] as string)) end++;
    const rest = text.slice(end);
    const next = /^\s+(\S)/u.exec(rest)?.[1];
    if (rest.trim() === '') {
      push(text.length);
      break;
    }
    if (next === undefined) continue;
    if (c === '.' && INNER_ABBREVIATIONS.has(wordBefore(text, i))) continue;
    const startsNew = /[\p{Lu}\p{N}«"“–-]/u.test(next);
    if (c === ':' ? /\p{Lu}/u.test(next) : startsNew) {
      push(end);
      i = end - 1;
    }
  }
  push(text.length);
  return out;
}

/** The word (lower case, dots kept) that ends at `index`, e.g. "f.eks" before the final full stop. */
function wordBefore(text: string, index: number): string {
  const match = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, index - 12), index));
  return (match?.[1] ?? '').replace(/^\.+/, '').toLowerCase();
}
