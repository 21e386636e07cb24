/**
 * The .docx package between the docx library and the file: XML parts as text, so the fix-ups
 * decode and encode each part once, other parts as bytes, and the embedded fonts already compressed.
 */
import { unzipSync } from 'fflate';
import { writeZip, type DeflatedData } from './zip.js';

/** A part: XML as text, other bytes, or bytes compressed earlier. */
export type Part = string | Uint8Array | DeflatedData;

/** The parts of a package by path. */
export type PackageParts = Map<string, Part>;

const utf8 = new TextDecoder();

/** Opens a .docx package, with its XML and relationship parts as text. */
export function openPackage(docx: Uint8Array): PackageParts {
  const parts: PackageParts = new Map();
  for (const [name, bytes] of Object.entries(unzipSync(docx))) parts.set(name, /\.(xml|rels)$/.test(name) ? utf8.decode(bytes) : bytes);
  return parts;
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
