import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';

const bin = join(repoRoot, 'bin', 'rapportverk.js');

/** Runs the CLI on a short source with Node's module loaders logging every load; returns the log. */
function loaderLog(command: 'build' | 'check'): string {
  const dir = mkdtempSync(join(tmpdir(), 'rv-modules-'));
  const file = join(dir, 'kort.md');
  writeFileSync(file, '---\ntitle: Kort\nlang: nb\n---\n\n# Kort\n\nEn kort tekst med «sitat» og ∑ fra en reservefont.\n');
  const args = command === 'build' ? ['build', file, '--format', 'pdf', '-o', dir] : ['check', file];
  const run = spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, NODE_DEBUG: 'module,esm' }, encoding: 'utf8' });
  expect(run.status).toBe(0);
  // Both loaders log, so the absences tested below mean something.
  expect(run.stderr).toMatch(/url: 'file:\/\/.*\/build\/bundle\/main\.js'/);
  return run.stderr;
}

describe('the modules a PDF build loads', () => {
  // fontkit's ES build beside the CommonJS one pdfkit requires doubled fontkit, restructure and
  // unicode-properties; brotli (WOFF2 only) cost ~25 ms of every start. See src/fonts/fontkit.ts
  // and patches/fontkit+2.0.4.patch.
  it('loads fontkit once, as pdfkit does, and never brotli', () => {
    const log = loaderLog('build');
    expect(log).toMatch(/Module\._load REQUEST fontkit parent: .*pdfkit/);
    expect(log).not.toMatch(/fontkit\/dist\/module\.mjs|unicode-properties\/dist\/module\.mjs|restructure\/src\//);
    expect(log).not.toMatch(/brotli/);
  });

  // Compiled into the bundle as a JavaScript object, the 1.9 MB registry cost ~55 ms more per start.
  it('reads the language subtag registry as JSON, not as bundled code', () => {
    expect(loaderLog('check')).toMatch(/Module\._load REQUEST language-subtag-registry\/data\/json\/registry\.json/);
  });
});
