/**
 * Makes the docx library's package reproducible: the library writes the current time, random
 * relationship ids, process-wide counters and random font keys; these are replaced with the
 * document's own date, ids numbered in document order and keys derived from the font files, and
 * the zip is written with fixed entry times and a fixed entry order.
 */
import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** The parts of an unzipped package by path. */
export type PackageFiles = Record<string, Uint8Array>;

/** Opens a .docx package. */
export function unzipPackage(docx: Uint8Array): PackageFiles {
  return unzipSync(docx);
}

/** Replaces the random and time-dependent values the docx library writes with ones fixed by the document. */
export function makeReproducible(files: PackageFiles, created: Date): void {
  const core = files['docProps/core.xml'];
  if (core) {
    const when = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
    files['docProps/core.xml'] = strToU8(strFromU8(core).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${when}`));
  }
  renumberRelationships(files);
  fixFontKeys(files);
  for (const name of ['word/document.xml', 'word/footnotes.xml']) {
    const part = files[name];
    if (part) files[name] = strToU8(renumberCounters(strFromU8(part)));
  }
}

/** Zips the parts in a fixed order with fixed entry times (the document's date). */
export function zipPackage(files: PackageFiles, created: Date): Uint8Array {
  const mtime = dosSafeDate(created);
  const zippable: Zippable = {};
  for (const name of Object.keys(files).sort(packageOrder)) zippable[name] = [files[name] as Uint8Array, { mtime, level: 6 }];
  return zipSync(zippable);
}

/** Gives relationships with random ids (hyperlinks) numbered ids, in their order in each .rels part. */
function renumberRelationships(files: PackageFiles): void {
  for (const relsName of Object.keys(files).filter((n) => n.endsWith('.rels'))) {
    let rels = strFromU8(files[relsName] as Uint8Array);
    const random = [...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1] as string).filter((id) => !/^rId\d+$/.test(id));
    if (random.length === 0) continue;
    const partName = relsName.replace(/_rels\/([^/]+)\.rels$/, '$1');
    let part = files[partName] ? strFromU8(files[partName]) : '';
    random.forEach((id, i) => {
      const fixed = `rIdL${i + 1}`;
      rels = rels.replaceAll(`Id="${id}"`, `Id="${fixed}"`);
      part = part.replaceAll(`"${id}"`, `"${fixed}"`);
    });
    files[relsName] = strToU8(rels);
    if (files[partName]) files[partName] = strToU8(part);
  }
}

/**
 * Bookmark and drawing ids come from counters that live as long as the process, so a second
 * build in the same process would number them differently; number them from 1 in document order.
 */
function renumberCounters(xml: string): string {
  const bookmarks = new Map<string, number>();
  let drawings = 0;
  return xml
    .replace(/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)"/g, (_, head: string, id: string) => {
      if (!bookmarks.has(id)) bookmarks.set(id, bookmarks.size + 1);
      return `${head}${bookmarks.get(id)}"`;
    })
    .replace(/(<wp:docPr\b[^>]*?\bid=")(\d+)"/g, (_, head: string) => `${head}${++drawings}"`);
}

/** Replaces each embedded font's random key with one derived from the font file, re-obfuscating the file. */
function fixFontKeys(files: PackageFiles): void {
  const table = files['word/fontTable.xml'];
  const rels = files['word/_rels/fontTable.xml.rels'];
  if (!table || !rels) return;
  const targets = new Map([...strFromU8(rels).matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], `word/${m[2]}`]));
  const xml = strFromU8(table).replace(/r:id="([^"]+)" w:fontKey="\{([0-9A-Fa-f-]+)\}"/g, (whole, id: string, key: string) => {
    const path = targets.get(id);
    const font = path ? files[path] : undefined;
    if (!path || !font) return whole;
    const oldKey = keyBytes(key);
    const plainHead = font.slice(0, 32).map((b, i) => b ^ (oldKey[i % 16] as number));
    const newKey = guidFrom(createHash('sha256').update(plainHead).update(font.subarray(32)).digest());
    const fresh = keyBytes(newKey);
    const out = font.slice();
    for (let i = 0; i < 32; i++) out[i] = (plainHead[i] as number) ^ (fresh[i % 16] as number);
    files[path] = out;
    return `r:id="${id}" w:fontKey="{${newKey}}"`;
  });
  files['word/fontTable.xml'] = strToU8(xml);
}

/** The obfuscation key bytes of a font GUID: its hex digits as bytes, last byte first (ECMA-376 Part 2). */
function keyBytes(guid: string): number[] {
  const hex = guid.replace(/-/g, '');
  return Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16)).reverse();
}

function guidFrom(hash: Buffer): string {
  const hex = hash.subarray(0, 16).toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Content types first and the package relationships next, as Office writes them; the rest by name. */
function packageOrder(a: string, b: string): number {
  const rank = (n: string): number => (n === '[Content_Types].xml' ? 0 : n === '_rels/.rels' ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Zip entry times are local DOS times; building the Date from the UTC fields makes them the same
 * in every time zone. DOS times start in 1980.
 */
function dosSafeDate(date: Date): Date {
  const d = date.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : date;
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}
