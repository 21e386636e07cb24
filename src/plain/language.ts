/**
 * What the plain-language rules need to know about bokmål, nynorsk and English: finite verbs,
 * words that open a main clause, and short function words. Kept small on purpose: a rule that
 * meets a word it does not know does nothing.
 */
import type { LabelLanguage } from '../model/types.js';

/** The languages the plain-language rules know; others are treated as English. */
export type PlainLanguage = LabelLanguage;

/** Common finite verbs (present and past) that the ending test misses. */
const FINITE: Record<PlainLanguage, ReadonlySet<string>> = {
  nb: new Set([
    'er', 'var', 'har', 'hadde', 'kan', 'kunne', 'skal', 'skulle', 'vil', 'ville', 'må', 'måtte', 'bør', 'burde',
    'blir', 'ble', 'får', 'fikk', 'gir', 'ga', 'går', 'gikk', 'gjør', 'gjorde', 'sier', 'sa', 'vet', 'visste', 'tror',
    'ser', 'så', 'finnes', 'fantes', 'kom', 'tok', 'sto', 'fins', 'står', 'ligger', 'lå', 'trenger', 'brukes', 'holdt',
    'drar', 'dro', 'hjelper', 'hjalp', 'møtes', 'møttes', 'betyr', 'skjer', 'skjedde', 'bor', 'bodde', 'heter', 'het',
    'fortsatte', 'startet', 'ledet', 'handlet', 'jobbet', 'snakket', 'pekte', 'deltok', 'oppsummerte', 'avsluttet',
    'mente', 'ønsket', 'lærte', 'varte', 'samlet', 'takket', 'trakk', 'ba', 'tar', 'slår', 'gjelder', 'mangler',
    'kommer', 'opplever', 'mener', 'ønsker', 'jobber', 'bruker', 'lager', 'lærer', 'viser', 'handler', 'snakker',
    'føler', 'tenker', 'spør', 'svarer', 'deltar', 'møter', 'betaler', 'leser', 'skriver', 'bidrar', 'øker', 'sliter',
    'passer', 'virker', 'fungerer', 'finner', 'følger', 'legger', 'setter', 'sitter', 'forteller', 'forstår', 'kjenner',
    'blir', 'trengte', 'fikk', 'søker', 'starter', 'slutter', 'lever', 'reiser', 'flytter', 'velger', 'prøver', 'håper',
  ]),
  nn: new Set([
    'er', 'var', 'har', 'hadde', 'kan', 'kunne', 'skal', 'skulle', 'vil', 'ville', 'må', 'måtte', 'bør', 'burde',
    'blir', 'vert', 'vart', 'blei', 'får', 'fekk', 'gir', 'gjev', 'gav', 'går', 'gjekk', 'gjer', 'gjorde', 'seier',
    'sa', 'veit', 'visste', 'trur', 'ser', 'såg', 'finst', 'fanst', 'kom', 'tok', 'stod', 'står', 'ligg', 'låg',
    'treng', 'trong', 'brukar', 'heiter', 'heitte', 'bur', 'budde', 'skjer', 'hjelper', 'hjelpte', 'tek', 'tar',
    'gjeld', 'manglar', 'leia', 'handla', 'snakka', 'jobba', 'samla', 'takka', 'bad', 'les', 'las', 'et', 'åt',
  ]),
  en: new Set([
    'is', 'are', 'was', 'were', 'am', 'has', 'have', 'had', 'can', 'could', 'will', 'would', 'shall', 'should',
    'may', 'might', 'must', 'do', 'does', 'did', 'gets', 'got', 'gives', 'gave', 'goes', 'went', 'makes', 'made',
    'says', 'said', 'knows', 'knew', 'sees', 'saw', 'takes', 'took', 'comes', 'came', 'runs', 'ran', 'keeps', 'kept',
    'shows', 'showed', 'needs', 'uses', 'used', 'helps', 'helped', 'lets', 'let', 'sets', 'set', 'puts', 'put',
    'find', 'finds', 'found', 'build', 'builds', 'built', 'send', 'sends', 'sent', 'read', 'reads', 'write', 'writes',
    'wrote', 'need', 'use', 'want', 'wants', 'work', 'works', 'run', 'get', 'give', 'take', 'make', 'see', 'know',
    'show', 'keep', 'help', 'contains', 'supports', 'means', 'became', 'began', 'left', 'told', 'thought', 'felt',
  ]),
};

