/**
 * The Word version opened by another word processor: LibreOffice converts the report to PDF
 * (one conversion, it is slow), and the PDF holds every heading and footnote on a sane number of pages.
 */
import { afterAll, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { reportPath } from './helpers/paths.js';
import { walk } from '../src/model/walk.js';
import { blockText, inlineText } from '../src/model/text.js';
import { renderFile } from './helpers/docx-read.js';

const work = mkdtempSync(join(tmpdir(), 'docx-lo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

test('LibreOffice renders the report with every heading and footnote on a sane number of pages', async () => {
  const { doc, bytes } = await renderFile(reportPath);
  const docx = join(work, 'rapport.docx');
  writeFileSync(docx, bytes);
  // A private profile, so parallel runs and a desktop LibreOffice do not share (and lock) one.
  const profile = pathToFileURL(join(work, 'profile')).href;
  execFileSync('libreoffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx], {
    stdio: 'pipe',
    timeout: 400_000,
  });
  const pdf = join(work, 'rapport.pdf');
  const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString('utf8'));

  const headings: string[] = [];
  walk(doc.body, (node) => {
    if (node.type === 'heading') headings.push(squash(`${node.number ? `${node.number} ` : ''}${inlineText(node.children)}`));
  });
  const missing = headings.filter((h) => !text.includes(h));
  expect(missing).toEqual([]);
  for (const note of doc.footnotes) expect(text).toContain(squash(blockText(note.children)));
  expect(text).toContain(doc.frame.cover.title);
  expect(text).not.toContain('Her får du en kort versjon av rapporten');

  // The text is set in the embedded Noto Sans (Regular and Bold).
  const fonts = execFileSync('pdffonts', [pdf]).toString();
  expect(fonts).toMatch(/NotoSans-Regular/);
  expect(fonts).toMatch(/NotoSans-Bold/);

  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1]);
  // About 25 pages of text, a cover, a colophon page and the contents; each chapter opens a page.
  expect(pages).toBeGreaterThanOrEqual(20);
  expect(pages).toBeLessThanOrEqual(45);
});
