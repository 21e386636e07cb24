/**
 * An HTML table's `colspan`, `rowspan` and `th scope` become real spanning cells: TH/TD with
 * /ColSpan, /RowSpan and /Scope in the PDF's tag tree (spanned slots untagged, veraPDF content),
 * `w:gridSpan` and `w:vMerge` in the DOCX, the same attributes in the web pages, and every word
 * in every output; a DOCX edited in Word imports back into the cells. A ragged or overlapping
 * table is mended into a grid with a warning, losing nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Element, Nodes as HastNodes } from 'hast';
import { loadReport, loadReportText } from '../src/pipeline/load.js';
import type { Table } from '../src/model/types.js';
import { tableGrid } from '../src/model/table-grid.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { renderDocx } from '../src/render/docx/index.js';
import { importDocx } from '../src/import/index.js';
import { renderHtml } from '../src/render/html/index.js';
import { blocksToHtml } from '../src/render/html/content.js';
import { inlineText } from '../src/model/text.js';
import { findAll, readPdf, type StructElem } from './helpers/pdf-read.js';
import { elementText, readText } from './helpers/pdf-text.js';
import { readParts } from './helpers/docx-read.js';
import { loadFixture } from './helpers/pdf-render.js';
import { lostIn } from './helpers/text-presence.js';
import { fixturesDir } from './helpers/paths.js';
import { describeVerdict, passed, validatePdfs } from '../scripts/verapdf.js';

const fixture = join(fixturesDir, 'html-table-spans', 'report.md');

/** Each cell as written: its text, and its spans and scope when it has them. */
const EXPECTED = [
  [{ text: 'Post', header: true, rowSpan: 2 }, { text: 'Første halvår', header: true, colSpan: 2, scope: 'colgroup' }],
  [{ text: 'Januar', header: true }, { text: 'Februar', header: true }],
  [{ text: 'Lønn', header: true, scope: 'row' }, { text: '120', header: false }, { text: 'Fastpris avtalt', header: false, rowSpan: 2 }],
  [{ text: 'Husleie', header: true, scope: 'row' }, { text: '40', header: false }],
];

function onlyTable(blocks: readonly { type: string }[]): Table {
  const tables = blocks.filter((b): b is Table => b.type === 'table');
  expect(tables).toHaveLength(1);
  return tables[0] as Table;
}

function elements(node: HastNodes, ...names: string[]): Element[] {
  const out: Element[] = [];
  const visit = (n: HastNodes): void => {
    if (n.type === 'element' && names.includes(n.tagName)) out.push(n);
    if ('children' in n) n.children.forEach(visit);
  };
  visit(node);
  return out;
}

function hastText(node: HastNodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(hastText).join('') : '';
}

