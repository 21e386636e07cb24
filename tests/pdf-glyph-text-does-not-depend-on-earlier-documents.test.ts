/**
 * A PDF built after another in the same process is byte-identical to the same PDF built alone.
 * Noto Sans draws "ı" (U+0131) and the "i" of "i" + combining acute with one glyph; the glyph's
 * ToUnicode entry is the characters of its first use. When a document's cached word layouts
 * carried the glyph objects of the document that shaped them first, the second document's
 * "Kırıkkale" read "Kirikkale" after the first document had written "tí" (decomposed).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { fixturesDir, repoRoot } from './helpers/paths.js';
import { readText } from './helpers/pdf-text.js';

const bin = join(repoRoot, 'bin', 'rapportverk.js');
const first = join(fixturesDir, 'shared-glyphs', 'first.md');
const second = join(fixturesDir, 'shared-glyphs', 'second.md');

/** Builds the files' PDFs in one fresh process (a many-file build shares one renderer). */
function buildPdfs(files: string[]): string {
  const out = mkdtempSync(join(tmpdir(), 'rv-shared-glyphs-'));
  const run = spawnSync(process.execPath, [bin, 'build', ...files, '--out', out, '--format', 'pdf', '-q'], {
    env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' },
    encoding: 'utf8',
    cwd: repoRoot,
  });
  expect(run.status, run.stderr).toBe(0);
  return out;
}

test('a PDF built after another in one process equals the PDF built alone, and keeps its characters', async () => {
  const alone = readFileSync(join(buildPdfs([second]), 'second.pdf'));
  const afterFirst = readFileSync(join(buildPdfs([first, second]), 'second.pdf'));
  const pages = (await readText(new Uint8Array(afterFirst))).pages.join('\n');
  expect(pages).toContain('Kırıkkale');
  expect(afterFirst.equals(alone)).toBe(true);
}, 120_000);
