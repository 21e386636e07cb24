/**
 * `rapportverk import` against edits made by a real word processor. LibreOffice opens the DOCX
 * the fixture builds, makes one edit per copy through Writer's API (one LibreOffice session for
 * all of them) and saves each as DOCX; each copy is imported back into the fixture, and the test
 * reads the resulting change of the Markdown: only what the editor changed may change.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { structuredPatch } from 'diff';
import { importDocx, type ImportResult } from '../src/import/index.js';
import { loadReport, loadReportText } from '../src/pipeline/load.js';
import { renderDocx } from '../src/render/docx/index.js';
import { walk } from '../src/model/walk.js';
import { fixturesDir, repoRoot, reportPath } from './helpers/paths.js';

const work = mkdtempSync(join(tmpdir(), 'import-word-'));
const source = join(work, 'rapport.md');
const original = readFileSync(join(fixturesDir, 'import', 'rapport.md'), 'utf8');

/** Each edit an editor makes in Writer, on its own copy of the fixture's DOCX. */
const EDITS: Record<string, object[]> = {
  same: [],
  typo: [{ op: 'replace', find: 'bossetting', with: 'bosetting' }],
  rewrite: [{ op: 'rewrite-paragraph', find: 'skal skrives helt om', with: 'Redaktøren har skrevet dette avsnittet på nytt.' }],
  section: [{ op: 'insert-after', find: 'godt sted for dialog', paragraphs: [{ style: 'Heading 1', text: 'Videre arbeid' }, { style: 'Standard', text: 'Departementet følger opp innspillene.' }] }],
  move: [{ op: 'move-paragraph', find: 'skal skrives helt om', after: 'godt sted for dialog' }],
  item: [{ op: 'insert-after', find: 'Mer opplæring i norsk', paragraphs: [{ style: 'List Paragraph', text: 'Bedre tilgang til barnehage.' }] }],
  row: [{ op: 'table-row', after: 'Tolk', cells: ['Skole', 'Fylkene'] }],
  'delete-item': [{ op: 'delete-paragraph', find: 'Flere tolker' }],
  footnote: [{ op: 'footnote', find: 'for dialog', text: 'Se også NOU 2024: 1.' }],
  bold: [{ op: 'bold', find: 'viktig tiltak' }],
  cell: [{ op: 'table-cell', find: 'Kommunene', with: 'Kommunene og fylkene' }],
  comment: [{ op: 'comment', find: 'Staten gir tilskudd', text: 'Hvor mye?' }],
  tracked: [{ op: 'tracked-delete', find: ' hvert år' }],
  lang: [{ op: 'language', find: 'empowerment', lang: 'en-GB' }],
  'heading-level': [{ op: 'style', find: 'Organisasjoner', style: 'Heading 3' }],
  cover: [{ op: 'replace', find: 'Importprøve', with: 'Importprøven' }],
  'text-box': [{ op: 'text-box', find: 'ofte.', text: 'Faktaboks om tolk' }],
};

