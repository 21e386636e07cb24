import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, reportPath } from './helpers/paths.js';

const bin = join(repoRoot, 'bin', 'rapportverk.js');

/** Runs the compiled CLI (npm test compiles first) in a fresh process. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const { SOURCE_DATE_EPOCH: _unset, ...base } = process.env;
  return spawnSync(process.execPath, [bin, ...args], { env: { ...base, ...env }, encoding: 'utf8', cwd: repoRoot });
}

function outputs(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));
}

describe('rapportverk build', () => {
  const first = mkdtempSync(join(tmpdir(), 'rv-build-a-'));
  const second = mkdtempSync(join(tmpdir(), 'rv-build-b-'));
  const epoch = mkdtempSync(join(tmpdir(), 'rv-build-c-'));
  const runs = [cli(['build', reportPath, '--out', first]), cli(['build', reportPath, '--out', second, '--quiet'])];

  it('writes the PDF, the DOCX, the web page and the four plain-language files, and says so', () => {
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    expect([...outputs(first).keys()]).toEqual([
      'rapport.docx',
      'rapport.html',
      'rapport.pdf',
      'rapport.plain.docx',
      'rapport.plain.html',
      'rapport.plain.json',
      'rapport.plain.pdf',
    ]);
    expect(runs[0]!.stdout).toContain(`wrote ${join(first, 'rapport.pdf')}`);
    expect(runs[1]!.stdout).toBe('');
  });

  it('gives byte-identical files for the same source', () => {
    const a = outputs(first);
    const b = outputs(second);
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!), name).toBe(true);
  });

  // Two full builds in child processes: minutes on a busy machine, so the harness waits longer (no timed assertion).
  it('takes its dates from SOURCE_DATE_EPOCH when set', async () => {
    const run = cli(['build', reportPath, '--out', epoch, '--format', 'pdf,docx', '-q'], { SOURCE_DATE_EPOCH: '1700000000' });
    expect(run.status, run.stderr).toBe(0);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(join(epoch, 'rapport.pdf'))), verbosity: 0 }).promise;
    const { info } = (await pdf.getMetadata()) as { info: { CreationDate?: string } };
    expect(info.CreationDate).toBe('D:20231114221320Z');
    await pdf.destroy();
    const again = mkdtempSync(join(tmpdir(), 'rv-build-d-'));
    cli(['build', reportPath, '--out', again, '--format', 'pdf,docx', '-q'], { SOURCE_DATE_EPOCH: '1700000000' });
    expect(readFileSync(join(again, 'rapport.docx')).equals(readFileSync(join(epoch, 'rapport.docx')))).toBe(true);
    // Two full builds in fresh processes: on a busy machine they outlast the default minute.
  }, 240_000);

  it('the PDF worker falls back to rendering in the main thread when the document outgrows its heap', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rv-build-oom-'));
    // A build of several files renders its PDFs in a worker (one file renders in the main thread).
    const run = cli(['build', reportPath, reportPath, '--out', dir, '--format', 'pdf,docx', '-q'], { RAPPORTVERK_WORKER_HEAP_MB: '4' });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'rapport.pdf')).equals(readFileSync(join(first, 'rapport.pdf')))).toBe(true);
  });
});

describe('rapportverk usage', () => {
  it('prints help and version with exit 0', () => {
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('rapportverk build');
    const version = cli(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('refuses an unknown command or format with exit 2 and no stack trace', () => {
    for (const args of [['frobnicate'], ['build', '--format', 'pdf,odt'], ['build', '--no-such-flag']]) {
      const run = cli(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^rapportverk: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
