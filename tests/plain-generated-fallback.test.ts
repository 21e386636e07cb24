import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadReport } from '../src/pipeline/load.js';
import { blockText, inlineText } from '../src/model/text.js';
import { walk } from '../src/model/walk.js';
import { derivePlain } from '../src/plain/derive.js';
import { readabilityReport } from '../src/plain/readability.js';
import { fixturesDir } from './helpers/paths.js';

const file = join(fixturesDir, 'plain-generated', 'rapport.md');
const { doc, diagnostics } = loadReport(file);
if (!doc) throw new Error(`fixture did not load: ${JSON.stringify(diagnostics)}`);
const plain = derivePlain(doc);
const section = (title: string) => {
  const s = plain.sections.find((x) => inlineText(x.title) === title);
  if (!s) throw new Error(`no section ${title}`);
  return s;
};

describe('plain text generated for a report without :::klarsprak blocks', () => {
  it('opens with what, who and when, then the summary', () => {
    expect(blockText(section('Kort om rapporten').blocks).split('\n')).toEqual([
      'Eksempelrådet ga ut rapporten 2. mai 2024. Her kan du lese det viktigste.',
      'Rådet hadde et godt år med mange møter. Det kom mange nye medlemmer.',
    ]);
  });

  it('takes sentences and list items within the budget, drops parentheticals and notes, splits safely, uses plain words', () => {
    const s = section('Arbeidet i året');
    expect(s.source).toBe('generated');
    expect(blockText(s.blocks).split('\n')).toEqual([
      'Rådet møttes seks ganger i løpet av året. Alle møtene var åpne.',
      'Minister Kari Nordmann besøkte rådet i mai. Hun fikk høre om arbeidet med nye tilbud til unge i hele fylket og om planene for neste år. Resten av avsnittet står her.',
      'Rådet fikk støtte fra kommunen.',
      // "Et" must agree with the noun, so the hard word stays.
      'Et tilskudd fra fylket kom sent.',
    ]);
    expect(s.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'list']);
  });

  it('leaves out a long sentence it cannot split safely, and shows it nowhere in the plain text', () => {
    const text = blockText(section('Utfordringer').blocks);
    expect(text).toBe('Det er et stort problem.\nBesøket fra Youth Council var til stor hjelp.');
    expect(text).not.toContain('Deltakerne pekte');
  });

  it('warns when a chapter has no running text to draw on (only a table), and points the reader to the report', () => {
    expect(plain.diagnostics.filter((d) => d.rule === 'plain-section-empty').map((d) => d.pos?.start.line)).toEqual([29]);
    expect(blockText(section('Program').blocks)).toBe('Denne delen har ingen vanlig tekst som vi kan gjøre enklere. Du kan lese den i hele rapporten.');
  });

  it('keeps language spans of generated text as language spans', () => {
    const langs: string[] = [];
    walk(section('Utfordringer').blocks, (n) => {
      if (n.type === 'lang') langs.push(`${n.lang}:${inlineText(n.children)}`);
    });
    expect(langs).toEqual(['en:Youth Council']);
  });

  it('lists only the words the plain text still uses, alphabetically', () => {
    // "statsråd" was replaced everywhere, "integrering" never occurs, the sentence with "distriktene" was left out.
    expect(plain.glossary.map((e) => e.word)).toEqual(['tilskudd']);
    expect(plain.sections.at(-1)?.source).toBe('glossary');
  });

  it('is a report model of its own: prefixed title, unnumbered level-1 sections, no footnotes', () => {
    expect(plain.doc.meta.title).toBe('Lettlest versjon: Årsrapport for Eksempelrådet');
    expect(plain.doc.footnotes).toEqual([]);
    expect(plain.doc.toc.map((t) => t.text)).toEqual(['Kort om rapporten', 'Arbeidet i året', 'Utfordringer', 'Program', 'Ord og uttrykk']);
    expect(plain.doc.body.filter((b) => b.type === 'heading').every((h) => h.level === 1 && h.number === undefined)).toBe(true);
  });

  it('warns when the plain version cannot meet its LIX limits; limits can be overridden', () => {
    // Generation aims under the limits, so only limits it cannot reach warn: the overall one here.
    const strict = readabilityReport(doc, { thresholds: { overall: 10, section: 10 } });
    expect(strict.diagnostics.filter((d) => d.rule === 'plain-lix-overall')).toHaveLength(1);
    // Sections held under 40 words by the strict target are too short for the section limit to apply.
    expect(strict.diagnostics.filter((d) => d.rule === 'plain-lix-section')).toEqual([]);
    const lenient = readabilityReport(doc, { thresholds: { section: 60, overall: 60 } });
    expect(lenient.diagnostics.filter((d) => d.rule.startsWith('plain-lix'))).toEqual([]);
  });
});
