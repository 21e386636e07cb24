/**
 * The word list for the plain-language version (`ordliste.yml` next to the source): hard words,
 * an optional plainer word to use instead, and an explanation for the glossary.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSeq, parseDocument } from 'yaml';
import type { Span } from '../model/types.js';
import { z } from 'zod';
import { DiagnosticSink } from '../diagnostics.js';
import type { PlainWord } from './plain-words.js';

/** One entry of the word list. */
export interface LexiconEntry {
  word: string;
  /** A plainer word that can stand in the hard word's place in a sentence. */
  plain?: string;
  explanation: string;
}

/** The file name the word list is read from, in the source's folder. */
export const LEXICON_FILE = 'ordliste.yml';

const entrySchema = z.object({
  word: z.string().trim().min(1),
  plain: z.string().trim().min(1).optional(),
  explanation: z.string().trim().min(1),
}).strict();

/** Reads the word list next to the source; a missing file is an empty list, a broken one a warning. */
export function loadLexicon(contentDir: string, sink: DiagnosticSink): LexiconEntry[] {
  const file = join(contentDir, LEXICON_FILE);
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const doc = parseDocument(text, { prettyErrors: false });
  const fileSink = new DiagnosticSink(file);
  const hint = 'write a YAML list of entries with "word", "explanation" and, if a plainer word exists, "plain"';
  const [first] = doc.errors;
  if (first) {
    fileSink.warn('plain-lexicon-invalid', `the word list is not valid YAML: ${first.message.split('\n')[0]}`, spanAt(text, first.pos[0]), hint);
    sink.items.push(...fileSink.items);
    return [];
  }
  const parsed = z.array(entrySchema).safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const index = typeof issue?.path[0] === 'number' ? issue.path[0] : -1;
    const offset = isSeq(doc.contents) ? doc.contents.items[index]?.range?.[0] : undefined;
    fileSink.warn('plain-lexicon-invalid', `the word list has a bad entry at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`,
      offset === undefined ? undefined : spanAt(text, offset), hint);
    sink.items.push(...fileSink.items);
    return [];
  }
  return parsed.data.map((e) => (e.plain ? { word: e.word, plain: e.plain, explanation: e.explanation } : { word: e.word, explanation: e.explanation }));
}

/** A one-point span at an offset of a text. */
function spanAt(text: string, offset: number): Span {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const point = { line, column: offset - before.lastIndexOf('\n'), offset };
  return { start: point, end: point };
}

// Inflected forms count as uses of a glossary word ("departementene"); compounds do not ("integreringskonferanse").
const SUFFIXES = ['', 'e', 'en', 'er', 'et', 'ene', 'ens', 'ets', 'a', 'ne', 'r', 's'];
const INFLECTION = `(?:${SUFFIXES.filter(Boolean).join('|')})?`;
const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

function wordSource(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** True when `text` uses the entry's word as a whole word, in any common inflected form. */
export function usesWord(text: string, word: string): boolean {
  return new RegExp(`${BEFORE}${wordSource(word)}${INFLECTION}${AFTER}`, 'iu').test(text);
}

/** The entries whose words the texts use, sorted alphabetically for `locale`. */
export function usedEntries(texts: readonly string[], entries: readonly LexiconEntry[], locale: string): LexiconEntry[] {
  const joined = texts.join('\n');
  // One pass over the text for single words; only multi-word entries need a pattern search.
  const words = new Set(joined.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const used = (word: string): boolean =>
    /[^\p{L}\p{N}]/u.test(word)
      ? usesWord(joined, word)
      : SUFFIXES.some((suffix) => words.has(`${word.toLowerCase()}${suffix}`));
  return entries
    .filter((e) => used(e.word))
    .sort((a, b) => a.word.localeCompare(b.word, locale, { sensitivity: 'base' }));
}

/**
 * Words before a noun that agree with its gender ("et tilskudd"); swapping the noun after them
 * could break the agreement ("et støtte"), so the hard word stays.
 */
const AGREEING = new Set([
  'en', 'ei', 'et', 'ett', 'den', 'det', 'denne', 'dette', 'min', 'mi', 'mitt', 'din', 'di', 'ditt', 'sin', 'si',
  'sitt', 'vår', 'vårt', 'hver', 'hvert', 'noen', 'noe', 'ingen', 'intet', 'all', 'alt', 'annen', 'anna', 'annet',
  'hvilken', 'hvilket', 'slik', 'slikt', 'samme',
]);

const compiled = new WeakMap<readonly PlainWord[], { pattern: RegExp; byWord: Map<string, PlainWord> }>();

/** One pattern for the whole list, longest words first so "benytte seg av" wins over "benytte". */
function compile(words: readonly PlainWord[]) {
  let c = compiled.get(words);
  if (!c) {
    const byWord = new Map<string, PlainWord>();
    for (const w of words) if (!byWord.has(key(w.word))) byWord.set(key(w.word), w);
    const sources = [...byWord.values()].map((w) => w.word).sort((a, b) => b.length - a.length).map(wordSource);
    c = { pattern: new RegExp(`${BEFORE}(?:${sources.join('|') || '(?!)'})${AFTER}`, 'giu'), byWord };
    compiled.set(words, c);
  }
  return c;
}

function key(word: string): string {
  return word.toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Replaces whole-word uses of the listed forms by their plain words, keeping an initial capital.
 * A noun is kept after a word that must agree with it (a determiner, or an adjective ending in
 * -t or -e), because the plain word may have another gender.
 */
export function replacePlainWords(text: string, words: readonly PlainWord[]): string {
  const { pattern, byWord } = compile(words);
  return text.replace(pattern, (match: string, offset: number, whole: string) => {
    const entry = byWord.get(key(match));
    if (!entry) return match;
    const previous = /([\p{L}]+)\s+$/u.exec(whole.slice(0, offset))?.[1]?.toLowerCase();
    if (entry.noun && previous && (AGREEING.has(previous) || /[^\p{Lu}](t|e)$/u.test(previous))) return match;
    return /^\p{Lu}/u.test(match) ? entry.plain.charAt(0).toUpperCase() + entry.plain.slice(1) : entry.plain;
  });
}
