/**
 * The extractive fallback for chapters without a `:::klarsprak` block. Every sentence of the
 * chapter's paragraphs and list items is simplified; those that come out short, whole and able to
 * stand alone are candidates. Each candidate is scored for how central it is and how easy it is
 * (see score.ts); the best are chosen within a word budget, every subsection first gets its best
 * sentence, and a sentence is only taken while the section stays within its LIX target. The
 * chosen sentences are put back in document order.
 */
import type { Block, Inline, List, ListItem, Paragraph, Span } from '../model/types.js';
import type { DiagnosticSink } from '../diagnostics.js';
import { inlineText } from '../model/text.js';
import type { PlainConfig } from './config.js';
import type { PlainLanguage } from './language.js';
import type { PlainWord } from './plain-words.js';
import { flatten, readable, unflatten, type FlatText } from './flatten.js';
import { simplifySentence, type Piece } from './simplify.js';
import { splitSentences } from './sentences.js';
import { addCounts, count, readability, type Counts } from './lix.js';
import { standsAlone, termsOf, scoreCandidate } from './score.js';

/** What generation needs besides the chapter. */
export interface GenerateOptions {
  lang: PlainLanguage;
  locale: string;
  words: readonly PlainWord[];
  config: PlainConfig;
  sink: DiagnosticSink;
  /** The highest LIX a generated section may reach. */
  target: number;
}

/** One simplified source sentence that could go into the plain text. */
interface Candidate {
  order: number;
  part: number;
  /** The source paragraph (or list item) it came from: sentences of one source paragraph stay together. */
  group: number;
  list?: List;
  pos?: Span;
  atoms: FlatText['atoms'];
  pieces: Piece[];
  counts: Counts;
  score: number;
}

const NONE: Counts = { words: 0, sentences: 0, longWords: 0 };

/** The plain blocks of a chapter; `title` is the chapter heading's text, `before` the counts of text the section opens with. */
export function generateSection(title: string, blocks: readonly Block[], options: GenerateOptions, before: Counts = NONE): Block[] {
  const parts = subsections(blocks);
  const sources = parts.flatMap((part, index) => sentencesOf(part.blocks).map((s) => ({ ...s, part: index })));
  const terms = termsOf(sources.map((s) => readable(s.text, s.atoms)), [title, ...parts.map((p) => p.heading)], options.lang);
  const candidates: Candidate[] = [];
  sources.forEach((s, order) => {
    const simplified = simplifySentence(s.text, s.atoms, { lang: options.lang, locale: options.locale, words: options.words, maxWords: options.config.maxSentenceWords });
    const texts = pieceTexts(simplified.pieces).map((t) => readable(t, s.atoms));
    if (!simplified.short || !standsAlone(readable(s.text, s.atoms), texts, options.lang, s.list !== undefined)) return;
    const counts = count(texts);
    candidates.push({
      order, part: s.part, group: s.group, ...(s.list ? { list: s.list } : {}), ...(s.pos ? { pos: s.pos } : {}),
      atoms: s.atoms, pieces: simplified.pieces, counts,
      score: scoreCandidate(readable(s.text, s.atoms), counts, s.lead, terms, options.lang),
    });
  });
  const chosen = choose(candidates, parts.map((p) => p.words), options.config, options.target, before);
  warnLeftOut(parts, chosen, options.sink);
  return toBlocks(chosen);
}

interface Part {
  heading: string;
  pos?: Span;
  blocks: Block[];
  words: number;
}

/** The blocks before the first level-2 heading, then each level-2 subsection; empty parts dropped. */
function subsections(blocks: readonly Block[]): Part[] {
  const parts: Part[] = [{ heading: '', blocks: [], words: 0 }];
  for (const block of blocks) {
    if (block.type === 'heading' && block.level === 2) parts.push({ heading: inlineText(block.children), ...(block.pos ? { pos: block.pos } : {}), blocks: [], words: 0 });
    else (parts[parts.length - 1] as Part).blocks.push(block);
  }
  for (const part of parts) part.words = addCounts(sentencesOf(part.blocks).map((s) => count([readable(s.text, s.atoms)]))).words;
  return parts.filter((p) => p.words > 0);
}

interface Source {
  text: string;
  atoms: FlatText['atoms'];
  lead: boolean;
  group: number;
  list?: List;
  pos?: Span;
}

