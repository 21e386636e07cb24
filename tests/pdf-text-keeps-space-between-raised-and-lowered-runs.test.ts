/**
 * A space between a superscript and a subscript ("<sup>2</sup> <sub>x</sub>") parts the two
 * words in the PDF's text. The PDF draws the space; pdf.js reads it as a line end with no text
 * (the baseline jumps), and the test helpers once dropped that, so the fuzz test (seed 903546321)
 * reported the words after it as lost.
 */
import { expect, test } from 'vitest';
import { loadReportText } from '../src/pipeline/load.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { lostIn, pdfTaggedText } from './helpers/text-presence.js';

test('a space between a superscript and a subscript keeps the words apart', async () => {
  const source = '---\ntitle: Hevet og senket\nlang: nb\n---\n\nTekst <sup>2</sup> <sub>x</sub> etter, og **<sup>3</sup>** **<sub>y</sub>** til slutt.\n';
  const { doc } = loadReportText('/tmp/raised.md', source);
  if (!doc) throw new Error('the document did not load');
  const bytes = await renderPdf(doc);
  expect(await pdfTaggedText(bytes)).toMatch(/Tekst 2 x etter, og 3 y til slutt\./);
  expect(await lostIn(doc, '.pdf', bytes)).toEqual([]);
}, 60_000);
