/**
 * The .docx package between the docx library and the file: XML parts as text, so the fix-ups
 * decode and encode each part once, other parts as bytes, and the embedded fonts already compressed.
 *
 * The parts come straight from the library's compiler, which its `Packer` zips: zipping there and
 * unzipping here cost more than the rest of the fix-ups together, and the zip is written here anyway.
 */
import { Packer, type Document } from 'docx';
import { writeZip, type DeflatedData } from './zip.js';

/** A part: XML as text, other bytes, or bytes compressed earlier. */
export type Part = string | Uint8Array | DeflatedData;

/** The parts of a package by path. */
export type PackageParts = Map<string, Part>;

const utf8 = new TextDecoder();

/** What `Packer` zips: the package's parts by path, XML mostly as text. */
interface PartsCompiler {
  compile(file: Document): Map<string, string | Uint8Array>;
}

/** The parts of the document's package, with its XML and relationship parts as text. */
export function packageParts(file: Document): PackageParts {
  const parts: PackageParts = new Map();
  for (const [name, data] of libraryCompiler().compile(file)) {
    parts.set(name, typeof data === 'string' || !/\.(xml|rels)$/.test(name) ? data : utf8.decode(data));
  }
  return parts;
}

/** The docx library's compiler (docx 9.15), which its public API only offers zipped. */
function libraryCompiler(): PartsCompiler {
  const compiler: unknown = Reflect.get(Packer, 'compiler');
  const compile: unknown = typeof compiler === 'object' && compiler !== null ? Reflect.get(compiler, 'compile') : undefined;
  if (typeof compile !== 'function') throw new Error('This version of the docx library has no Packer.compiler; the Word renderer needs docx 9.15 (see package.ts).');
  return compiler as PartsCompiler;
}

/** An XML part's text, if the package has it. */
export function xmlPart(parts: PackageParts, name: string): string | undefined {
  const part = parts.get(name);
  return typeof part === 'string' ? part : undefined;
}

/** Replaces an XML part's text with `change` of it, if the package has it. */
export function editXml(parts: PackageParts, name: string, change: (xml: string) => string): void {
  const xml = xmlPart(parts, name);
  if (xml !== undefined) parts.set(name, change(xml));
}

/** Zips the parts in a fixed order with fixed entry times (the document's date). */
export function writePackage(parts: PackageParts, created: Date): Uint8Array {
  const names = [...parts.keys()].sort(packageOrder);
  return writeZip(
    names.map((name) => {
      const part = parts.get(name) as Part;
      return { name, data: typeof part === 'string' ? Buffer.from(part, 'utf8') : part };
    }),
    created,
  );
}

/** Content types first and the package relationships next, as Office writes them; the rest by name. */
function packageOrder(a: string, b: string): number {
  const rank = (n: string): number => (n === '[Content_Types].xml' ? 0 : n === '_rels/.rels' ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
