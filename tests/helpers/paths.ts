/** Paths tests share: the repository root, the real report and the read-only shared test data. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const reportPath = join(repoRoot, 'content', 'rapport.md');
/** `../shared` beside the clone, as laid out for sessions and CI. */
export const sharedDir = join(repoRoot, '..', 'shared');
export const fixturesDir = join(repoRoot, 'tests', 'fixtures');
