/**
 * The extractive fallback for chapters without a `:::klarsprak` block: the lead sentence of each
 * paragraph and of each list item, in order, simplified. Long sentences that cannot be split
 * safely are kept whole and reported.
 */
import type { Block, Inline, List, ListItem, Span } from '../model/types.js';
import type { DiagnosticSink } from '../diagnostics.js';
import type { PlainConfig } from './config.js';
import type { LexiconEntry } from './lexicon.js';
import { flatten, readable, unflatten } from './flatten.js';
import { simplifySentence } from './simplify.js';
import { splitSentences, words } from './sentences.js';

interface Pick {
  inlines: Inline[];
  /** The list the item came from; absent for paragraph lead sentences. */
  list?: List;
}

/**
 * Generates the plain text of a chapter from its blocks. The sentence budget is shared out over
 * the chapter's subsections (level-2 headings), so a long first subsection cannot crowd out the rest.
 */
export function generateSection(blocks: readonly Block[], lexicon: readonly LexiconEntry[], config: PlainConfig, sink: DiagnosticSink): Block[] {
  const parts = subsections(blocks);
  const quota = Math.max(1, Math.floor(config.maxItemsPerSection / parts.length));
  const picks: Pick[] = [];
  for (const part of parts) {
    const limit = Math.min(config.maxItemsPerSection, picks.length + quota);
    const take = (children: readonly Inline[], pos: Span | undefined, list?: List): void => {
      if (picks.length >= limit) return;
      const inlines = leadSentence(children, pos, lexicon, config, sink);
      if (inlines.length) picks.push(list ? { inlines, list } : { inlines });
    };
    const visit = (list: readonly Block[]): void => {
      for (const block of list) {
        if (block.type === 'paragraph') take(block.children, block.pos);
        else if (block.type === 'blockquote') visit(block.children);
        else if (block.type === 'list') {
          for (const item of block.items) {
            const first = firstParagraph(item);
            if (first) take(first.children, first.pos ?? item.pos, block);
          }
        }
      }
    };
    visit(part);
  }
  return group(picks);
}

/** The blocks before the first level-2 heading, then each level-2 subsection; empty parts dropped. */
function subsections(blocks: readonly Block[]): Block[][] {
  const parts: Block[][] = [[]];
  for (const block of blocks) {
    if (block.type === 'heading' && block.level === 2) parts.push([]);
    else (parts[parts.length - 1] as Block[]).push(block);
  }
  const full = parts.filter((p) => p.length > 0);
  return full.length ? full : [[]];
}

function firstParagraph(item: ListItem) {
  const first = item.children[0];
  return first?.type === 'paragraph' ? first : undefined;
}

/** The first sentence of some inlines, simplified; warns when it stays too long. */
function leadSentence(children: readonly Inline[], pos: Span | undefined, lexicon: readonly LexiconEntry[], config: PlainConfig, sink: DiagnosticSink): Inline[] {
  const { text, atoms } = flatten(children);
  const first = splitSentences(text)[0];
  if (!first) return [];
  const result = simplifySentence(first.text, atoms, lexicon, config.maxSentenceWords);
  if (!result.short) {
    const length = Math.max(...result.sentences.map((s) => words(readable(s, atoms)).length));
    sink.warn('plain-sentence-long', `a sentence of ${length} words was kept whole in the plain version: no safe place to split it`, pos,
      `write a :::klarsprak block for this chapter, or split the sentence into sentences of at most ${config.maxSentenceWords} words`);
  }
  return unflatten(result.sentences.join(' '), atoms, pos);
}

/** Paragraph picks become paragraphs; consecutive picks from the same list become one list. */
function group(picks: readonly Pick[]): Block[] {
  const out: Block[] = [];
  let current: { source: List; list: List } | undefined;
  for (const pick of picks) {
    const pos = pick.inlines.find((n) => n.pos)?.pos;
    const paragraph: Block = { type: 'paragraph', children: pick.inlines, ...(pos ? { pos } : {}) };
    if (!pick.list) {
      current = undefined;
      out.push(paragraph);
      continue;
    }
    if (current?.source !== pick.list) {
      const list: List = { type: 'list', ordered: pick.list.ordered, start: pick.list.start, tight: true, items: [], ...(pick.list.pos ? { pos: pick.list.pos } : {}) };
      current = { source: pick.list, list };
      out.push(list);
    }
    current.list.items.push({ type: 'listItem', children: [paragraph], ...(pos ? { pos } : {}) });
  }
  return out;
}
