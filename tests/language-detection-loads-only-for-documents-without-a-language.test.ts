import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';

const bin = join(repoRoot, 'bin', 'rapportverk.js');
const body = '# Tittel\n\nDette er en kort norsk tekst om arbeid, utdanning og helse i kommunene. Den har flere setninger.\n';

/** `check` of a source, with Node's module loader telling what it loads; returns stderr. */
function checkWithLoaderLog(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rv-franc-'));
  const file = join(dir, 'tekst.md');
  writeFileSync(file, source);
  const run = spawnSync(process.execPath, [bin, 'check', file], { env: { ...process.env, NODE_DEBUG: 'module' }, encoding: 'utf8' });
  expect(run.status).toBe(0);
  return run.stderr;
}

describe('language detection', () => {
  // franc-all's trigram tables took about 0.1 s of every cold start.
  it('loads franc only for a document that does not give its language', () => {
    const detected = checkWithLoaderLog(body);
    expect(detected).toContain('[lang-detected]');
    expect(detected).toMatch(/Module\._load REQUEST franc-all/);

    const given = checkWithLoaderLog(`---\nlang: nb\n---\n\n${body}`);
    expect(given).not.toContain('[lang-detected]');
    expect(given).not.toMatch(/franc/);
  });
});
