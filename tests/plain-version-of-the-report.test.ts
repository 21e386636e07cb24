import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadReport } from '../src/pipeline/load.js';
import { inlineText } from '../src/model/text.js';
import { derivePlain } from '../src/plain/derive.js';
import { measureBoth } from '../src/plain/readability.js';
import { usesWord } from '../src/plain/lexicon.js';
import { textUnits } from '../src/plain/units.js';
import { DEFAULT_PLAIN_CONFIG } from '../src/plain/config.js';
import { plainJson } from '../src/plain/json.js';
import { reportPath } from './helpers/paths.js';

const { doc, diagnostics } = loadReport(reportPath);
if (!doc) throw new Error(`content/rapport.md did not load: ${JSON.stringify(diagnostics)}`);
const plain = derivePlain(doc);
const figures = measureBoth(doc, plain);
const chapterIds = doc.body.flatMap((b) => (b.type === 'heading' && b.level === 1 ? [b.id] : []));

describe('the plain version of content/rapport.md', () => {
  it('covers every main chapter: the summary in "Kort om rapporten", every other chapter with its own section', () => {
    expect(plain.sections.map((s) => s.chapter).filter(Boolean)).toEqual(chapterIds);
    expect(plain.sections[0]).toMatchObject({ source: 'about', chapter: 'sammendrag' });
    expect(plain.sections.slice(1, -1).map((s) => s.source)).toEqual(chapterIds.slice(1).map(() => 'authored'));
    expect(plain.sections.slice(1, -1).map((s) => inlineText(s.title))).toEqual(
      doc.body.flatMap((b) => (b.type === 'heading' && b.level === 1 ? [inlineText(b.children)] : [])).slice(1));
  });

  it('meets the readability limits: LIX ≤ 35 overall and ≤ 40 in every section', () => {
    const { overall, section } = DEFAULT_PLAIN_CONFIG.thresholds;
    expect(figures.plain.overall.lix).toBeLessThanOrEqual(overall);
    expect(figures.plain.sections).toHaveLength(8);
    expect(figures.plain.sections.filter((s) => s.lix > section).map((s) => `${s.title}: ${s.lix}`)).toEqual([]);
    expect(figures.diagnostics).toEqual([]);
  });

  it('is much easier to read than the report itself', () => {
    expect(figures.report.overall.lix - figures.plain.overall.lix).toBeGreaterThan(15);
    expect(figures.plain.overall.wordsPerSentence).toBeLessThan(12);
  });

  it('explains exactly the hard words it uses', () => {
    const lexicon = readFileSync(new URL('../content/ordliste.yml', import.meta.url), 'utf8');
    const text = plain.sections.filter((s) => s.source !== 'glossary').flatMap((s) => [inlineText(s.title), ...textUnits(s.blocks)]).join('\n');
    const all = [...lexicon.matchAll(/^- word: "(.+)"$/gm)].map((m) => m[1] as string);
    expect(all.length).toBeGreaterThan(30);
    expect(plain.glossary.map((e) => e.word)).toEqual(all.filter((w) => usesWord(text, w)).sort((a, b) => a.localeCompare(b, 'nb')));
    expect(plain.glossary.map((e) => e.word)).toContain('stortingsmelding');
    expect(plain.glossary.map((e) => e.word)).not.toContain('plenum');
  });

  it('writes the figures per section and overall to X.plain.json', () => {
    const data = JSON.parse(plainJson(plain, figures)) as {
      thresholds: { overall: number; section: number };
      readability: { plain: { overall: { lix: number }; sections: { title: string; lix: number; wordsPerSentence: number; longWordShare: number }[] }; report: { overall: { lix: number } } };
    };
    expect(data.thresholds).toEqual({ overall: 35, section: 40 });
    expect(data.readability.plain.overall.lix).toBe(figures.plain.overall.lix);
    expect(data.readability.report.overall.lix).toBe(figures.report.overall.lix);
    expect(data.readability.plain.sections.map((s) => s.title)).toEqual(plain.sections.map((s) => inlineText(s.title)));
    expect(data.readability.plain.sections.every((s) => s.wordsPerSentence > 0 && s.longWordShare > 0)).toBe(true);
  });
});
