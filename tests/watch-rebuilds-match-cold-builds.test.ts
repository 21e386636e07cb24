/**
 * A rebuild under `--watch` writes the same bytes as a cold build of the same source, in every
 * format. The warm process keeps its PDF worker, and the documents it renders share word layouts:
 * none of that may show in an output.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';
import { startWatch } from './helpers/watch-process.js';

const env = { SOURCE_DATE_EPOCH: '1700000000' };

it('a rebuild under --watch writes the bytes a cold build of the edited source writes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rv-watch-same-'));
  const source = join(dir, 'rapport.md');
  copyFileSync(join(repoRoot, 'content', 'rapport.md'), source);
  copyFileSync(join(repoRoot, 'content', 'ordliste.yml'), join(dir, 'ordliste.yml'));
  const warm = join(dir, 'warm');
  const w = startWatch(repoRoot, ['build', source, '--out', warm], repoRoot, env);
  try {
    await w.until(() => w.stdout().includes('watching'), 'the first build', 120_000);
    writeFileSync(source, `${readFileSync(source, 'utf8')}\nEit nytt avsnitt skrive medan vakta køyrer.\n`);
    await w.until(() => w.builds() === 2, 'the rebuild', 120_000);
  } finally {
    await w.stop();
  }
  const cold = join(dir, 'cold');
  const built = spawnSync(process.execPath, [join(repoRoot, 'bin', 'rapportverk.js'), 'build', source, '--out', cold, '--quiet'], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  expect(built.status, built.stderr).toBe(0);
  const files = readdirSync(cold).sort();
  expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(2);
  expect(readdirSync(warm).sort()).toEqual(files);
  for (const file of files) expect(readFileSync(join(warm, file)).equals(readFileSync(join(cold, file))), file).toBe(true);
}, 300_000);
