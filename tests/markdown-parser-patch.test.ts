import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/parse/markdown.js';
import { repoRoot } from './helpers/paths.js';

/**
 * micromark's EditMap.consume copied every event before the first edit on each container exit,
 * which made parsing quadratic in the number of lists and quotes (a 2 MB report took 8 s instead
 * of 2 s). patches/micromark-util-edit-map+1.0.0.patch keeps the head in place; these tests fail
 * loudly if an upgrade drops the patch or if it changes what the parser produces.
 */
describe('the patched micromark EditMap', () => {
  it('is installed (npm ci runs patch-package)', () => {
    // Both builds the package exports: the production one and the `development` condition's.
    for (const file of ['index.js', 'dev/index.js']) {
      const source = readFileSync(join(repoRoot, 'node_modules', 'micromark-util-edit-map', file), 'utf8');
      expect(source, file).toContain('The events before the first edit stay where they are');
      expect(source, file).not.toMatch(/vecs\.push\(events\.slice\(\)\)/);
    }
  });

  it('still builds the right tree for many lists and quotes closing one after another', () => {
    const block = '- a\n  - b\n\n> q\n> - c\n\npara\n\n';
    const tree = parseMarkdown(block.repeat(500));
    const types = tree.children.map((c) => c.type);
    expect(types).toHaveLength(1500);
    expect(types.slice(0, 3)).toEqual(['list', 'blockquote', 'paragraph']);
    const last = tree.children.at(-3);
    expect(last?.type).toBe('list');
    if (last?.type !== 'list') return;
    const nested = last.children[0]?.children[1];
    expect(nested?.type).toBe('list');
    expect(last.position?.start.line).toBe(499 * 8 + 1);
  });
});
