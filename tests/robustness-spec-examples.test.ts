/**
 * Every CommonMark and GFM spec example, wrapped in minimal front matter, either becomes valid
 * output from every registered renderer or fails with diagnostics — it never throws.
 *
 * The parse-and-check pass runs per example (isolation: one example cannot hide another's crash).
 * Rendering every example on its own would take minutes, so the examples that load cleanly are
 * rendered in batches of up to 150 per document (each document has a fixed cost of about a
 * second across the renderers, so fewer, larger documents are faster), each example under its own
 * heading. A batch that fails as a whole (examples can interact, e.g. an unclosed fence) falls
 * back to rendering its examples one by one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostics.js';
import type { Format, Renderer } from '../src/build/formats.js';
import { loadOrDiagnose, registeredRenderers, renderAndValidate } from './helpers/render-oracle.js';
import { fixturesDir, sharedDir } from './helpers/paths.js';

interface SpecExample {
  example: number;
  markdown: string;
}

const FRONT = '---\ntitle: Eksempel\nlang: nb\n---\n\n';
const BATCH = 150;
// A path inside the fixtures, so relative image paths in examples resolve inside the repository.
const FILE = join(fixturesDir, 'checks', 'spec-example.md');

function examples(...parts: string[]): SpecExample[] {
  return JSON.parse(readFileSync(join(sharedDir, 'testdata', ...parts), 'utf8')) as SpecExample[];
}

const suites: [string, SpecExample[]][] = [
  ['CommonMark', examples('commonmark', 'spec.json')],
  ['GFM spec', examples('gfm', 'spec.json')],
  ['GFM extensions', examples('gfm', 'extensions.json')],
];

let renderers: [Format, Renderer][] = [];
beforeAll(async () => {
  renderers = await registeredRenderers();
});

/** An example as a section of a batch document; the comment closes any open list or quote. */
function section(ex: SpecExample): string {
  return `\n\n<!-- -->\n\n# Eksempel ${ex.example}\n\n${ex.markdown}\n`;
}

describe.each(suites)('%s examples', (name, list) => {
  const usable: SpecExample[] = [];

  it('each loads into a model or fails with positioned diagnostics, in isolation', () => {
    expect(list.length).toBeGreaterThanOrEqual(name === 'GFM extensions' ? 28 : 655);
    for (const ex of list) {
      const result = loadOrDiagnose(FILE, FRONT + ex.markdown);
      if (result.usable) usable.push(ex);
      // Errors about the text point into it; only whole-file problems may lack a position.
      for (const d of result.diagnostics) {
        if (d.severity === 'error' && !d.pos) expect.fail(`example ${ex.example}: ${formatDiagnostic(d)}`);
      }
    }
    // Most examples are plain CommonMark a report may contain; the rest fail for stated reasons.
    expect(usable.length).toBeGreaterThan(list.length * 0.7);
  });

  it('the usable ones render to valid files with every registered renderer', async () => {
    const problems: string[] = [];
    let documents = 0;
    for (let i = 0; i < usable.length; i += BATCH) {
      const batch = usable.slice(i, i + BATCH);
      const whole = loadOrDiagnose(FILE, FRONT + batch.map(section).join(''));
      const docs = whole.usable && whole.doc ? [{ label: `batch ${i / BATCH}`, doc: whole.doc }] : batch.flatMap((ex) => {
        const one = loadOrDiagnose(FILE, FRONT + ex.markdown);
        return one.doc ? [{ label: `example ${ex.example}`, doc: one.doc }] : [];
      });
      for (const { label, doc } of docs) {
        documents++;
        for (const p of await renderAndValidate(doc, renderers)) problems.push(`${label}: ${p}`);
      }
    }
    console.log(`${name}: ${usable.length} usable examples rendered as ${documents} documents by ${renderers.map(([f]) => f).join(', ')}`);
    expect(problems).toEqual([]);
  });
});
