/**
 * Where the laid-out report puts its headings. The PDF's layout finds the page each heading
 * starts on; the Word version fills its contents with those numbers, so the contents show them
 * before Word updates the field (Word's own numbers, after an update, match the PDF's).
 */

/** Page number (1-based, the cover is page 1) by heading id; a plain object, so it crosses to and from a worker. */
export type HeadingPages = Readonly<Record<string, number>>;
