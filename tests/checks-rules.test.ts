/**
 * One fixture per authoring rule: each proves its rule id, severity, exact line:column and a
 * hint, and that the same file produces no other errors (so every fixture tests one thing).
 */
import { mkdtempSync, copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport, loadReportText } from '../src/pipeline/load.js';
import { formatDiagnostic, type Diagnostic } from '../src/diagnostics.js';
import { fixturesDir } from './helpers/paths.js';

const rulesDir = join(fixturesDir, 'checks', 'rules');

/** fixture file → the diagnostic it must produce: rule, severity, line, column, and words of the message. */
const cases: [file: string, rule: string, severity: 'error' | 'warning', line: number, column: number, says: string][] = [
  ['lang-detected.md', 'lang-detected', 'warning', 1, 1, 'too short to tell'],
  ['front-matter-unclosed.md', 'front-matter-missing', 'error', 1, 1, 'never closed'],
  ['title-from-file-name.md', 'title-from-file-name', 'warning', 1, 1, '"title-from-file-name" after its file'],
  ['front-matter-yaml.md', 'front-matter-yaml', 'error', 4, 20, 'not valid YAML'],
  ['front-matter-extra-key.md', 'front-matter-unknown-key', 'warning', 4, 1, '"department"'],
  ['front-matter-invalid.md', 'front-matter-invalid', 'error', 4, 1, 'YYYY-MM-DD'],
  ['image-alt-missing.md', 'image-alt-missing', 'error', 8, 1, 'no alt text'],
  ['image-missing.md', 'image-missing', 'error', 8, 1, 'does not exist'],
  ['image-format.md', 'image-format', 'error', 8, 1, 'not a PNG or JPEG'],
  ['image-unreadable.md', 'image-unreadable', 'error', 8, 1, 'cannot be read'],
  ['image-dotdot.md', 'image-outside', 'error', 8, 1, 'outside the project root'],
  // A path from the root is the project root's, never the machine's.
  ['image-absolute.md', 'image-missing', 'error', 8, 1, '"/etc/passwd" does not exist'],
  ['image-remote.md', 'image-remote', 'error', 8, 1, 'never fetches'],
  ['image-moved.md', 'image-moved', 'warning', 8, 11, 'placed after the paragraph'],
  ['figure-caption-numbered.md', 'figure-caption-numbered', 'warning', 8, 1, '"Figur 3:"'],
  ['figure-src-missing.md', 'figure-src-missing', 'error', 8, 1, 'needs a src'],
  ['heading-level-skipped.md', 'heading-level-skipped', 'warning', 8, 1, 'treated as level 2'],
  ['heading-empty.md', 'heading-empty', 'warning', 8, 1, 'no text'],
  ['heading-id-duplicate.md', 'heading-id-duplicate', 'warning', 8, 1, '"#mål"'],
  ['table-header-missing.md', 'table-header-missing', 'warning', 8, 1, 'no column headings'],
  ['table-header-empty.md', 'table-header-empty', 'error', 8, 6, 'column heading is empty'],
  ['table-delimiter-missing.md', 'table-delimiter-missing', 'warning', 8, 1, 'look like a table'],
  ['table-too-wide.md', 'table-too-wide', 'warning', 8, 1, '21 columns'],
  ['footnote-undefined.md', 'footnote-undefined', 'error', 8, 11, '[^kilde] has no definition'],
  ['footnote-unused.md', 'footnote-unused', 'warning', 10, 1, '[^ubrukt] is never referenced'],
  ['footnote-duplicate.md', 'footnote-duplicate', 'warning', 12, 1, 'defined twice'],
  ['link-text-vague.md', 'link-text-vague', 'warning', 8, 21, '"her"'],
  ['link-text-url.md', 'link-text-url', 'warning', 8, 4, 'bare web address'],
  ['link-text-empty.md', 'link-text-empty', 'error', 8, 4, 'no text'],
  ['link-unsafe.md', 'link-unsafe', 'error', 8, 4, 'javascript:'],
  ['link-unsafe-hidden.md', 'link-unsafe', 'error', 8, 4, 'javascript:'],
  ['link-scheme.md', 'link-scheme', 'warning', 8, 4, 'ftp:'],
  ['link-invalid.md', 'link-invalid', 'warning', 8, 4, 'not a valid https: address'],
  ['link-target-missing.md', 'link-target-missing', 'error', 8, 4, '"#bakgrunn"'],
  ['link-relative.md', 'link-relative', 'warning', 8, 4, 'vedlegg.pdf'],
  ['link-reference-undefined.md', 'link-reference-undefined', 'warning', 8, 4, '[ssb]'],
  ['html-unsafe.md', 'html-unsafe', 'error', 8, 1, '<script> is not allowed'],
  ['html-colour-only.md', 'html-colour-only', 'warning', 8, 10, '<span> sets a colour'],
  ['html-unknown-tag.md', 'html-unknown-tag', 'warning', 8, 21, '<major> is no HTML element, so it is printed as written'],
  ['html-table-ragged.md', 'html-table-ragged', 'warning', 9, 1, 'a row is shorter than the widest'],
  ['directive-unknown.md', 'directive-unknown', 'error', 8, 1, '::video'],
  ['lang-span-invalid.md', 'lang-span-invalid', 'error', 8, 10, '"engelsk"'],
  ['glyph-missing.md', 'glyph-missing', 'error', 8, 6, 'U+0E01 THAI CHARACTER KO KAI (ก)'],
  ['glyph-missing-entity.md', 'glyph-missing', 'error', 8, 13, 'U+0E01 THAI CHARACTER KO KAI'],
  ['replacement-character.md', 'replacement-character', 'error', 8, 3, 'U+FFFD REPLACEMENT CHARACTER (�) marks text damaged by a wrong character encoding (2 times'],
  ['control-character-nul.md', 'control-character', 'error', 8, 4, 'U+0000 NULL'],
  ['control-character.md', 'control-character', 'error', 8, 6, 'U+0007 ALERT'],
  ['invalid-utf8.md', 'invalid-utf8', 'error', 8, 3, '0xe5'],
  ['nesting-too-deep.md', 'nesting-too-deep', 'error', 8, 49, 'more than 24 levels'],
];

