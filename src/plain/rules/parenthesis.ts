/**
 * Parentheses and appositions. A parenthesis "(…)" is dropped. An insertion between two dashes
 * is dropped, or, when it says something about a name ("Caritas – som gjør … – er her"), moved
 * into a sentence of its own about that name. A trailing apposition (", en tillitsperson som …")
 * becomes its own sentence ("Det er en tillitsperson som …"). Anything else stays.
 */
import { hasFiniteVerb, isFiniteVerb, RELATIVE, SENTENCE_ADVERBS, type PlainLanguage } from '../language.js';
import { words } from '../sentences.js';
import { bare, capitalize, endSentence, tokens, type RuleContext } from './context.js';

const INDEFINITE: Record<PlainLanguage, ReadonlySet<string>> = {
  nb: new Set(['en', 'ei', 'et']),
  nn: new Set(['ein', 'ei', 'eit']),
  en: new Set(['a', 'an']),
};
const IT_IS: Record<PlainLanguage, string> = { nb: 'Det er', nn: 'Det er', en: 'This is' };
const IS: Record<PlainLanguage, string> = { nb: 'er', nn: 'er', en: 'is' };

/** Drops "(…)" set off by a space. */
export function dropParentheses(sentence: string): string {
  return sentence.replace(/\s+\([^()]*\)/g, '').replace(/\s+([.,;:!?])/g, '$1');
}

/** Moves or drops an insertion between two spaced dashes; returns the sentences, or undefined when unsure. */
export function moveDashInsertion(sentence: string, ctx: RuleContext): string[] | undefined {
  const match = /^(.*?\S)\s+[–—-]\s+([^–—]*?\S)\s+[–—-]\s+(.*)$/u.exec(sentence);
  if (!match) return undefined;
  const [, before = '', inner = '', after = ''] = match;
  const rest = `${before} ${after}`;
  // The sentence must still be whole without the insertion, and the insertion must not be a clause of its own.
  if (!hasFiniteVerb(words(rest), ctx.lang) || /^(og|men|eller|and|but|or|så)\b/iu.test(inner)) return undefined;
  const moved = aboutName(before, inner, ctx.lang);
  return moved ? [endSentence(rest), moved] : [endSentence(rest)];
}

/** "Caritas" + "som gjør en viktig jobb" → "Caritas gjør en viktig jobb."; undefined unless the head is a name. */
function aboutName(before: string, inner: string, lang: PlainLanguage): string | undefined {
  const head = tokens(before);
  const name: string[] = [];
  for (let i = head.length - 1; i >= 0 && /^\p{Lu}/u.test(head[i] ?? '') && !/[,.;:]$/.test(head[i] ?? ''); i--) name.unshift(head[i] as string);
  const [first, ...clause] = tokens(inner);
  if (name.length === 0 || bare(first) !== RELATIVE[lang].word) return undefined;
  const main = mainClauseOrder(clause, lang);
  return main ? endSentence(`${name.join(' ')} ${main}`) : undefined;
}

/**
 * A relative clause without its "som" in main-clause order: sentence adverbs move after the
 * finite verb ("ofte jobber lenge" → "jobber ofte lenge"). Undefined when no finite verb comes first.
 */
export function mainClauseOrder(clause: readonly string[], lang: PlainLanguage): string | undefined {
  const adverbs: string[] = [];
  let i = 0;
  while (i < clause.length && SENTENCE_ADVERBS[lang].has(bare(clause[i]))) adverbs.push(clause[i++] as string);
  const verb = clause[i];
  if (!verb || /[,.;:]$/.test(verb) || !isFiniteVerb(bare(verb), lang)) return undefined;
  return [verb, ...adverbs, ...clause.slice(i + 1)].join(' ');
}

/** ", en tillitsperson som …" at the end of a sentence becomes "Det er en tillitsperson som …". */
export function splitTrailingApposition(sentence: string, ctx: RuleContext): string[] | undefined {
  const match = /^(.*?\S),\s+(\p{L}+)\s+(.+)$/u.exec(sentence);
  if (!match) return undefined;
  const [, main = '', article = '', rest = ''] = match;
  if (!INDEFINITE[ctx.lang].has(article.toLowerCase())) return undefined;
  // An explaining apposition has a relative clause ("en tillitsperson som kan språket"); a list of things does not.
  const relative = new RegExp(`\\s${RELATIVE[ctx.lang].word}\\s+(\\p{L}+)`, 'u').exec(rest);
  if (!relative || !isFiniteVerb(relative[1], ctx.lang) || /\s(og|and)\s+(en|ei|et|ein|eit|a|an)\s/u.test(rest)) return undefined;
  // The apposition starts with a noun phrase: no finite verb among its first two words.
  const head = tokens(rest).slice(0, 2).map(bare);
  if (head.some((w) => isFiniteVerb(w, ctx.lang, false)) || !hasFiniteVerb(words(main), ctx.lang)) return undefined;
  if (ctx.count(main) < 4 || ctx.count(rest) < 3) return undefined;
  return [endSentence(main), endSentence(`${IT_IS[ctx.lang]} ${article.toLowerCase()} ${rest}`)].map(capitalize);
}

/**
 * A name with a title after it at the end of a sentence ("… av Are Skeie Hermansen,
 * førsteamanuensis ved UiO.") becomes two sentences ("… av Are Skeie Hermansen. Are Skeie
 * Hermansen er førsteamanuensis ved UiO."). Only when the title has no verb and no comma.
 */
export function moveNameApposition(sentence: string, ctx: RuleContext): string[] | undefined {
  const match = /^(.*\S),\s+(\p{Ll}[^,;:]*[.!])$/u.exec(sentence);
  if (!match) return undefined;
  const [, main = '', title = ''] = match;
  const head = tokens(main);
  const name: string[] = [];
  for (let i = head.length - 1; i > 0 && /^\p{Lu}\p{Ll}/u.test(head[i] ?? ''); i--) name.unshift(head[i] as string);
  if (name.length < 2 || tokens(title).some((t) => isFiniteVerb(bare(t), ctx.lang)) || !hasFiniteVerb(words(main), ctx.lang)) return undefined;
  if (INDEFINITE[ctx.lang].has(bare(tokens(title)[0])) || bare(tokens(title)[0]) === RELATIVE[ctx.lang].word) return undefined;
  return [endSentence(main), endSentence(`${name.join(' ')} ${IS[ctx.lang]} ${title}`)];
}
