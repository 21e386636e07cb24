import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simplifySentence, type Piece } from '../src/plain/simplify.js';
import { loadLexicon, replacePlainWords, usesWord, type LexiconEntry } from '../src/plain/lexicon.js';
import { builtInPlainWords, plainWordsFor } from '../src/plain/plain-words.js';
import type { PlainLanguage } from '../src/plain/language.js';
import { DiagnosticSink } from '../src/diagnostics.js';
import { splitRelativeClause } from '../src/plain/rules/relative-clause.js';
import { words } from '../src/plain/sentences.js';

const lexicon: LexiconEntry[] = [
  { word: 'statsråd', plain: 'minister', explanation: 'Et medlem av regjeringen.' },
  { word: 'tilskudd', plain: 'støtte', explanation: 'Penger fra det offentlige.' },
  { word: 'integrering', explanation: 'Å bli en del av samfunnet.' },
];
const LOCALE: Record<PlainLanguage, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
const simplify = (s: string, lang: PlainLanguage = 'nb') =>
  simplifySentence(s, [], { lang, locale: LOCALE[lang], words: plainWordsFor(lang, lang === 'nb' ? lexicon : []), maxWords: 20 });
const sentences = (s: string, lang: PlainLanguage = 'nb') => simplify(s, lang).pieces.map((p: Piece) => (p.kind === 'sentence' ? p.text : p));

describe('splitting at ", men" and ", og"', () => {
  it('splits before ", men" when both halves are main clauses', () => {
    const s = 'Staten og kommunene har et stort ansvar for integreringen av alle nye innbyggere i landet, men de kan ikke se alle behov som folk har når de kommer.';
    expect(simplify(s)).toEqual({
      pieces: [
        { kind: 'sentence', text: 'Staten og kommunene har et stort ansvar for integreringen av alle nye innbyggere i landet.' },
        { kind: 'sentence', text: 'Men de kan ikke se alle behov som folk har når de kommer.' },
      ],
      short: true,
    });
  });

  it('splits before ", og" and drops the "og" when a subject and a finite verb follow', () => {
    const s = 'Alle deltakerne satt ved bord i mindre grupper gjennom hele dagen på konferansen i Oslo, og de fikk knytte kontakt med politikere fra mange departementer.';
    expect(sentences(s)).toEqual([
      'Alle deltakerne satt ved bord i mindre grupper gjennom hele dagen på konferansen i Oslo.',
      'De fikk knytte kontakt med politikere fra mange departementer.',
    ]);
  });

  it('keeps a long sentence whole when the second half is not a clause, and says so', () => {
    const s = 'Deltakerne trakk særlig frem økonomi og mangel på transport som barrierer mot deltakelse i fritidsaktiviteter for barn, og mangel på tilbud utover fotball og håndball.';
    expect(simplify(s).short).toBe(false);
    expect(sentences(s)).toHaveLength(1);
  });

  it('leaves short sentences alone even when they could be split', () => {
    expect(sentences('Hun kom i fjor, og hun fikk jobb.')).toEqual(['Hun kom i fjor, og hun fikk jobb.']);
  });
});

