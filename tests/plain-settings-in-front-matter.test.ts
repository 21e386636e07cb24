import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadReportText } from '../src/pipeline/load.js';
import { derivePlain } from '../src/plain/derive.js';
import { plainReadability } from '../src/plain/readability.js';
import { textUnits } from '../src/plain/units.js';
import { splitSentences, words } from '../src/plain/sentences.js';
import { reportPath } from './helpers/paths.js';
import { readFileSync } from 'node:fs';

const file = join('/tmp', 'settings', 'rapport.md');
const load = (frontMatter: string) => loadReportText(file, `---\ntitle: Innstillinger\nlang: nb\n${frontMatter}---\n\n# Kapittel\n\nRådet møttes seks ganger i år. Alle møtene var åpne.\n`);

describe('plain-language settings in the front matter', () => {
  it('sets the LIX limits, the word budget and the longest sentence of the generated text', () => {
    const body = readFileSync(reportPath, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^:::klarsprak\n[\s\S]*?\n:::\n/gm, '');
    const { doc } = loadReportText(reportPath, `---\ntitle: Rapport\nlang: nb\nplain:\n  limits: { overall: 30, section: 33 }\n  wordBudget: 60\n  maxSentenceWords: 14\n---\n${body}`);
    if (!doc) throw new Error('did not load');
    const plain = derivePlain(doc);
    expect(plain.config).toMatchObject({ thresholds: { overall: 30, section: 33 }, wordBudget: 60, maxSentenceWords: 14 });
    const generated = plain.sections.filter((s) => s.source === 'generated');
    expect(generated.length).toBeGreaterThan(3);
    const sentences = generated.flatMap((s) => textUnits(s.blocks)).flatMap((u) => splitSentences(u).map((x) => x.text));
    expect(Math.max(...sentences.map((s) => words(s).length))).toBeLessThanOrEqual(14);
    // Each subsection may take its share of the budget, so a section can go a little over it, not far.
    const figures = plainReadability(plain);
    expect(Math.max(...figures.sections.filter((s) => s.title !== 'Ord og uttrykk').map((s) => s.words))).toBeLessThan(100);
    expect(figures.overall.lix).toBeLessThanOrEqual(30);
  });

  it('refuses a bad value with its key path and position', () => {
    const { doc, diagnostics } = load('plain:\n  limits:\n    overall: høy\n');
    expect(doc).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', rule: 'front-matter-invalid' });
    expect(diagnostics[0]?.message).toContain('"plain.limits.overall"');
    expect(diagnostics[0]?.pos?.start.line).toBe(4);
  });

  it('refuses an unknown setting and a budget too small to say anything', () => {
    expect(load('plain:\n  budget: 100\n').diagnostics[0]?.message).toMatch(/plain.*budget/);
    expect(load('plain:\n  wordBudget: 5\n').diagnostics[0]?.message).toContain('"plain.wordBudget"');
  });

  it('takes the Norwegian key "klarspråk" as a hint to "plain"', () => {
    const { diagnostics } = load('klarspråk:\n  wordBudget: 100\n');
    expect(diagnostics.find((d) => d.rule === 'front-matter-unknown-key')?.message).toContain('did you mean "plain"');
  });
});
