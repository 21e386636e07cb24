import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';

const doc = (body: string) => `---\ntitle: Vakt\nlang: nb\ndate: 2024-01-02\n---\n\n# Kapittel\n\n${body}\n`;

describe('rapportverk build --watch', () => {
  it('rebuilds after an edit, shows errors without exiting, and stops cleanly on Ctrl+C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rv-watch-'));
    const source = join(dir, 'vakt.md');
    const out = join(dir, 'ut');
    writeFileSync(source, doc('Første utgave.'));
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'rapportverk.js'), 'build', source, '--out', out, '--format', 'docx', '--watch'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const until = async (test: () => boolean, what: string) => {
      for (let waited = 0; !test(); waited += 50) {
        if (waited > 30_000) throw new Error(`timed out waiting for ${what}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const builds = () => stdout.split('\n').filter((l) => l.startsWith('built ')).length;
    try {
      await until(() => stdout.includes('watching'), 'the first build');
      expect(builds()).toBe(1);
      const first = readFileSync(join(out, 'vakt.docx'));

      writeFileSync(source, doc('Andre utgave.'));
      await until(() => builds() === 2, 'the rebuild');
      expect(readFileSync(join(out, 'vakt.docx')).equals(first)).toBe(false);

      writeFileSync(source, doc('<script>ikke lov</script>'));
      await until(() => stderr.includes('not built'), 'the error');
      expect(stderr).toContain('[html-unsafe]');
      expect(child.exitCode).toBeNull();

      writeFileSync(source, doc('Tredje utgave.'));
      await until(() => builds() === 3, 'the build after the fix');
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(0);
  });
});