function found(diagnostics: Diagnostic[], rule: string): Diagnostic | undefined {
  return diagnostics.find((d) => d.rule === rule);
}

describe('each rule reports its diagnostic at the exact place', () => {
  it.each(cases)('%s → [%s]', (file, rule, severity, line, column, says) => {
    const { diagnostics } = loadReport(join(rulesDir, file));
    const d = found(diagnostics, rule);
    expect(d, diagnostics.map(formatDiagnostic).join('\n')).toBeDefined();
    expect({ severity: d?.severity, line: d?.pos?.start.line, column: d?.pos?.start.column }).toEqual({ severity, line, column });
    expect(d?.message).toContain(says);
    expect(d?.hint ?? '').not.toBe('');
    // The fixture shows this one problem: no other rule raises an error.
    const others = diagnostics.filter((x) => x.severity === 'error' && x.rule !== rule);
    expect(others.map(formatDiagnostic)).toEqual([]);
  });
});

it('a bare web address is a warning in running text but the reference itself in a footnote; e-mail addresses are fine', () => {
  const text = '---\ntitle: T\nlang: nb\n---\n\n# T\n\nSe https://example.org/a og <post@example.org>.[^1]\n\n[^1]: Kilde: <https://example.org/b>\n';
  const found = loadReportText(join(rulesDir, 'x.md'), text).diagnostics.filter((d) => d.rule.startsWith('link-'));
  expect(found.map((d) => `${d.rule} ${d.pos?.start.line}:${d.pos?.start.column}`)).toEqual(['link-text-url 8:4']);
});

it('misspelt directives and front matter keys get a "did you mean"', () => {
  const text = '---\ntitle: T\nlang: nb\ntittel: U\nkeyword: A\n---\n\n# T\n\n:::klarspråk\nx\n:::\n\n::figur{src=a.png}\n\nSe :lan[x]{lang=en}.\n';
  const found = loadReportText(join(rulesDir, 'x.md'), text).diagnostics.map((d) => `${d.pos?.start.line} ${d.message} | ${d.hint}`);
  expect(found).toEqual([
    '4 unknown front matter key "tittel" is ignored; did you mean "title"? | rename it to "title"',
    '5 unknown front matter key "keyword" is ignored; did you mean "keywords"? | rename it to "keywords"',
    '10 unknown directive :::klarspråk; did you mean :::klarsprak? | write it as :::klarsprak on its own line, the plain text, then ::: on its own line',
    '14 unknown directive ::figur; did you mean ::figure? | write it as ::figure{src="bilde.png" alt="What the image shows"}',
    '16 unknown directive :lan; did you mean :lang? | write it as :lang[text]{lang=en}',
  ]);
  const attrs = loadReportText(join(rulesDir, 'x.md'), '---\ntitle: T\nlang: nb\n---\n\n# T\n\n::figure{src=img/chart.png alt="Søyler" captoin="Figur 1" width=50}\n')
    .diagnostics.map((d) => `${d.rule} ${d.pos?.start.line} ${d.message} | ${d.hint}`);
  expect(attrs).toEqual([
    'directive-attribute-unknown 8 ::figure has no attribute "captoin"; it is ignored | did you mean "caption"?',
    'directive-attribute-unknown 8 ::figure has no attribute "width"; it is ignored | ::figure takes src, alt, caption, decorative, id',
  ]);
});

