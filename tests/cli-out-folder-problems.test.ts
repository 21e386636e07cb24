/** `build --out` that cannot be a folder is a usage error (exit 2) with a message, never a hang or "internal error". */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot } from './helpers/paths.js';

const bin = join(repoRoot, 'bin', 'rapportverk.js');
const source = join(fixturesDir, 'pdf-all-constructs', 'report.md');
const dir = mkdtempSync(join(tmpdir(), 'rv-out-'));
const file = join(dir, 'a-file');
writeFileSync(file, 'x');
const dangling = join(dir, 'dangling');
symlinkSync(join(dir, 'nothing-here'), dangling);

function build(out: string) {
  return spawnSync(process.execPath, [bin, 'build', source, '--out', out, '--format', 'docx', '--quiet'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, RAPPORTVERK_DEBUG: '' },
  });
}

describe('build --out', () => {
  it.each([
    ['/proc/nope', 'cannot make the folder /proc/nope'],
    [file, 'exists and is not a folder'],
    [dangling, 'symbolic link to something that does not exist'],
    [join(file, 'inside'), `${file} is a file`],
  ])('%s is a usage error that says why', (out, says) => {
    const run = build(out);
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`--out ${out}: `);
    expect(run.stderr).toContain(says);
    expect(run.stderr).not.toContain('internal error');
  });

  it('makes a missing folder, parents included', () => {
    const run = build(join(dir, 'new', 'deeper'));
    expect(run.status).toBe(0);
  });
});
