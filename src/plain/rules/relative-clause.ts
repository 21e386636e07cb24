/**
 * Splits a long sentence before a relative clause that ends it. ", noe som gjør …" becomes
 * "Dette gjør …"; "… arbeidsinnvandrere som ofte jobber …" becomes "… arbeidsinnvandrere. De
 * jobber ofte …" — only when the noun before "som" is plural (so "de" is right), a finite verb
 * follows "som", and the clause runs to the end of the sentence.
 */
import { isFiniteVerb, PRONOUNS, RELATIVE, SENTENCE_ADVERBS, type PlainLanguage } from '../language.js';
import { mainClauseOrder } from './parenthesis.js';
import { bare, endSentence, tokens, type RuleContext } from './context.js';

/** "noe som" / "noko som" / "which" after a comma stand for the whole clause before. */
const CLAUSE_RELATIVE: Record<PlainLanguage, RegExp> = {
  nb: /,\s+noe\s+som\s+/u,
  nn: /,\s+noko\s+som\s+/u,
  en: /,\s+which\s+/u,
};

/** Plural indefinite or definite nouns: "arbeidsinnvandrere", "deltakerne", "utfordringer". */
const PLURAL_NOUN: Record<PlainLanguage, RegExp> = {
  nb: /^\p{Ll}{3,}(ere|ene|er|ne)$/u,
  nn: /^\p{Ll}{3,}(arar|arane|ar|ane|er|ene|ne)$/u,
  en: /^$/u,
};

/** The sentence split before its final relative clause, or undefined when that is not safe. */
export function splitRelativeClause(sentence: string, ctx: RuleContext): string[] | undefined {
  return clauseRelative(sentence, ctx) ?? nounRelative(sentence, ctx);
}

function clauseRelative(sentence: string, ctx: RuleContext): string[] | undefined {
  const match = CLAUSE_RELATIVE[ctx.lang].exec(sentence);
  if (!match) return undefined;
  const left = sentence.slice(0, match.index);
  const rest = tokens(sentence.slice(match.index + match[0].length));
  const main = mainClauseOrder(rest, ctx.lang);
  if (!main || ctx.count(left) < 4 || rest.length < 3 || /,/.test(main)) return undefined;
  return [endSentence(left), endSentence(`${PRONOUNS[ctx.lang].clause} ${main}`)];
}

function nounRelative(sentence: string, ctx: RuleContext): string[] | undefined {
  const { word, free } = RELATIVE[ctx.lang];
  const list = tokens(sentence);
  for (let i = list.length - 4; i >= 2; i--) {
    if (bare(list[i]) !== word || list[i] !== word) continue;
    const noun = list[i - 1] ?? '';
    const before = bare(list[i - 2]);
    if (/[,.;:]$/.test(noun) || free.has(bare(noun)) || free.has(before) || !PLURAL_NOUN[ctx.lang].test(noun)) continue;
    const clause = list.slice(i + 1);
    // The clause must run to the end: a comma inside it could close it and return to the main clause.
    if (clause.slice(0, -1).some((t) => /[,;:]$/.test(t))) return undefined;
    // A second finite verb means the main clause goes on after the relative clause ("mennesker som kommer … aldri får").
    const verb = clause.findIndex((t) => !SENTENCE_ADVERBS[ctx.lang].has(bare(t)));
    if (clause.slice(verb + 1).some((t) => isFiniteVerb(bare(t), ctx.lang, false))) return undefined;
    const main = mainClauseOrder(clause, ctx.lang);
    const left = list.slice(0, i).join(' ');
    if (!main || ctx.count(left) < 6 || clause.length < 4) return undefined;
    return [endSentence(left), endSentence(`${PRONOUNS[ctx.lang].plural} ${main}`)];
  }
  return undefined;
}
