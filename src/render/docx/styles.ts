/**
 * The style sheet: every look in the document comes from here, so runs in the body carry no direct
 * font or size formatting and editors can restyle the whole report from Word's Styles pane.
 */
import type {
  ICharacterStyleOptions,
  IParagraphPropertiesOptions,
  IParagraphStyleOptions,
  IParagraphStylePropertiesOptions,
  IStylesOptions,
} from 'docx';
import { AlignmentType, BorderStyle, LeaderType, LineRuleType, ShadingType, TabStopType, type IThemeOptions } from 'docx';
import { FONT_MONO, FONT_SANS } from './fonts.js';
import { BULLET_NUMBERING, HEADING_NUMBERING, ORDERED_NUMBERING } from './numbering.js';
import { TEXT_WIDTH } from './page.js';
import type { Layout } from '../shared/options.js';
import { typeScale, wordColor } from '../shared/tokens.js';

/** Sizes and spacing for one layout; sizes in points, spacing in twentieths of a point. */
interface Scale {
  body: number;
  small: number;
  headings: [number, number, number, number, number, number];
  title: number;
  subtitle: number;
  /** Line spacing in 240ths of a line (240 = single). */
  line: number;
  after: number;
}

/** The house type sizes, with the Word file's own title sizes and paragraph rhythm. */
const SCALES: Record<Layout, Scale> = {
  report: { ...houseSizes('report'), title: 28, subtitle: 16, line: 288, after: 160 },
  easy: { ...houseSizes('easy'), title: 30, subtitle: 18, line: 360, after: 240 },
};

function houseSizes(layout: Layout): Pick<Scale, 'body' | 'small' | 'headings'> {
  const { body, small, headings } = typeScale(layout);
  return { body, small, headings: [...headings] };
}

/** Text colour for headings and the title: the house dark blue, well above 7:1 on white. */
const ACCENT = wordColor('heading');
const MUTED = wordColor('muted');
const RULE = wordColor('rule');
const LINK = wordColor('link');
const FILL = wordColor('codeFill');
/** The table rules and header fill, as in the PDF. */
const TABLE_RULE = ACCENT;
const TABLE_INSIDE_RULE = RULE;
const TABLE_HEADER_FILL = wordColor('tableHeaderFill');

/** The id (and name) of the house table style. */
export const TABLE_STYLE = 'Rapporttabell';

/**
 * The theme: the house navy and its companions instead of Office blue, and Noto Sans for
 * headings and body, so colours and fonts an editor picks from Word's theme match the report.
 */
export const HOUSE_THEME: IThemeOptions = {
  name: 'rapportverk',
  colors: {
    dark1: '1A1A1A',
    light1: 'FFFFFF',
    dark2: ACCENT,
    light2: TABLE_HEADER_FILL,
    accent1: ACCENT,
    accent2: LINK,
    accent3: RULE,
    accent4: '5C7A99',
    accent5: TABLE_INSIDE_RULE,
    accent6: MUTED,
    hyperlink: LINK,
    followedHyperlink: '4B3A75',
  },
  fonts: { headings: FONT_SANS, body: FONT_SANS },
};

/** Half-points, as Word stores font sizes. */
const hp = (pt: number): number => Math.round(pt * 2);
const tw = (pt: number): number => Math.round(pt * 20);

/** Space between list items, in twips; less than between paragraphs, so a list reads as one unit. */
const LIST_ITEM_AFTER = 80;

/**
 * Space above a paragraph that follows a list, so the list ends with the body's paragraph spacing
 * (Word and LibreOffice use the larger of one paragraph's space after and the next one's before).
 */
export function afterListSpacing(layout: Layout): number {
  return SCALES[layout].after;
}

/** Paragraph properties a style may carry; docx writes them all, though its style type lists fewer. */
type StyleParagraph = IParagraphStylePropertiesOptions & Pick<IParagraphPropertiesOptions, 'pageBreakBefore' | 'tabStops' | 'widowControl'>;

function para(p: StyleParagraph): IParagraphStylePropertiesOptions {
  return p;
}

/** One border line: its colour, width in eighths of a point, and distance from the text in points. */
function line(color: string, size: number, space: number) {
  return { style: BorderStyle.SINGLE, size, color, space };
}

/** The same line on all four sides of a paragraph; `side` is the distance left and right. */
function boxBorder(color: string, size: number, space: number, side: number) {
  return { top: line(color, size, space), bottom: line(color, size, space), left: line(color, size, side), right: line(color, size, side) };
}

/** Admonition boxes: consecutive paragraphs with the same border and shading join into one box in Word. */
const ADMONITION_STYLE: IParagraphStyleOptions = {
  id: 'Admonition',
  name: 'Admonition',
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  paragraph: {
    indent: { left: 227, right: 227 },
    shading: { type: ShadingType.CLEAR, fill: FILL, color: 'auto' },
    // A heavier rule on the left, as the PDF draws its boxes.
    border: { ...boxBorder(RULE, 6, 4, 8), left: line(RULE, 18, 8) },
  },
};

/**
 * The complete style sheet for a layout; `locale` is the default run language, and Heading 1 to
 * `numberedLevels` are linked to the heading numbering; `admonitions` adds the box style. Every style id is defined once.
 */
