import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { loadReportText } from '../src/pipeline/load.js';
import type { Block, Figure } from '../src/model/types.js';
import { fixturesDir } from './helpers/paths.js';

const file = join(fixturesDir, 'pdf-all-constructs', 'report.md');

function figures(blocks: readonly Block[]): Figure[] {
  return blocks.flatMap((b) => (b.type === 'figure' ? [b] : b.type === 'plainText' ? figures(b.children) : []));
}

describe('caption numbers', () => {
  const source = [
    '---', 'title: T', 'lang: nb', '---', '',
    '![Kart over Norge](chart.png "Første")', '',
    '![Pynt](ornament.png)', '',
    ':::klarsprak', '![Kart](chart.png "I den lettleste")', ':::', '',
    '![Stolpediagram](chart.png "Andre")', '',
  ].join('\n');

  test('count captioned figures in document order, and plain-language blocks on their own', () => {
    const { doc, diagnostics } = loadReportText(file, source);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const all = figures(doc?.body ?? []);
    expect(all.map((f) => [f.caption?.length ? 'captioned' : 'bare', f.number])).toEqual([
      ['captioned', 1],
      ['bare', undefined],
      ['captioned', 1],
      ['captioned', 2],
    ]);
  });
});