/** Every sentence of the paragraphs (also in quotes) and of the first paragraph of each list item. */
function sentencesOf(blocks: readonly Block[]): Source[] {
  const out: Source[] = [];
  let group = 0;
  const take = (children: readonly Inline[], pos: Span | undefined, list?: List): void => {
    const { text, atoms } = flatten(children);
    group++;
    splitSentences(text).forEach((s, i) => out.push({ text: s.text, atoms, lead: i === 0, group, ...(list ? { list } : {}), ...(pos ? { pos } : {}) }));
  };
  const visit = (list: readonly Block[]): void => {
    for (const block of list) {
      if (block.type === 'paragraph') take(block.children, block.pos);
      else if (block.type === 'blockquote') visit(block.children);
      else if (block.type === 'list') {
        for (const item of block.items) {
          const first = item.children[0];
          if (first?.type === 'paragraph') take(first.children, first.pos ?? item.pos, block);
        }
      }
    }
  };
  visit(blocks);
  return out;
}

function pieceTexts(pieces: readonly Piece[]): string[] {
  return pieces.flatMap((p) => (p.kind === 'sentence' ? [p.text] : [p.intro, ...p.items]));
}

/**
 * Picks candidates: first the best of each subsection, then the best overall, while the words
 * fit the budget (each subsection its share by length) and the LIX of the picks stays at or
 * under the target. A pick that would raise the LIX above the target is passed over.
 */
function choose(candidates: readonly Candidate[], partWords: readonly number[], config: PlainConfig, target: number, before: Counts): Candidate[] {
  const total = partWords.reduce((a, b) => a + b, 0) || 1;
  const share = partWords.map((w) => Math.max(20, (config.wordBudget * w) / total));
  const byScore = [...candidates].sort((a, b) => b.score - a.score || a.order - b.order);
  const chosen = new Set<Candidate>();
  const used = partWords.map(() => 0);
  let sum: Counts = before;
  const fits = (c: Candidate): boolean => readability(addCounts([sum, c.counts])).lix <= target;
  const take = (c: Candidate): void => {
    chosen.add(c);
    sum = addCounts([sum, c.counts]);
    used[c.part] = (used[c.part] ?? 0) + c.counts.words;
  };
  partWords.forEach((_, part) => {
    const best = byScore.find((c) => c.part === part && fits(c));
    if (best) take(best);
  });
  for (const c of byScore) {
    if (chosen.has(c) || sum.words + c.counts.words > config.wordBudget) continue;
    if ((used[c.part] ?? 0) + c.counts.words > (share[c.part] ?? 0) * 1.25 || !fits(c)) continue;
    take(c);
  }
  return [...chosen].sort((a, b) => a.order - b.order);
}

/** A subsection with text but no sentence that could be made plain is worth a :::klarsprak block. */
function warnLeftOut(parts: readonly Part[], chosen: readonly Candidate[], sink: DiagnosticSink): void {
  parts.forEach((part, index) => {
    if (!part.heading || chosen.some((c) => c.part === index)) return;
    sink.warn('plain-subsection-left-out', `no sentence of "${part.heading}" could be made plain safely, so the plain version leaves it out`, part.pos,
      'write a :::klarsprak block for this chapter that also says what this subsection is about');
  });
}

/** Sentences of one source paragraph become one paragraph; items of one source list one list; an enumeration a paragraph and a list. */
function toBlocks(chosen: readonly Candidate[]): Block[] {
  const out: Block[] = [];
  let last: { group: number; paragraph: Paragraph } | { source: List; list: List } | undefined;
  for (const c of chosen) {
    for (const piece of c.pieces) {
      if (piece.kind === 'list') {
        out.push(paragraph(piece.intro, c), bulletList(piece.items.map((i) => unflatten(i, c.atoms, c.pos)), c.pos));
        last = undefined;
      } else if (c.list) {
        const item: ListItem = { type: 'listItem', children: [paragraph(piece.text, c)], ...(c.pos ? { pos: c.pos } : {}) };
        if (last && 'source' in last && last.source === c.list) last.list.items.push(item);
        else {
          const list: List = { type: 'list', ordered: c.list.ordered, start: c.list.start, tight: true, items: [item], ...(c.list.pos ? { pos: c.list.pos } : {}) };
          out.push(list);
          last = { source: c.list, list };
        }
      } else if (last && 'group' in last && last.group === c.group) {
        last.paragraph.children.push({ type: 'text', value: ' ' }, ...unflatten(piece.text, c.atoms, c.pos));
      } else {
        const block = paragraph(piece.text, c);
        out.push(block);
        last = { group: c.group, paragraph: block };
      }
    }
  }
  return out;
}

function paragraph(text: string, c: Candidate): Paragraph {
  return { type: 'paragraph', children: unflatten(text, c.atoms, c.pos), ...(c.pos ? { pos: c.pos } : {}) };
}

function bulletList(items: Inline[][], pos?: Span): List {
  return {
    type: 'list', ordered: false, start: 1, tight: true,
    items: items.map((children) => ({ type: 'listItem', children: [{ type: 'paragraph', children }] })),
    ...(pos ? { pos } : {}),
  };
}
