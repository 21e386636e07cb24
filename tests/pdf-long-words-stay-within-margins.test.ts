/**
 * A word longer than its column (a run of 300 letters, a long address or identifier with no
 * break opportunity) breaks inside the word, wherever it stands: in a paragraph, a heading, the
 * title, a list item, a quote, an admonition, a table cell, a footnote, a code block, the
 * contents page, a table or code block inside a list item, quote, box or footnote, and in the easy-to-read layout and the plain version. No text is drawn in the
 * page's left or right margin, and the tagged text keeps every word.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReportText } from '../src/pipeline/load.js';
import type { ReportDocument } from '../src/model/types.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { renderPlain } from '../src/build/plain-format.js';
import type { Layout } from '../src/render/shared/options.js';
import { lostWords, pdfTaggedText } from './helpers/text-presence.js';
import { inMargins, textExtents } from './helpers/pdf-extents.js';
import { outputBytes } from './helpers/outputs.js';

const dir = mkdtempSync(join(tmpdir(), 'rv-long-words-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const letters = 'ø'.repeat(300);
const address = `https://example.org/${'abcdefghij'.repeat(20)}`;
const identifier = `Ident${'X'.repeat(150)}`;
const decomposed = 'a\u030a'.repeat(120);
/** A sentence of ordinary words, long enough to fill a table cell's lines. */
const prose = 'tiltak for deltakelse i arbeidslivet og statistikk for hver kommune og fylke '.repeat(4).trim();
/** Letters outside the BMP (two UTF-16 code units each), drawn in the math fallback font. */
const astral = '\u{1D400}'.repeat(150);

/** Each place a long word can stand, as Markdown. */
const PLACES: Record<string, string> = {
  paragraph: `Kort tekst ${letters} slutt. Adresse ${address} her, og [lenke ${identifier}](${address}).`,
  emphasis: `Tekst **${letters.slice(0, 100)}**_${letters.slice(0, 100)}_${letters.slice(0, 100)} slutt.`,
  heading: `## Overskrift ${letters.slice(0, 120)}\n\nTekst under.\n\n### ${identifier}\n\nMer tekst.`,
  list: `- Punkt ${letters}\n- Punkt med ${identifier}\n  - Under ${address}\n\n1. Nummer ${letters}`,
  quote: `> Sitat ${letters}\n>\n> > Inne i sitatet ${identifier}`,
  admonition: `:::warning Tittel ${letters.slice(0, 90)}\nAdvarsel ${letters} og ${address}.\n:::\n\n!!! note "Merk"\n    Notat ${identifier}.`,
  table: `| A | B | C |\n|---|---|---|\n| ${letters} | kort | ${identifier} |\n| ${address} | \`${identifier}\` | x |`,
  footnote: `Tekst med note.[^lang]\n\n[^lang]: Note ${letters} og ${address}.`,
  code: `\`\`\`\nkode ${letters} ${address}\n\`\`\`\n\nInline \`${identifier}\` kode.`,
  nested: [
    `- Punkt med kode:\n\n  \`\`\`\n  kode ${identifier}\n  \`\`\`\n\n  | Nøkkel | Verdi |\n  |---|---|\n  | ${prose} | ${prose} |`,
    `> | Nøkkel | Verdi |\n> |---|---|\n> | ${prose} | ${address} |`,
    `:::note Tabell\n| Nøkkel | Verdi | Merknad |\n|---|---|---|\n| ${prose} | ${prose} | ${prose} |\n\n\`\`\`\n${identifier}\n\`\`\`\n:::`,
    `Tekst med note.[^kode]\n\n[^kode]: Noten viser kode:\n\n    \`\`\`\n    ${identifier}\n    \`\`\``,
  ].join('\n\n'),
  characters: `Tegn ${decomposed} slutt. Matte ${astral} slutt.`,
};

function load(name: string, body: string): ReportDocument {
  const markdown = `---\ntitle: Lange ord ${identifier.slice(0, 80)}\nlang: nb\n---\n\n# Kapittel ${name}\n\nInnledning.\n\n${body}\n\n:::klarsprak\nEnkel tekst ${letters} og ${address}.\n:::\n\nEtter innholdet.\n`;
  const { doc, diagnostics } = loadReportText(join(dir, `${name}.md`), markdown);
  if (!doc) throw new Error(JSON.stringify(diagnostics));
  return doc;
}

describe.each(['report', 'easy'] as Layout[])('a long word in the %s layout', (layout) => {
  it.each(Object.keys(PLACES))('in a %s stays within the margins and keeps every word', async (name) => {
    const doc = load(name, PLACES[name] as string);
    const bytes = await renderPdf(doc, { layout });
    const extents = await textExtents(bytes);
    expect(extents.length).toBeGreaterThan(20);
    expect(inMargins(extents, layout)).toEqual([]);
    // A word breaks between characters: never between a letter and its accent, or inside a surrogate pair.
    expect(extents.filter((e) => /^\p{M}|\p{Cs}/u.test(e.str)).map((e) => e.str)).toEqual([]);
    expect(lostWords(doc, await pdfTaggedText(bytes))).toEqual([]);
  }, 60_000);
});

it('the plain version keeps a long word within its margins', async () => {
  const bytes = outputBytes(await renderPlain(load('plain', PLACES['paragraph'] as string)), '.plain.pdf');
  const extents = await textExtents(bytes);
  expect(extents.filter((e) => e.str.includes('ø')).length).toBeGreaterThan(2);
  expect(inMargins(extents, 'easy')).toEqual([]);
}, 60_000);
