/**
 * Nothing is read outside the content folder, fonts/ and templates/ (and the tool's own
 * installed code): every path handed to node:fs while a hostile document is loaded, checked and
 * rendered by every registered renderer is recorded and compared against those roots.
 */
import fs from 'node:fs';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadReport } from '../src/pipeline/load.js';
import { fontsDir, templatesDir } from '../src/frame/paths.js';
import { registeredRenderers, renderAndValidate } from './helpers/render-oracle.js';
import { fixturesDir, repoRoot } from './helpers/paths.js';

const READERS = ['readFileSync', 'openSync', 'readdirSync', 'statSync', 'lstatSync', 'realpathSync', 'existsSync', 'createReadStream'] as const;
const seen: string[] = [];
const originals = new Map<string, unknown>();

beforeAll(async () => {
  // Load renderers (and their code) first: the tool's own installed files are not the question here.
  await registeredRenderers();
  const target = fs as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of READERS) {
    const original = target[name] as (...args: unknown[]) => unknown;
    originals.set(name, original);
    const wrapped = (...args: unknown[]) => {
      if (typeof args[0] === 'string' || args[0] instanceof URL) seen.push(resolve(String(args[0] instanceof URL ? args[0].pathname : args[0])));
      return original.apply(fs, args);
    };
    // realpathSync.native and friends hang off the function; keep them.
    Object.assign(wrapped, original);
    target[name] = wrapped;
  }
  syncBuiltinESMExports();
});

afterAll(() => {
  const target = fs as unknown as Record<string, unknown>;
  for (const [name, original] of originals) target[name] = original;
  syncBuiltinESMExports();
});

it('a document pointing everywhere reads only inside its folder and the tool\'s own files', async () => {
  const outside = mkdtempSync(join(tmpdir(), 'rv-secret-'));
  const content = mkdtempSync(join(tmpdir(), 'rv-content-'));
  copyFileSync(join(fixturesDir, 'checks', 'rules', 'img', 'chart.png'), join(outside, 'secret.png'));
  copyFileSync(join(fixturesDir, 'checks', 'rules', 'img', 'chart.png'), join(content, 'chart.png'));
  const hostile = `---\ntitle: Alt\nlang: nb\n---\n\n# Alt\n\n![Hemmelig](${join(outside, 'secret.png')})\n\n` +
    `![Opp](../${outside.split(sep).pop()}/secret.png)\n\n![Fil](file:///etc/passwd)\n\n[passord](../../../../etc/passwd)\n`;
  writeFileSync(join(content, 'ond.md'), hostile);
  writeFileSync(join(content, 'snill.md'), '---\ntitle: Snill\nlang: nb\n---\n\n# Snill\n\n![Søyler](chart.png "Figur")\n\nSe [kilden](https://example.org).\n');

  seen.length = 0;
  const bad = loadReport(join(content, 'ond.md'));
  expect(bad.diagnostics.filter((d) => d.rule.startsWith('image-')).map((d) => d.rule)).toEqual(['image-missing', 'image-outside', 'image-remote']);
  const good = loadReport(join(content, 'snill.md'));
  expect(await renderAndValidate(good.doc!, await registeredRenderers())).toEqual([]);

  // Besides the document's folder: the tool's own files (fonts, templates, code).
  const allowed = [content, fontsDir, templatesDir, join(repoRoot, 'node_modules'), join(repoRoot, 'src'), join(repoRoot, 'build')].map((r) => resolve(r));
  // Looking for the project root asks each folder above the source whether it holds .git; nothing is read there.
  const stray = [...new Set(seen)].filter((p) => !p.endsWith(`${sep}.git`))
    .filter((p) => !allowed.some((root) => p === root || p.startsWith(root.endsWith(sep) ? root : root + sep)));
  expect(stray).toEqual([]);
  expect(seen.some((p) => p.startsWith(outside))).toBe(false);
  // The recording works: the image and the fonts were read through it.
  expect(seen).toContain(join(content, 'chart.png'));
  expect(seen.some((p) => p.startsWith(resolve(fontsDir)))).toBe(true);
});
