/**
 * Figures: alt text present unless decorative, and the image a local, readable PNG or JPEG
 * inside the project root (relative to the source, or `/…` from the root, as site generators
 * serve it). Remote images are never fetched; a symlink that leads out of the root is refused.
 */
import { openSync, readSync, closeSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Figure } from '../model/types.js';
import type { CheckedContent } from './content.js';
import type { DiagnosticSink } from '../diagnostics.js';
import { walk } from '../model/walk.js';
import { inlineText } from '../model/text.js';

/** Checks every figure and sets `figure.path` for those that pass. */
export function checkFigures(doc: CheckedContent, sink: DiagnosticSink): void {
  walk(doc.body, (node) => {
    if (node.type !== 'figure') return;
    if (!node.decorative && node.alt === '') {
      sink.error('image-alt-missing', `the image "${node.src}" has no alt text`, node.pos,
        'describe what the image shows: ![Søyler som viser …](fil.png), or mark it ::figure{src="fil.png" decorative}');
    }
    checkCaption(node, sink);
    const path = resolveImage(node, doc, sink);
    if (path) node.path = path;
  });
}

/** "Figur 3: …", "Figure 2.1 –" at the start of a caption: documents from elsewhere number by hand. */
const NUMBERED_CAPTION = /^\s*(figur|figure|fig\.?|bilde|illustrasjon)\s*\d+(\.\d+)*\s*[.:–—-]?\s*/iu;

/** Warns about a caption that carries its own number, which the renderers would print twice. */
function checkCaption(figure: Figure, sink: DiagnosticSink): void {
  const text = inlineText(figure.caption ?? []);
  const numbered = NUMBERED_CAPTION.exec(text);
  if (!numbered) return;
  const rest = text.slice(numbered[0].length);
  sink.warn('figure-caption-numbered', `the caption starts with "${numbered[0].trim()}", but figures are numbered automatically`, figure.pos,
    rest ? `write only "${rest}"; the PDF and DOCX add "Figur 1" themselves` : 'write what the figure shows; the number is added automatically');
}

/** Image formats both renderers can embed, by their leading bytes. */
const SIGNATURES: { name: string; bytes: number[] }[] = [
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
];

function resolveImage(figure: Figure, dirs: Pick<CheckedContent, 'contentDir' | 'rootDir'>, sink: DiagnosticSink): string | undefined {
  const src = figure.src;
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
    sink.error('image-remote', `the image "${src}" is a remote address; rapportverk never fetches files`, figure.pos,
      'download the image into the content folder and refer to it by a relative path');
    return undefined;
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
    sink.error('image-outside', `the image "${src}" lies outside the project root ${root}`, figure.pos,
      'copy the image into the project, or build with --root set to a folder that holds both');
    return undefined;
  }
  const real = realpathOrUndefined(wanted);
  if (real === undefined) {
    sink.error('image-missing', `the image "${src}" does not exist`, figure.pos, 'check the file name and its folder');
    return undefined;
  }
  if (!inside(root, real)) {
    sink.error('image-outside', `the image "${src}" is a link to a file outside the project root`, figure.pos,
      'copy the file itself into the project instead of linking to it');
    return undefined;
  }
  const head = readHead(real);
  if (!head) {
    sink.error('image-unreadable', `the image "${src}" cannot be read`, figure.pos, 'check that it is a file and readable');
    return undefined;
  }
  if (!SIGNATURES.some((s) => s.bytes.every((b, i) => head[i] === b))) {
    sink.error('image-format', `the image "${src}" is not a PNG or JPEG file`, figure.pos,
      'convert it to PNG (drawings, charts) or JPEG (photos)');
    return undefined;
  }
  return real;
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
