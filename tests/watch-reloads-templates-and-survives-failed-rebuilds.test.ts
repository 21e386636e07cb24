/**
 * `build --watch` reads edited labels and templates on the next rebuild, and a rebuild that throws
 * (here: the output folder replaced by a file) is reported while the watch goes on. The tool runs
 * from a copy of its own files, so editing its templates never touches the repository's.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';

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
  const child = spawn(process.execPath, [join(tool, 'bin', 'rapportverk.js'), 'build', source, '--out', out, '--format', 'docx', '--watch'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const until = async (test: () => boolean, what: string) => {
    for (let waited = 0; !test(); waited += 50) {
      if (waited > 60_000) throw new Error(`timed out waiting for ${what}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const builds = () => stdout.split('\n').filter((l) => l.startsWith('built ')).length;
  try {
    await until(() => stdout.includes('watching'), 'the first build');
    expect(documentXml(join(out, 'vakt.docx'))).toContain('>Innhold<');

    const labels = join(tool, 'templates', 'labels.yml');
    const edited = readFileSync(labels, 'utf8').replace(/^(\s*)contents: Innhold$/m, '$1contents: Innhaldsliste for vakt');
    expect(edited).toContain('Innhaldsliste for vakt');
    writeFileSync(labels, edited);
    await until(() => builds() === 2, 'the rebuild after the labels changed');
    expect(documentXml(join(out, 'vakt.docx'))).toContain('>Innhaldsliste for vakt<');

    rmSync(out, { recursive: true });
    writeFileSync(out, 'not a folder');
    writeFileSync(source, doc('Andre utgave.'));
    await until(() => stderr.includes('still watching') || stderr.includes('internal error'), 'the failed rebuild');
    expect(stderr).toContain('the rebuild failed');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(child.exitCode).toBeNull();

    rmSync(out);
    writeFileSync(source, doc('Tredje utgave.'));
    await until(() => builds() === 3, 'the build after the output folder came back');
    expect(documentXml(join(out, 'vakt.docx'))).toContain('Tredje utgave.');
  } finally {
    child.kill('SIGINT');
  }
  const code = await new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.once('exit', (c) => r(c))));
  expect(code).toBe(0);
}, 180_000);
