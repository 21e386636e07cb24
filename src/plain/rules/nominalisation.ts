/**
 * Unpacks a nominalisation after a preposition where the verb exists: "for gjennomføring av
 * tiltaket" → "for å gjennomføre tiltaket", "barrierer for deltakelse i" → "barrierer for å delta
 * i". Only nouns in the list below, without a determiner, right after a preposition, and only
 * with the preposition the list gives ("av" is dropped: its object becomes the verb's object).
 */
import type { PlainLanguage } from '../language.js';

/** noun, the preposition after it, and the verb phrase (with its own preposition) that replaces both. */
const NOMINALISATIONS: Record<PlainLanguage, string> = {
  nb: `gjennomføring av|gjennomføre
etablering av|etablere
utbedring av|utbedre
godkjenning av|godkjenne
behandling av|behandle
deling av|dele
forebygging av|forebygge
oppfølging av|følge opp
iverksetting av|sette i gang
iverksettelse av|sette i gang
utarbeidelse av|lage
utarbeiding av|lage
vurdering av|vurdere
styrking av|styrke
forbedring av|forbedre
utvikling av|utvikle
innføring av|innføre
ivaretakelse av|ta vare på
håndtering av|håndtere
kartlegging av|kartlegge
fjerning av|fjerne
reduksjon av|redusere
økning av|øke
bruk av|bruke
anskaffelse av|kjøpe
planlegging av|planlegge
evaluering av|evaluere
utvidelse av|utvide
opprettelse av|opprette
rekruttering av|rekruttere
tilrettelegging for|legge til rette for
deltakelse i|delta i
deltagelse i|delta i
deltakelse på|delta på
deltagelse på|delta på
samarbeid med|samarbeide med
samarbeid mellom|samarbeide mellom
tilknytning til|knytte seg til
overgang til|gå over til
mottak av|ta imot
søknad om|søke om`,
  nn: `gjennomføring av|gjennomføre
etablering av|etablere
godkjenning av|godkjenne
behandling av|behandle
deling av|dele
førebygging av|førebyggje
oppfølging av|følgje opp
vurdering av|vurdere
styrking av|styrkje
forbetring av|forbetre
utvikling av|utvikle
innføring av|innføre
handtering av|handtere
kartlegging av|kartleggje
fjerning av|fjerne
reduksjon av|redusere
auke av|auke
bruk av|bruke
planlegging av|planleggje
evaluering av|evaluere
utviding av|utvide
oppretting av|opprette
rekruttering av|rekruttere
tilrettelegging for|leggje til rette for
deltaking i|delta i
deltaking på|delta på
samarbeid med|samarbeide med
mottak av|ta imot
søknad om|søkje om`,
  en: '',
};

const PREPOSITIONS: Record<PlainLanguage, string> = { nb: 'for|til|om|ved|med|uten|mot', nn: 'for|til|om|ved|med|utan|mot', en: '' };
const INFINITIVE: Record<PlainLanguage, string> = { nb: 'å', nn: 'å', en: 'to' };

const parsed = new Map<PlainLanguage, { pattern: RegExp; verbs: Map<string, string> }>();

function table(lang: PlainLanguage) {
  let t = parsed.get(lang);
  if (!t) {
    const verbs = new Map<string, string>();
    for (const line of NOMINALISATIONS[lang].split('\n').filter(Boolean)) {
      const [noun = '', verb = ''] = line.split('|');
      verbs.set(noun, verb);
    }
    const nouns = [...verbs.keys()].map((n) => n.replace(/\s+/g, '\\s+')).join('|');
    // Longest nouns first is not needed: each entry names its preposition, so entries never overlap.
    t = { pattern: new RegExp(`(?<![\\p{L}\\p{N}])(${PREPOSITIONS[lang]})\\s+(${nouns})(?![\\p{L}\\p{N}])`, 'giu'), verbs };
    parsed.set(lang, t);
  }
  return t;
}

/** The sentence with listed nominalisations after a preposition replaced by "å" + verb. */
export function unpackNominalisations(sentence: string, lang: PlainLanguage): string {
  if (!NOMINALISATIONS[lang]) return sentence;
  const { pattern, verbs } = table(lang);
  return sentence.replace(pattern, (match: string, preposition: string, noun: string) => {
    const verb = verbs.get(noun.toLowerCase().replace(/\s+/g, ' '));
    return verb ? `${preposition} ${INFINITIVE[lang]} ${verb}` : match;
  });
}