/** Words with a verb-like ending that are not finite verbs (nouns, adverbs, adjectives). */
const NOT_FINITE: Record<PlainLanguage, ReadonlySet<string>> = {
  nb: new Set(['ofte', 'rette', 'lette', 'mette', 'sette', 'støtte', 'møte', 'vente', 'hente', 'lede', 'skade', 'fjerde', 'tredje', 'andre', 'bedre', 'større', 'mindre', 'flere', 'eldre', 'yngre', 'lengre', 'senere', 'tidligere', 'under',
    'etter', 'over', 'mer', 'her', 'der', 'hvorfor', 'fordi', 'hverandre', 'kommuner', 'personer', 'tiltak', 'siste',
    'første', 'eneste', 'gode', 'store', 'hele', 'selve', 'beste', 'ulike', 'nye', 'unge', 'gamle', 'norske', 'svake']),
  nn: new Set(['ofte', 'andre', 'betre', 'større', 'mindre', 'fleire', 'eldre', 'yngre', 'seinare', 'tidlegare', 'under', 'etter',
    'over', 'meir', 'her', 'der', 'kvifor', 'fordi', 'kvarandre', 'siste', 'første', 'einaste', 'gode', 'store', 'heile',
    'ulike', 'nye', 'unge', 'gamle', 'norske']),
  en: new Set(['this', 'his', 'its', 'is', 'as', 'us', 'was', 'has', 'yes', 'less', 'unless', 'across', 'always',
    'perhaps', 'towards', 'news', 'process', 'access', 'address', 'business', 'class', 'series', 'status', 'bus', 'plus',
    'red', 'bed', 'need', 'speed', 'seed', 'feed', 'indeed', 'hundred', 'based', 'related', 'limited', 'detailed']),
};

/** Word forms that are finite by their ending: present -er/-ar, past -te/-de/-et/-a (nn), English -s/-ed. */
const ENDINGS: Record<PlainLanguage, RegExp> = {
  nb: /^\p{L}{2,}(er|te|de|dde)$/u,
  nn: /^\p{L}{2,}(er|ar|te|de|dde)$/u,
  en: /^\p{L}{2,}(ed|s)$/u,
};

/** Plural noun endings that look like verb endings ("fritidsaktiviteter", "utfordringer"). */
const NOUN_ENDINGS: Record<PlainLanguage, RegExp> = {
  nb: /(sjoner|heter|iteter|inger|nader|ører|ister|ikker)$/u,
  nn: /(sjonar|heiter|itetar|ingar|nader|arar)$/u,
  en: /(ness|ss|us|is|ous|ics|ies|tions)$/u,
};

/** True for a known finite verb or, when `guess`, a word with a finite ending (not a known exception). */
export function isFiniteVerb(word: string | undefined, lang: PlainLanguage, guess = true): boolean {
  if (!word) return false;
  const w = word.toLowerCase();
  if (FINITE[lang].has(w)) return true;
  // A capitalised word is a name or starts a sentence (where V2 puts no finite verb): no guessing ("Marte").
  return guess && !/^\p{Lu}/u.test(word) && !NOT_FINITE[lang].has(w) && !NOUN_ENDINGS[lang].test(w) && w.length <= 13 && ENDINGS[lang].test(w);
}

/** True when some word of `list` is a finite verb (known, or by its ending). */
export function hasFiniteVerb(list: readonly string[], lang: PlainLanguage): boolean {
  return list.some((w) => isFiniteVerb(w, lang));
}

/** Words that open a subordinate clause: a finite verb after one is not the main clause's. */
const SUBORDINATORS: Record<PlainLanguage, ReadonlySet<string>> = {
  nb: new Set(['som', 'at', 'om', 'hvis', 'når', 'fordi', 'dersom', 'mens', 'hvilke', 'hvilken', 'hvilket', 'hva', 'hvordan', 'hvorfor', 'hvem', 'samtidig']),
  nn: new Set(['som', 'at', 'om', 'viss', 'når', 'fordi', 'dersom', 'medan', 'kva', 'korleis', 'kvifor', 'kven', 'kvar', 'samstundes']),
  en: new Set(['that', 'which', 'who', 'if', 'when', 'because', 'whether', 'while', 'what', 'how', 'why', 'where']),
};

/**
 * True when a sentence has a main clause with a finite verb: one comes before any word that opens
 * a subordinate clause ("God dialog med dem som kan hjelpe" has none). A subordinate clause
 * first in the sentence ("Når du kommer fram, skal du …") ends at its comma. Without `guess`
 * only known verbs count (for list items, often noun phrases whose plurals end like verbs).
 */
export function hasMainClauseVerb(sentence: string, lang: PlainLanguage, guess = true): boolean {
  const opener = /^\s*(\p{L}+)/u.exec(sentence)?.[1]?.toLowerCase() ?? '';
  const comma = sentence.indexOf(',');
  const main = SUBORDINATORS[lang].has(opener) ? (comma < 0 ? '' : sentence.slice(comma + 1)) : sentence;
  for (const word of main.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? []) {
    if (isFiniteVerb(word, lang, guess)) return true;
    if (SUBORDINATORS[lang].has(word.toLowerCase())) return false;
  }
  return false;
}

