/**
 * A list's last item never starts a page alone while the items before it end the page before.
 * The document is generated: lists after paragraphs of growing length, so list ends fall on
 * every position of a page, page breaks included.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPdf } from '../src/render/pdf/index.js';
import { loadFixture } from './helpers/pdf-render.js';
import { findAll, readPdf, type StructElem } from './helpers/pdf-read.js';

const WORDS = 'arbeid bolig helse skole språk tillit nettverk frivillighet familie kompetanse'.split(' ');

function sentence(n: number): string {
  const words = Array.from({ length: 9 }, (_, i) => WORDS[(n * 3 + i) % WORDS.length] as string);
  return `${words.join(' ')}.`.replace(/^./, (c) => c.toUpperCase());
}

function source(): string {
  const parts = ['---', 'title: Lister', 'lang: nb', 'date: 2024-03-01', '---', '', '# Lister', ''];
  for (let k = 0; k < 40; k++) {
    parts.push(Array.from({ length: 1 + (k % 7) }, (_, i) => sentence(k + i)).join(' '), '');
    for (let item = 1; item <= 3; item++) parts.push(`${item}. ${sentence(k * item)} ${sentence(k + item)}`);
    parts.push('');
  }
  return parts.join('\n');
}

/** Pages an element's content (its descendants' included) is drawn on. */
function pagesOf(elem: StructElem): number[] {
  return [...elem.mcids.map((m) => m.page), ...elem.children.flatMap(pagesOf)];
}

let lists: StructElem[] = [];
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rv-list-items-'));
  const file = join(dir, 'lister.md');
  writeFileSync(file, source());
  lists = findAll((await readPdf(await renderPdf(loadFixture(file)))).tree, 'L');
}, 120_000);

describe('list items across page breaks', () => {
  test('no last item starts a page alone', () => {
    expect(lists).toHaveLength(40);
    const alone = lists.flatMap((list, index) => {
      const [before, last] = list.children.slice(-2).map(pagesOf);
      return Math.min(...(last as number[])) > Math.max(...(before as number[])) ? [`list ${index + 1}`] : [];
    });
    expect(alone).toEqual([]);
  });

  test('lists do break across pages between their first items', () => {
    // Otherwise the test above proves nothing.
    const split = lists.filter((list) => {
      const [first, second] = list.children.map(pagesOf);
      return Math.min(...(second as number[])) > Math.max(...(first as number[]));
    });
    expect(split.length).toBeGreaterThan(0);
  });
});
