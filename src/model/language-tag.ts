/**
 * BCP 47 language tags, read with the platform's own parser (`Intl.getCanonicalLocales`, which
 * follows UTS #35 / RFC 5646): case-insensitive, canonicalised, grandfathered and private-use
 * forms handled, so `NB`, `nb` and `nb-no` all mean `nb` / `nb-NO`.
 */

/** The canonical form of a well-formed language tag, or undefined when it is not one. */
export function canonicalLanguageTag(tag: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim());
    // Intl also takes "root" and 5–8 letter languages, which BCP 47 reserves and no registry holds.
    return canonical !== undefined && /^[a-z]{2,3}(?:-|$)/.test(canonical) ? canonical : undefined;
  } catch {
    return undefined;
  }
}