beforeAll(async () => {
  writeFileSync(source, original);
  const fixture = loadReport(source).doc;
  const report = loadReport(reportPath).doc;
  if (!fixture || !report) throw new Error('the sources did not load');
  writeFileSync(join(work, 'base.docx'), await renderDocx(fixture, { layout: 'report', pages: {} }));
  writeFileSync(join(work, 'report.docx'), await renderDocx(report, { layout: 'report', pages: {} }));
  const jobs = [
    ...Object.entries(EDITS).map(([name, edits]) => ({ input: join(work, 'base.docx'), output: join(work, `${name}.docx`), edits })),
    { input: join(work, 'report.docx'), output: join(work, 'report-saved.docx'), edits: [] },
  ];
  writeFileSync(join(work, 'jobs.json'), JSON.stringify(jobs));
  // The system Python, which has LibreOffice's UNO bindings (python3-uno).
  execFileSync('/usr/bin/python3', [join(repoRoot, 'tests', 'helpers', 'libreoffice-edit.py'), join(work, 'jobs.json')], { stdio: 'pipe', timeout: 400_000 });
}, 420_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function imported(name: string, into = source): Promise<ImportResult & { text: string; original: string }> {
  const result = await importDocx(into, readFileSync(join(work, `${name}.docx`)), { positionsIn: 'original' });
  if (result.text === undefined || result.original === undefined) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  return result as ImportResult & { text: string; original: string };
}

/** The changed lines, `-` for lines taken out and `+` for lines put in. */
function changes(before: string, after: string): string[] {
  return structuredPatch('a', 'b', before, after, '', '', { context: 0 }).hunks.flatMap((h) => h.lines);
}

function rules(result: ImportResult): string[] {
  return result.diagnostics.map((d) => `${d.rule}@${d.pos?.start.line}:${d.pos?.start.column}`);
}

describe('an edit made in LibreOffice comes back as just that change of the Markdown', () => {
  test('a typo fix changes one word and keeps the line wrapping', async () => {
    const r = await imported('typo');
    expect(changes(r.original, r.text)).toEqual(['-Kommunene har ansvar for bossetting. Staten gir tilskudd til', '+Kommunene har ansvar for bosetting. Staten gir tilskudd til']);
    expect(rules(r)).toEqual([]);
  });

  test('a rewritten paragraph replaces that paragraph', async () => {
    const r = await imported('rewrite');
    expect(changes(r.original, r.text)).toEqual(['-Dette avsnittet skal skrives helt om av redaktøren.', '+Redaktøren har skrevet dette avsnittet på nytt.']);
  });

  test('a new section becomes a heading and a paragraph, numbered once when built again', async () => {
    const r = await imported('section');
    expect(changes(r.original, r.text).filter((l) => l.startsWith('-'))).toEqual([]);
    expect(r.text).toContain('Konferansen var et godt sted for dialog.\n\n# Videre arbeid\n\nDepartementet følger opp innspillene.\n\n[kilde]:');
    const { doc, diagnostics } = loadReportText(source, r.text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const headings: string[] = [];
    walk(doc?.body ?? [], (n) => {
      if (n.type === 'heading') headings.push(`${n.number ?? '-'} ${n.children.map((c) => (c.type === 'text' ? c.value : '')).join('')}`);
    });
    expect(headings).toEqual(['- Sammendrag', '1 Bakgrunn', '1.1 Organisasjoner', '2 Oppsummering', '3 Videre arbeid']);
  });

  test('a moved paragraph moves its source lines', async () => {
    const r = await imported('move');
    expect(changes(r.original, r.text)).toEqual(['-Dette avsnittet skal skrives helt om av redaktøren.', '-', '+Dette avsnittet skal skrives helt om av redaktøren.', '+']);
    expect(r.text).toContain('dialog.\n\nDette avsnittet skal skrives helt om av redaktøren.\n\n[kilde]');
  });

  test('a new list item becomes a line with the list’s marker', async () => {
    const r = await imported('item');
    expect(changes(r.original, r.text)).toEqual(['+- Bedre tilgang til barnehage.']);
  });

  test('a new table row becomes a row line', async () => {
    const r = await imported('row');
    expect(changes(r.original, r.text)).toEqual(['+| Skole | Fylkene |']);
  });

  test('a deleted list item removes its line', async () => {
    const r = await imported('delete-item');
    expect(changes(r.original, r.text)).toEqual(['-- Flere tolker i helsetjenesten.']);
  });

  test('a new footnote gets a reference where it was inserted and a definition after the others', async () => {
    const r = await imported('footnote');
    expect(changes(r.original, r.text)).toEqual([
      '-Konferansen var et godt sted for dialog.',
      '+Konferansen var et godt sted for dialog[^2].',
      '+',
      '+[^2]: Se også NOU 2024: 1.',
    ]);
    expect(loadReportText(source, r.text).doc?.footnotes.map((n) => n.number)).toEqual([1, 2]);
  });

  test('a bolded phrase gets ** around it, and the chapter’s plain-language text gets a warning', async () => {
    const r = await imported('bold');
    expect(changes(r.original, r.text)).toEqual([
      '-Dette er en kort rapport om et viktig tiltak for integrering. Teksten er brutt',
      '+Dette er en kort rapport om et **viktig tiltak** for integrering. Teksten er brutt',
    ]);
    expect(rules(r)).toEqual(['import-plain-outdated@14:1']);
  });

  test('a table cell change rewrites that cell only', async () => {
    const r = await imported('cell');
    expect(changes(r.original, r.text)).toEqual(['-| Norskopplæring | Kommunene |', '+| Norskopplæring | Kommunene og fylkene |']);
  });

  test('a comment changes nothing and is reported at the commented words with its author', async () => {
    const r = await imported('comment');
    expect(r.text).toBe(r.original);
    expect(rules(r)).toEqual(['import-comment@20:38']);
    expect(r.diagnostics[0]?.message).toBe('Word comment by Kari Redaktør: "Hvor mye?"');
  });

  test('a tracked deletion is imported accepted and reported with its author and place', async () => {
    const r = await imported('tracked');
    expect(changes(r.original, r.text)).toEqual(['-kommunene hvert år.[^tall]', '+kommunene.[^tall]']);
    expect(rules(r)).toEqual(['import-revision@21:10']);
    expect(r.diagnostics[0]?.message).toMatch(/^tracked deletion of "hvert år" by Kari Redaktør/);
  });

  test('a change of language on a run becomes :lang[…]{lang=…}', async () => {
    const r = await imported('lang');
    expect(changes(r.original, r.text)).toEqual(['-Deltakerne brukte ordet empowerment ofte.', '+Deltakerne brukte ordet :lang[empowerment]{lang=en} ofte.']);
  });

  test('a heading moved to another level changes its # marks only', async () => {
    const r = await imported('heading-level');
    expect(changes(r.original, r.text)).toEqual(['-## Organisasjoner', '+### Organisasjoner']);
  });

  test('a change to the cover is reported, since the cover comes from the front matter', async () => {
    const r = await imported('cover');
    expect(r.text).toBe(r.original);
    expect(rules(r)).toEqual(['import-frame-ignored@1:1']);
  });

  test('a text box is reported with its place, not silently dropped', async () => {
    const r = await imported('text-box');
    expect(r.text).toBe(r.original);
    // Writer anchors a text frame to its paragraph, so its place is the paragraph's start.
    expect(rules(r)).toEqual(['import-unreadable@36:1']);
  });
});

describe('an unedited DOCX saved by LibreOffice', () => {
  test('leaves the fixture byte-identical', async () => {
    const r = await imported('same');
    expect(r.text).toBe(r.original);
    expect(r.diagnostics).toEqual([]);
  });

  test('leaves the real report byte-identical', async () => {
    const copy = join(work, 'report.md');
    copyFileSync(reportPath, copy);
    const r = await imported('report-saved', copy);
    expect(r.text).toBe(readFileSync(reportPath, 'utf8'));
    expect(r.diagnostics).toEqual([]);
  });
});

test('a DOCX built from an older source is refused, as its bookmarks point at other blocks', async () => {
  const older = join(work, 'changed.md');
  writeFileSync(older, original.replace('# Bakgrunn\n', '# Bakgrunn\n\nEt nytt avsnitt skrevet etter at DOCX-en ble laget.\n'));
  const result = await importDocx(older, readFileSync(join(work, 'typo.docx')), { positionsIn: 'original' });
  expect(result.text).toBeUndefined();
  expect(result.diagnostics.map((d) => d.rule)).toEqual(['import-source-changed']);
});

describe('the import command', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, [join(repoRoot, 'bin', 'rapportverk.js'), 'import', ...args], { encoding: 'utf8', cwd: repoRoot });

  test('--dry-run prints a unified diff and changes nothing; without it the source is rewritten', () => {
    const dry = cli(join(work, 'typo.docx'), '--into', source, '--dry-run');
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^-Kommunene har ansvar for bossetting\. Staten gir tilskudd til$/m);
    expect(dry.stdout).toMatch(/^\+Kommunene har ansvar for bosetting\. Staten gir tilskudd til$/m);
    expect(readFileSync(source, 'utf8')).toBe(original);
    const run = cli(join(work, 'typo.docx'), '--into', source);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(source, 'utf8')).toBe(original.replace('bossetting', 'bosetting'));
    writeFileSync(source, original);
  });

  test('a file that is not a DOCX is an error with a hint, and the source stays', () => {
    const run = cli(source, '--into', source);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/error \[import-not-docx\]/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(source, 'utf8')).toBe(original);
  });
});
