/**
 * `build --watch` reads edited labels and templates on the next rebuild, and a rebuild that throws
 * (here: the output folder replaced by a file) is reported while the watch goes on. The tool runs
 * from a copy of its own files, so editing its templates never touches the repository's.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';
import { startWatch } from './helpers/watch-process.js';

const doc = (body: string) => `---\ntitle: Vakt\nlang: nb\ndate: 2024-01-02\n---\n\n# Kapittel\n\n${body}\n`;

function documentXml(path: string): string {
  return strFromU8(unzipSync(readFileSync(path))['word/document.xml'] ?? new Uint8Array());
}

it('reloads labels.yml on change, and keeps watching after a rebuild that throws', async () => {
  const tool = mkdtempSync(join(tmpdir(), 'rv-watch-tool-'));
  for (const part of ['bin', 'build', 'templates', 'fonts', 'package.json']) cpSync(join(repoRoot, part), join(tool, part), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(tool, 'node_modules'));
  const dir = mkdtempSync(join(tmpdir(), 'rv-watch-src-'));
  const source = join(dir, 'vakt.md');
  const out = join(dir, 'ut');
  writeFileSync(source, doc('Første utgave.'));
  const w = startWatch(tool, ['build', source, '--out', out, '--format', 'docx'], dir);
  const until = (test: () => boolean, what: string) => w.until(test, what, 60_000);
  let stopped = false;
  try {
    await until(() => w.stdout().includes('watching'), 'the first build');
    expect(documentXml(join(out, 'vakt.docx'))).toContain('>Innhold<');

    const labels = join(tool, 'templates', 'labels.yml');
    const edited = readFileSync(labels, 'utf8').replace(/^(\s*)contents: Innhold$/m, '$1contents: Innhaldsliste for vakt');
    expect(edited).toContain('Innhaldsliste for vakt');
    writeFileSync(labels, edited);
    await until(() => w.builds() === 2, 'the rebuild after the labels changed');
    expect(documentXml(join(out, 'vakt.docx'))).toContain('>Innhaldsliste for vakt<');

    rmSync(out, { recursive: true });
    writeFileSync(out, 'not a folder');
    writeFileSync(source, doc('Andre utgave.'));
    await until(() => w.stderr().includes('still watching') || w.stderr().includes('internal error'), 'the failed rebuild');
    expect(w.stderr()).toContain('the rebuild failed');
    expect(w.stderr()).not.toMatch(/\n\s+at /);
    expect(w.child.exitCode).toBeNull();

    rmSync(out);
    writeFileSync(source, doc('Tredje utgave.'));
    await until(() => w.builds() === 3, 'the build after the output folder came back');
    expect(documentXml(join(out, 'vakt.docx'))).toContain('Tredje utgave.');
    stopped = true;
    expect(await w.stop()).toBe(0);
  } finally {
    if (!stopped) await w.stop();
  }
}, 180_000);
