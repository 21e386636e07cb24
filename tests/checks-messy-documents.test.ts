/**
 * Constructs common in Markdown written elsewhere are supported, not refused: each fixture loads
 * without errors or warnings (extra front matter keys: warnings only), keeps its meaning in the
 * model, and renders to valid files with every registered renderer.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport, loadReportText } from '../src/pipeline/load.js';
import { formatDiagnostic } from '../src/diagnostics.js';
import { inlineText } from '../src/model/text.js';
import { walk, type Node } from '../src/model/walk.js';
import type { Block, ReportDocument } from '../src/model/types.js';
import { registeredRenderers, renderAndValidate } from './helpers/render-oracle.js';
import { fixturesDir } from './helpers/paths.js';

const messyDir = join(fixturesDir, 'checks', 'messy');

function load(name: string, allowedWarnings: string[] = []): ReportDocument {
  const { doc, diagnostics } = loadReport(join(messyDir, name));
  const unexpected = diagnostics.filter((d) => !allowedWarnings.includes(d.rule));
  expect(unexpected.map(formatDiagnostic)).toEqual([]);
  expect(doc).toBeDefined();
  return doc as ReportDocument;
}

function nodes(doc: ReportDocument): Node[] {
  const all: Node[] = [];
  walk(doc.body, (n) => all.push(n));
  return all;
}

function listDepth(blocks: readonly Block[]): number {
  let deepest = 0;
  for (const b of blocks) {
    if (b.type === 'list') deepest = Math.max(deepest, 1 + Math.max(0, ...b.items.map((i) => listDepth(i.children))));
  }
  return deepest;
}

describe('messy but common Markdown builds clean', () => {
  it('<br> in table cells becomes a line break inside the cell', () => {
    const doc = load('br-in-table-cells.md');
    const table = doc.body.find((b) => b.type === 'table');
    const cells = table?.type === 'table' ? table.rows[1]?.cells ?? [] : [];
    expect(cells.map((c) => c.children.map((i) => i.type))).toEqual([['text', 'break', 'text'], ['text', 'break', 'text']]);
  });

  it('lists nested four deep keep all four levels', () => {
    expect(listDepth(load('lists-nested-four-deep.md').body)).toBe(4);
  });

  it('block quotes, also nested, stay block quotes', () => {
    const quotes = nodes(load('block-quotes.md')).filter((n) => n.type === 'blockquote');
    expect(quotes).toHaveLength(2);
  });

  it('an image title becomes the figure caption, the alt text stays the alt text', () => {
    const figure = load('image-with-title.md').body.find((b) => b.type === 'figure');
    expect(figure?.type === 'figure' && { alt: figure.alt, caption: inlineText(figure.caption ?? []) }).toEqual({
      alt: 'Søyler som viser deltakelse per år',
      caption: 'Deltakelse 2019–2023',
    });
  });

  it('full and shortcut reference links resolve to their definitions', () => {
    const links = nodes(load('reference-links.md')).flatMap((n) => (n.type === 'link' ? [[n.href, inlineText(n.children)]] : []));
    expect(links).toEqual([
      ['https://www.ssb.no/rapport', 'rapporten fra SSB'],
      ['https://www.ssb.no', 'Statistisk sentralbyrå'],
    ]);
  });

  it('extra front matter keys are warnings, not errors', () => {
    const { diagnostics } = loadReport(join(messyDir, 'front-matter-extra-keys.md'));
    expect(diagnostics.map((d) => `${d.severity} ${d.rule} ${d.pos?.start.line}`)).toEqual([
      'warning front-matter-unknown-key 4',
      'warning front-matter-unknown-key 5',
    ]);
  });

  it('headings with closing #s and tabs lose the markup, not the text', () => {
    const headings = nodes(load('headings-trailing-hashes-and-tabs.md')).flatMap((n) =>
      n.type === 'heading' ? [[n.level, inlineText(n.children)]] : [],
    );
    expect(headings).toEqual([
      [1, 'Tittel med avsluttende #'],
      [2, 'Tabulator etter merket'],
    ]);
  });

  it('table rows shorter than the header are padded; longer ones warn and are cut to the header', () => {
    const text = '---\ntitle: T\nlang: nb\n---\n\n# T\n\n| a | b | c |\n|---|---|---|\n| 1 |\n| 1 | 2 | 3 | 4 |\n';
    const { doc, diagnostics } = loadReportText(join(messyDir, 'ragged.md'), text);
    const table = doc?.body.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.map((r) => r.cells.length)).toEqual([3, 3, 3]);
    expect(diagnostics.map((d) => `${d.rule} ${d.pos?.start.line}:${d.pos?.start.column}`)).toEqual(['table-row-too-long 11:13']);
  });

  it('every messy fixture renders to valid files with every registered renderer', async () => {
    const renderers = await registeredRenderers();
    const names = ['br-in-table-cells.md', 'lists-nested-four-deep.md', 'block-quotes.md', 'image-with-title.md',
      'reference-links.md', 'headings-trailing-hashes-and-tabs.md'];
    for (const name of names) {
      expect({ name, problems: await renderAndValidate(load(name), renderers) }).toEqual({ name, problems: [] });
    }
  });
});
