/**
 * Passive to active when the agent is named: "Den første sesjonen ble ledet av statsråd Persen"
 * → "Statsråd Persen ledet den første sesjonen". Only regular participles whose past tense is
 * certain (-ert → -erte, -et → -et; nynorsk -a → -a; English -ed → -ed), a subject of at most
 * six words first in the sentence, and an agent without a verb. A predicate coordinated after
 * the agent ("… og handlet om helse") becomes a sentence of its own with a pronoun subject.
 */
import { hasFiniteVerb, isFiniteVerb, type PlainLanguage } from '../language.js';
import { words } from '../sentences.js';
import { bare, capitalize, endSentence, tokens, type RuleContext } from './context.js';

interface PassiveForms {
  auxiliary: ReadonlySet<string>;
  by: string;
  and: string;
  /** The past tense of a participle, or undefined when it is not certain. */
  past: (participle: string) => string | undefined;
  /** Determiners that may open the subject, with the pronoun that can stand for the subject later. */
  determiners: Record<string, string>;
}

/** Strong and irregular participles whose past tense is certain. */
const IRREGULAR: Record<PlainLanguage, Record<string, string>> = {
  nb: { holdt: 'holdt', gitt: 'ga', tatt: 'tok', sagt: 'sa', gjort: 'gjorde', sett: 'så', funnet: 'fant', fått: 'fikk', trukket: 'trakk',
    skrevet: 'skrev', lagt: 'la', vist: 'viste', brukt: 'brukte', laget: 'laget', valgt: 'valgte', sendt: 'sendte', kjent: 'kjente', nevnt: 'nevnte' },
  nn: { halde: 'heldt', gitt: 'gav', gjeve: 'gav', teke: 'tok', sagt: 'sa', gjort: 'gjorde', sett: 'såg', funne: 'fann', fått: 'fekk',
    skrive: 'skreiv', lagt: 'la', vist: 'viste', brukt: 'brukte', laga: 'laga', valt: 'valde', sendt: 'sende' },
  en: { given: 'gave', taken: 'took', held: 'held', made: 'made', written: 'wrote', said: 'said', done: 'did', seen: 'saw', found: 'found',
    shown: 'showed', sent: 'sent', built: 'built', led: 'led', run: 'ran', chosen: 'chose', known: 'knew' },
};

const FORMS: Record<PlainLanguage, PassiveForms> = {
  nb: {
    auxiliary: new Set(['ble']), by: 'av', and: 'og',
    past: (p) => (/\p{L}{3,}ert$/u.test(p) ? `${p}e` : /\p{L}{3,}et$/u.test(p) ? p : undefined),
    determiners: { den: 'Den', det: 'Det', de: 'De', denne: 'Den', dette: 'Det', disse: 'De' },
  },
  nn: {
    auxiliary: new Set(['vart', 'blei']), by: 'av', and: 'og',
    past: (p) => (/\p{L}{3,}ert$/u.test(p) ? `${p}e` : /\p{L}{3,}a$/u.test(p) ? p : undefined),
    determiners: { den: 'Den', det: 'Det', dei: 'Dei', denne: 'Den', dette: 'Det', desse: 'Dei' },
  },
  en: {
    auxiliary: new Set(['was', 'were']), by: 'by', and: 'and',
    past: (p) => (/\p{L}{3,}ed$/u.test(p) ? p : undefined),
    determiners: { the: 'It', this: 'It', these: 'They', those: 'They' },
  },
};

/** The active form of a passive sentence with a named agent, or undefined. */
export function passiveToActive(sentence: string, ctx: RuleContext): string[] | undefined {
  const f = FORMS[ctx.lang];
  const list = tokens(sentence.replace(/[.!]$/, ''));
  const aux = list.findIndex((t) => f.auxiliary.has(t));
  const participle = list[aux + 1] ?? '';
  const past = IRREGULAR[ctx.lang][participle] ?? f.past(participle);
  if (aux < 1 || aux > 6 || !past || list[aux + 2] !== f.by || !/[.!]$/.test(sentence)) return undefined;
  const subject = list.slice(0, aux);
  const first = bare(subject[0]);
  const pronoun = f.determiners[first];
  const named = subject.length >= 2 && subject.every((t) => /^\p{Lu}/u.test(t));
  if ((!pronoun && !named) || (subject.length === 1 && pronoun) || hasFiniteVerb(subject.map(bare), ctx.lang)) return undefined;
  if (subject.some((t) => /[,;:]$/.test(t))) return undefined;

  const after = list.slice(aux + 3);
  // The agent ends at the sentence end, or before "og"/", og" + a finite verb that also belongs to the subject.
  let end = after.length;
  for (let i = 1; i < after.length; i++) {
    if (bare(after[i]) === f.and && isFiniteVerb(bare(after[i + 1]), ctx.lang, false)) {
      end = i;
      break;
    }
  }
  const agent = after.slice(0, end).join(' ').replace(/,$/, '');
  const rest = after.slice(end + 1);
  if (!agent || /[,;:()]/.test(agent) || hasFiniteVerb(words(agent), ctx.lang) || agent.split(' ').length > 12) return undefined;
  const object = pronoun ? [first, ...subject.slice(1)].join(' ') : subject.join(' ');
  const active = endSentence(`${capitalize(agent)} ${past} ${object}`);
  if (rest.length === 0) return [active];
  const again = pronoun ?? subject.join(' ');
  return [active, endSentence(`${again} ${rest.join(' ')}`)];
}
