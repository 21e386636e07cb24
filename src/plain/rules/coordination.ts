/** Splits a long sentence at ", men" / ", og" (", but" / ", and") when both halves are main clauses. */
import { CLAUSE_OPENERS, DETERMINER_SUBJECTS, hasFiniteVerb, isFiniteVerb, type PlainLanguage } from '../language.js';
import { words } from '../sentences.js';
import { capitalize, type RuleContext } from './context.js';

const JOINS: Record<PlainLanguage, { but: string; and: string }> = {
  nb: { but: 'men', and: 'og' },
  nn: { but: 'men', and: 'og' },
  en: { but: 'but', and: 'and' },
};

/** True when words start a main clause: a pronoun or adverb with the finite verb next, or a subject with a known verb soon after. */
function opensClause([first, second, third]: string[], lang: PlainLanguage): boolean {
  const w = first?.toLowerCase() ?? '';
  if (CLAUSE_OPENERS[lang].has(w)) return isFiniteVerb(second, lang);
  if (DETERMINER_SUBJECTS[lang].has(w)) return isFiniteVerb(second, lang, false) || isFiniteVerb(third, lang, false);
  return false;
}

/** The split nearest the middle, or undefined when no join has a main clause on both sides. */
export function splitCoordination(sentence: string, ctx: RuleContext): string[] | undefined {
  const { but, and } = JOINS[ctx.lang];
  const total = ctx.count(sentence);
  let best: { parts: string[]; balance: number } | undefined;
  for (const match of sentence.matchAll(new RegExp(`,\\s+(${but}|${and})\\s+`, 'gu'))) {
    const left = sentence.slice(0, match.index);
    const rest = sentence.slice(match.index + match[0].length);
    if (ctx.count(left) < 4 || ctx.count(rest) < 4) continue;
    if (!opensClause(words(rest), ctx.lang) || !hasFiniteVerb(words(left), ctx.lang)) continue;
    const right = match[1] === but ? `${capitalize(but)} ${rest}` : capitalize(rest);
    const balance = Math.abs(ctx.count(left) - total / 2);
    if (!best || balance < best.balance) best = { parts: [`${left}.`, right], balance };
  }
  return best?.parts;
}
