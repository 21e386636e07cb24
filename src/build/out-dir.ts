/** The output folder: made one level at a time, so a path that cannot hold a folder is a clear problem. */
import { lstatSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Makes `dir` (and missing parents) and returns undefined, or says why it cannot be the output
 * folder. Node's recursive mkdir loops forever under /proc, so each level is made on its own.
 */
export function prepareOutDir(dir: string): string | undefined {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    const kind = entryKind(at);
    if (kind === 'dir') break;
    if (kind === 'dangling') return `${at} is a symbolic link to something that does not exist`;
    if (kind === 'other') {
      return at === resolve(dir) ? `${at} exists and is not a folder` : `${at} is a file, so no folder can be made inside it`;
    }
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const path of missing) {
    try {
      mkdirSync(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      return `cannot make the folder ${path} (${code})`;
    }
  }
  return undefined;
}

function entryKind(path: string): 'dir' | 'missing' | 'dangling' | 'other' {
  try {
    lstatSync(path);
  } catch {
    return 'missing';
  }
  try {
    return statSync(path).isDirectory() ? 'dir' : 'other';
  } catch {
    return 'dangling';
  }
}
