/**
 * Property-based fuzzing of whole documents: random mixes of headings, lists, quotes, tables,
 * emphasis, links, footnotes, HTML, directives, images, code, arbitrary Unicode and control
 * characters, and front matter values full of markup. Oracle: loading never throws and yields a model or error diagnostics; a model
 * without errors renders to valid files with every registered renderer that keep every word of
 * the model. Valid documents also get content that outgrows lines, cells and pages: long words
 * and addresses, long and tall cells, wide tables, long notes.
 *
 * Bounded for CI: FUZZ_RUNS (default 100) documents are loaded and checked, a tenth of that
 * many are also rendered. The seed is printed; rerun a failure with FUZZ_SEED=<seed>.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Format, Renderer } from '../src/build/formats.js';
import { loadOrDiagnose, registeredRenderers, renderAndValidate } from './helpers/render-oracle.js';
import { fixturesDir } from './helpers/paths.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
// Inside the fixtures so that "chart.png" resolves to a real image in tests/fixtures/checks/messy.
const FILE = join(fixturesDir, 'checks', 'messy', 'fuzz.md');

const word = fc.constantFrom('rapport', 'tiltak', 'Ærlig', 'øy', 'Åse', 'innvandrere', 'sámi', 'čáhci', 'данные', 'x', '42');
const unicode = fc.string({ unit: 'binary', minLength: 1, maxLength: 6 });
const control = fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\ud800', '\ufeff', '\u200d', '\u00ad');
const text = fc.array(fc.oneof({ weight: 8, arbitrary: word }, { weight: 1, arbitrary: unicode }, { weight: 1, arbitrary: control }), {
  minLength: 1,
  maxLength: 8,
}).map((ws) => ws.join(' '));

const href = fc.constantFrom('https://example.org/a', 'http://x.no', '#innledning', '#finnes-ikke', 'vedlegg.pdf', 'javascript:alert(1)', 'mailto:post@x.no', '');

/** Inline Markdown: `leaf` text, nested emphasis, strong, strikethrough and code, and `extra` forms. */
function inlineOf(leaf: fc.Arbitrary<string>, extra: (node: fc.Arbitrary<string>) => fc.Arbitrary<string>[]): fc.Arbitrary<string> {
  return fc.letrec<{ node: string }>((tie) => {
    const node = tie('node');
    return {
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        node.map((s) => `*${s}*`),
        node.map((s) => `**${s}**`),
        node.map((s) => `~~${s}~~`),
        leaf.map((s) => `\`${s}\``),
        ...extra(node),
      ),
    };
  }).node;
}

const inline = inlineOf(text, (node) => [
    fc.tuple(node, href).map(([s, h]) => `[${s}](${h})`),
    fc.constantFrom('[her](https://x.no)', 'https://example.org/bare', '<https://example.org/auto>', '[ref][def]', '[^1]', '[^mangler]'),
    fc.constantFrom('<br>', '<sup>2</sup>', '<sub>x</sub>', '<span>x</span>', '<sup>', '</sub>', '<!-- kommentar -->', '<img src=x>'),
    fc.constantFrom(':lang[fair play]{lang=en}', ':lang[x]{lang=??}', ':ukjent[x]', ':kl', '\\*', '&amp;', '&#x1F600;', '&#0;'),
]);

const line = fc.array(inline, { minLength: 1, maxLength: 5 }).map((xs) => xs.join(' '));
const block: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), line, fc.constantFrom('', ' {-}', ' {#id}', ' ##', '\t')).map(([l, t, end]) => `${'#'.repeat(l)} ${t}${end}`),
  line,
  fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom('-', '*', '1.'), line), { minLength: 1, maxLength: 6 })
    .map((items) => items.map(([d, m, t]) => `${'  '.repeat(d)}${m} ${t}`).join('\n')),
  fc.tuple(fc.integer({ min: 1, max: 30 }), line).map(([d, t]) => `${'> '.repeat(d)}${t}`),
  fc.tuple(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 4 }), fc.boolean()).map(([cols, rows, emptyHead]) => {
    const head = Array.from({ length: cols }, (_, i) => (emptyHead && i === 0 ? ' ' : `k${i}`));
    const body = Array.from({ length: rows }, (_, r) => Array.from({ length: cols - (r % 2) }, () => 'v<br>w'));
    return [head, head.map(() => '---'), ...body].map((r) => `| ${r.join(' | ')} |`).join('\n');
  }),
  fc.constantFrom(
    '![Søyler](chart.png "Figur 1")', '![](chart.png)', '![Kart](https://example.org/k.png)', '![X](../../../../etc/passwd)',
    '![X](finnes-ikke.png)', '::figure{src="chart.png" decorative}', '::video{src=x}', ':::klarsprak\nEnkel tekst.\n:::',
    ':::ukjent\nx\n:::', '```js\nconst x = 1;\n```', '    kode', '---', '<div>\nblokk\n</div>', '[^1]: Notetekst.', '[def]: https://x.no',
    '[^ubrukt]: Ingen viser hit.', '***', '- [ ] oppgave\n- [x] ferdig',
  ),
);
const front = fc.constantFrom(
  '---\ntitle: Fuzz\nlang: nb\n---\n',
  '---\ntitle: Fuzz\nlang: en\nnumbering: 2\nekstra: ja\n---\n',
  '---\ntitle: [uavsluttet\n---\n',
  '---\nlang: nb\n---\n',
  '',
);
const documents = fc.tuple(front, fc.array(block, { minLength: 1, maxLength: 14 })).map(([f, bs]) => `${f}\n${bs.join('\n\n')}\n`);

