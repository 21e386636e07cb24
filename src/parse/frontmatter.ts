/** Front matter: YAML parsed with positions, validated against a schema, unknown keys warned. */
import { parseDocument, isMap, isScalar, type Document as YamlDocument, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import type { Root, Yaml } from 'mdast';
import type { Metadata, Point, Span } from '../model/types.js';
import type { DiagnosticSink } from '../diagnostics.js';
import { closest } from './suggest.js';
import { canonicalTag, FALLBACK_LABELS, ownLabels } from './language-tag.js';

/** A calendar date: a YAML date or a string written YYYY-MM-DD, as that string. */
const isoDate = z
  .union([z.date().transform((d) => d.toISOString().slice(0, 10)), z.string(), z.number()], {
    error: 'expected a date written YYYY-MM-DD',
  })
  .transform((value, ctx) => {
    const text = String(value).trim();
    const problem = dateProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
    return text;
  });

/** Why a written date is not a calendar date YYYY-MM-DD, or undefined when it is one. */
function dateProblem(text: string): string | undefined {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!parts) return `"${text}" is not a date written YYYY-MM-DD`;
  const [year, month, day] = parts.slice(1).map(Number) as [number, number, number];
  // Date.UTC rolls 30 February over into March; a real date survives the round trip.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    const days = new Date(Date.UTC(year, Math.min(month, 12), 0)).getUTCDate();
    return month < 1 || month > 12
      ? `"${text}" has no month ${month}`
      : `"${text}" is not a calendar date: month ${month} of ${year} has ${days} days`;
  }
  return undefined;
}

/** The longest title and subtitle the cover sets (in smaller type, on more lines, when long). */
export const COVER_LIMITS = { title: 300, subtitle: 1000 };

const stringList = z.union([z.string().transform((s) => [s]), z.array(z.string())]);

/** The front matter schema; every key the tool understands. */
export const frontMatterSchema = z.object({
  title: z.string().trim().min(1, 'the title is empty').max(COVER_LIMITS.title, `the title is longer than the cover holds (${COVER_LIMITS.title} characters)`),
  shortTitle: z.string().trim().min(1).optional(),
  subtitle: z.string().max(COVER_LIMITS.subtitle, `the subtitle is longer than the cover holds (${COVER_LIMITS.subtitle} characters)`).optional(),
  lang: z.string().transform((written, ctx) => {
    const result = canonicalTag(written);
    if ('problem' in result) ctx.addIssue({ code: 'custom', message: result.problem });
    return 'tag' in result ? result.tag : written;
  }),
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
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;
const knownKeys = new Set(Object.keys(frontMatterSchema.shape));

/** Norwegian names authors reach for, and the key each means. */
const norwegianKeys: Record<string, string> = {
  tittel: 'title', undertittel: 'subtitle', kortittel: 'shortTitle', språk: 'lang', målform: 'lang', dato: 'date',
  utgiver: 'publisher', forfatter: 'authors', forfattere: 'authors', emneord: 'keywords', nøkkelord: 'keywords',
  beskrivelse: 'description', sted: 'place', serie: 'series', nettsted: 'website', nummerering: 'numbering',
};

const regions: Record<string, string> = { nb: 'nb-NO', nn: 'nn-NO', no: 'nb-NO', se: 'se-NO', en: 'en-GB' };

/** What an invalid value of each key needs. */
const keyHints: Record<string, string> = {
  date: 'write the date as YYYY-MM-DD, e.g. "date: 2023-06-21"',
  lang: 'use a BCP 47 language tag such as nb, nn, se or en',
  title: 'shorten the title; "shortTitle" and "subtitle" can carry the rest',
  subtitle: 'shorten the subtitle; say the rest in the introduction',
};

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
      const message = missing ? `front matter has no "${key}"` : `front matter "${key}": ${issue.message}`;
      const hint = missing ? hintForMissing(key) : (keyHints[key] ?? 'see the README for what each key takes');
      sink.error(rule, message, missing ? spanOf(rangeOf(contents)) : spanOf(keyRanges.get(key)), hint);
    }
    return undefined;
  }
  const fm = result.data;
  if (!ownLabels(fm.lang)) {
    sink.warn('front-matter-lang-labels', `the report frame has no labels in "${fm.lang}"; its labels are in "${FALLBACK_LABELS}"`,
      spanOf(keyRanges.get('lang')), 'labels exist for nb, nn, se and en; add yours to templates/labels.yml');
  }
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
