/**
 * Real Word numbering for lists and headings. Lists: one bullet definition and one decimal
 * definition per start number; every list gets its own numbering instance, so each ordered list
 * restarts at its `start`. Headings: one multilevel list that the Heading styles are linked to, so
 * Word numbers chapters itself and renumbers them (and the contents) when an editor inserts,
 * moves or deletes one.
 */
import { AlignmentType, LevelFormat, LevelSuffix, type ILevelsOptions, type INumberingOptions } from 'docx';

const LEVELS = 6;
const BULLETS = ['•', '–', '•', '–', '•', '–'];
/** Text indent of a top-level item, extra indent per nesting level, and the hanging bullet or number, in twips. */
const FIRST = 482;
const STEP = 397;
const HANGING = 312;

/** The reference of the heading numbering, which the Heading 1–N styles carry. */
export const HEADING_NUMBERING = 'headings';
/** The reference of the bullet list definition (List Bullet style and Markdown bullet lists). */
export const BULLET_NUMBERING = 'bullet';
/** The reference of the numbered list definition starting at 1 (List Number style). */
export const ORDERED_NUMBERING = 'ordered-1';

/** Where a list paragraph gets its bullet or number from. */
export interface ListRef {
  reference: string;
  instance: number;
  level: number;
}

/** Hands out numbering instances while the body is rendered, then describes what it handed out. */
export class ListNumbering {
  private next = 1;
  /** Ordered lists starting at 1 always exist: the List Number style uses them. */
  private readonly starts = new Set<number>([1]);

  /** `headingLevels`: how many heading levels Word numbers (the front matter's `numbering`). */
  constructor(private readonly headingLevels: number) {}

  /** A fresh list at nesting `level`; ordered lists start at `start`. */
  open(ordered: boolean, start: number, level: number): ListRef {
    const reference = ordered ? `ordered-${start}` : BULLET_NUMBERING;
    if (ordered) this.starts.add(start);
    return { reference, instance: this.next++, level: Math.min(level, LEVELS - 1) };
  }

  /** The numbering definitions for the document. */
  options(): INumberingOptions {
    const config = [{ reference: BULLET_NUMBERING, levels: levels((level) => ({ format: LevelFormat.BULLET, text: BULLETS[level] ?? '•', start: 1 })) }];
    if (this.headingLevels > 0) config.push({ reference: HEADING_NUMBERING, levels: headingLevels(this.headingLevels) });
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

/**
 * Levels "1", "1.1", "1.1.1" … linked to Heading 1–N, the number followed by a space as in the
 * PDF. Word's contents put a tab after the number whatever the suffix, so entries hang.
 */
function headingLevels(count: number): ILevelsOptions[] {
  return Array.from({ length: Math.min(count, LEVELS) }, (_, level) => ({
    level,
    format: LevelFormat.DECIMAL,
    text: Array.from({ length: level + 1 }, (_, l) => `%${l + 1}`).join('.'),
    start: 1,
    suffix: LevelSuffix.SPACE,
    alignment: AlignmentType.LEFT,
    style: { style: `Heading${level + 1}`, paragraph: { indent: { left: 0, hanging: 0 } } },
  }));
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
