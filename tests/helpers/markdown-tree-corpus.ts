/**
 * Inputs whose mdast trees must not change when the parser's dependencies are patched for speed,
 * and a compact digest of each tree. tests/fixtures/markdown-trees/digests.json holds the digests
 * the unpatched parser gave; scripts/record-markdown-tree-digests.ts records them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { realworldDocuments } from './realworld.js';
import { fixturesDir, reportPath, sharedDir } from './paths.js';

export interface CorpusEntry {
  name: string;
  /** One or more documents, parsed one by one; their trees share one digest. */
  texts: string[];
}

export const digestsPath = join(fixturesDir, 'markdown-trees', 'digests.json');

/** sha256 of the trees as JSON: types, values and every position, in key order. */
export function treeDigest(trees: Root[]): string {
  const hash = createHash('sha256');
  for (const tree of trees) hash.update(JSON.stringify(tree)).update('\n');
  return hash.digest('hex');
}

function specExamples(...parts: string[]): string[] {
  const list = JSON.parse(readFileSync(join(sharedDir, 'testdata', ...parts), 'utf8')) as { markdown: string }[];
  return list.map((ex) => ex.markdown);
}

/** A small deterministic generator (mulberry32), so the tables are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Cell contents that exercise the table tokenizer and the per-cell text tokenizers: code with
// pipes, escaped pipes, links, emphasis, autolink literals, references, HTML, directives, wide
// characters (UTF-16 offsets), trailing and empty cells.
const CELLS = [
  'x',
  '',
  ' ',
  'word word word',
  '`code`',
  '`a \\| b`',
  'a \\| b',
  '\\|',
  '*em* and **strong**',
  '_a_ __b__ ~~gone~~',
  '[link](https://example.org "title")',
  '[ref][r1]',
  '![img](a.png)',
  'www.example.com',
  'https://example.org/path?q=1',
  'mail@example.org',
  '<b>html</b>',
  ':abbr[NAV]{title="x"}',
  '[^1]',
  'æøå 𝔘 ✓',
  '\\*not em\\*',
  '&amp; &#124;',
  '*open',
  '`unclosed',
  'a  ',
];

const DELIMITERS = ['-', '---', ':-', ':-:', '--:', ' :--- '];

function table(next: () => number, rows: number, prefix: string): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const columns = 1 + Math.floor(next() * 5);
  const row = (n: number): string => {
    const cells = Array.from({ length: n }, () => pick(CELLS));
    const lead = next() < 0.8 ? '| ' : '';
    const trail = next() < 0.7 ? ' |' : '';
    return prefix + lead + cells.join(next() < 0.5 ? ' | ' : '|') + trail;
  };
  const lines = [row(columns), prefix + '| ' + Array.from({ length: columns }, () => pick(DELIMITERS)).join(' | ') + ' |'];
  for (let i = 0; i < rows; i++) {
    // Rows with fewer or more cells than the head, as in hand-written tables.
    const n = Math.max(1, columns + (next() < 0.1 ? pick([-1, 1, 2]) : 0));
    lines.push(row(n));
  }
  return lines.join('\n') + '\n';
}

/** Documents of many tables: at top level, in list items, in block quotes and in both. */
function generatedTables(seed: number, tables: number, maxRows: number): string {
  const next = random(seed);
  const parts = ['---\ntitle: Tabeller\n---\n\n[r1]: https://example.org\n[^1]: A note.\n\n'];
  for (let i = 0; i < tables; i++) {
    const rows = Math.floor(next() * maxRows);
    const where = Math.floor(next() * 5);
    if (where === 0) parts.push(table(next, rows, ''));
    else if (where === 1) parts.push('- item\n\n' + table(next, rows, '  '));
    else if (where === 2) parts.push(table(next, rows, '> '));
    else if (where === 3) parts.push('1. item\n   > quote\n' + table(next, rows, '   > '));
    // A paragraph line right after a table becomes a row; a heading ends the table.
    else parts.push(table(next, rows, '') + 'lazy line\n# Heading\n');
    parts.push('\nA paragraph with *emphasis*, `code` and www.example.com.\n\n');
  }
  return parts.join('');
}

function uniformTable(rows: number, cell: string): string {
  let s = '| a | b | c | d |\n| - | - | - | - |\n';
  for (let i = 0; i < rows; i++) s += `| ${cell} | ${cell} | ${cell} | ${cell} |\n`;
  return s;
}

export function markdownTreeCorpus(): CorpusEntry[] {
  return [
    { name: 'CommonMark spec examples', texts: specExamples('commonmark', 'spec.json') },
    { name: 'GFM spec examples', texts: specExamples('gfm', 'spec.json') },
    { name: 'GFM extension examples', texts: specExamples('gfm', 'extensions.json') },
    ...realworldDocuments().map((doc) => ({ name: `realworld ${doc.name}`, texts: [readFileSync(doc.file, 'utf8')] })),
    { name: 'content/rapport.md', texts: [readFileSync(reportPath, 'utf8')] },
    { name: 'many small tables in lists and quotes', texts: [generatedTables(1, 400, 12)] },
    { name: 'large tables in lists and quotes', texts: [generatedTables(2, 12, 2500)] },
    { name: 'uniform table, one-letter cells', texts: [uniformTable(5000, 'x')] },
    { name: 'uniform table, ten-word cells', texts: [uniformTable(1000, 'word word word word word word word word word word')] },
    { name: 'lists and quotes closing one after another', texts: ['- a\n  - b\n\n> q\n> - c\n\npara\n\n'.repeat(500)] },
  ];
}
