/** Front matter: YAML parsed with positions, validated against a schema, unknown keys warned. */
import { parseDocument, isMap, isScalar, type Document as YamlDocument, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import type { Root, Yaml } from 'mdast';
import type { Metadata, Point, Span } from '../model/types.js';
import type { DiagnosticSink } from '../diagnostics.js';
import { closest } from './suggest.js';
import { pointAt } from './points.js';
import { canonicalTag, FALLBACK_LABELS, ownLabels } from '../model/language-tag.js';

/** A calendar date: a YAML date or a string written YYYY-MM-DD, as that string. */
const isoDate = z
  .union([z.date().transform((d) => d.toISOString().slice(0, 10)), z.string(), z.number()], {
    error: 'expected a date written YYYY-MM-DD',
  })
  .transform((value, ctx) => {
    // A site generator's timestamp (`2020-12-02T15:05:58Z`) counts by its date part.
    const written = String(value).trim();
    const text = /^\d{4}-\d{2}-\d{2}[T ]/.test(written) ? written.slice(0, 10) : written;
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

const lixLimit = z.number().min(5, 'a LIX limit below 5 cannot be met').max(80, 'a LIX limit above 80 allows text harder than the report');

/** `plain:` — limits and budget for the plain-language version; unknown keys are refused so a typo is not silently ignored. */
const plainSettings = z.object({
  limits: z.object({ overall: lixLimit.optional(), section: lixLimit.optional() }).strict().optional(),
  wordBudget: z.number().int().min(20, 'a word budget below 20 words leaves chapters without content').max(2000).optional(),
  maxSentenceWords: z.number().int().min(8, 'sentences of fewer than 8 words cannot be made by splitting').max(40).optional(),
}).strict();

const stringList = z.union([z.string().transform((s) => [s]), z.array(z.string())]);

/** The front matter schema; every key the tool understands. Title and language may also come from the text. */
export const frontMatterSchema = z.object({
  title: z.string().trim().min(1, 'the title is empty').max(COVER_LIMITS.title, `the title is longer than the cover holds (${COVER_LIMITS.title} characters)`).optional(),
  shortTitle: z.string().trim().min(1).optional(),
  subtitle: z.string().max(COVER_LIMITS.subtitle, `the subtitle is longer than the cover holds (${COVER_LIMITS.subtitle} characters)`).optional(),
  lang: z.string().transform((written, ctx) => {
    const result = canonicalTag(written);
    if ('problem' in result) ctx.addIssue({ code: 'custom', message: result.problem });
    return 'tag' in result ? result.tag : written;
  }).optional(),
  date: isoDate.optional(),
  publisher: z.string().optional(),
  authors: stringList.optional(),
  author: stringList.optional(),
  keywords: stringList.optional(),
  tags: stringList.optional(),
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

/**
 * Keys that Hugo, Jekyll, Docusaurus and MkDocs pages carry for the site, not the document:
 * accepted without a word, since a page copied from a site should build as it is.
 */
const siteGeneratorKeys = new Set([
  'weight', 'draft', 'categories', 'aliases', 'slug', 'sidebar_position', 'sidebar_label', 'sidebar_class_name',
  'sidebar_custom_props', 'id', 'layout', 'permalink', 'nav_order', 'nav_exclude', 'parent', 'grand_parent',
  'has_children', 'has_toc', 'toc', 'toc_min_heading_level', 'toc_max_heading_level', 'hide', 'hide_title',
  'hide_table_of_contents', 'pagination_label', 'pagination_next', 'pagination_prev', 'displayed_sidebar',
  'custom_edit_url', 'image', 'image-alt', 'translationKey', 'type', 'url', 'menu', 'linkTitle', 'summary',
  'lastmod', 'publishDate', 'expiryDate', 'series_weight', 'template', 'search', 'icon', 'comments',
  'excerpt', 'redirect_from', 'published', 'sitemap', 'unlisted', 'last_update', 'keywords_meta', 'robots',
]);

/** Norwegian names authors reach for, and the key each means. */
const norwegianKeys: Record<string, string> = {
  tittel: 'title', undertittel: 'subtitle', kortittel: 'shortTitle', språk: 'lang', målform: 'lang', dato: 'date',
  utgiver: 'publisher', forfatter: 'authors', forfattere: 'authors', emneord: 'keywords', nøkkelord: 'keywords',
  beskrivelse: 'description', sted: 'place', serie: 'series', nettsted: 'website', nummerering: 'numbering',
  klarspråk: 'plain', klarsprak: 'plain', lettlest: 'plain',
};

/** What an invalid value of each key needs. */
const keyHints: Record<string, string> = {
  date: 'write the date as YYYY-MM-DD, e.g. "date: 2023-06-21"',
  lang: 'use a BCP 47 language tag such as nb, nn, se or en',
  title: 'shorten the title; "shortTitle" and "subtitle" can carry the rest',
  subtitle: 'shorten the subtitle; say the rest in the introduction',
};

/** What the front matter says; title and language may be missing, the text supplies them then. */
export type FrontMatterMetadata = Omit<Metadata, 'title' | 'shortTitle' | 'lang' | 'locale' | 'numbering'> &
  Partial<Pick<Metadata, 'title' | 'shortTitle' | 'lang' | 'numbering'>>;

/** The metadata of a document that has no front matter block. */
const NO_FRONT_MATTER: FrontMatterMetadata = { authors: [], keywords: [] };

/**
 * Reads and validates the front matter, which is optional; returns undefined (with errors
 * recorded) when a block is there but unusable.
 */
export function readFrontMatter(tree: Root, source: string, sink: DiagnosticSink): FrontMatterMetadata | undefined {
  const first = tree.children[0];
  const yamlNode = first?.type === 'yaml' ? (first as Yaml) : undefined;
  const fileStart: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  if (!yamlNode?.position && /^---[ \t]*\n/.test(source)) {
    sink.error('front-matter-missing', 'the front matter opened by "---" on line 1 is never closed', fileStart,
      'add a line with just "---" after the last "key: value" line');
    return undefined;
  }
  if (!yamlNode?.position) return { ...NO_FRONT_MATTER };
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
    if (!knownKeys.has(key) && !siteGeneratorKeys.has(key)) {
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
      const hint = missing ? hintForMissing(key) : (keyHints[key] ?? 'see the README for what each key takes');
      sink.error(rule, message, missing ? spanOf(rangeOf(contents)) : spanOf(keyRanges.get(key)), hint);
    }
    return undefined;
  }
  const fm = result.data;
  if (fm.lang !== undefined && !ownLabels(fm.lang)) {
    sink.warn('front-matter-lang-labels', `the report frame has no labels in "${fm.lang}"; its labels are in "${FALLBACK_LABELS}"`,
      spanOf(keyRanges.get('lang')), 'labels exist for nb, nn, se and en; add yours to templates/labels.yml');
  }
  return {
    title: fm.title,
    shortTitle: fm.shortTitle,
    subtitle: fm.subtitle,
    lang: fm.lang,
    date: fm.date,
    publisher: fm.publisher,
    authors: fm.authors ?? fm.author ?? (fm.publisher ? [fm.publisher] : []),
    keywords: fm.keywords ?? fm.tags ?? [],
    description: fm.description,
    place: fm.place,
    series: fm.series,
    isbn: fm.isbn,
    issn: fm.issn,
    website: fm.website,
    numbering: fm.numbering,
    ...(fm.plain ? { plain: fm.plain } : {}),
  };
}

function hintForMissing(key: string): string {
  return `add "${key}: …" to the front matter`;
}


function rangeOf(node: YamlNode | null | undefined): [number, number] | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

