/**
 * Rule-based simplification of one Norwegian sentence: drop parentheticals, use plainer words
 * from the word list, and split long sentences where a new main clause starts. Every rule is
 * conservative; when a long sentence cannot be split safely it is kept whole and reported.
 */
import type { LexiconEntry } from './lexicon.js';
import { replacePlainWords } from './lexicon.js';
import { readable, type FlatText } from './flatten.js';
import { words } from './sentences.js';

/** A simplified sentence: one or more sentences, and whether all of them are short enough. */
export interface Simplified {
  sentences: string[];
  /** False when a sentence is still longer than the limit because no safe split was found. */
  short: boolean;
}

/** Words that open a main clause and are never followed by a noun: the finite verb comes next (V2). */
const PRONOUNS_AND_ADVERBS = new Set([
  'jeg', 'du', 'han', 'hun', 'vi', 'dere', 'man', 'nå', 'da', 'her', 'der', 'derfor', 'likevel', 'samtidig', 'dessuten',
]);

/** Subject words that may also be determiners ("de andre", "noen utfordringer"), so a noun can follow. */
const DETERMINERS = new Set(['de', 'det', 'den', 'dette', 'disse', 'mange', 'alle', 'noen']);

/** Common finite verbs; other finite verbs are recognised by their -er/-te/-de ending. */
const FINITE = new Set([
  'er', 'var', 'har', 'hadde', 'kan', 'kunne', 'skal', 'skulle', 'vil', 'ville', 'må', 'måtte', 'bør', 'burde',
  'blir', 'ble', 'får', 'fikk', 'gir', 'ga', 'går', 'gikk', 'gjør', 'gjorde', 'sier', 'sa', 'vet', 'visste', 'tror',
  'ser', 'så', 'finnes', 'fantes', 'kom', 'tok', 'sto', 'fins',
]);

/** A known finite verb, or (when `guess`) any word with a present or past tense ending. */
function isFinite(word: string | undefined, guess = true): boolean {
  if (!word) return false;
  const w = word.toLowerCase();
  return FINITE.has(w) || (guess && /^\p{L}{3,}(er|te|de)$/u.test(w));
}

/**
 * True when words start a main clause: a pronoun or adverb with the finite verb next, or a
 * determiner-like subject with a known verb next or after one noun ("noen utfordringer er").
 */
function opensClause([first, second, third]: string[]): boolean {
  const w = first?.toLowerCase() ?? '';
  if (PRONOUNS_AND_ADVERBS.has(w)) return isFinite(second);
  if (DETERMINERS.has(w)) return isFinite(second, false) || isFinite(third, false);
  return false;
}

/** Simplifies a flat sentence (see flatten.ts); `maxWords` is the length that asks for a split. */
export function simplifySentence(sentence: string, atoms: FlatText['atoms'], lexicon: readonly LexiconEntry[], maxWords: number): Simplified {
  let text = sentence.replace(/\s+\([^()]*\)/g, '');
  text = replacePlainWords(text, lexicon).replace(/\s+/g, ' ').replace(/\s+([.,;:!?])/g, '$1').trim();
  const count = (s: string): number => words(readable(s, atoms)).length;
  const sentences = split(text, count, maxWords);
  return { sentences, short: sentences.every((s) => count(s) <= maxWords) };
}

/** Splits at ", men " or ", og " when both sides are main clauses, nearest the middle first. */
function split(sentence: string, count: (s: string) => number, maxWords: number): string[] {
  if (count(sentence) <= maxWords) return [sentence];
  const total = count(sentence);
  let best: { left: string; right: string; balance: number } | undefined;
  for (const match of sentence.matchAll(/,\s+(men|og)\s+/gu)) {
    const index = match.index;
    const left = sentence.slice(0, index);
    const rest = sentence.slice(index + match[0].length);
    if (count(left) < 4 || count(rest) < 4) continue;
    if (!opensClause(words(rest))) continue;
    if (!words(left).some((word) => isFinite(word))) continue;
    const right = match[1] === 'men' ? `Men ${rest}` : capitalize(rest);
    const balance = Math.abs(count(left) - total / 2);
    if (!best || balance < best.balance) best = { left: `${left}.`, right, balance };
  }
  if (!best) return [sentence];
  return [...split(best.left, count, maxWords), ...split(best.right, count, maxWords)];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