/**
 * Documents that should load without errors, so rendering gets real work: valid front matter
 * and heading order, characters the fonts have, defined footnotes, remote links only.
 */
const drawable = fc.string({ unit: fc.constantFrom(...'abcæøåÆØÅáčđŋšŧžабвгд–—«»“”’…§½€ 0123456789.,;:!?()/+-='), minLength: 1, maxLength: 12 });
const cleanText = fc.array(fc.oneof(word, drawable), { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));
const cleanInline = inlineOf(cleanText, () => [
    cleanText.map((s) => `[${s}](https://example.org/side)`),
    fc.constantFrom('<br>', '<sup>2</sup>', '<sub>x</sub>', ':lang[fair play]{lang=en}', '[^1]', '\\*', '&amp;', 'H~2~O'),
]);
const cleanLine = fc.array(cleanInline, { minLength: 1, maxLength: 5 }).map((xs) => xs.join(' '));
/** A word or address far wider than a line or a cell. */
const longWord = fc.oneof(
  fc.integer({ min: 80, max: 400 }).map((n) => 'ø'.repeat(n)),
  fc.integer({ min: 5, max: 40 }).map((n) => `https://example.org/${Array.from({ length: n }, (_, i) => `del-${i}.x?`).join('/')}`),
);
/** Prose of a few hundred to 1,500 words, for cells and notes. */
const longText = fc.integer({ min: 200, max: 1500 }).map((n) => Array.from({ length: n }, (_, i) => ['tekst', 'mål', 'sámi', 'данные'][i % 4]).join(' '));
const longCell = longText;
const cleanBlock: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 2 }), cleanText).map(([l, t]) => `${'#'.repeat(l)} ${t}`),
  cleanLine,
  fc.array(fc.tuple(fc.constantFrom('-', '1.'), cleanLine), { minLength: 1, maxLength: 6 }).map((items) =>
    items.map(([m, t], i) => `${'  '.repeat(Math.min(i, 3))}${m} ${t}`).join('\n'),
  ),
  fc.tuple(fc.integer({ min: 1, max: 5 }), cleanLine).map(([d, t]) => `${'> '.repeat(d)}${t}`),
  fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 6 }), cleanText).map(([cols, rows, t]) => {
    const head = Array.from({ length: cols }, (_, i) => `${t} ${i}`);
    const body = Array.from({ length: rows }, () => head.map(() => `${t}<br>${t}`));
    return [head, head.map(() => '---'), ...body].map((r) => `| ${r.join(' | ')} |`).join('\n');
  }),
  fc.constantFrom('![Søyler](chart.png "Figur 1")', '::figure{src="chart.png" decorative}', ':::klarsprak\nEnkel tekst.\n:::',
    '```\nkode\n```', '---', '- [ ] oppgave\n- [x] ferdig'),
  // Content that outgrows a line, a column or a page: long words and code lines, long and tall
  // cells, wide tables.
  fc.tuple(longWord, cleanText).map(([w, t]) => `${t} ${w} ${t}`),
  longWord.map((w) => `\`\`\`\n${w} ${w}\n\`\`\``),
  fc.tuple(fc.integer({ min: 1, max: 3 }), longCell, fc.boolean()).map(([cols, cell, tall]) => {
    const head = Array.from({ length: cols }, (_, i) => `k${i}`);
    const content = tall ? cell.split(' ').join('<br>') : cell;
    return [head, head.map(() => '---'), head.map((_, i) => (i === 0 ? content : 'kort'))].map((r) => `| ${r.join(' | ')} |`).join('\n');
  }),
  fc.tuple(fc.integer({ min: 9, max: 32 }), cleanText).map(([cols, t]) => {
    const head = Array.from({ length: cols }, (_, i) => `Kolonne ${i}`);
    return [head, head.map(() => '---'), head.map(() => t)].map((r) => `| ${r.join(' | ')} |`).join('\n');
  }),
);
/** Blocks in a note that may outgrow a piece of a page, or a whole page: prose, code, tables, lists, quotes. */
const noteBlock = fc.oneof(
  longText,
  fc.integer({ min: 1, max: 120 }).map((n) => ['```', ...Array.from({ length: n }, (_, i) => `linje ${i} = ${i * 7};`), '```'].join('\n')),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 90 }), cleanText).map(([cols, rows, t]) => {
    const head = Array.from({ length: cols }, (_, i) => `k${i}`);
    const body = Array.from({ length: rows }, (_, r) => head.map((_, c) => (c === 0 ? `${r} ${t}` : t)));
    return [head, head.map(() => '---'), ...body].map((r) => `| ${r.join(' | ')} |`).join('\n');
  }),
  fc.tuple(fc.integer({ min: 1, max: 60 }), cleanText).map(([n, t]) => Array.from({ length: n }, (_, i) => `- ${i} ${t}`).join('\n')),
  fc.tuple(fc.integer({ min: 1, max: 40 }), cleanText).map(([n, t]) => Array.from({ length: n }, (_, i) => `> ${i} ${t}`).join('\n>\n')),
  fc.constantFrom(':::note\nInnhald i ein boks.\n:::', '![Søyler](chart.png "Figur 1")', '<table><tr><th>a</th></tr><tr><td>b</td></tr></table>',
    '### Overskrift i noten', '1. a\n   - b\n     - c', '- [ ] oppgåve\n- [x] ferdig', '***', '<div>\nblokk\n</div>'),
);
/** A note of a first paragraph and blocks after it, indented into the note. */
const noteBlocks = fc.array(noteBlock, { minLength: 1, maxLength: 3 })
  .map((bs) => `Note.\n\n    ${bs.map((b) => b.split('\n').join('\n    ')).join('\n\n    ')}`);
