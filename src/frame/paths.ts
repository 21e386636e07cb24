/** Where the tool's own resources live, found from this module so the CWD does not matter. */
import { fileURLToPath } from 'node:url';

/** The repository's `templates/` folder. */
export const templatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The repository's `fonts/` folder. */
export const fontsDir = fileURLToPath(new URL('../../fonts/', import.meta.url));
