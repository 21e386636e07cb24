/** The project root: the folder images and links may reach into, and nothing outside it. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** `--root` when given, else the nearest folder above the source holding `.git`, else the source's folder. */
export function projectRoot(file: string, root?: string): string {
  if (root !== undefined) return resolve(root);
  const sourceDir = dirname(resolve(file));
  for (let dir = sourceDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return sourceDir;
  }
}
