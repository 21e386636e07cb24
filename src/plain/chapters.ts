/** A report body cut into its main chapters (level-1 headings). */
import type { Block, Heading } from '../model/types.js';

/** One main chapter; `heading` is absent for text before the first level-1 heading. */
export interface Chapter {
  heading?: Heading;
  blocks: Block[];
}

/** Splits a body at its level-1 headings; an empty preamble is left out. */
export function chapters(body: readonly Block[]): Chapter[] {
  const out: Chapter[] = [{ blocks: [] }];
  for (const block of body) {
    if (block.type === 'heading' && block.level === 1) out.push({ heading: block, blocks: [] });
    else (out[out.length - 1] as Chapter).blocks.push(block);
  }
  return out.filter((c) => c.heading || c.blocks.length > 0);
}
