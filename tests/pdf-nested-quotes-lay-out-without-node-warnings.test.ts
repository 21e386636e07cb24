/**
 * Quotes nested a dozen deep (each is a table in pdfmake). pdfmake listens for page changes
 * once per table row being laid out, so more than ten nested tables made Node print a
 * MaxListenersExceededWarning ("possible EventEmitter memory leak") on the user's terminal.
 */
import { afterEach, expect, test } from 'vitest';
import { loadReportText } from '../src/pipeline/load.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { lostIn } from './helpers/text-presence.js';

const warnings: string[] = [];
const collect = (warning: Error): void => void warnings.push(`${warning.name}: ${warning.message}`);
process.on('warning', collect);
afterEach(() => void process.off('warning', collect));

test('quotes nested twelve deep render with every word and no Node warning', async () => {
  const source = `---\ntitle: Sitat\nlang: nb\n---\n\n# Start\n\n${'> '.repeat(12)}Eit sitat djupt inne.\n\nSlutt.\n`;
  const { doc } = loadReportText('/tmp/quotes.md', source);
  if (!doc) throw new Error('the document did not load');
  const bytes = await renderPdf(doc);
  expect(await lostIn(doc, '.pdf', bytes)).toEqual([]);
  // Warnings are emitted on the next tick.
  await new Promise((resolve) => setImmediate(resolve));
  expect(warnings).toEqual([]);
}, 120_000);
