/**
 * `rapportverk check` end to end, in a fresh process of the compiled CLI (npm test compiles
 * first): all problems at once, compiler-style lines with hints, JSON for tools, exit codes
 * 0/1/2, and never a stack trace for a content error.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { fixturesDir, repoRoot } from './helpers/paths.js';

const bin = join(repoRoot, 'bin', 'rapportverk.js');
const many = join('tests', 'fixtures', 'checks', 'cli', 'many-problems.md');
const warningsOnly = join('tests', 'fixtures', 'checks', 'messy', 'front-matter-extra-keys.md');

function check(...args: string[]) {
  return spawnSync(process.execPath, [bin, 'check', ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, RAPPORTVERK_DEBUG: '' } });
}

/** A stack frame line ("    at f (file:1:2)") anywhere in the output. */
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

describe('rapportverk check', () => {
  it('reports every problem of a file at once, each with position, rule and hint, and exits 1', () => {
    const run = check(many);
    expect(run.status).toBe(1);
    const heads = run.stderr.split('\n').filter((l) => l.startsWith(many));
    expect(heads).toEqual([
      `${many}:6:1: error [heading-first-not-h1] the first heading is level 2; it must be level 1`,
      `${many}:8:4: warning [link-text-vague] the link text "her" does not say where the link goes`,
      `${many}:8:34: error [raw-html] raw HTML <font color="red"> is not supported`,
      `${many}:8:65: error [footnote-undefined] footnote [^mangler] has no definition`,
      `${many}:10:1: error [image-alt-missing] the image "bilde-som-ikke-finnes.png" has no alt text`,
      `${many}:10:1: error [image-missing] the image "bilde-som-ikke-finnes.png" does not exist`,
      `${many}:12:1: error [table-header-missing] the table has no header row: its first row is empty`,
      `${many}:16:1: error [directive-unknown] unknown directive ::ukjent`,
      `${many}:6:1: warning [plain-subsection-left-out] no sentence of "Starter på nivå to" could be made plain safely, so the plain version leaves it out`,
    ]);
    // Every diagnostic line is followed by its one-line hint.
    const lines = run.stderr.split('\n');
    for (const head of heads) expect(lines[lines.indexOf(head) + 1]).toMatch(/^ {2}hint: \S/);
    expect(run.stderr).toContain('7 error(s), 2 warning(s)');
    expect(run.stderr).not.toMatch(STACK);
  });

  it('--format json prints the same diagnostics as a JSON array on stdout', () => {
    const run = check('--format', 'json', many);
    expect(run.status).toBe(1);
    const list = JSON.parse(run.stdout) as Diagnostic[];
    expect(list.map((d) => `${d.pos?.start.line}:${d.pos?.start.column} ${d.severity} ${d.rule}`)).toEqual([
      '6:1 error heading-first-not-h1',
      '8:4 warning link-text-vague',
      '8:34 error raw-html',
      '8:65 error footnote-undefined',
      '10:1 error image-alt-missing',
      '10:1 error image-missing',
      '12:1 error table-header-missing',
      '16:1 error directive-unknown',
      '6:1 warning plain-subsection-left-out',
    ]);
    for (const d of list) expect(d).toMatchObject({ file: many, message: expect.any(String), hint: expect.any(String) });
  });

  it('warnings alone exit 0, and 1 under --strict', () => {
    const loose = check(warningsOnly);
    expect(loose.stderr).toContain('[front-matter-unknown-key]');
    expect(loose.status).toBe(0);
    expect(check('--strict', warningsOnly).status).toBe(1);
  });

  it('a clean file exits 0 with no diagnostics', () => {
    const run = check('--format', 'json', join('tests', 'fixtures', 'checks', 'messy', 'lists-nested-four-deep.md'));
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as Diagnostic[]).filter((d) => !d.rule.startsWith('plain-'))).toEqual([]);
  });

  it('shows the hardest sentences of the plain version with the source position they come from', () => {
    const file = join('tests', 'fixtures', 'plain-generated', 'rapport.md');
    const run = check(file);
    const lines = run.stdout.split('\n');
    const start = lines.indexOf('Hardest sentences of the plain version (a :::klarsprak block in their chapter helps most):');
    expect(start).toBeGreaterThan(0);
    const worst = lines.slice(start + 1).filter((l) => l.trim());
    expect(worst.length).toBeGreaterThanOrEqual(3);
    // Hardest first, each "file:line:col  LIX n (w words, l long)  sentence"; line 16 is the paragraph about the minister's visit.
    expect(worst[0]).toBe(`  ${file}:16:1  LIX 49.9 (7 words, 3 long)  Minister Kari Nordmann besøkte rådet i mai.`);
    const lix = worst.map((l) => Number(/LIX (\d+\.\d)/.exec(l)?.[1]));
    expect(lix).toEqual([...lix].sort((a, b) => b - a));
  });

  it('checks several files in one run and reports each by name', () => {
    const other = join('tests', 'fixtures', 'checks', 'rules', 'heading-empty.md');
    const run = check('--format', 'json', many, other);
    const files = new Set((JSON.parse(run.stdout) as Diagnostic[]).map((d) => d.file));
    expect(files).toEqual(new Set([many, other]));
    expect(run.status).toBe(1);
  });

  it('usage mistakes exit 2 with a pointer to --help', () => {
    const run = check('--format', 'yaml', many);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Try 'rapportverk --help'");
  });

  it('a missing file, invalid UTF-8 and 10 000 nested quotes are content errors without a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rv-cli-'));
    const deep = join(dir, 'dyp.md');
    writeFileSync(deep, `---\ntitle: T\nlang: nb\n---\n\n# T\n\n${'> '.repeat(10_000)}x\n`);
    const cases: [string, string][] = [
      [join(dir, 'finnes-ikke.md'), 'input-unreadable'],
      [join(fixturesDir, 'checks', 'rules', 'invalid-utf8.md'), 'invalid-utf8'],
      [deep, 'nesting-too-deep'],
    ];
    for (const [file, rule] of cases) {
      const run = check(file);
      expect({ file, status: run.status }).toEqual({ file, status: 1 });
      expect(run.stderr).toContain(`[${rule}]`);
      expect(run.stderr).not.toMatch(STACK);
      expect(run.stderr).not.toContain('internal error');
    }
  });
});
