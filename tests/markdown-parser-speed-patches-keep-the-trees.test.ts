import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/parse/markdown.js';
import { digestsPath, markdownTreeCorpus, treeDigest } from './helpers/markdown-tree-corpus.js';
import { repoRoot } from './helpers/paths.js';

/**
 * Large tables parsed slowly: a text tokenizer per cell that kept its closures alive, a new handler
 * context per event in mdast-util-from-markdown's compile, an object used as a map of a hundred
 * thousand jumps in subtokenize, and the table extension's copying of events and points; and text
 * was merged by splicing the event list once per run, quadratic in a paragraph of thousands of
 * bracketed words. Four patch-package patches fix that without changing what the parser builds. The reference is a
 * sha256 of each tree (positions included) recorded with the unpatched packages, since a pristine
 * copy of them cannot be loaded beside the patched ones: the patched code sits deep inside
 * micromark's module graph.
 */
const PATCHES: [string, string[], string][] = [
  ['micromark', ['lib/create-tokenizer.js', 'dev/lib/create-tokenizer.js'], 'Let go of'],
  ['micromark', ['lib/initialize/text.js', 'dev/lib/initialize/text.js'], 'compacted in one pass'],
  ['mdast-util-from-markdown', ['lib/index.js', 'dev/lib/index.js'], 'One context for all handler calls'],
  ['micromark-util-subtokenize', ['index.js', 'dev/index.js'], 'A Map, not an object'],
  ['micromark-extension-gfm-table', ['lib/edit-map.js', 'dev/lib/edit-map.js'], 'Build the result front to back'],
  ['micromark-extension-gfm-table', ['lib/syntax.js', 'dev/lib/syntax.js'], 'Points are copied with spread'],
];

const recorded = JSON.parse(readFileSync(digestsPath, 'utf8')) as Record<string, string>;

describe('the speed patches to the Markdown parser', () => {
  it('are installed in both builds of each package (npm ci runs patch-package)', () => {
    for (const [pkg, files, marker] of PATCHES) {
      for (const file of files) {
        const source = readFileSync(join(repoRoot, 'node_modules', pkg, file), 'utf8');
        expect(source, `${pkg}/${file}`).toContain(marker);
      }
    }
  });

  it('keep every tree of the corpus as the unpatched parser built it (development build)', () => {
    const corpus = markdownTreeCorpus();
    expect(corpus.map((e) => e.name).sort()).toEqual(Object.keys(recorded).sort());
    for (const entry of corpus) {
      expect(treeDigest(entry.texts.map(parseMarkdown)), entry.name).toBe(recorded[entry.name]);
    }
  });

  // Vitest resolves packages with the `development` condition; the CLI's bundle uses the default
  // build, so that one is checked in a plain Node process.
  it('keep every tree of the corpus as the unpatched parser built it (production build)', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', 'record-markdown-tree-digests.ts'), '--print'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(recorded);
  });
});
