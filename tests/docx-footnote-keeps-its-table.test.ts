/**
 * A table in a footnote. The DOCX left it out, losing its words, on the belief that Word notes
 * hold only paragraphs; a Word note takes any block-level content, tables included. A note that
 * starts with a table gets a paragraph of its own for its number.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { loadReportText } from '../src/pipeline/load.js';
import { renderDocx } from '../src/render/docx/index.js';
import { importDocx } from '../src/import/index.js';
import { readParts } from './helpers/docx-read.js';
import { lostIn } from './helpers/text-presence.js';

const table = '| Fylke | Tal |\n    | --- | ---: |\n    | Agder | 12 |\n    | Troms | 7 |';
const source = [
  '---\ntitle: Tabell i note\nlang: nn\ndate: 2026-01-01\n---\n',
  '# Innleiing\n',
  'Ein setning med ein tabell i noten.[^a] Og ein note som byrjar med tabellen.[^b]\n',
  `[^a]: Noten har ein liten tabell:\n\n    ${table}\n`,
  `[^b]: ${table.replace(/\n {4}/g, '\n    ')}\n\n    Tekst etter tabellen.\n`,
].join('\n');

const work = mkdtempSync(join(tmpdir(), 'note-table-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('a table in a footnote is a table in the DOCX note, and an unedited DOCX imports as no change', async () => {
  const file = join(work, 'notar.md');
  writeFileSync(file, source);
  const { doc } = loadReportText(file, source);
  if (!doc) throw new Error('the document did not load');
  const bytes = await renderDocx(doc, { layout: 'report', pages: {} });
  expect(await lostIn(doc, '.docx', bytes)).toEqual([]);

  const notes = readParts(bytes)['word/footnotes.xml'] ?? '';
  const bodies = [...notes.matchAll(/<w:footnote [^>]*w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:footnote>/g)].filter(([, id]) => Number(id) > 0);
  expect(bodies).toHaveLength(2);
  for (const [, id, body = ''] of bodies) {
    expect(body.match(/<w:tbl>/g), `note ${id}`).toHaveLength(1);
    for (const cell of ['Fylke', 'Agder', 'Troms', '12']) expect(body, `note ${id}`).toContain(`>${cell}<`);
    // Word puts the note's number in the note's first paragraph, so a note never starts with its table.
    expect(body.search(/<w:p[ >]/), `note ${id}`).toBeLessThan(body.indexOf('<w:tbl>'));
    expect(body.indexOf('w:footnoteRef'), `note ${id}`).toBeGreaterThan(-1);
    expect(body.indexOf('w:footnoteRef'), `note ${id}`).toBeLessThan(body.indexOf('<w:tbl>'));
  }

  const imported = await importDocx(file, bytes, { positionsIn: 'original' });
  expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(imported.text).toBe(source);
}, 120_000);
