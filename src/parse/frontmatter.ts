/** Front matter: YAML parsed with positions, validated against a schema, unknown keys warned. */
import { parseDocument, isMap, isScalar, type Document as YamlDocument, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import type { Root, Yaml } from 'mdast';
import type { LabelLanguage, Metadata, Point, Span } from '../model/types.js';
import type { DiagnosticSink } from '../diagnostics.js';
import { closest } from './suggest.js';
import { canonicalLanguageTag } from '../model/language-tag.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a real calendar date');

const lixLimit = z.number().min(5, 'a LIX limit below 5 cannot be met').max(80, 'a LIX limit above 80 allows text harder than the report');

/** `plain:` — limits and budget for the plain-language version; unknown keys are refused so a typo is not silently ignored. */
const plainSettings = z.object({
  limits: z.object({ overall: lixLimit.optional(), section: lixLimit.optional() }).strict().optional(),
  wordBudget: z.number().int().min(20, 'a word budget below 20 words leaves chapters without content').max(2000).optional(),
  maxSentenceWords: z.number().int().min(8, 'sentences of fewer than 8 words cannot be made by splitting').max(40).optional(),
}).strict();

const stringList = z.union([z.string().transform((s) => [s]), z.array(z.string())]);

/** The front matter schema; every key the tool understands. */
export const frontMatterSchema = z.object({
  title: z.string().trim().min(1, 'the title is empty'),
  shortTitle: z.string().trim().min(1).optional(),
  subtitle: z.string().optional(),
  lang: z
    .string()
    .refine((tag) => canonicalLanguageTag(tag) !== undefined, 'expected a BCP 47 language tag such as nb, nn or en')
    .transform((tag) => canonicalLanguageTag(tag) ?? tag),
  date: isoDate.optional(),
  publisher: z.string().optional(),
  authors: stringList.optional(),
  keywords: stringList.optional(),
  description: z.string().optional(),
  place: z.string().optional(),
  series: z.string().optional(),
  isbn: z.string().optional(),
  issn: z.string().optional(),
  website: z.string().url().optional(),
  numbering: z.number().int().min(0).max(6).optional(),
  plain: plainSettings.optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;
const knownKeys = new Set(Object.keys(frontMatterSchema.shape));

/** Norwegian names authors reach for, and the key each means. */
const norwegianKeys: Record<string, string> = {
  tittel: 'title', undertittel: 'subtitle', kortittel: 'shortTitle', språk: 'lang', målform: 'lang', dato: 'date',
  utgiver: 'publisher', forfatter: 'authors', forfattere: 'authors', emneord: 'keywords', nøkkelord: 'keywords',
  beskrivelse: 'description', sted: 'place', serie: 'series', nettsted: 'website', nummerering: 'numbering',
  klarspråk: 'plain', klarsprak: 'plain', lettlest: 'plain',
};

const regions: Record<string, string> = { nb: 'nb-NO', nn: 'nn-NO', no: 'nb-NO', se: 'se-NO', en: 'en-GB' };

/** The label language for a document language; other languages fall back to English. */
export function labelLanguage(lang: string): LabelLanguage {
  const primary = lang.split('-')[0] ?? '';
  if (primary === 'nb' || primary === 'no') return 'nb';
  if (primary === 'nn') return 'nn';
  return 'en';
}

/** Reads and validates the front matter; returns undefined (with errors recorded) when unusable. */
export function readFrontMatter(tree: Root, source: string, sink: DiagnosticSink): Metadata | undefined {
  const first = tree.children[0];
  const yamlNode = first?.type === 'yaml' ? (first as Yaml) : undefined;
  const fileStart: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  if (!yamlNode?.position && /^---[ \t]*\n/.test(source)) {
    sink.error('front-matter-missing', 'the front matter opened by "---" on line 1 is never closed', fileStart,
      'add a line with just "---" after the last "key: value" line');
    return undefined;
  }
  if (!yamlNode?.position) {
    sink.error(
      'front-matter-missing',
      'the document has no front matter',
      fileStart,
      'start the file with a YAML block between two "---" lines that sets at least title and lang',
    );
    return undefined;
  }
  // The YAML text starts on the line after the opening `---`.
  const yamlStart = yamlNode.position.start.offset ?? 0;
  const bodyOffset = source.indexOf('\n', yamlStart) + 1;
  const at = (offset: number): Point => pointAt(source, bodyOffset + offset);
  const spanOf = (range: [number, number] | undefined): Span =>
    range ? { start: at(range[0]), end: at(range[1]) } : { start: at(0), end: at(0) };

  const yaml: YamlDocument = parseDocument(yamlNode.value, { prettyErrors: false, uniqueKeys: true });
  for (const err of yaml.errors) {
    sink.error('front-matter-yaml', `front matter is not valid YAML: ${firstLine(err.message)}`, spanOf(err.pos),
      'check indentation, colons and quotes; quote values that contain ": " or start with a special character');
  }
  if (yaml.errors.length) return undefined;

  const contents = yaml.contents;
  if (!isMap(contents)) {
    sink.error('front-matter-yaml', 'front matter must be a set of "key: value" lines', spanOf(rangeOf(contents)),
      'write one "key: value" per line, e.g. "title: Årsrapport 2024"');
    return undefined;
  }
  const keyRanges = new Map<string, [number, number] | undefined>();
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    keyRanges.set(key, rangeOf(pair.key as YamlNode));
    if (!knownKeys.has(key)) {
      const guess = norwegianKeys[key.toLowerCase()] ?? closest(key, [...knownKeys]);
      sink.warn('front-matter-unknown-key', `unknown front matter key "${key}" is ignored${guess ? `; did you mean "${guess}"?` : ''}`,
        spanOf(rangeOf(pair.key as YamlNode)), guess ? `rename it to "${guess}"` : `known keys: ${[...knownKeys].join(', ')}`);
    }
  }

  const raw: unknown = yaml.toJS();
  const result = frontMatterSchema.safeParse(raw);
  if (!result.success) {
    const reported = new Set<string>();
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      // One message per key: a wrong date fails both its format and its calendar test.
      if (reported.has(key)) continue;
      reported.add(key);
      const missing = issue.code === 'invalid_type' && !keyRanges.has(key);
      const rule = missing ? 'front-matter-required' : 'front-matter-invalid';
      const where = issue.path.map(String).join('.');
      const message = missing ? `front matter has no "${key}"` : `front matter "${where}": ${issue.message}`;
      const hint = missing ? hintForMissing(key) : 'see the README for what each key takes';
      sink.error(rule, message, missing ? spanOf(rangeOf(contents)) : spanOf(keyRanges.get(key)), hint);
    }
    return undefined;
  }
  const fm = result.data;
  return {
    title: fm.title,
    shortTitle: fm.shortTitle ?? fm.title,
    subtitle: fm.subtitle,
    lang: fm.lang,
    locale: fm.lang.includes('-') ? fm.lang : (regions[fm.lang] ?? fm.lang),
    date: fm.date,
    publisher: fm.publisher,
    authors: fm.authors ?? (fm.publisher ? [fm.publisher] : []),
    keywords: fm.keywords ?? [],
    description: fm.description,
    place: fm.place,
    series: fm.series,
    isbn: fm.isbn,
    issn: fm.issn,
    website: fm.website,
    numbering: fm.numbering ?? 3,
    ...(fm.plain ? { plain: fm.plain } : {}),
  };
}

function hintForMissing(key: string): string {
  if (key === 'title') return 'add a line such as "title: Rapport fra …" to the front matter';
  if (key === 'lang') return 'add "lang: nb" (or nn, en, …): screen readers need the document language';
  return `add "${key}: …" to the front matter`;
}

function rangeOf(node: YamlNode | null | undefined): [number, number] | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

/** Line and column of an offset in `text`. */
export function pointAt(text: string, offset: number): Point {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}
