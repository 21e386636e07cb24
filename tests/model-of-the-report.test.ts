import { describe, expect, it } from 'vitest';
import { loadReport } from '../src/pipeline/load.js';
import type { Block, Heading, List, Table } from '../src/model/types.js';
import { inlineText } from '../src/model/text.js';
import { walk } from '../src/model/walk.js';
import { reportPath } from './helpers/paths.js';

const { doc, diagnostics } = loadReport(reportPath);
if (!doc) throw new Error(`content/rapport.md did not load: ${JSON.stringify(diagnostics)}`);

function collect<T extends Block['type']>(type: T, blocks: readonly Block[] = doc!.body): Extract<Block, { type: T }>[] {
  const out: Extract<Block, { type: T }>[] = [];
  walk(blocks, (n) => {
    if (n.type === type) out.push(n as Extract<Block, { type: T }>);
  });
  return out;
}
const headings = collect('heading');
const label = (h: Heading) => `${h.level} ${h.number ? `${h.number} ` : ''}${inlineText(h.children)}`;

describe('the model of content/rapport.md', () => {
  it('loads without errors or warnings', () => {
    expect(diagnostics).toEqual([]);
  });

  it('carries the front matter', () => {
    expect(doc.meta.title).toBe('Rapport fra Regjeringens nasjonale integreringskonferanse 2023');
    expect(doc.meta.lang).toBe('nb');
    expect(doc.meta.locale).toBe('nb-NO');
    expect(doc.meta.date).toBe('2023-06-21');
    expect(doc.meta.publisher).toBe('Arbeids- og inkluderingsdepartementet');
  });

  it('has the chapters at level 1 with generated numbers, unnumbered front sections first', () => {
    expect(headings.filter((h) => h.level === 1).map(label)).toEqual([
      '1 Sammendrag',
      '1 Takk fra statsråden',
      '1 1 Konferanseprogram',
      '1 2 Arbeids- og inkluderingsministerens åpningstale',
      '1 3 Konferansen',
      '1 4 Faglig innledning: Innvandrere og deres etterkommere i Norge – Integrasjon, utenforskap og sosial mobilitet',
      '1 5 Tematiske sesjoner',
    ]);
  });

  it('numbers sections correctly, including the one the source misnumbered (3.4.2 under 5.4)', () => {
    const numbered = headings.filter((h) => h.number).map((h) => h.number);
    expect(numbered).toContain('3.5');
    expect(numbered).toContain('5.2.4');
    expect(numbered).toContain('5.4.2');
    expect(headings.find((h) => h.number === '5.4.2')?.children.map((c) => (c.type === 'text' ? c.value : '')).join('')).toBe('Innledere');
    expect(new Set(numbered).size).toBe(numbered.length);
  });

  it('puts each "Spørsmål N" one level below its section and the challenge/proposal headings below that', () => {
    const questions = headings.filter((h) => /^Spørsmål \d/.test(inlineText(h.children)));
    expect(questions.length).toBeGreaterThanOrEqual(8);
    for (const q of questions) expect(q.level).toBe(4);
    const below = headings.filter((h) => ['Utfordringsbildet', 'Innspill til endringer'].includes(inlineText(h.children)));
    expect(below.length).toBeGreaterThanOrEqual(8);
    for (const h of below) expect(h.level).toBe(5);
  });

  it('never skips a heading level', () => {
    let previous = 0;
    for (const h of headings) {
      expect(h.level).toBeLessThanOrEqual(previous + 1);
      previous = h.level;
    }
  });

  it('has the programme as a table with a header row', () => {
    const tables = collect('table') as Table[];
    expect(tables).toHaveLength(1);
    const table = tables[0]!;
    expect(table.headerRows).toBe(1);
    expect(table.rows[0]!.cells.every((c) => c.header)).toBe(true);
    expect(table.rows.length).toBeGreaterThanOrEqual(11);
    const firstColumn = table.rows.slice(1).map((r) => inlineText(r.cells[0]!.children));
    expect(firstColumn[0]).toBe('Kl. 09:00 – 09:30');
    expect(firstColumn.at(-1)).toBe('Kl. 16:00 – 17:00');
  });

  it('has both footnotes, with their links, referenced in order', () => {
    expect(doc.footnotes.map((n) => n.number)).toEqual([1, 2]);
    const hrefs: string[] = [];
    for (const note of doc.footnotes) walk(note.children, (n) => n.type === 'link' && hrefs.push(n.href));
    expect(hrefs).toEqual(['https://snl.no/sosial_mobilitet', 'https://snl.no/sosial_utjevning']);
  });

  it('has the numbered questions as ordered lists and the points as bullet lists', () => {
    const lists = collect('list') as List[];
    const ordered = lists.filter((l) => l.ordered);
    expect(ordered.length).toBeGreaterThanOrEqual(2);
    expect(ordered[0]!.items).toHaveLength(4);
    const bulletItems = lists.filter((l) => !l.ordered).reduce((n, l) => n + l.items.length, 0);
    expect(bulletItems).toBeGreaterThan(100);
  });

  it('keeps the English organisation name as a language span', () => {
    const spans: string[] = [];
    walk(doc.body, (n) => n.type === 'lang' && spans.push(`${n.lang}:${inlineText(n.children)}`));
    expect(spans).toContain('en:TUSMO Association');
  });

  it('keeps plain-language blocks apart from the official text', () => {
    const blocks = collect('plainText');
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });
});
