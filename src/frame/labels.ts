/** Frame labels (Contents, Notes, Page …) in nb, nn, se and en, read from `templates/labels.yml`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { LabelLanguage, Labels } from '../model/types.js';
import { templatesDir } from './paths.js';

const labelsSchema = z.object({
  contents: z.string(),
  footnotes: z.string(),
  page: z.string(),
  pageOf: z.string(),
  figure: z.string(),
  table: z.string(),
  sectionRef: z.string(),
  figureRef: z.string(),
  tableRef: z.string(),
  quoteOpen: z.string(),
  quoteClose: z.string(),
  skipToContent: z.string(),
  backToReference: z.string(),
  footnoteReference: z.string(),
  glossary: z.string(),
  aboutReport: z.string(),
  plainVersionTitle: z.string(),
  plainVersionNote: z.string(),
  coverLabel: z.string(),
  colophon: z.string(),
  publishedBy: z.string(),
  published: z.string(),
  series: z.string(),
  website: z.string(),
  universalDesign: z.string(),
  madeWith: z.string(),
  draft: z.string(),
  imageMissing: z.string(),
  admonitions: z.object({ note: z.string(), tip: z.string(), info: z.string(), warning: z.string(), danger: z.string(), caution: z.string() }),
}) satisfies z.ZodType<Labels>;

const fileSchema = z.object({ nb: labelsSchema, nn: labelsSchema, se: labelsSchema, en: labelsSchema });
let loaded: z.infer<typeof fileSchema> | undefined;

/** Forgets the labels read so far, so the next build reads an edited labels.yml (watch mode). */
export function forgetLabels(): void {
  loaded = undefined;
}

/** The labels for a label language; the file is read and validated once. */
export function labelsFor(language: LabelLanguage): Labels {
  loaded ??= fileSchema.parse(parse(readFileSync(join(templatesDir, 'labels.yml'), 'utf8')));
  return loaded[language];
}
