/**
 * Rule-based simplification of one sentence (bokmål, nynorsk or English), in a fixed order:
 * plain numbers and abbreviations, parentheses dropped, dash insertions moved or dropped, plain
 * words, nominalisations unpacked, passive made active; then long sentences split where a new
 * main clause or a final relative clause starts, or before a trailing apposition; and a closing
 * list of more than three items made a bullet list. Every rule does nothing when unsure.
 */
import { readable, type FlatText } from './flatten.js';
import { words } from './sentences.js';
import type { PlainLanguage } from './language.js';
import type { PlainWord } from './plain-words.js';
import { replacePlainWords } from './lexicon.js';
import type { RuleContext } from './rules/context.js';
import { plainNumbers } from './rules/numbers.js';
import { dropParentheses, moveDashInsertion, moveNameApposition, splitTrailingApposition } from './rules/parenthesis.js';
import { unpackNominalisations } from './rules/nominalisation.js';
import { passiveToActive } from './rules/passive.js';
import { splitCoordination } from './rules/coordination.js';
import { splitRelativeClause } from './rules/relative-clause.js';
import { listFromEnumeration } from './rules/enumeration.js';

/** A plain sentence, or an introduction and the bullet list it introduces. */
export type Piece = { kind: 'sentence'; text: string } | { kind: 'list'; intro: string; items: string[] };

/** A simplified sentence, and whether all its sentences are short enough. */
export interface Simplified {
  pieces: Piece[];
  /** False when a sentence is still longer than the limit because no safe split was found. */
  short: boolean;
}

/** What simplification needs besides the sentence. */
export interface SimplifyOptions {
  lang: PlainLanguage;
  locale: string;
  words: readonly PlainWord[];
  maxWords: number;
}

/** Simplifies a flat sentence (see flatten.ts). */
export function simplifySentence(sentence: string, atoms: FlatText['atoms'], options: SimplifyOptions): Simplified {
  const ctx: RuleContext = {
    lang: options.lang,
    locale: options.locale,
    maxWords: options.maxWords,
    count: (s) => words(readable(s, atoms)).length,
  };
  const text = tidy(plainNumbers(dropParentheses(sentence), ctx));
  const sentences = (moveDashInsertion(text, ctx) ?? [text])
    .flatMap((s) => moveNameApposition(s, ctx) ?? [s])
    .map((s) => tidy(unpackNominalisations(replacePlainWords(s, options.words), ctx.lang)))
    .flatMap((s) => passiveToActive(s, ctx) ?? [s])
    .flatMap((s) => split(s, ctx));
  const pieces = sentences.map((s): Piece => {
    const list = listFromEnumeration(s, ctx);
    return list ? { kind: 'list', ...list } : { kind: 'sentence', text: s };
  });
  const lengths = pieces.flatMap((p) => (p.kind === 'sentence' ? [p.text] : [p.intro, ...p.items])).map(ctx.count);
  return { pieces, short: lengths.every((n) => n <= ctx.maxWords) };
}

/** Splits a sentence over the limit, trying each safe split in turn, and the parts again. */
function split(sentence: string, ctx: RuleContext): string[] {
  if (ctx.count(sentence) <= ctx.maxWords) return [sentence];
  const parts = splitCoordination(sentence, ctx) ?? splitRelativeClause(sentence, ctx) ?? splitTrailingApposition(sentence, ctx);
  return parts ? parts.flatMap((p) => split(p, ctx)) : [sentence];
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\s+([.,;:!?])/g, '$1').trim();
}