describe('relative clauses (real sentences from the report)', () => {
  it('makes ", noe som …" a sentence of its own, and keeps the clause before it', () => {
    const s = 'I tillegg ble det pekt på utfordringer knyttet til arbeidsinnvandrere som ofte jobber lange perioder borte fra familie og venner, noe som gjør det vanskelig å fange opp om de sliter.';
    expect(sentences(s)).toEqual([
      'I tillegg ble det pekt på utfordringer knyttet til arbeidsinnvandrere som ofte jobber lange perioder borte fra familie og venner.',
      'Dette gjør det vanskelig å fange opp om de sliter.',
    ]);
  });

  it('splits before "som" after a plural noun, moving the adverb after the verb', () => {
    const ctx = { lang: 'nb' as const, locale: 'nb-NO', maxWords: 12, count: (x: string) => words(x).length };
    expect(splitRelativeClause('I tillegg ble det pekt på utfordringer knyttet til arbeidsinnvandrere som ofte jobber lange perioder borte fra familie og venner.', ctx)).toEqual([
      'I tillegg ble det pekt på utfordringer knyttet til arbeidsinnvandrere.',
      'De jobber ofte lange perioder borte fra familie og venner.',
    ]);
  });

  it('leaves a relative clause alone when the main clause goes on after it', () => {
    const s = 'Vi kan ikke ha det slik at mennesker som kommer til landet vårt aldri får pakket ut av ryggsekken sin og startet et nytt liv.';
    expect(sentences(s)).toEqual([s]);
  });

  it('leaves "de som" and "som" meaning "like" alone', () => {
    const free = 'Det er mange timer igjen av dagen for alle de som har kommet hit i år og som fortsatt strever med å finne sin plass her.';
    expect(sentences(free)).toEqual([free]);
    const like = 'Sammen med rasisme, diskriminering og mangel på tilbud utover de tradisjonelle fritidsaktivitetene, som fotball og håndball.';
    expect(sentences(like)).toEqual([like]);
  });
});

describe('parentheses and appositions', () => {
  it('drops parentheticals set off by a space, not brackets inside a word', () => {
    expect(sentences('Eldre innvandrere (over 67 år) får ikke tilbud om kurs.')).toEqual(['Eldre innvandrere får ikke tilbud om kurs.']);
    expect(sentences('Koden alert(1) står der.')).toEqual(['Koden alert(1) står der.']);
  });

  it('moves an insertion between dashes about a name into a sentence of its own', () => {
    expect(sentences('Jeg er også glad for å se at Caritas – som gjør en viktig jobb for mange arbeidsinnvandrere – er representert her i dag.')).toEqual([
      'Jeg er også glad for å se at Caritas er representert her i dag.',
      'Caritas gjør en viktig jobb for mange arbeidsinnvandrere.',
    ]);
  });

  it('leaves an insertion between dashes that is a clause of its own', () => {
    const s = 'Jeg er glad over å se alle kjente fjes – og så gleder jeg meg ekstra over å se noen nye – blant annet fra Bergen.';
    expect(sentences(s)).toEqual([s]);
  });

  it('moves a title after a name into its own sentence', () => {
    expect(sentences('Den faglige innledningen ble holdt av Are Skeie Hermansen, førsteamanuensis ved Institutt for sosiologi og samfunnsgeografi på UiO.')).toEqual([
      'Are Skeie Hermansen holdt den faglige innledningen.',
      'Are Skeie Hermansen er førsteamanuensis ved Institutt for sosiologi og samfunnsgeografi på UiO.',
    ]);
  });

  it('makes a long trailing apposition "…, en tillitsperson som …" its own sentence, but not a list of things', () => {
    expect(sentences('Under temaet kvinnehelse ble muligheten for å ha tilbud om flerkulturell doula trukket frem, en tillitsperson som kan språket og støtter kvinner før og etter fødsel.')).toEqual([
      'Under temaet kvinnehelse ble muligheten for å ha tilbud om flerkulturell doula trukket frem.',
      'Det er en tillitsperson som kan språket og støtter kvinner før og etter fødsel.',
    ]);
    expect(sentences('Vi fikk et hus, en bil og en båt.')).toEqual(['Vi fikk et hus, en bil og en båt.']);
  });
});

