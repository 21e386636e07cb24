/**
 * Limits give clear errors, never a stack overflow or a parse that takes minutes: thousands of
 * nested quotes, list markers, emphasis markers or brackets, and tens of thousands of closers
 * without an opener or links left open, each at the guard's exact position.
 */
import { describe, expect, it } from 'vitest';
import { loadReportText } from '../src/pipeline/load.js';
import { formatDiagnostic } from '../src/diagnostics.js';
import { MAX_NESTING, MAX_INLINE_NESTING } from '../src/parse/to-model.js';
import { MAX_SCANNED_NESTING } from '../src/parse/nesting-guard.js';
import { MAX_SCANNED_INLINE_NESTING } from '../src/parse/inline-guard.js';

const FRONT = '---\ntitle: T\nlang: nb\n---\n\n# T\n\n';

function errors(body: string): string[] {
  return loadReportText('dyp.md', FRONT + body)
    .diagnostics.filter((d) => d.severity === 'error')
    .map(formatDiagnostic);
}

describe('nesting limits', () => {
  it.each([
    ['block quotes', '> '],
    ['bullet list markers', '- '],
    ['numbered list markers', '1. '],
    ['quotes and lists mixed', '> - '],
  ])('10 000 nested %s give one error at the marker past the limit', (_name, marker) => {
    const found = errors(`${marker.repeat(10_000)}x\n`);
    const level = MAX_SCANNED_NESTING + 1;
    // The marker that opens level 65 starts after 64 levels' worth of markers.
    const column = marker.includes('>') && marker.length > 2 ? 1 + (level - 1) * 2 : 1 + (level - 1) * marker.length;
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`dyp.md:8:${column}: error [nesting-too-deep]`);
  });

  it('nesting by indentation is caught by the same scan', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- nivå ${i + 1}`).join('\n');
    const found = errors(`${lines}\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/dyp\.md:\d+:\d+: error \[nesting-too-deep\] this line nests/);
  });

  it('between the converter limit and the scan limit the converter reports the exact node', () => {
    const found = errors(`${'> '.repeat(MAX_NESTING + 5)}x\n`);
    expect(found).toEqual([
      `dyp.md:8:${2 * MAX_NESTING + 1}: error [nesting-too-deep] lists and block quotes are nested more than ${MAX_NESTING} levels deep\n` +
        '  hint: flatten the structure: readers cannot follow such deep nesting either',
    ]);
  });

  it('the nesting a report needs passes', () => {
    expect(errors(`${'> '.repeat(MAX_NESTING - 1)}x\n`)).toEqual([]);
  });

  it('100 levels of nested emphasis: the converter reports the limit, no stack overflow', () => {
    const found = errors(`${'*a '.repeat(100)}x${' b*'.repeat(100)}\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`dyp.md:8:${3 * MAX_INLINE_NESTING + 2}: error [nesting-too-deep] inline markup (emphasis, links, …) is nested more than ${MAX_INLINE_NESTING} levels`);
  });

  it.each([
    ['emphasis', '*a ', ' b*'],
    ['emphasis over many lines', '_a\n', '\nb_'],
    ['brackets', '[a ', '](u)'],
  ])('10 000 levels of nested %s are refused in well under a second, before parsing', (_name, open, close) => {
    const started = performance.now();
    const found = errors(`${open.repeat(10_000)}x${close.repeat(10_000)}\n`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`error [nesting-too-deep] this paragraph opens ${MAX_SCANNED_INLINE_NESTING + 1} emphasis markers or brackets`);
  });

  it.each([
    ['emphasis closers with no opener', '', 'a_ ', 2],
    ['asterisks and underscores alternating', '', '_*', 2],
    ['closers the rule of three keeps from their opener', 'a**b', 'c* ', 6],
    ['link closers with no opener', '', 'a]', 2],
    ['links whose destination is never closed', '', '[a](<b', 3],
    ['links whose title is never closed', '', '[ (](', 4],
  ])('%s, 40 000 times in one paragraph, are refused in well under a second, before parsing', (_name, head, pattern, column) => {
    const started = performance.now();
    const found = errors(`${head}${pattern.repeat(40_000)}\n`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`dyp.md:8:${column}: error [markup-unmatched]`);
  });

  it('40 000 bracketed words that are no links, in one paragraph, are read in linear time', () => {
    // micromark merged the text between them by splicing the event list once per run: 7 s here.
    const started = performance.now();
    expect(errors(`${'[x] '.repeat(40_000)}\n`)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('closers without an opener in ordinary amounts pass, also over many paragraphs', () => {
    const body = Array.from({ length: 300 }, (_, i) => `Avsnitt ${i} nemner fil_ og *stjerne* a_ b_ c] igjen ${'ord '.repeat(40)}`).join('\n\n');
    expect(errors(`${body}\n\n${'a_ '.repeat(2000)}\n`)).toEqual([]);
  });

  it('balanced markup in long paragraphs, tables and code is not mistaken for nesting', () => {
    const prose = Array.from({ length: 500 }, (_, i) => `Dette er *viktig* og **svært ${i}** [lenke](https://x.no) snake_case_navn.`).join('\n');
    const table = `| a | b |\n|---|---|\n${Array.from({ length: 500 }, () => '| **x** | [y](https://x.no) |').join('\n')}`;
    const code = `\`\`\`\n${'*a ['.repeat(1000)}\n\`\`\``;
    expect(errors(`${prose}\n\n${table}\n\n${code}\n`)).toEqual([]);
  });
});
