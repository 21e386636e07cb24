/** Heading anchors: readable, unique, stable ids derived from heading text. */

/** Lower-cased, letters and digits kept (any script), runs of anything else become one hyphen. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'seksjon';
}

/** Hands out unique ids: the second "innspill" becomes "innspill-1", as GitHub does. */
export class SlugRegistry {
  private readonly seen = new Map<string, number>();

  /** True when `id` has been handed out already. */
  has(id: string): boolean {
    return this.seen.has(id);
  }

  /** Returns `base`, or `base-N` for the first free N. */
  claim(base: string): string {
    let id = base;
    let n = this.seen.get(base) ?? 0;
    while (this.seen.has(id)) id = `${base}-${++n}`;
    this.seen.set(base, n);
    this.seen.set(id, this.seen.get(id) ?? 0);
    return id;
  }
}
