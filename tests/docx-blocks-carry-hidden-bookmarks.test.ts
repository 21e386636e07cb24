/**
 * Every paragraph the body and the notes are made of carries a hidden bookmark naming its block,
 * so `rapportverk import` can map an editor's paragraphs back to the source.
 */
import { expect, test } from 'vitest';
import { renderDocx } from '../src/render/docx/index.js';
import { BlockAnchors } from '../src/render/docx/anchors.js';
import { loadReport } from '../src/pipeline/load.js';
import { walk, walkDocument } from '../src/model/walk.js';
import { paragraphs, readParts } from './helpers/docx-read.js';
import { reportPath } from './helpers/paths.js';

test('each heading, paragraph, list item, cell and note paragraph has one _rv bookmark, unique across the parts', async () => {
  const { doc } = loadReport(reportPath);
  if (!doc) throw new Error('the report did not load');
  const anchors = new BlockAnchors();
  const parts = readParts(await renderDocx(doc, { layout: 'report', anchors, pages: {} }));
  const xml = `${parts['word/document.xml']}${parts['word/footnotes.xml']}`;
  const names = [...xml.matchAll(/<w:bookmarkStart w:name="(_rv\d+)"/g)].map((m) => m[1]);
  expect(names.length).toBeGreaterThan(300);
  expect(new Set(names).size).toBe(names.length);
  expect(new Set(names)).toEqual(new Set(anchors.byName.keys()));

  const anchored = new Set([...anchors.byName.values()].map((a) => a.node));
  const expected: unknown[] = [];
  walkDocument(doc, (node) => {
    if (node.type === 'heading' || node.type === 'paragraph') expected.push(node);
  });
  const exempt = new Set<unknown>();
  walkDocument(doc, (node) => {
    // A list item's first paragraph is anchored as the item; plain-language blocks are not in the DOCX.
    if (node.type === 'list') for (const item of node.items) if (item.children[0]?.type === 'paragraph') exempt.add(item.children[0]);
    if (node.type === 'plainText') walk(node.children, (inner) => exempt.add(inner));
  });
  expect(expected.length).toBeGreaterThan(300);
  expect(expected.filter((n) => !anchored.has(n as never) && !exempt.has(n))).toEqual([]);

  // Word wants bookmark ids unique in the whole document, notes included.
  const ids = [...xml.matchAll(/<w:bookmarkStart w:name="[^"]+" w:id="(\d+)"/g)].map((m) => m[1]);
  expect(new Set(ids).size).toBe(ids.length);
  // The bookmarks sit inside the body's paragraphs, not between them.
  const body = paragraphs(parts['word/document.xml'] ?? '').filter((p) => p.xml.includes('_rv'));
  expect(body.length).toBeGreaterThan(300);
});
