/** Writing outputs so that a failed build never leaves a partial or corrupt file behind. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

/** A file to write: full path and bytes. */
export interface PendingFile {
  path: string;
  bytes: Uint8Array;
}

/**
 * Writes every file to a temporary name beside its target, then renames them all into place.
 * If any write fails, the temporary files are removed and earlier outputs stay untouched.
 */
export function writeAtomically(files: readonly PendingFile[]): void {
  const staged: { tmp: string; path: string }[] = [];
  try {
    for (const file of files) {
      mkdirSync(dirname(file.path), { recursive: true });
      const tmp = join(dirname(file.path), `.${basename(file.path)}.${process.pid}.tmp`);
      writeFileSync(tmp, file.bytes);
      staged.push({ tmp, path: file.path });
    }
  } catch (err) {
    for (const s of staged) rmSync(s.tmp, { force: true });
    throw err;
  }
  try {
    for (const s of staged) renameSync(s.tmp, s.path);
  } finally {
    // After a failed rename, the files not yet renamed are temporary leftovers.
    for (const s of staged) rmSync(s.tmp, { force: true });
  }
}