describe('HTML table spans become real spanning cells', () => {
  const doc = loadFixture(fixture);
  const table = onlyTable(doc.body);

  it('the model keeps each cell once, with its spans and scope, on a four by three grid', () => {
    const { diagnostics } = loadReport(fixture);
    expect(diagnostics.filter((d) => d.rule.startsWith('html-table') || d.rule.startsWith('table-'))).toEqual([]);
    expect(table.headerRows).toBe(2);
    expect(table.rows.map((row) => row.cells.map((c) => ({
      text: inlineText(c.children),
      header: c.header,
      ...(c.colSpan ? { colSpan: c.colSpan } : {}),
      ...(c.rowSpan ? { rowSpan: c.rowSpan } : {}),
      ...(c.scope ? { scope: c.scope } : {}),
    })))).toEqual(EXPECTED);
    const grid = tableGrid(table);
    expect(grid.columns).toBe(3);
    expect(grid.slots.map((row) => row.map((p) => inlineText(p.cell.children)))).toEqual([
      ['Post', 'Første halvår', 'Første halvår'],
      ['Post', 'Januar', 'Februar'],
      ['Lønn', '120', 'Fastpris avtalt'],
      ['Husleie', '40', 'Fastpris avtalt'],
    ]);
  });

  it('the PDF tags each cell once as TH or TD with its Table attributes; spanned slots are not tagged', async () => {
    const bytes = await renderPdf(doc);
    const [{ tree }, text] = await Promise.all([readPdf(bytes), readText(bytes)]);
    const rows = findAll(tree, 'TR');
    expect(rows).toHaveLength(4);
    const cells = rows.map((tr) => tr.children.map((cell: StructElem) => ({ role: cell.role, text: elementText(cell, text).trim(), ...cell.attrs })));
    expect(cells).toEqual([
      [
        { role: 'TH', text: 'Post', Owner: 'Table', Scope: 'Column', RowSpan: '2' },
        { role: 'TH', text: 'Første halvår', Owner: 'Table', Scope: 'Column', ColSpan: '2' },
      ],
      [
        { role: 'TH', text: 'Januar', Owner: 'Table', Scope: 'Column' },
        { role: 'TH', text: 'Februar', Owner: 'Table', Scope: 'Column' },
      ],
      [
        { role: 'TH', text: 'Lønn', Owner: 'Table', Scope: 'Row' },
        { role: 'TD', text: '120' },
        { role: 'TD', text: 'Fastpris avtalt', Owner: 'Table', RowSpan: '2' },
      ],
      [
        { role: 'TH', text: 'Husleie', Owner: 'Table', Scope: 'Row' },
        { role: 'TD', text: '40' },
      ],
    ]);
    expect(await lostIn(doc, '.pdf', bytes)).toEqual([]);
  }, 60_000);

  it('veraPDF finds the PDF compliant with PDF/UA-1 and PDF/A-2a, in both layouts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rv-spans-'));
    const files = [join(dir, 'report.pdf'), join(dir, 'easy.pdf')];
    writeFileSync(files[0] as string, await renderPdf(doc));
    writeFileSync(files[1] as string, await renderPdf(doc, { layout: 'easy' }));
    const verdicts = validatePdfs(files);
    expect(verdicts).toHaveLength(4);
    expect(verdicts.filter((v) => !passed(v)).flatMap(describeVerdict).join('\n')).toBe('');
  }, 300_000);

  it('the DOCX spans columns with w:gridSpan and rows with w:vMerge, one w:tc per covered slot group', async () => {
    const bytes = await renderDocx(doc, { layout: 'report', pages: {} });
    const xml = readParts(bytes)['word/document.xml'] ?? '';
    const rows = [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(4);
    const cells = rows.map((tr) =>
      [...tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => {
        const tc = m[0];
        const span = /<w:gridSpan w:val="(\d+)"\/>/.exec(tc)?.[1];
        const merge = /<w:vMerge w:val="(\w+)"\/>/.exec(tc)?.[1];
        const words = [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
        return [words, span ?? '', merge ?? ''].join('|');
      }),
    );
    expect(cells).toEqual([
      ['Post||restart', 'Første halvår|2|'],
      ['||continue', 'Januar||', 'Februar||'],
      ['Lønn||', '120||', 'Fastpris avtalt||restart'],
      ['Husleie||', '40||', '||continue'],
    ]);
    expect(await lostIn(doc, '.docx', bytes)).toEqual([]);
  });

  it('a DOCX edited in Word comes back into the HTML cells; the merged-on cells are no new column', async () => {
    const built = await renderDocx(doc, { layout: 'report', pages: {} });
    const same = await importDocx(fixture, built, { positionsIn: 'original' });
    expect(same.diagnostics).toEqual([]);
    expect(same.text).toBe(same.original);
    const files = unzipSync(built);
    const xml = strFromU8(files['word/document.xml'] as Uint8Array);
    expect(xml).toContain('>Fastpris avtalt<');
    files['word/document.xml'] = strToU8(xml.replace('>120<', '>125<').replace('>Fastpris avtalt<', '>Fastpris avtalt i mars<'));
    const edited = await importDocx(fixture, zipSync(files), { positionsIn: 'original' });
    expect(edited.diagnostics).toEqual([]);
    const changed = (edited.text ?? '').split('\n').filter((line, i) => line !== (edited.original ?? '').split('\n')[i]);
    expect(changed).toEqual(['<tr><th scope="row">Lønn</th><td>125</td><td rowspan="2">Fastpris avtalt i mars</td></tr>']);
  });

  it('the web page and the plain page write colspan, rowspan and scope', async () => {
    // The plain page writes tables with the same cells; it holds only `:::klarsprak` text, so the table is given to it directly.
    const pages = { 'report page': renderHtml(doc), 'plain page': blocksToHtml([table], { ids: new Set(), labels: doc.frame.labels, level: (h) => h.level + 2, report: false }) };
    for (const [name, html] of Object.entries(pages)) {
      const rows = elements(fromHtml(html), 'table').flatMap((t) => elements(t, 'tr'));
      expect(rows, name).toHaveLength(4);
      const cells = rows.map((tr) => elements(tr, 'th', 'td').map((cell) => ({
        text: hastText(cell),
        header: cell.tagName === 'th',
        ...(cell.properties['colSpan'] !== undefined ? { colSpan: cell.properties['colSpan'] } : {}),
        ...(cell.properties['rowSpan'] !== undefined ? { rowSpan: cell.properties['rowSpan'] } : {}),
        ...(typeof cell.properties['scope'] === 'string' ? { scope: cell.properties['scope'] } : {}),
      })));
      // Every header cell says what it heads: what the author wrote, else col in the head and row in the body.
      const withScopes = EXPECTED.map((row, r) => row.map((c) => (c.header ? { scope: r < 2 ? 'col' : 'row', ...c } : c)));
      expect(cells, name).toEqual(withScopes);
    }
    expect(await lostIn(doc, '.html', Buffer.from(pages['report page']))).toEqual([]);
  });

  it('a ragged, overlapping HTML table becomes a full grid with a warning, every cell kept', () => {
    const source = [
      '---', 'title: Ujevn', 'lang: nb', '---', '', '# Ujevn', '',
      '<table>',
      '<tr><th>Alfa</th><th>Beta</th><th>Gamma</th></tr>',
      '<tr><td>Delta</td><td rowspan="2">Epsilon</td></tr>',
      '<tr><td colspan="2">Zeta</td></tr>',
      '<tr><td>Eta</td><td>Theta</td><td>Iota</td><td>Kappa</td></tr>',
      '</table>',
    ].join('\n');
    const { doc: ragged, diagnostics } = loadReportText(join(fixturesDir, 'ujevn.md'), source);
    const warnings = diagnostics.filter((d) => d.rule === 'html-table-ragged');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.severity).toBe('warning');
    // The first thing mended: Zeta, which would run over Epsilon spanning down from above.
    expect(warnings[0]?.pos?.start.line).toBe(11);
    expect(warnings[0]?.message).toContain('spans over a cell that spans down');
    const t = onlyTable(ragged?.body ?? []);
    const grid = tableGrid(t);
    expect(grid.columns).toBe(4);
    expect(grid.slots.map((row) => row.map((p) => inlineText(p.cell.children)))).toEqual([
      ['Alfa', 'Beta', 'Gamma', ''],
      ['Delta', 'Epsilon', '', ''],
      ['Zeta', 'Epsilon', '', ''],
      ['Eta', 'Theta', 'Iota', 'Kappa'],
    ]);
    const words = t.rows.flatMap((row) => row.cells.map((c) => inlineText(c.children))).filter((w) => w !== '');
    expect(words).toEqual(['Alfa', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta', 'Theta', 'Iota', 'Kappa']);
  });
});
