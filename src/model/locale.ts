/**
 * Full language tags as Word writes them (`nb-NO`, `en-GB`): the region a Norwegian public body
 * means by a bare language. A tag that names its region is kept as written.
 */
const REGIONS: Readonly<Record<string, string>> = { nb: 'nb-NO', nn: 'nn-NO', no: 'nb-NO', se: 'se-NO', en: 'en-GB' };

/** The full tag for a BCP 47 tag: `nb` → `nb-NO`, `en` → `en-GB`, `de-AT` stays; unknown bare tags stay too. */
export function fullLocale(tag: string): string {
  return tag.includes('-') ? tag : (REGIONS[tag] ?? tag);
}
