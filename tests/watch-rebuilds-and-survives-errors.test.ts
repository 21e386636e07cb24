import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';
import { startWatch } from './helpers/watch-process.js';

const doc = (body: string) => `---\ntitle: Vakt\nlang: nb\ndate: 2024-01-02\n---\n\n# Kapittel\n\n${body}\n`;

describe('rapportverk build --watch', () => {
  it('rebuilds after an edit, shows errors without exiting, and stops cleanly on Ctrl+C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rv-watch-'));
    const source = join(dir, 'vakt.md');
    const out = join(dir, 'ut');
    writeFileSync(source, doc('Første utgave.'));
    const w = startWatch(repoRoot, ['build', source, '--out', out, '--format', 'docx'], repoRoot);
    const { until, builds } = w;
    const stderr = () => w.stderr();
    let stopped = false;
    try {
      await until(() => w.stdout().includes('watching'), 'the first build');
      expect(builds()).toBe(1);
      const first = readFileSync(join(out, 'vakt.docx'));

      writeFileSync(source, doc('Andre utgave.'));
      await until(() => builds() === 2, 'the rebuild');
      expect(readFileSync(join(out, 'vakt.docx')).equals(first)).toBe(false);

      writeFileSync(source, doc('<script>ikke lov</script>'));
      await until(() => stderr().includes('not built'), 'the error');
      expect(stderr()).toContain('[html-unsafe]');
      expect(w.child.exitCode).toBeNull();

      writeFileSync(source, doc('Tredje utgave.'));
      await until(() => builds() === 3, 'the build after the fix');
      stopped = true;
      expect(await w.stop()).toBe(0);
    } finally {
      if (!stopped) await w.stop();
    }
  });
});