describe('passive to active when the agent is named', () => {
  it('turns "ble ledet av X" around and gives a coordinated predicate its own sentence', () => {
    expect(sentences('Den første sesjonen ble ledet av arbeids- og inkluderingsminister Marte Mjøs Persen og statssekretær i Kunnskapsdepartementet Sindre Lysø, og handlet om sosial mobilitet og utjevning gjennom arbeid og utdanning.')).toEqual([
      'Arbeids- og inkluderingsminister Marte Mjøs Persen og statssekretær i Kunnskapsdepartementet Sindre Lysø ledet den første sesjonen.',
      'Den handlet om sosial mobilitet og utjevning gjennom arbeid og utdanning.',
    ]);
  });

  it('works for nynorsk and English', () => {
    expect(sentences('Den nye modellen vart laga av Brønnøysundregistra.', 'nn')).toEqual(['Brønnøysundregistra laga den nye modellen.']);
    expect(sentences('The data was collected by the Canadian Digital Service.', 'en')).toEqual(['The Canadian Digital Service collected the data.']);
  });

  it('leaves a passive without an agent, with an uncertain past tense, or with a one-word subject', () => {
    for (const s of [
      'Digitaliseringen ble trukket frem som en barriere for mange eldre.',
      'Tekstane vart skrivne av fagfolk i Brønnøysundregistra.',
      'Rapporten ble laget av departementet.',
    ]) expect(sentences(s, s.includes('vart') ? 'nn' : 'nb')).toEqual([s]);
  });
});

describe('nominalisations', () => {
  it('unpacks "for deltakelse i" and "for godkjenning av" after a preposition', () => {
    expect(sentences('Deltagerne trakk særlig frem økonomi og mangel på transport som barrierer mot deltakelse i fritidsaktiviteter.')).toEqual([
      'Deltakerne trakk særlig frem økonomi og mangel på transport som hindre mot å delta i fritidsaktiviteter.',
    ]);
    expect(sentences('Ordningen for godkjenning av utenlandsk utdanning må bli bedre.')).toEqual(['Ordningen for å godkjenne utenlandsk utdanning må bli bedre.']);
  });

  it('leaves a nominalisation that is a subject or has a determiner', () => {
    for (const s of ['Gjennomføringen av konferansen gikk godt.', 'Det ble foreslått deling av gode eksempler.', 'De ønsket en bedre godkjenning av utdanning.']) {
      expect(sentences(s)).toEqual([s]);
    }
  });
});

describe('lists of more than three items', () => {
  it('makes a closing list of short items a bullet list after an introduction', () => {
    expect(sentences('I sesjonen ble deltagerne utfordret på å foreslå gode tiltak rettet mot innvandrere innenfor områdene sosiale helseforskjeller, psykisk helse, eldre, kvinnehelse og rus.')).toEqual([
      { kind: 'list', intro: 'I sesjonen ble deltagerne utfordret på å foreslå gode tiltak rettet mot innvandrere i områdene:', items: ['sosiale helseforskjeller', 'psykisk helse', 'eldre', 'kvinnehelse', 'rus'] },
    ]);
  });

  it('leaves lists of three, lists with "eller", and lists whose first item is unclear', () => {
    for (const s of [
      'Vi fikk et hus, en bil og en båt.',
      'Du kan velge mellom områdene helse, skole, jobb eller bolig.',
      'Deltakerne trakk særlig frem økonomi og mangel på transport, rasisme, diskriminering og mangel på tilbud.',
    ]) expect(sentences(s)).toEqual([s]);
  });
});

describe('plain numbers, dates and abbreviations', () => {
  it('spells out ISO dates, clock times, per cent, exact millions and abbreviations', () => {
    expect(sentences('Møtet ble holdt 2023-06-21 kl. 09:30, og ca. 25 % av deltakerne kom fra f.eks. Bergen.')).toEqual([
      'Møtet ble holdt 21. juni 2023 klokka 9.30, og omtrent 25 prosent av deltakerne kom fra for eksempel Bergen.',
    ]);
    expect(sentences('Utbetalingen på 2 000 000 kroner ble iverksatt i mai.')).toEqual(['Utbetalingen på 2 millioner kroner ble satt i gang i mai.']);
    expect(sentences('Møtet er kl. 14:00 i dag.', 'nn')).toEqual(['Møtet er klokka 14 i dag.']);
  });

  it('leaves numbers that would need rounding and times without "kl."', () => {
    for (const s of ['Prosjektet kostet 1 234 567 kroner.', 'Vi møttes 09:30 i går.']) expect(sentences(s)).toEqual([s]);
  });
});

