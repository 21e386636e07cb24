/**
 * Real Word numbering for lists: one bullet definition and one decimal definition per start
 * number. Every list gets its own numbering instance, so each ordered list restarts at its `start`.
 */
import { AlignmentType, LevelFormat, type ILevelsOptions, type INumberingOptions } from 'docx';

const LEVELS = 6;
const BULLETS = ['•', '–', '•', '–', '•', '–'];
/** Text indent of a top-level item, extra indent per nesting level, and the hanging bullet or number, in twips. */
const FIRST = 482;
const STEP = 397;
const HANGING = 312;

/** Where a list paragraph gets its bullet or number from. */
export interface ListRef {
  reference: string;
  instance: number;
  level: number;
}

/** Hands out numbering instances while the body is rendered, then describes what it handed out. */
export class ListNumbering {
  private next = 1;
  private readonly starts = new Set<number>();

  /** A fresh list at nesting `level`; ordered lists start at `start`. */
  open(ordered: boolean, start: number, level: number): ListRef {
    const reference = ordered ? `ordered-${start}` : 'bullet';
    if (ordered) this.starts.add(start);
    return { reference, instance: this.next++, level: Math.min(level, LEVELS - 1) };
  }

  /** The numbering definitions for the document. */
  options(): INumberingOptions {
    const config = [{ reference: 'bullet', levels: levels((level) => ({ format: LevelFormat.BULLET, text: BULLETS[level] ?? '•', start: 1 })) }];
    for (const start of [...this.starts].sort((a, b) => a - b)) {
      config.push({
        reference: `ordered-${start}`,
        levels: levels((level) => ({ format: LevelFormat.DECIMAL, text: `%${level + 1}.`, start })),
      });
    }
    return { config };
  }
}

/** The left indent of the text of a list item at `level`, for the item's later paragraphs too. */
export function listTextIndent(level: number): number {
  return FIRST + STEP * Math.min(level, LEVELS - 1);
}

type LevelLook = Pick<ILevelsOptions, 'format' | 'text' | 'start'>;

function levels(look: (level: number) => LevelLook): ILevelsOptions[] {
  return Array.from({ length: LEVELS }, (_, level) => ({
    level,
    ...look(level),
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: listTextIndent(level), hanging: HANGING } } },
  }));
}