export function buildStyles(layout: Layout, locale: string, numberedLevels: number, admonitions: boolean): IStylesOptions {
  const s = SCALES[layout];
  return {
    default: {
      document: {
        run: { font: FONT_SANS, size: hp(s.body), language: { value: locale } },
        // Widow and orphan control is off in WordprocessingML unless a style turns it on.
        paragraph: para({ widowControl: true, spacing: { after: s.after, line: s.line, lineRule: LineRuleType.AUTO } }),
      },
    },
    // The box style only where boxes are, so documents without them keep the style sheet they had.
    paragraphStyles: [...paragraphStyles(s, layout, numberedLevels), ...(admonitions ? [ADMONITION_STYLE] : [])],
    characterStyles: [...characterStyles(s)],
  };
}

/**
 * The house table style: rules above and below and between rows, none down the sides, a shaded
 * bold header row that repeats on each page. The docx library has no table styles (and giving it
 * styles as XML drops its document defaults), so the fix-ups add it to styles.xml; tables take
 * their look from it, and so do tables an editor inserts with it.
 */
export function tableStyleXml(): string {
  const rule = (side: string, size: number, color: string) => `<w:${side} w:val="single" w:sz="${size}" w:space="0" w:color="${color}"/>`;
  const none = (side: string) => `<w:${side} w:val="nil"/>`;
  const margin = (side: string, w: number) => `<w:${side} w:w="${w}" w:type="dxa"/>`;
  return (
    `<w:style w:type="table" w:customStyle="1" w:styleId="${TABLE_STYLE}"><w:name w:val="${TABLE_STYLE}"/><w:uiPriority w:val="59"/><w:qFormat/>` +
      `<w:tblPr><w:tblBorders>${rule('top', 8, TABLE_RULE)}${none('left')}${rule('bottom', 8, TABLE_RULE)}${none('right')}${rule('insideH', 4, TABLE_INSIDE_RULE)}${none('insideV')}</w:tblBorders>` +
      `<w:tblCellMar>${margin('top', 40)}${margin('left', 100)}${margin('bottom', 40)}${margin('right', 100)}</w:tblCellMar></w:tblPr>` +
      `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:trPr><w:tblHeader/></w:trPr>` +
      `<w:tcPr><w:tcBorders>${rule('bottom', 8, TABLE_RULE)}</w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="${TABLE_HEADER_FILL}"/></w:tcPr></w:tblStylePr></w:style>`
  );
}

