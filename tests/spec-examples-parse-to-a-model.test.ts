import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReportText } from '../src/parse/index.js';
import { sharedDir } from './helpers/paths.js';

interface SpecExample {
  example: number;
  section: string;
  markdown: string;
}

function examples(...parts: string[]): SpecExample[] {
  return JSON.parse(readFileSync(join(sharedDir, 'testdata', ...parts), 'utf8')) as SpecExample[];
}

const FRONT = '---\ntitle: Eksempel\nlang: nb\n---\n\n';

const suites: [string, SpecExample[]][] = [
  ['CommonMark', examples('commonmark', 'spec.json')],
  ['GFM spec', examples('gfm', 'spec.json')],
  ['GFM extensions', examples('gfm', 'extensions.json')],
];

describe.each(suites)('%s examples', (_name, list) => {
  it('parse to a model without throwing, with or without front matter', () => {
    for (const ex of list) {
      for (const text of [ex.markdown, FRONT + ex.markdown]) {
        const result = loadReportText(`example-${ex.example}.md`, text);
        // Either a model, or diagnostics that say why not — never an exception.
        expect(result.doc !== undefined || result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      }
    }
  });
});

it('the suites hold the expected number of examples', () => {
  expect(suites[0]![1]).toHaveLength(655);
  expect(suites[1]![1].length).toBeGreaterThanOrEqual(670);
  expect(suites[2]![1].length).toBeGreaterThanOrEqual(28);
});
