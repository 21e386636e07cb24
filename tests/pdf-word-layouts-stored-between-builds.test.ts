import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { fixturesDir, repoRoot } from './helpers/paths.js';

const bin = join(repoRoot, 'bin', 'rapportverk.js');
const source = join(fixturesDir, 'pdf-all-constructs', 'report.md');

/** Builds the fixture's PDF with the compiled CLI in a fresh process, with `cache` as the word store. */
function buildPdf(cache: string): Buffer {
  const out = mkdtempSync(join(tmpdir(), 'rv-words-out-'));
  const run = spawnSync(process.execPath, [bin, 'build', source, '--out', out, '--format', 'pdf', '-q'], {
    env: { ...process.env, RAPPORTVERK_CACHE_DIR: cache, SOURCE_DATE_EPOCH: '1700000000' },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(join(out, 'report.pdf'));
}

test('word layouts are stored by font content and tool version, and a later build reads them to the same bytes', () => {
  const cache = mkdtempSync(join(tmpdir(), 'rv-words-'));
  const first = buildPdf(cache);

  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
  const regular = createHash('sha256').update(readFileSync(join(repoRoot, 'fonts', 'NotoSans-Regular.ttf'))).digest('hex');
  const stored = readdirSync(cache);
  expect(stored).toContain(`words-${regular}-rapportverk-${pkg.version}-fontkit-${pkg.dependencies['fontkit']}-pdfkit-${pkg.dependencies['pdfkit']}.json`);

  // A build with every word stored writes the same file.
  expect(buildPdf(cache).equals(first)).toBe(true);

  // The stored layouts are what the next build uses: widened words make another file.
  const files = stored.map((name) => join(cache, name));
  const originals = files.map((file) => readFileSync(file, 'utf8'));
  for (const [i, file] of files.entries()) {
    const words = JSON.parse(originals[i] as string) as [string, number[][]][];
    expect(words.length).toBeGreaterThan(0);
    writeFileSync(file, JSON.stringify(words.map(([word, glyphs]) => [word, glyphs.map((g) => g.map((v, k) => (k === 2 ? (v as number) * 2 : v)))])));
  }
  expect(buildPdf(cache).equals(first)).toBe(false);

  // A store that is not what this version writes is ignored and written anew.
  for (const file of files) writeFileSync(file, '{}');
  expect(buildPdf(cache).equals(first)).toBe(true);
  expect(Array.isArray(JSON.parse(readFileSync(files[0] as string, 'utf8')))).toBe(true);
}, 120_000);
