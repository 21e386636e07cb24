import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simplifySentence } from '../src/plain/simplify.js';
import { loadLexicon, replacePlainWords, usesWord, type LexiconEntry } from '../src/plain/lexicon.js';
import { DiagnosticSink } from '../src/diagnostics.js';

const lexicon: LexiconEntry[] = [
  { word: 'statsråd', plain: 'minister', explanation: 'Et medlem av regjeringen.' },
  { word: 'tilskudd', plain: 'støtte', explanation: 'Penger fra det offentlige.' },
  { word: 'integrering', explanation: 'Å bli en del av samfunnet.' },
];
const simplify = (s: string) => simplifySentence(s, [], lexicon, 20);

describe('splitting long sentences', () => {
  it('splits before ", men" when both halves are main clauses', () => {
    const s = 'Staten og kommunene har et stort ansvar for integreringen av alle nye innbyggere i landet, men de kan ikke se alle behov som folk har når de kommer.';
    expect(simplify(s)).toEqual({
      sentences: [
        'Staten og kommunene har et stort ansvar for integreringen av alle nye innbyggere i landet.',
        'Men de kan ikke se alle behov som folk har når de kommer.',
      ],
      short: true,
    });
  });

  it('splits before ", og" and drops the "og" when a subject and a finite verb follow', () => {
    const s = 'Alle deltakerne satt ved bord i mindre grupper gjennom hele dagen på konferansen i Oslo, og de fikk knytte kontakt med politikere fra mange departementer.';
    expect(simplify(s).sentences).toEqual([
      'Alle deltakerne satt ved bord i mindre grupper gjennom hele dagen på konferansen i Oslo.',
      'De fikk knytte kontakt med politikere fra mange departementer.',
    ]);
  });

  it('keeps a long sentence whole when the second half is not a clause, and says so', () => {
    const s = 'Deltakerne trakk særlig frem økonomi og mangel på transport som barrierer mot deltakelse i fritidsaktiviteter for barn, og mangel på tilbud utover fotball og håndball.';
    expect(simplify(s)).toEqual({ sentences: [s], short: false });
  });

  it('splits after a determiner-like subject only when a known verb follows it or its noun', () => {
    const split = 'Helse er et bredt tema som er aktuelt for alle grupper i hele samfunnet vårt, men noen utfordringer er særlig viktige for folk som har flyttet hit.';
    expect(simplify(split).sentences).toEqual([
      'Helse er et bredt tema som er aktuelt for alle grupper i hele samfunnet vårt.',
      'Men noen utfordringer er særlig viktige for folk som har flyttet hit.',
    ]);
    // "de fleste deltakere" is an object here, not a new clause: no known verb follows.
    const kept = 'Statsråden takket de frivillige organisasjonene som var med på konferansen i Oslo i juni, og de fleste deltakere fra kommunene i hele landet.';
    expect(simplify(kept)).toEqual({ sentences: [kept], short: false });
  });

  it('leaves short sentences alone even when they could be split', () => {
    const s = 'Hun kom i fjor, og hun fikk jobb.';
    expect(simplify(s).sentences).toEqual([s]);
  });
});

describe('parentheticals and plain words', () => {
  it('drops parentheticals set off by a space, not brackets inside a word', () => {
    expect(simplify('Eldre innvandrere (over 67 år) får ikke tilbud om kurs.').sentences).toEqual(['Eldre innvandrere får ikke tilbud om kurs.']);
    expect(simplify('Koden alert(1) står der.').sentences).toEqual(['Koden alert(1) står der.']);
  });

  it('replaces whole words only, keeps a capital, and leaves inflected forms and compounds', () => {
    expect(replacePlainWords('Statsråd Persen takket statsråden og statsrådens rådgivere.', lexicon))
      .toBe('Minister Persen takket statsråden og statsrådens rådgivere.');
    expect(replacePlainWords('Rådet fikk tilskudd og tilskuddsordninger.', lexicon)).toBe('Rådet fikk støtte og tilskuddsordninger.');
  });

  it('keeps the hard word after a word that must agree with its gender', () => {
    expect(replacePlainWords('De fikk et tilskudd og økonomiske tilskudd, men ikke nytt tilskudd.', lexicon))
      .toBe('De fikk et tilskudd og økonomiske tilskudd, men ikke nytt tilskudd.');
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
