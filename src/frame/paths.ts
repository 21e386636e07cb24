/** Where the tool's own resources live, found from this module so the CWD does not matter. */
import { fileURLToPath } from 'node:url';

/** The repository's `templates/` folder. */
export const templatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The repository's `fonts/` folder. */
export const fontsDir = fileURLToPath(new URL('../../fonts/', import.meta.url));

/**
 * Font files made ready for embedding by `npm run compile` (build/faces/, named by the font's
 * SHA-256), so a cold build need not compress them again. Safe to delete.
 */
export const finishedFacesDir = fileURLToPath(new URL('../../build/faces/', import.meta.url));