it('a character only the code font has is reported where it stands in running text, not in code', () => {
  const { diagnostics } = loadReport(join(rulesDir, 'glyph-missing-entity.md'));
  const lines = diagnostics.filter((d) => d.message.includes('U+2500'));
  expect(lines.map((d) => [d.pos?.start.line, d.pos?.start.column, d.message])).toEqual([
    [8, 35, 'the text font cannot draw U+2500 BOX DRAWINGS LIGHT HORIZONTAL (─)'],
  ]);
});

describe('rules that need a file system set up at test time', () => {
  const fm = '---\ntitle: Prøve\nlang: nb\n---\n\n# Tittel\n\n';

  it('an image that is a symlink to a file outside the content folder is refused', () => {
    const outside = mkdtempSync(join(tmpdir(), 'rv-outside-'));
    const content = mkdtempSync(join(tmpdir(), 'rv-content-'));
    copyFileSync(join(rulesDir, 'img', 'chart.png'), join(outside, 'secret.png'));
    symlinkSync(join(outside, 'secret.png'), join(content, 'chart.png'));
    writeFileSync(join(content, 'r.md'), `${fm}![Søyler](chart.png)\n`);
    const d = found(loadReport(join(content, 'r.md')).diagnostics, 'image-outside');
    expect(d?.message).toContain('link to a file outside');
    expect(d?.pos?.start).toMatchObject({ line: 8, column: 1 });
  });

  it('a symlinked folder leading out of the content folder is refused too', () => {
    const outside = mkdtempSync(join(tmpdir(), 'rv-outside-'));
    const content = mkdtempSync(join(tmpdir(), 'rv-content-'));
    copyFileSync(join(rulesDir, 'img', 'chart.png'), join(outside, 'chart.png'));
    symlinkSync(outside, join(content, 'bilder'));
    writeFileSync(join(content, 'r.md'), `${fm}![Søyler](bilder/chart.png)\n`);
    expect(found(loadReport(join(content, 'r.md')).diagnostics, 'image-outside')).toBeDefined();
  });

  it('a source larger than the limit is refused before it is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rv-big-'));
    const file = join(dir, 'stor.md');
    writeFileSync(file, '');
    truncateSync(file, 21 * 1024 * 1024); // sparse: no 21 MB written to disk
    const d = found(loadReport(file).diagnostics, 'input-too-large');
    rmSync(dir, { recursive: true, force: true });
    expect(d?.message).toContain('21.0 MB');
  });

  it('broken front matter does not hide the problems in the body', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rv-front-'));
    writeFileSync(join(dir, 'r.md'), '---\ntitle: [uavsluttet\n---\n\n## Nivå to\n\n![](mangler.png)\n');
    const rules = loadReport(join(dir, 'r.md')).diagnostics.map((d) => `${d.rule} ${d.pos?.start.line}`);
    expect(rules).toEqual(['front-matter-yaml 2', 'image-alt-missing 7', 'image-missing 7']);
  });

  it('a missing source file is one clear error, not an exception', () => {
    const d = found(loadReport('/nonexistent/rapport.md').diagnostics, 'input-unreadable');
    expect(d?.message).toContain('no such file');
  });

  it('an image inside the content folder in a subfolder passes and gets its real path', () => {
    const content = mkdtempSync(join(tmpdir(), 'rv-content-'));
    mkdirSync(join(content, 'figurer'));
    copyFileSync(join(rulesDir, 'img', 'chart.png'), join(content, 'figurer', 'chart.png'));
    writeFileSync(join(content, 'r.md'), `${fm}![Søyler](figurer/chart.png "Deltakelse per år")\n`);
    const { doc, diagnostics } = loadReport(join(content, 'r.md'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const figure = doc?.body.find((b) => b.type === 'figure');
    expect(figure).toMatchObject({ type: 'figure', path: join(content, 'figurer', 'chart.png') });
  });
});
