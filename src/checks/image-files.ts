/**
 * Finding the file an image source names: a local, readable PNG or JPEG inside the project root
 * (relative to the source, or `/…` from the root, as site generators serve it). Remote images are
 * never fetched; a symlink that leads out of the root is refused.
 */
import { openSync, readSync, closeSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** The folders an image source is read from. */
export interface ImageDirs {
  /** Folder of the Markdown file: relative sources start here. */
  contentDir: string;
  /** The project root: nothing outside it is read. */
  rootDir: string;
}

/** Image formats both renderers can embed, by their leading bytes. */
const SIGNATURES: { name: string; bytes: number[] }[] = [
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
];

/** The checked file an image source names, or why it cannot be used. */
export type Located = { path: string } | { problem: { code: string; message: string; hint: string } };

/** Where an image source leads: a readable PNG or JPEG inside the project root, or the problem. */
export function locateImage(src: string, dirs: ImageDirs): Located {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
    return problem('image-remote', `the image "${src}" is a remote address; rapportverk never fetches files`,
      'download the image into the content folder and refer to it by a relative path');
  }
  let decoded: string;
  try {
    decoded = decodeURI(src);
  } catch {
    decoded = src;
  }
  const root = realpathOrUndefined(dirs.rootDir) ?? resolve(dirs.rootDir);
  const sourceDir = realpathOrUndefined(dirs.contentDir) ?? resolve(dirs.contentDir);
  // "/img/x.png" is served from the site root, which is the project root here.
  const wanted = decoded.startsWith('/') ? resolve(root, `.${decoded}`) : resolve(sourceDir, decoded);
  if (!inside(root, wanted)) {
    return problem('image-outside', `the image "${src}" lies outside the project root ${root}`,
      'copy the image into the project, or build with --root set to a folder that holds both');
  }
  const real = realpathOrUndefined(wanted);
  if (real === undefined) {
    return problem('image-missing', `the image "${src}" does not exist`,
      'check the file name and its folder');
  }
  if (!inside(root, real)) {
    return problem('image-outside', `the image "${src}" is a link to a file outside the project root`,
      'copy the file itself into the project instead of linking to it');
  }
  const head = readHead(real);
  if (!head) {
    return problem('image-unreadable', `the image "${src}" cannot be read`,
      'check that it is a file and readable');
  }
  if (!SIGNATURES.some((s) => s.bytes.every((b, i) => head[i] === b))) {
    return problem('image-format', `the image "${src}" is not a PNG or JPEG file`,
      'convert it to PNG (drawings, charts) or JPEG (photos)');
  }
  return { path: real };
}

function problem(code: string, message: string, hint: string): Located {
  return { problem: { code, message, hint } };
}

function realpathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

function readHead(path: string): Uint8Array | undefined {
  try {
    const fd = openSync(path, 'r');
    try {
      const buf = new Uint8Array(8);
      readSync(fd, buf, 0, 8, 0);
      return buf;
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}