/** Subject pronouns and adverbs that, first in a main clause, are followed by the finite verb (V2). */
export const CLAUSE_OPENERS: Record<PlainLanguage, ReadonlySet<string>> = {
  nb: new Set(['jeg', 'du', 'han', 'hun', 'vi', 'dere', 'man', 'nå', 'da', 'her', 'der', 'derfor', 'likevel', 'samtidig', 'dessuten']),
  nn: new Set(['eg', 'du', 'han', 'ho', 'vi', 'me', 'de', 'ein', 'no', 'då', 'her', 'der', 'difor', 'likevel', 'samstundes', 'dessutan']),
  en: new Set(['i', 'you', 'he', 'she', 'we', 'they', 'it', 'there']),
};

/** Subject words that may also be determiners ("de andre"), so a noun can come before the verb. */
export const DETERMINER_SUBJECTS: Record<PlainLanguage, ReadonlySet<string>> = {
  nb: new Set(['de', 'det', 'den', 'dette', 'disse', 'mange', 'alle', 'noen']),
  nn: new Set(['dei', 'det', 'den', 'dette', 'desse', 'mange', 'alle', 'nokre', 'nokon']),
  en: new Set(['the', 'this', 'these', 'those', 'many', 'all', 'some']),
};

/** Sentence adverbs that stand before the verb in a subordinate clause and after it in a main clause. */
export const SENTENCE_ADVERBS: Record<PlainLanguage, ReadonlySet<string>> = {
  nb: new Set(['ikke', 'ofte', 'også', 'alltid', 'aldri', 'gjerne', 'særlig', 'bare', 'fortsatt', 'allerede', 'kanskje', 'egentlig', 'nå']),
  nn: new Set(['ikkje', 'ofte', 'òg', 'også', 'alltid', 'aldri', 'gjerne', 'særleg', 'berre', 'framleis', 'allereie', 'kanskje', 'no']),
  en: new Set(),
};

/** The word that starts a relative clause, and words before it that make a free relative ("de som"). */
export const RELATIVE: Record<PlainLanguage, { word: string; free: ReadonlySet<string> }> = {
  nb: { word: 'som', free: new Set(['de', 'dem', 'den', 'det', 'alle', 'han', 'hun', 'noen', 'mange', 'flere', 'andre', 'så', 'slik', 'samme', 'enn', 'både', 'hvem', 'ingen', 'hvilke']) },
  nn: { word: 'som', free: new Set(['dei', 'den', 'det', 'alle', 'han', 'ho', 'nokon', 'mange', 'fleire', 'andre', 'så', 'slik', 'same', 'enn', 'både', 'kven', 'ingen']) },
  en: { word: 'which', free: new Set() },
};

/** The plural subject pronoun that can stand for a plural noun, and "that" for a whole clause. */
export const PRONOUNS: Record<PlainLanguage, { plural: string; clause: string }> = {
  nb: { plural: 'De', clause: 'Dette' },
  nn: { plural: 'Dei', clause: 'Dette' },
  en: { plural: 'They', clause: 'This' },
};

/** Words that tie a sentence to the one before it; a sentence starting with one reads badly on its own. */
export const CONTEXT_OPENERS: Record<PlainLanguage, ReadonlySet<string>> = {
  nb: new Set(['derfor', 'dette', 'disse', 'her', 'slik', 'også', 'men', 'og', 'samt', 'sammen', 'samtidig', 'dermed', 'hun', 'han', 'de', 'denne', 'deretter', 'likevel', 'dessuten']),
  nn: new Set(['difor', 'dette', 'desse', 'her', 'slik', 'òg', 'også', 'men', 'og', 'saman', 'samstundes', 'dermed', 'ho', 'han', 'dei', 'denne', 'deretter', 'likevel', 'dessutan']),
  en: new Set(['therefore', 'this', 'these', 'those', 'here', 'thus', 'also', 'but', 'and', 'so', 'it', 'they', 'he', 'she', 'then', 'however', 'moreover', 'such']),
};

/** Short words that say little about what a sentence is about (left out of the centrality score). */
export const STOP_WORDS: Record<PlainLanguage, ReadonlySet<string>> = {
  nb: new Set('og i på som er det en et til av for med at de den om har ikke var vi kan fra seg så skal ble å eller men også blir dette disse mer han hun jeg man hvor hva når hvordan alle andre mange noen bare nå der her mot ved etter under over vil må bør sin sitt sine sitt ved'.split(' ')),
  nn: new Set('og i på som er det ein eit til av for med at dei den om har ikkje var vi kan frå seg så skal vart blei å eller men òg også blir dette desse meir han ho eg ein kvar kva når korleis alle andre mange nokre berre no der her mot ved etter under over vil må bør sin sitt sine'.split(' ')),
  en: new Set('the a an and or of to in on for with at by from is are was were be been it this that these those as not but if then so we you they he she i can will should must may has have had do does did there their our your its into about than more also'.split(' ')),
};