function paragraphStyles(s: Scale, layout: Layout, numberedLevels: number): IParagraphStyleOptions[] {
  const heading = (level: 1 | 2 | 3 | 4 | 5 | 6, before: number, after: number, extra: { italics?: boolean; color?: string } = {}) => ({
    id: `Heading${level}`,
    name: `Heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { bold: true, size: hp(s.headings[level - 1] ?? s.body), color: ACCENT, ...extra },
    paragraph: para({
      // The number comes from the style, so a heading an editor adds is numbered like the rest.
      ...(level <= numberedLevels ? { numbering: { reference: HEADING_NUMBERING, level: level - 1 } } : {}),
      outlineLevel: level - 1,
      keepNext: true,
      keepLines: true,
      // Chapters open on a new page in the report; the easy-to-read version is short and flows on.
      pageBreakBefore: level === 1 && layout === 'report',
      spacing: { before: tw(before), after: tw(after), line: 240, lineRule: LineRuleType.AUTO },
    }),
  });
  return [
    { id: 'Normal', name: 'Normal', quickFormat: true, run: { font: FONT_SANS, size: hp(s.body) } },
    {
      id: 'Title',
      name: 'Title',
      basedOn: 'Normal',
      next: 'Subtitle',
      quickFormat: true,
      run: { bold: true, size: hp(s.title), color: ACCENT },
      // The cover's white space above the title is the style's, not empty paragraphs; the rule is its border.
      paragraph: {
        spacing: { before: tw(150), after: tw(18), line: 240, lineRule: LineRuleType.AUTO },
        border: { top: { style: BorderStyle.SINGLE, size: 36, color: ACCENT, space: 18 } },
      },
    },
    {
      id: 'Subtitle',
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { size: hp(s.subtitle), color: MUTED },
      paragraph: { spacing: { after: tw(60) } },
    },
    {
      id: 'CoverText',
      name: 'Cover Text',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: hp(s.body + 1) },
      paragraph: { spacing: { after: tw(4) } },
    },
    {
      id: 'Colophon',
      name: 'Colophon',
      basedOn: 'Normal',
      next: 'Colophon',
      run: { size: hp(s.small + 0.5) },
      paragraph: { spacing: { after: tw(6) } },
    },
    // In the report a chapter starts a page; in the easy-to-read version it needs space above instead.
    heading(1, layout === 'report' ? 0 : 30, 18),
    heading(2, 20, 6),
    heading(3, 16, 4),
    heading(4, 14, 4),
    heading(5, 12, 3, { color: MUTED }),
    heading(6, 12, 3, { color: MUTED, italics: true }),
    {
      id: 'TOCHeading',
      name: 'TOC Heading',
      basedOn: 'Normal',
      next: 'Normal',
      run: { bold: true, size: hp(s.headings[0]), color: ACCENT },
      // Outline level 9 is body text: the contents heading is not itself listed or navigable as a chapter.
      paragraph: para({ pageBreakBefore: true, keepNext: true, outlineLevel: 9, spacing: { after: tw(18) } }),
    },
    toc(1, 0, 440, { bold: true }, tw(8)),
    toc(2, 440, 620, {}, 0),
    toc(3, 1060, 800, {}, 0),
    {
      id: 'ListParagraph',
      name: 'List Paragraph',
      basedOn: 'Normal',
      quickFormat: true,
      paragraph: { spacing: { after: LIST_ITEM_AFTER } },
    },
    // Word's list styles, tied to the house bullets and numbers, for lists editors add.
    listStyle('ListBullet', 'List Bullet', BULLET_NUMBERING),
    listStyle('ListNumber', 'List Number', ORDERED_NUMBERING),
    {
      id: 'Quote',
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { color: MUTED },
      paragraph: {
        indent: { left: 567, right: 567 },
        border: { left: { style: BorderStyle.SINGLE, size: 18, color: RULE, space: 10 } },
      },
    },
    {
      id: 'Caption',
      name: 'caption',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { bold: true, size: hp(s.small + 0.5), color: MUTED },
      paragraph: { keepNext: true, spacing: { before: tw(6), after: tw(6) } },
    },
    {
      id: 'FigureParagraph',
      name: 'Figure',
      basedOn: 'Normal',
      next: 'Caption',
      paragraph: { keepNext: true, alignment: AlignmentType.LEFT, spacing: { before: tw(6), after: tw(4), line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      id: 'Code',
      name: 'Code',
      basedOn: 'Normal',
      next: 'Normal',
      run: { font: FONT_MONO, size: hp(s.small + 0.5) },
      paragraph: {
        indent: { left: 170, right: 170 },
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        shading: { type: ShadingType.CLEAR, fill: FILL, color: 'auto' },
        border: boxBorder(FILL, 4, 4, 4),
      },
    },
    {
      id: 'TableText',
      name: 'Table Text',
      basedOn: 'Normal',
      next: 'TableText',
      run: { size: hp(s.body - 1) },
      paragraph: { spacing: { before: tw(3), after: tw(3), line: 252, lineRule: LineRuleType.AUTO } },
    },
    {
      id: 'TableHeading',
      name: 'Table Heading',
      basedOn: 'TableText',
      next: 'TableText',
      run: { bold: true },
    },
    {
      id: 'FootnoteText',
      name: 'Footnote Text',
      basedOn: 'Normal',
      link: 'FootnoteTextChar',
      run: { size: hp(s.small) },
      // The note number hangs in the margin of the note; the tab after it lines the text up.
      paragraph: { indent: { left: 284, hanging: 284 }, spacing: { after: tw(2), line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      id: 'Header',
      name: 'header',
      basedOn: 'Normal',
      run: { size: hp(s.small), color: MUTED },
      // The running title over a thin rule, as in the PDF.
      paragraph: para({
        spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO },
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 4 } },
      }),
    },
    {
      id: 'Footer',
      name: 'footer',
      basedOn: 'Normal',
      run: { size: hp(s.small), color: MUTED },
      paragraph: para({ spacing: { after: 0 }, alignment: AlignmentType.RIGHT }),
    },
  ];
}

function listStyle(id: string, name: string, reference: string): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: 'ListParagraph',
    next: id,
    quickFormat: true,
    paragraph: { numbering: { reference, level: 0 } },
  };
}

/**
 * A contents level: the number hangs at `start`, the title and its wrapped lines stand at
 * `start + numberWidth` (a left tab there too, for LibreOffice), and a dot leader runs to the
 * page number at the right margin. The tabs are the style's, so Word's updates keep them.
 */
function toc(level: 1 | 2 | 3, start: number, numberWidth: number, run: { bold?: boolean }, before: number): IParagraphStyleOptions {
  return {
    id: `TOC${level}`,
    name: `TOC ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    run,
    paragraph: para({
      indent: { left: start + numberWidth, hanging: numberWidth },
      spacing: { before, after: tw(3) },
      tabStops: [
        { type: TabStopType.LEFT, position: start + numberWidth },
        { type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT },
      ],
    }),
  };
}

function characterStyles(s: Scale): ICharacterStyleOptions[] {
  return [
    { id: 'Hyperlink', name: 'Hyperlink', run: { color: LINK, underline: {} } },
    // The docx library's default "Strong" is a paragraph style; Word's built-in one is a character style.
    { id: 'Strong', name: 'Strong', run: { bold: true } },
    { id: 'FootnoteReference', name: 'Footnote Reference', run: { superScript: true } },
    { id: 'FootnoteTextChar', name: 'Footnote Text Char', link: 'FootnoteText', run: { size: hp(s.small) } },
    { id: 'CodeChar', name: 'Code Char', run: { font: FONT_MONO, size: hp(s.body - 1) } },
  ];
}
