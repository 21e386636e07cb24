/** The real-world corpus in ../shared/testdata/realworld: each document, its file and the root it builds with. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadReport } from '../../src/pipeline/load.js';
import { sharedDir } from './paths.js';

/** One document of the corpus; its folder is its project root (`--root`), as SOURCES.md lays it out. */
export interface RealworldDocument {
  name: string;
  root: string;
  file: string;
}

const corpus = join(sharedDir, 'testdata', 'realworld');

/** Each document folder and its one Markdown file. */
export function realworldDocuments(): RealworldDocument[] {
  return readdirSync(corpus)
    .filter((name) => statSync(join(corpus, name)).isDirectory())
    .map((name) => ({ name, root: join(corpus, name), file: findMarkdown(join(corpus, name)) }));
}

/** The documents that load without errors, so build without --draft. */
export function conformantRealworldDocuments(): RealworldDocument[] {
  return realworldDocuments().filter((doc) => {
    const { doc: model, diagnostics } = loadReport(doc.file, { root: doc.root });
    return model !== undefined && !diagnostics.some((d) => d.severity === 'error');
  });
}

function findMarkdown(dir: string): string {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      const found = findMarkdown(path);
      if (found) return found;
    } else if (entry.endsWith('.md')) {
      return path;
    }
  }
  return '';
}
