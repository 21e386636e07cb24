/**
 * Makes the docx library's package reproducible: the library writes the current time, random
 * relationship ids, process-wide counters and random font keys; these are replaced with the
 * document's own date, ids numbered in document order and keys derived from the font files.
 */
import { finishedFace } from './embedded-faces.js';
import { editXml, xmlPart, type PackageParts } from './package.js';

/** Replaces the random and time-dependent values the docx library writes with ones fixed by the document. */
export function makeReproducible(parts: PackageParts, created: Date): void {
  const when = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  editXml(parts, 'docProps/core.xml', (xml) => xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${when}`));
  renumberRelationships(parts);
  placeFinishedFaces(parts);
  // One numbering across the parts: Word wants bookmark ids unique in the whole document.
  const counters = { bookmarks: 0, drawings: 0 };
  for (const name of ['word/document.xml', 'word/footnotes.xml']) editXml(parts, name, (xml) => renumberCounters(xml, counters));
}

/** Gives relationships with random ids (hyperlinks) numbered ids, in their order in each .rels part. */
function renumberRelationships(parts: PackageParts): void {
  for (const relsName of [...parts.keys()].filter((n) => n.endsWith('.rels'))) {
    const rels = xmlPart(parts, relsName) ?? '';
    const fixed = new Map<string, string>();
    for (const m of rels.matchAll(/Id="([^"]+)"/g)) {
      const id = m[1] as string;
      if (!/^rId\d+$/.test(id) && !fixed.has(id)) fixed.set(id, `rIdL${fixed.size + 1}`);
    }
    if (fixed.size === 0) continue;
    // The id is the attribute's value, at the end of what the patterns match.
    const rename = (whole: string, id: string): string => (fixed.has(id) ? `${whole.slice(0, -id.length - 1)}${fixed.get(id)}"` : whole);
    parts.set(relsName, rels.replace(/\bId="([^"]+)"/g, rename));
    // The part the relationships belong to refers to them in attributes of the relationships namespace.
    editXml(parts, relsName.replace(/_rels\/([^/]+)\.rels$/, '$1'), (xml) => xml.replace(/\br:[A-Za-z]+="([^"]+)"/g, rename));
  }
}

/**
 * Bookmark and drawing ids come from counters that live as long as the process, so a second
 * build in the same process would number them differently; number them from 1 in document order.
 */
function renumberCounters(xml: string, counters: { bookmarks: number; drawings: number }): string {
  const bookmarks = new Map<string, number>();
  return xml.replace(/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)"|(<wp:docPr\b[^>]*?\bid=")\d+"/g, (_, bookmark?: string, id?: string, drawing?: string) => {
    if (drawing !== undefined) return `${drawing}${++counters.drawings}"`;
    if (!bookmarks.has(id as string)) bookmarks.set(id as string, ++counters.bookmarks);
    return `${bookmark}${bookmarks.get(id as string)}"`;
  });
}

/** Puts each face's finished file in place of the library's stand-in, and its key in the font table. */
function placeFinishedFaces(parts: PackageParts): void {
  const rels = xmlPart(parts, 'word/_rels/fontTable.xml.rels');
  if (rels === undefined) return;
  const targets = new Map([...rels.matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], `word/${m[2]}`]));
  editXml(parts, 'word/fontTable.xml', (xml) =>
    xml.replace(/r:id="([^"]+)" w:fontKey="\{([0-9A-Fa-f-]+)\}"/g, (whole, id: string, key: string) => {
      const path = targets.get(id);
      const standIn = path ? parts.get(path) : undefined;
      const face = standIn instanceof Uint8Array ? finishedFace(standIn, key) : undefined;
      if (!path || !face) throw new Error(`The font table entry ${id} does not point to a font the renderer embedded.`);
      parts.set(path, face.file);
      return `r:id="${id}" w:fontKey="{${face.key}}"`;
    }),
  );
}
