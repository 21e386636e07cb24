/**
 * fontkit, the same copy pdfkit uses. fontkit ships a CommonJS and an ES build: an `import` from
 * this ES module would load the ES build beside the CommonJS one pdfkit requires, so every PDF
 * build compiled fontkit, restructure and unicode-properties twice and decoded their Unicode
 * tables twice.
 */
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;

export type Font = Fontkit.Font;

/** Opens a font file (fontkit's `openSync`). */
export const openFontSync: typeof Fontkit.openSync = (path, postscriptName) => fontkit.openSync(path, postscriptName);
