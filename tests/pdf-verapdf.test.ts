/**
 * veraPDF, the reference validator, finds no failed rule of PDF/UA-1 or PDF/A-2a in the report,
 * its plain version, the PDF fixtures (both layouts), and every real-world document that builds.
 * One JVM validates them all (scripts/verapdf.ts).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { loadReport } from '../src/pipeline/load.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { renderPlain } from '../src/build/plain-format.js';
import { fixturesDir, reportPath, sharedDir } from './helpers/paths.js';
import { loadFixture } from './helpers/pdf-render.js';
import { outputBytes } from './helpers/outputs.js';
import { describeVerdict, passed, validatePdfs, type Verdict } from '../scripts/verapdf.js';

const out = mkdtempSync(join(tmpdir(), 'rv-verapdf-'));
const realworldDir = join(sharedDir, 'testdata', 'realworld');

/** The Markdown files under a folder, recursively, sorted. */
function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(dir, name))
    .sort();
}

/** Writes a PDF to the scratch folder under a name that says where it came from. */
function save(name: string, bytes: Uint8Array): string {
  const file = join(out, `${name.replace(/[^\w.-]+/g, '_')}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

const fixtures = readdirSync(fixturesDir)
  .filter((name) => name.startsWith('pdf-'))
  .flatMap((name) => markdownUnder(join(fixturesDir, name)));
/** The real-world documents that build: no errors when loaded and checked. */
const realworld = markdownUnder(realworldDir).filter((file) => basename(file) !== 'SOURCES.md');

const always: string[] = [];
const builtRealworld: string[] = [];
let unclaimed = '';
let verdicts = new Map<string, Verdict[]>();

beforeAll(async () => {
  const report = loadFixture(reportPath);
  always.push(save('rapport', await renderPdf(report)));
  always.push(save('rapport.plain', outputBytes(await renderPlain(report), '.plain.pdf')));
  for (const file of fixtures) {
    const doc = loadFixture(file);
    const name = relative(fixturesDir, file);
    always.push(save(name, await renderPdf(doc)));
    always.push(save(`${name}.easy`, await renderPdf(doc, { layout: 'easy' })));
  }
  for (const file of realworld) {
    const { doc, diagnostics } = loadReport(file);
    if (!doc || diagnostics.some((d) => d.severity === 'error')) continue;
    builtRealworld.push(save(relative(realworldDir, file), await renderPdf(doc)));
  }
  // A PDF that claims nothing and tags nothing: proves the validator run can fail.
  const bare = await PDFDocument.create();
  bare.addPage().drawText('untagged');
  unclaimed = save('unclaimed', await bare.save({ useObjectStreams: false }));
  const all = validatePdfs([...always, ...builtRealworld, unclaimed]);
  verdicts = new Map();
  for (const verdict of all) verdicts.set(verdict.file, [...(verdicts.get(verdict.file) ?? []), verdict]);
}, 600_000);

/** Each file's verdicts for both profiles; the failed rules when any fail. */
function failures(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const found = verdicts.get(file) ?? [];
    if (found.length !== 2) return [`${file}: expected a PDF/UA-1 and a PDF/A-2a verdict, got ${found.length}`];
    return found.filter((v) => !passed(v)).flatMap(describeVerdict);
  });
}

describe('veraPDF (PDF/UA-1 and PDF/A-2a)', () => {
  test('the report, its plain version and every PDF fixture in both layouts fail no rule', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(3);
    expect(always.length).toBe(2 + 2 * fixtures.length);
    expect(failures(always).join('\n')).toBe('');
  });

  test('every real-world document that builds fails no rule', () => {
    // Which of them build changes as the Markdown reader grows; each one that does is validated.
    expect(failures(builtRealworld).join('\n')).toBe('');
  });

  test('a PDF without tags or claims fails both profiles', () => {
    const found = verdicts.get(unclaimed) ?? [];
    expect(found.map((v) => ('profile' in v ? v.profile : v.error)).sort()).toEqual(['2a', 'ua1']);
    expect(found.some(passed)).toBe(false);
    expect(found.flatMap(describeVerdict).join('\n')).toMatch(/ISO 14289-1:2014 clause \S+ test \d+ failed/);
  });
});