describe('plain words', () => {
  it('uses the built-in list per language, keeping inflection and the initial capital', () => {
    expect(sentences('Vi benytter verktøyet og iverksetter tiltaket vedrørende skolen.')).toEqual(['Vi bruker verktøyet og setter i gang tiltaket om skolen.']);
    expect(sentences('Vi nyttar seg av verktøyet vedrørande skulen.', 'nn')).toEqual(['Vi brukar verktøyet om skulen.']);
    expect(sentences('We utilise the tool in order to commence the work prior to the launch.', 'en')).toEqual(['We use the tool to start the work before the launch.']);
  });

  it('has a few hundred entries in all, each pairing its forms', () => {
    const total = (['nb', 'nn', 'en'] as const).map((l) => builtInPlainWords(l).length);
    expect(total.every((n) => n >= 100)).toBe(true);
    expect(total.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(400);
  });

  it('lets the document list override a built-in word, and keep it when the entry has no plain word', () => {
    const own = plainWordsFor('nb', [{ word: 'benytte', plain: 'ta i bruk', explanation: 'x' }, { word: 'vedrørende', explanation: 'om' }]);
    expect(replacePlainWords('Vi vil benytte rommet vedrørende saken.', own)).toBe('Vi vil ta i bruk rommet vedrørende saken.');
  });

  it('replaces whole words only, keeps a capital, and leaves inflected forms and compounds of document words', () => {
    const own = plainWordsFor('nb', lexicon);
    expect(replacePlainWords('Statsråd Persen takket statsråden og statsrådens rådgivere.', own))
      .toBe('Minister Persen takket statsråden og statsrådens rådgivere.');
    expect(replacePlainWords('Rådet fikk tilskudd og tilskuddsordninger.', own)).toBe('Rådet fikk støtte og tilskuddsordninger.');
  });

  it('keeps a noun after a word that must agree with its gender', () => {
    const own = plainWordsFor('nb', lexicon);
    expect(replacePlainWords('De fikk et tilskudd og økonomiske tilskudd, men ikke nytt tilskudd.', own))
      .toBe('De fikk et tilskudd og økonomiske tilskudd, men ikke nytt tilskudd.');
    expect(replacePlainWords('De fikk en målsetting og målsettingen var klar.', own)).toBe('De fikk en målsetting og målet var klar.');
  });

  it('finds glossary words in inflected forms but not inside compounds', () => {
    expect(usesWord('Integreringen tar tid.', 'integrering')).toBe(true);
    expect(usesWord('Departementene svarte.', 'departement')).toBe(true);
    expect(usesWord('Integreringskonferansen var i juni.', 'integrering')).toBe(false);
    expect(usesWord('Arbeid for sosial\nmobilitet.', 'sosial mobilitet')).toBe(true);
    expect(usesWord('En fag- og yrkesopplæring.', 'fag- og yrkesopplæring')).toBe(true);
  });
});

describe('the word list file', () => {
  it('reports a broken word list as a warning with its position and carries on without it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plain-lexicon-'));
    writeFileSync(join(dir, 'ordliste.yml'), '- word: ok\n  explanation: fint\n- word: [\n');
    const sink = new DiagnosticSink(join(dir, 'rapport.md'));
    expect(loadLexicon(dir, sink)).toEqual([]);
    expect(sink.items).toHaveLength(1);
    expect(sink.items[0]).toMatchObject({ severity: 'warning', rule: 'plain-lexicon-invalid', file: join(dir, 'ordliste.yml') });
    expect(sink.items[0]?.pos?.start.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects an entry without an explanation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plain-lexicon-'));
    writeFileSync(join(dir, 'ordliste.yml'), '- word: ok\n  explanation: fint\n- word: to\n');
    const sink = new DiagnosticSink(join(dir, 'rapport.md'));
    expect(loadLexicon(dir, sink)).toEqual([]);
    expect(sink.items[0]?.message).toMatch(/explanation/);
    expect(sink.items[0]?.pos?.start).toMatchObject({ line: 3, column: 3 });
  });
});
