/** Document languages: BCP 47 tags checked against the IANA registry, and the frame labels they get. */
import tags from 'language-tags';
import type { LabelLanguage } from '../model/types.js';

/** The label language used when a document's language has no labels of its own. */
export const FALLBACK_LABELS: LabelLanguage = 'en';

/** The canonical form of a valid tag (`NB` → `nb`, `nb-no` → `nb-NO`), or why it is not one. */
export function canonicalTag(written: string): { tag: string } | { problem: string } {
  const parsed = tags(written.trim());
  if (!parsed.valid()) {
    const why = parsed.errors()[0]?.message ?? 'not a language tag';
    return { problem: `"${written}" is not a valid BCP 47 language tag (${why})` };
  }
  // The registry checks validity; Intl applies the canonical casing and preferred values.
  const [tag] = Intl.getCanonicalLocales(parsed.format());
  return { tag: tag ?? parsed.format() };
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
