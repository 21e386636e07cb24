/**
 * Digests of the trees the parser builds for the Markdown tree corpus (tests/helpers/markdown-tree-corpus.ts).
 * Without arguments it records them as the truth in the fixture: run it that way only with a parser
 * known to be right, e.g. after `npx patch-package --reverse`. With `--print` it prints them as JSON,
 * which the test uses to check the production build of the parser's dependencies.
 */
import { writeFileSync } from 'node:fs';
import { parseMarkdown } from '../src/parse/markdown.js';
import { digestsPath, markdownTreeCorpus, treeDigest } from '../tests/helpers/markdown-tree-corpus.js';

const digests: Record<string, string> = {};
for (const entry of markdownTreeCorpus()) digests[entry.name] = treeDigest(entry.texts.map(parseMarkdown));
if (process.argv.includes('--print')) {
  console.log(JSON.stringify(digests));
} else {
  writeFileSync(digestsPath, JSON.stringify(digests, null, 2) + '\n');
  console.log(`${Object.keys(digests).length} digests → ${digestsPath}`);
}
