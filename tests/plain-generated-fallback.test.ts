import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadReport } from '../src/parse/index.js';
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
  it('opens with what, who and when, then the summary lead sentence', () => {
    expect(blockText(section('Kort om rapporten').blocks).split('\n')).toEqual([
      'Rapporten heter «Årsrapport for Eksempelrådet».',
      'Eksempelrådet ga ut rapporten 2. mai 2024.',
      'Rådet hadde et godt år med mange møter.',
    ]);
  });

  it('takes lead sentences and list items, drops parentheticals and notes, splits safely, uses plain words', () => {
    const s = section('Arbeidet i året');
    expect(s.source).toBe('generated');
    expect(blockText(s.blocks).split('\n')).toEqual([
      'Rådet møttes seks ganger i løpet av året.',
      'Minister Kari Nordmann besøkte rådet i mai. Hun fikk høre om arbeidet med nye tilbud til unge i hele fylket og om planene for neste år.',
      'Rådet fikk støtte fra kommunen.',
      // "Et" must agree with the noun, so the hard word stays.
      'Et tilskudd fra fylket kom sent.',
    ]);
    expect(s.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'list']);
  });

  it('keeps a sentence it cannot split safely, and warns with its position', () => {
    expect(blockText(section('Utfordringer').blocks)).toContain(
      'Deltakerne pekte på mangel på penger til transport for barn og unge i distriktene, og mangel på frivillige ledere med tid til å følge opp barna gjennom hele sesongen.');
    const warning = plain.diagnostics.find((d) => d.rule === 'plain-sentence-long');
    expect(warning).toMatchObject({ severity: 'warning', file });
    expect(warning?.pos?.start.line).toBe(25);
  });

  it('warns when a chapter has no running text to draw on (only a table)', () => {
    expect(plain.diagnostics.filter((d) => d.rule === 'plain-section-empty').map((d) => d.pos?.start.line)).toEqual([29]);
  });

  it('keeps language spans of generated text as language spans', () => {
    const langs: string[] = [];
    walk(section('Utfordringer').blocks, (n) => {
      if (n.type === 'lang') langs.push(`${n.lang}:${inlineText(n.children)}`);
    });
    expect(langs).toEqual(['en:Youth Council']);
  });

  it('lists only the words the plain text still uses, alphabetically', () => {
    // "statsråd" was replaced everywhere and "integrering" never occurs; "distriktene" is an inflected use.
    expect(plain.glossary.map((e) => e.word)).toEqual(['distrikt', 'tilskudd']);
    expect(plain.sections.at(-1)?.source).toBe('glossary');
  });

  it('is a report model of its own: prefixed title, unnumbered level-1 sections, no footnotes', () => {
    expect(plain.doc.meta.title).toBe('Lettlest versjon: Årsrapport for Eksempelrådet');
    expect(plain.doc.footnotes).toEqual([]);
    expect(plain.doc.toc.map((t) => t.text)).toEqual(['Kort om rapporten', 'Arbeidet i året', 'Utfordringer', 'Program', 'Ord og uttrykk']);
    expect(plain.doc.body.filter((b) => b.type === 'heading').every((h) => h.level === 1 && h.number === undefined)).toBe(true);
  });

  it('warns about a section above its LIX limit, at the chapter heading; limits can be overridden', () => {
    const strict = readabilityReport(doc, { thresholds: { section: 30 } });
    const over = strict.diagnostics.filter((d) => d.rule === 'plain-lix-section');
    expect(over.map((d) => d.pos?.start.line)).toContain(23);
    expect(over.every((d) => d.hint?.includes('words each'))).toBe(true);
    const lenient = readabilityReport(doc, { thresholds: { section: 60, overall: 60 } });
    expect(lenient.diagnostics.filter((d) => d.rule.startsWith('plain-lix'))).toEqual([]);
  });
});
