/**
 * Limits give clear errors, never a stack overflow: thousands of nested quotes or list markers,
 * deeply nested inline markup, and the guard's exact position.
 */
import { describe, expect, it } from 'vitest';
import { loadReportText } from '../src/parse/index.js';
import { formatDiagnostic } from '../src/diagnostics.js';
import { MAX_NESTING, MAX_INLINE_NESTING } from '../src/parse/to-model.js';
import { MAX_SCANNED_NESTING } from '../src/parse/nesting-guard.js';

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

  it('1 000 levels of nested emphasis give an error, not a stack overflow', () => {
    const found = errors(`${'*a '.repeat(1000)}x${' b*'.repeat(1000)}\n`);
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found[0]).toContain(`[nesting-too-deep] inline markup (emphasis, links, …) is nested more than ${MAX_INLINE_NESTING} levels`);
  });
});
