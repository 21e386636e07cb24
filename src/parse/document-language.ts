/**
 * The document language when neither `--lang` nor the front matter gives it: detected from the
 * text with franc, restricted to the languages a Norwegian public body writes in, so a short
 * Nynorsk text is never taken for Faroese.
 */
import { createRequire } from 'node:module';
import type { Block } from '../model/types.js';
import { walk } from '../model/walk.js';

/** ISO 639-3 codes franc knows → the BCP 47 tag the document gets. */
const PLAUSIBLE: Record<string, string> = {
  nob: 'nb', nno: 'nn', eng: 'en', sme: 'se', sma: 'sma', smj: 'smj', swe: 'sv', dan: 'da', fin: 'fi', deu: 'de',
  fra: 'fr', spa: 'es', pol: 'pl', ukr: 'uk', rus: 'ru',
};

/** Enough text to tell the languages apart; the rest of a long document adds nothing but time. */
const SAMPLE_CHARACTERS = 20_000;

/** Names for the warning, in the languages the tool has labels for, else the tag itself. */
const NAMES: Record<string, string> = { nb: 'Norwegian Bokmål', nn: 'Norwegian Nynorsk', en: 'English', se: 'Northern Sámi' };

let francAll: typeof import('franc-all') | undefined;

/** The detected language of the running text (code left out), or undefined when franc cannot tell. */
export function detectLanguage(body: readonly Block[]): string | undefined {
  let sample = '';
  walk(body, (node) => {
    if (sample.length < SAMPLE_CHARACTERS && node.type === 'text') sample += `${node.value} `;
  });
  // Loaded here, only for a document without a language: its tables take 0.1 s to load.
  francAll ??= createRequire(import.meta.url)('franc-all') as typeof import('franc-all');
  const code = francAll.franc(sample, { only: Object.keys(PLAUSIBLE), minLength: 10 });
  return PLAUSIBLE[code];
}

/** A readable name for a language tag in a message. */
export function languageName(tag: string): string {
  return NAMES[tag] ?? tag;
}
