/**
 * A heading inside a footnote (Markdown `###` or HTML `<h3>`). It went into the outline: the PDF
 * stopped with pdfmake's "Page reference id not found", as the contents pointed at a heading that
 * the note area, laid out apart from the pages, never placed. A note has no place in the outline,
 * so such a heading is set as a bold paragraph, with a warning at its place.
 */
import { expect, test } from 'vitest';
import { loadReportText } from '../src/pipeline/load.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { lostIn } from './helpers/text-presence.js';

const source = [
  '---\ntitle: Overskrift i note\nlang: nn\ndate: 2026-01-01\n---\n',
  '# Innleiing\n',
  'Ein setning med ei note.[^a] Og ei til.[^b]\n',
  '## Vidare\n',
  'Meir tekst.\n',
  '[^a]: Noten byrjar her.\n\n    ### Bakgrunn for noten\n\n    Meir i noten.\n',
  '[^b]: <h3>Ei HTML-overskrift</h3>\n\n    Tekst etter.\n',
].join('\n');

test('a heading in a note is a bold paragraph of the note, out of the outline, with a warning where it stands', async () => {
  const { doc, diagnostics } = loadReportText('/tmp/note-heading.md', source);
  if (!doc) throw new Error('the document did not load');
  expect(doc.toc.map((entry) => entry.text)).toEqual(['Innleiing', 'Vidare']);
  const [a, b] = doc.footnotes;
  expect(a?.children.map((block) => block.type)).toEqual(['paragraph', 'paragraph', 'paragraph']);
  expect(a?.children[1]).toMatchObject({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: 'Bakgrunn for noten' }] }] });
  expect(b?.children[0]).toMatchObject({ type: 'paragraph', children: [{ type: 'strong' }] });
  const warnings = diagnostics.filter((d) => d.rule === 'footnote-heading');
  expect(warnings.map((d) => [d.pos?.start.line, d.pos?.start.column])).toEqual([[17, 5], [21, 7]]);

  const bytes = await renderPdf(doc);
  expect(await lostIn(doc, '.pdf', bytes)).toEqual([]);
}, 120_000);
