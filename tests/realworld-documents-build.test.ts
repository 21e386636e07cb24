/**
 * The twelve real public-sector documents in ../shared/testdata/realworld build as a new user
 * would build them (`rapportverk build --root <its folder> FILE.md`), all in one render pool.
 * Each one either builds with no errors, and then its PDF loses no word of a reference reading
 * of the Markdown, or it fails only for what keeps a PDF from conforming (a character no bundled
 * font draws, a remote or unreadable image), which `--draft` is for.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import type { Nodes as HastNodes } from 'hast';
import type { Nodes } from 'mdast';
import { buildFile, type BuildResult } from '../src/build/build.js';
import { RenderPool } from '../src/build/lanes.js';
import { FORMATS } from '../src/build/formats.js';
import { parseMarkdown } from '../src/parse/markdown.js';
import { formatDiagnostic } from '../src/diagnostics.js';
import { realworldDocuments, type RealworldDocument } from './helpers/realworld.js';
import { readText } from './helpers/pdf-text.js';

/** Errors that stop a conformant PDF but not a draft: what the document lacks, not what the tool cannot read. */
const DRAFT_ONLY = new Set(['glyph-missing', 'image-remote', 'image-format', 'image-missing', 'image-alt-missing']);

/** Lower-cased runs of letters or digits. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * What a reader of the page on GitHub or the site sees: every text, code and HTML text of the
 * Markdown, without front matter, image alt texts (not shown), comments, heading attribute
 * blocks (`{#id}`) and MkDocs' `!!! type` markers (shown as the box's label instead).
 */
function referenceReading(markdown: string): string[] {
  const visit = (node: Nodes): string => {
    if (node.type === 'yaml' || node.type === 'image' || node.type === 'imageReference') return '';
    if (node.type === 'html') return hastText(fromHtml(node.value, { fragment: true }));
    if (node.type === 'text') return node.value.replace(/^(!!!|\?\?\?\+?)[ \t]+[A-Za-z-]+/gm, '').replace(/\{:?\s*#[^}]*\}\s*$/, '');
    if ('value' in node) return node.value;
    return 'children' in node ? (node.children as Nodes[]).map(visit).join(' ') : '';
  };
  return words(visit(parseMarkdown(markdown)));
}

function hastText(node: HastNodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(hastText).join(' ') : '';
}

/**
 * Reference words the PDF lacks. Counted as words first; a word the layout broke across lines
 * (long code in a narrow cell) still counts as kept when its letters stand together in the text.
 */
function lostWords(reference: readonly string[], pdfText: string): string[] {
  const have = new Map<string, number>();
  for (const w of words(pdfText)) have.set(w, (have.get(w) ?? 0) + 1);
  const stream = words(pdfText).join('');
  const lost: string[] = [];
  for (const w of reference) {
    const n = have.get(w) ?? 0;
    if (n > 0) have.set(w, n - 1);
    else if (!stream.includes(w)) lost.push(w);
  }
  return lost;
}

const out = mkdtempSync(join(tmpdir(), 'rv-realworld-'));
const pool = new RenderPool(FORMATS);
const builds = new Map<string, Promise<BuildResult>>();

/** Builds one document (once) into its own folder, as `build --root` would. */
function build(doc: RealworldDocument): Promise<BuildResult> {
  let pending = builds.get(doc.name);
  if (!pending) {
    pending = buildFile(doc.file, { outDir: join(out, doc.name), formats: FORMATS, strict: false, pool, root: doc.root });
    builds.set(doc.name, pending);
  }
  return pending;
}

afterAll(() => {
  pool.close();
  rmSync(out, { recursive: true, force: true });
});

describe('the real-world corpus', () => {
  const docs = realworldDocuments();

  it('has its twelve documents', () => {
    expect(docs.map((d) => d.name)).toHaveLength(12);
    for (const doc of docs) expect(doc.file, doc.name).not.toBe('');
  });

  it.each(docs.map((d) => [d.name, d]))('%s builds, or fails only for what --draft is for', async (_name, doc) => {
    const result = await build(doc);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.filter((d) => !DRAFT_ONLY.has(d.rule)).map(formatDiagnostic)).toEqual([]);
    expect(result.ok).toBe(errors.length === 0);
    if (!result.ok) return;
    const stem = basename(doc.file, extname(doc.file));
    expect(result.written.map((p) => basename(p)).sort()).toEqual(
      ['.docx', '.html', '.pdf', '.plain.docx', '.plain.html', '.plain.json', '.plain.pdf'].map((s) => stem + s).sort(),
    );
    const pdf = readFileSync(join(out, doc.name, `${stem}.pdf`));
    const markdown = readFileSync(doc.file, 'utf8');
    const reference = referenceReading(markdown);
    expect(reference.length).toBeGreaterThan(300);
    const lost = lostWords(reference, (await readText(pdf)).pages.join('\n'));
    expect(lost).toEqual([]);
  }, 120_000);

  it('at least seven of the twelve build without --draft', async () => {
    const results = await Promise.all(docs.map(build));
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(7);
  }, 600_000);
});
