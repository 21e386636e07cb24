/**
 * Document languages: BCP 47 tags, canonicalised by the platform (`Intl.getCanonicalLocales`:
 * `NB` → `nb`, `nb-no` → `nb-NO`, `sme` → `se`) and checked against the IANA subtag registry
 * (`language-tags`), and the frame labels each gets.
 */
import tags from 'language-tags';
import type { LabelLanguage } from './types.js';

/** The label language used when a document's language has no labels of its own. */
export const FALLBACK_LABELS: LabelLanguage = 'en';

/** The canonical form of a valid tag, or why it is not one. */
export function canonicalTag(written: string): { tag: string } | { problem: string } {
  const trimmed = written.trim();
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(trimmed);
  } catch {
    canonical = undefined;
  }
  // Intl knows the forms (and takes "root" and 5–8 letter languages); the registry knows the subtags.
  const parsed = tags(canonical ?? trimmed);
  if (canonical === undefined || !parsed.valid()) {
    const why = parsed.errors()[0]?.message ?? 'not a language tag';
    return { problem: `"${written}" is not a valid BCP 47 language tag (${why})` };
  }
  return { tag: canonical };
}

/** The canonical form of a valid tag, or undefined. */
export function canonicalLanguageTag(written: string): string | undefined {
  const result = canonicalTag(written);
  return 'tag' in result ? result.tag : undefined;
}

/** The label language for a canonical tag, or undefined when the frame has no labels in it. */
export function ownLabels(tag: string): LabelLanguage | undefined {
  const primary = tag.split('-')[0]?.toLowerCase() ?? '';
  if (primary === 'nb' || primary === 'no') return 'nb';
  if (primary === 'nn' || primary === 'se' || primary === 'en') return primary;
  return undefined;
}

/** The label language for a document language; other languages fall back to FALLBACK_LABELS. */
export function labelLanguage(tag: string): LabelLanguage {
  return ownLabels(tag) ?? FALLBACK_LABELS;
}
