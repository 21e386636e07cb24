/**
 * LIX (Björnsson's läsbarhetsindex): words per sentence + 100 × share of words longer than six
 * letters. Below 30 is easy, 30–40 plain, above 50 hard.
 */
import { letterCount, splitSentences, words } from './sentences.js';

/** Counts and figures for a stretch of text. */
export interface Readability {
  words: number;
  sentences: number;
  /** Words with more than six letters. */
  longWords: number;
  wordsPerSentence: number;
  /** Share of long words, 0–1. */
  longWordShare: number;
  lix: number;
}

/** The counts behind LIX for some text units (paragraphs, list items); each unit ends a sentence. */
export interface Counts {
  words: number;
  sentences: number;
  longWords: number;
}

/** Counts words, sentences and long words; a unit without end punctuation still counts as a sentence. */
export function count(units: readonly string[]): Counts {
  const total: Counts = { words: 0, sentences: 0, longWords: 0 };
  for (const unit of units) {
    for (const sentence of splitSentences(unit, { colon: true })) {
      const list = words(sentence.text);
      total.words += list.length;
      total.sentences += 1;
      total.longWords += list.filter((w) => letterCount(w) > 6).length;
    }
  }
  return total;
}

/** Adds counts together (sections → whole text). */
export function addCounts(parts: readonly Counts[]): Counts {
  return parts.reduce(
    (sum, c) => ({ words: sum.words + c.words, sentences: sum.sentences + c.sentences, longWords: sum.longWords + c.longWords }),
    { words: 0, sentences: 0, longWords: 0 },
  );
}

/** LIX and its parts from counts, rounded to one decimal (shares to three); empty text scores 0. */
export function readability(c: Counts): Readability {
  const wordsPerSentence = c.sentences ? c.words / c.sentences : 0;
  const longWordShare = c.words ? c.longWords / c.words : 0;
  return {
    ...c,
    wordsPerSentence: round(wordsPerSentence, 1),
    longWordShare: round(longWordShare, 3),
    lix: round(wordsPerSentence + 100 * longWordShare, 1),
  };
}

/** LIX of a single text, e.g. for a quick look at one paragraph. */
export function lix(text: string): number {
  return readability(count([text])).lix;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
