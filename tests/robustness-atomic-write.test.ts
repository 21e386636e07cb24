/**
 * A failed build leaves earlier outputs untouched: content errors stop it before any write, and
 * a write that fails half-way removes its temporary files and replaces nothing.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFile } from '../src/build/build.js';
import { writeAtomically } from '../src/build/write.js';

const GOOD = '---\ntitle: Prøve\nlang: nb\n---\n\n# Tittel\n\nEn kort tekst om noe.\n';

describe('a failed build leaves earlier outputs untouched', () => {
  it('a content error after a good build changes no output file and leaves no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rv-atomic-'));
    const source = join(dir, 'rapport.md');
    const out = join(dir, 'dist');
    writeFileSync(source, GOOD);
    const first = await buildFile(source, { outDir: out, formats: ['docx'], strict: false });
    expect(first.ok).toBe(true);
    const before = new Map(readdirSync(out).map((f) => [f, { bytes: readFileSync(join(out, f)), mtime: statSync(join(out, f)).mtimeMs }]));
    expect([...before.keys()]).toEqual(['rapport.docx']);

    writeFileSync(source, `${GOOD}\n<script>alert('rå HTML')</script>\n`);
    const second = await buildFile(source, { outDir: out, formats: ['docx'], strict: false });
    expect(second.ok).toBe(false);
    expect(second.written).toEqual([]);
    expect(second.diagnostics.map((d) => d.rule)).toContain('html-unsafe');
    const after = new Map(readdirSync(out).map((f) => [f, { bytes: readFileSync(join(out, f)), mtime: statSync(join(out, f)).mtimeMs }]));
    expect(after).toEqual(before);
  });

  it('a write that fails half-way removes what it staged and keeps the earlier files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rv-atomic-'));
    writeFileSync(join(dir, 'rapport.pdf'), 'earlier pdf');
    // A file where the second output's folder should be: its write must fail.
    writeFileSync(join(dir, 'blocked'), 'not a folder');
    expect(() =>
      writeAtomically([
        { path: join(dir, 'rapport.pdf'), bytes: new TextEncoder().encode('new pdf') },
        { path: join(dir, 'blocked', 'rapport.docx'), bytes: new TextEncoder().encode('new docx') },
      ]),
    ).toThrow();
    expect(readFileSync(join(dir, 'rapport.pdf'), 'utf8')).toBe('earlier pdf');
    expect(readdirSync(dir).sort()).toEqual(['blocked', 'rapport.pdf']);
  });

  it('a rename that fails leaves no temporary file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rv-atomic-'));
    // A non-empty folder where the second output goes: writing its temporary file works, renaming it over the folder fails.
    mkdirSync(join(dir, 'rapport.docx'));
    writeFileSync(join(dir, 'rapport.docx', 'inside'), 'x');
    expect(() =>
      writeAtomically([
        { path: join(dir, 'rapport.pdf'), bytes: new TextEncoder().encode('new pdf') },
        { path: join(dir, 'rapport.docx'), bytes: new TextEncoder().encode('new docx') },
        { path: join(dir, 'rapport.html'), bytes: new TextEncoder().encode('new html') },
      ]),
    ).toThrow();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['rapport.docx', 'rapport.pdf']);
  });
});