/** Boxes, quotes and list items holding blocks that may outgrow a page. */
const containerBlock = fc.tuple(fc.constantFrom('box', 'quote', 'item'), fc.array(noteBlock, { minLength: 1, maxLength: 3 })).map(([kind, bs]) => {
  const inner = bs.join('\n\n');
  if (kind === 'box') return `:::warning Merk\n${inner}\n:::`;
  if (kind === 'quote') return inner.split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n');
  return `- Punkt\n\n  ${inner.split('\n').join('\n  ')}`;
});
const cleanDocuments = fc.tuple(fc.array(fc.oneof({ weight: 6, arbitrary: cleanBlock }, { weight: 1, arbitrary: containerBlock }), { minLength: 1, maxLength: 14 }), fc.oneof(fc.constant('Note.'), longText, noteBlocks))
  .map(([bs, note]) => `---\ntitle: Fuzz\nlang: nb\n---\n\n# Start\n\n${bs.join('\n\n')}\n\nSiste avsnitt.[^1]\n\n[^1]: ${note}\n`);

/** Front matter whose values carry Markdown, HTML, template syntax and arbitrary Unicode into cover and colophon. */
const frontValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('<div>x</div>', '[^1]', '*a', '# h', '::x', ':::klarsprak', '\\', '`', '<br>', '[a](javascript:x)', '![x](y.png)',
    '---', '| a |\n|---|', '1. x', '> q', '&amp;', '{{x}}', '<!--', 'https://x.no'),
);
const frontMatters = fc.record({ title: frontValue, publisher: frontValue, place: frontValue, series: frontValue, subtitle: frontValue, isbn: frontValue })
  .map((r) => `---\n${Object.entries(r).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')}\nlang: nb\n---\n\n# T\n\nTekst.\n`);

let renderers: [Format, Renderer][] = [];
beforeAll(async () => {
  renderers = await registeredRenderers();
  console.log(`robustness-fuzz: seed ${SEED}, ${RUNS} runs (rerun with FUZZ_SEED=${SEED})`);
});

describe('random Markdown documents', () => {
  it('load into a model or fail with error diagnostics, never throw', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        loadOrDiagnose(FILE, doc);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('with any front matter values load or fail with diagnostics, never throw', () => {
    fc.assert(
      fc.property(frontMatters, (doc) => {
        loadOrDiagnose(FILE, doc);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('that are valid render to valid files with every registered renderer', async () => {
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(cleanDocuments, async (doc) => {
        const result = loadOrDiagnose(FILE, doc);
        if (!result.usable || !result.doc) return;
        rendered++;
        expect(await renderAndValidate(result.doc, renderers)).toEqual([]);
      }),
      // Rendering is slow: the first failing document is reported as found, not shrunk past the test's time limit.
      { numRuns: Math.max(1, Math.round(RUNS / 10)), seed: SEED, endOnFailure: true },
    );
    console.log(`robustness-fuzz: ${rendered} of ${Math.max(1, Math.round(RUNS / 10))} documents were usable and rendered`);
    // Most generated documents must reach the renderers, or this property tests nothing.
    expect(rendered).toBeGreaterThan(RUNS / 20);
  }, 300_000);
});
