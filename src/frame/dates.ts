/** Dates: the one creation time every renderer writes, and dates spelled out for readers. */

/** SOURCE_DATE_EPOCH wins (reproducible builds), then the front matter date, then a fixed date. */
export function creationTime(frontMatterDate: string | undefined, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  if (frontMatterDate) return new Date(`${frontMatterDate}T00:00:00Z`);
  // Without either, any fixed value keeps builds byte-identical; 1980 is the earliest a ZIP can hold.
  return new Date('1980-01-01T00:00:00Z');
}

/** "21. juni 2023" / "21 June 2023" for an ISO date, in the document's locale. */
export function longDate(isoDate: string, locale: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
