/**
 * The generated plain version on its own: content/rapport.md with every :::klarsprak block
 * removed, and the real-world documents (as they are when they build, else with a minimal front
 * matter), must meet the klarspråk limits with well-formed sentences.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadReport, loadReportText } from '../src/pipeline/load.js';
import type { Block, ReportDocument } from '../src/model/types.js';
import { inlineText } from '../src/model/text.js';
import { derivePlain, type PlainVersion } from '../src/plain/derive.js';
import { plainReadability } from '../src/plain/readability.js';
import { DEFAULT_PLAIN_CONFIG, SMALL_SECTION } from '../src/plain/config.js';
import { splitSentences, words } from '../src/plain/sentences.js';
import { hasFiniteVerb, plainLanguage } from '../src/plain/language.js';
import { labelLanguage } from '../src/model/language-tag.js';
import { reportPath, sharedDir } from './helpers/paths.js';

const { overall, section } = DEFAULT_PLAIN_CONFIG.thresholds;

/** The report source with each :::klarsprak … ::: block cut out (line by line, as an author would). */
function withoutAuthoredBlocks(source: string): string {
  const out: string[] = [];
  let inside = false;
  for (const line of source.split('\n')) {
    if (!inside && /^:::klarsprak\s*$/.test(line)) inside = true;
    else if (inside && /^:::\s*$/.test(line)) inside = false;
    else if (!inside) out.push(line);
  }
  return out.join('\n');
}

/** The sentences of the plain version that were generated (the glossary is the author's own text). */
function generatedSentences(plain: PlainVersion): string[] {
  const out: string[] = [];
  const visit = (blocks: readonly Block[]): void => {
    blocks.forEach((block, i) => {
      if (block.type === 'paragraph') out.push(...splitSentences(inlineText(block.children)).map((s) => s.text));
      else if (block.type === 'list') {
        // Items of a list made from an enumeration continue the introduction before it, which ends in a colon.
        const previous = blocks[i - 1];
        const continues = previous?.type === 'paragraph' && inlineText(previous.children).trim().endsWith(':');
        if (!continues) for (const item of block.items) visit(item.children);
      }
    });
  };
  for (const s of plain.sections) if (s.source === 'generated' || s.source === 'about') visit(s.blocks);
  return out;
}

function limitsHold(doc: ReportDocument, minWords: number): void {
  const plain = derivePlain(doc);
  const figures = plainReadability(plain);
  expect(figures.overall.lix).toBeLessThanOrEqual(overall);
  expect(figures.sections.filter((s) => s.words >= SMALL_SECTION && s.lix > section).map((s) => `${s.title}: ${s.lix}`)).toEqual([]);
  expect(figures.overall.words).toBeGreaterThanOrEqual(minWords);
  const chapters = doc.body.flatMap((b) => (b.type === 'heading' && b.level === 1 ? [b.id] : []));
  const covered = plain.sections.flatMap((s) => (s.chapter ? [s.chapter] : []));
  // Text before the first chapter has no heading of its own; "Kort om rapporten" stands for it.
  expect(covered.filter(Boolean)).toEqual(expect.arrayContaining(chapters.filter((id) => id !== plain.sections[0]?.chapter)));
  expect(plain.sections.filter((s) => s.source !== 'glossary').every((s) => s.blocks.length > 0)).toBe(true);
  const sentences = generatedSentences(plain);
  expect(sentences.length).toBeGreaterThan(2);
  expect(sentences.filter((s) => words(s).length > DEFAULT_PLAIN_CONFIG.maxSentenceWords)).toEqual([]);
  const lang = plainLanguage(labelLanguage(doc.meta.lang));
  const malformed = sentences.filter((s) => !/^[«"“]?[\p{Lu}\p{N}]/u.test(s) || !/[.!?:]["»”)]*$/.test(s) || !hasFiniteVerb(words(s), lang));
  expect(malformed).toEqual([]);
}

describe('the generated plain version of content/rapport.md (every :::klarsprak block removed)', () => {
  const source = readFileSync(reportPath, 'utf8');
  const stripped = withoutAuthoredBlocks(source);
  const { doc, diagnostics } = loadReportText(reportPath, stripped);
  if (!doc) throw new Error(`the stripped report did not load: ${JSON.stringify(diagnostics)}`);

  it('has no authored text left to lean on', () => {
    expect(source).toContain(':::klarsprak');
    expect(stripped).not.toContain(':::klarsprak');
    expect(derivePlain(doc).sections.filter((s) => s.source === 'authored')).toEqual([]);
  });

  it('meets LIX ≤ 35 overall and ≤ 40 per section, keeps every chapter, has ≥ 500 words, sentences ≤ 20 words, each well formed', () => {
    limitsHold(doc, 500);
  });
});

/** Every Markdown document of the real-world corpus, with the language SOURCES.md gives it. */
function realWorldDocuments(): { file: string; lang: string }[] {
  const dir = join(sharedDir, 'testdata', 'realworld');
  const sources = readFileSync(join(dir, 'SOURCES.md'), 'utf8');
  const langOf = (name: string): string => {
    const row = sources.split('\n').find((l) => l.startsWith(`| ${name} |`)) ?? '';
    return /nynorsk/i.test(row) ? 'nn' : /english/i.test(row) ? 'en' : 'nb';
  };
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.md') ? [p] : [];
  });
  return readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory()).flatMap((name) => walk(join(dir, name)).map((file) => ({ file, lang: langOf(name) })));
}

describe('the generated plain version of the real-world documents', () => {
  const documents = realWorldDocuments();

  it('finds all twelve documents', () => {
    expect(documents).toHaveLength(12);
  });

  it.each(documents.map((d) => [basename(d.file), d] as const))('%s meets the same limits (as it builds, else with a minimal front matter)', (_name, { file, lang }) => {
    const asIs = loadReport(file).doc;
    const source = readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    const doc = asIs ?? loadReportText(file, `---\ntitle: Dokument\nlang: ${lang}\n---\n\n${source}`).doc;
    if (!doc) throw new Error(`${file} does not load even with a minimal front matter`);
    limitsHold(doc, 0);
  });
});
