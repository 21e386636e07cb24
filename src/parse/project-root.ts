/** The project root: the folder images and links may reach into, and nothing outside it. */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * `--root` when given, else the nearest folder above the source holding `.git`, else the source's
 * folder; as a real path, since images are resolved to real paths and compared with it.
 */
export function projectRoot(file: string, root?: string): string {
  return real(root !== undefined ? resolve(root) : nearestRoot(file));
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function nearestRoot(file: string): string {
  const sourceDir = dirname(resolve(file));
  for (let dir = sourceDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return sourceDir;
  }
}
