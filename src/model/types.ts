/**
 * The intermediate model: one typed, renderer-neutral tree that every output is made from.
 *
 * It follows Pandoc's split (reader → AST → writers): the Markdown reader builds it, the PDF,
 * DOCX and plain-language writers consume it. Nothing here knows about mdast, pdfmake or docx.
 * Every node keeps the span of source it came from, so checks and renderers can point authors
 * at the exact place (file:line:column).
 */

/** A place in a source file; line and column are 1-based, offset is 0-based (UTF-16 units). */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** The stretch of a source file a node came from. */
export interface Span {
  start: Point;
  end: Point;
}

interface NodeBase {
  /** Source span; absent only for nodes the tool made itself (e.g. heading numbers). */
  pos?: Span;
}

// ---------------------------------------------------------------------------------------------
// Inlines

/** Plain text. */
export interface Text extends NodeBase {
  type: 'text';
  value: string;
}

/** Emphasis (italic). */
export interface Emphasis extends NodeBase {
  type: 'emphasis';
  children: Inline[];
}

/** Strong importance (bold). */
export interface Strong extends NodeBase {
  type: 'strong';
  children: Inline[];
}

/** Struck-through text (GFM `~~x~~`). */
export interface Delete extends NodeBase {
  type: 'delete';
  children: Inline[];
}

/** Superscript or subscript (from the safe HTML subset `<sup>`, `<sub>`). */
export interface Script extends NodeBase {
  type: 'superscript' | 'subscript';
  children: Inline[];
}

/** Inline code. */
export interface InlineCode extends NodeBase {
  type: 'inlineCode';
  value: string;
}

/** A hyperlink; `href` is external (http, https, mailto) or internal (`#id`). */
export interface Link extends NodeBase {
  type: 'link';
  href: string;
  title?: string;
  children: Inline[];
}

/** A reference to a footnote; `number` is its 1-based order of first reference. */
export interface FootnoteRef extends NodeBase {
  type: 'footnoteRef';
  /** Key into `ReportDocument.footnotes`. */
  id: string;
  number: number;
  /** True for the second and later references to the same note. */
  repeat: boolean;
}

/** A forced line break (`\` or two spaces at line end, or `<br>`). */
export interface LineBreak extends NodeBase {
  type: 'break';
}

/** Text in another language than the document's (`:lang[…]{lang=en}`). */
export interface LangSpan extends NodeBase {
  type: 'lang';
  /** BCP 47 tag, e.g. `en`, `se`, `nn-NO`. */
  lang: string;
  children: Inline[];
}

/** A cross-reference (`@fig-kart`, `[-@tbl-x]`), resolved: the text to print and the target's anchor. */
export interface CrossRef extends NodeBase {
  type: 'crossRef';
  kind: 'section' | 'figure' | 'table';
  /** Anchor id of the target heading, figure or table. */
  target: string;
  /** What every format prints, in the document language: "figur 2", "Kapittel 5.3", «Sammendrag», or "2". */
  text: string;
  /** The target's number, which `text` ends with; absent when the reference names a title. */
  number?: string;
}

/**
 * A small image inside running text (an icon, a badge), drawn in the line. Larger images and
 * images with a caption become figures after their paragraph instead (README: Images in text).
 */
export interface InlineImage extends NodeBase {
  type: 'inlineImage';
  /** The source as written, as for figures. */
  src: string;
  /** Absolute path of the checked file; absent when it failed checks. */
  path?: string;
  alt: string;
  /** Decorative images carry no meaning: no alt text, artifacts in PDF, marked decorative in DOCX. */
  decorative: boolean;
  /** Upright size in CSS pixels (96 per inch), read from the file, EXIF orientation applied. */
  width: number;
  height: number;
}

export type Inline =
  | Text
  | Emphasis
  | Strong
  | Delete
  | Script
  | InlineCode
  | Link
  | FootnoteRef
  | LineBreak
  | LangSpan
  | CrossRef
  | InlineImage;

// ---------------------------------------------------------------------------------------------
// Blocks

/** A heading. `number` is the generated section number ("5.2.1"), absent when unnumbered. */
export interface Heading extends NodeBase {
  type: 'heading';
  level: 1 | 2 | 3 | 4 | 5 | 6;
  /** Unique anchor id, used for links, bookmarks and the table of contents. */
  id: string;
  number?: string;
  children: Inline[];
}

/** A paragraph. */
export interface Paragraph extends NodeBase {
  type: 'paragraph';
  children: Inline[];
}

/** One item of a list; `checked` is set for GFM task list items. */
export interface ListItem extends NodeBase {
  type: 'listItem';
  checked?: boolean;
  children: Block[];
}

/** A bullet or numbered list; nested lists sit inside an item's children. */
export interface List extends NodeBase {
  type: 'list';
  ordered: boolean;
  /** First number of an ordered list. */
  start: number;
  /** Tight lists have no space between items. */
  tight: boolean;
  items: ListItem[];
}

export type Align = 'left' | 'center' | 'right' | null;

/** What a header cell heads, as HTML's `<th scope>` names it. */
export type HeaderScope = 'col' | 'row' | 'colgroup' | 'rowgroup';

/**
 * A table cell; `header` marks a header (TH) cell. A cell may span columns and rows (from HTML
 * `colspan`/`rowspan`); it is listed only in the row where it starts (see model/table-grid.ts).
 */
export interface TableCell extends NodeBase {
  type: 'tableCell';
  header: boolean;
  /** Columns the cell covers when more than one (absent: 1). */
  colSpan?: number;
  /** Rows the cell covers when more than one (absent: 1). */
  rowSpan?: number;
  /** What a header cell heads, when the author said (`<th scope>`); else see `headerScope`. */
  scope?: HeaderScope;
  children: Inline[];
}

/** A table row: the cells that start in it, left to right. */
export interface TableRow extends NodeBase {
  type: 'tableRow';
  cells: TableCell[];
}

/** A table; the first `headerRows` rows are column headers and repeat on each page. */
export interface Table extends NodeBase {
  type: 'table';
  align: Align[];
  headerRows: number;
  rows: TableRow[];
  caption?: Inline[];
  /** Anchor id from a caption label (`: Caption {#tbl-x}`), for cross-references. */
  id?: string;
  /** Caption number ("Tabell 2"), in document order; set on captioned tables only. */
  number?: number;
}

/** An image as a block. Alt text and caption are separate: alt replaces the image, caption adds to it. */
export interface Figure extends NodeBase {
  type: 'figure';
  /** The source as written (relative to the Markdown file, or `/…` from the project root). */
  src: string;
  /** Absolute path of the checked file inside the project root; absent when it failed checks. */
  path?: string;
  alt: string;
  /** Decorative images carry no meaning: no alt text, artifacts in PDF, marked decorative in DOCX. */
  decorative: boolean;
  caption?: Inline[];
  /** Anchor id from `{#fig-x}`, for cross-references. */
  id?: string;
  /** Caption number ("Figur 2"), in document order; set on captioned figures only. */
  number?: number;
}

/** A block quotation. */
export interface BlockQuote extends NodeBase {
  type: 'blockquote';
  children: Block[];
}

/** A code block. */
export interface Code extends NodeBase {
  type: 'code';
  lang?: string;
  value: string;
}

/** A thematic break (`---`): a change of topic. */
export interface ThematicBreak extends NodeBase {
  type: 'thematicBreak';
}

/**
 * Author-written plain-language text (`:::klarsprak`). It belongs to the section it stands in and
 * only feeds the plain-language version; the official PDF and DOCX leave it out.
 */
export interface PlainText extends NodeBase {
  type: 'plainText';
  children: Block[];
}

/** The kinds of labelled box Docusaurus (`:::tip`) and MkDocs (`!!! tip`) authors write. */
export const ADMONITION_KINDS = ['note', 'tip', 'info', 'warning', 'danger', 'caution'] as const;
export type AdmonitionKind = (typeof ADMONITION_KINDS)[number];

/**
 * A box set apart from the running text: a labelled note, tip or warning, or a `<details>`
 * block (`kind: 'details'`, its summary as title). The label is words in the document's
 * language, never colour alone.
 */
export interface Admonition extends NodeBase {
  type: 'admonition';
  kind: AdmonitionKind | 'details';
  /** The author's title (`:::tip[Title]`, `!!! tip "Title"`, `<summary>`), shown after the label. */
  title?: Inline[];
  children: Block[];
}

export type Block =
  | Heading
  | Paragraph
  | List
  | Table
  | Figure
  | BlockQuote
  | Code
  | ThematicBreak
  | PlainText
  | Admonition;

/** A footnote's content; referenced by `FootnoteRef.id`. */
export interface Footnote extends NodeBase {
  type: 'footnote';
  id: string;
  /** 1-based number in order of first reference. */
  number: number;
  children: Block[];
}

// ---------------------------------------------------------------------------------------------
// The document

/** Languages the tool has labels for. */
export type LabelLanguage = 'nb' | 'nn' | 'se' | 'en';

/** Validated front matter. */
export interface Metadata {
  title: string;
  /** Short title for running headers; defaults to the title. */
  shortTitle: string;
  subtitle?: string;
  /** BCP 47 tag as written (e.g. `nb`); see `locale` for the full form. */
  lang: string;
  /** Full language tag for document properties, e.g. `nb-NO`. */
  locale: string;
  /** ISO date `YYYY-MM-DD` of publication. */
  date?: string;
  publisher?: string;
  authors: string[];
  keywords: string[];
  description?: string;
  place?: string;
  series?: string;
  isbn?: string;
  issn?: string;
  website?: string;
  /** Heading levels 1..numbering get generated numbers; 0 turns numbering off. */
  numbering: number;
  /** Settings for the plain-language version given in the front matter (`plain:`); unset ones use the defaults. */
  plain?: PlainSettings;
}

/** Front matter `plain:` settings: LIX limits, words per generated chapter, longest generated sentence. */
export interface PlainSettings {
  limits?: { overall?: number; section?: number };
  wordBudget?: number;
  maxSentenceWords?: number;
}

/** Fixed texts the renderers need, in the document's language (from templates/labels). */
export interface Labels {
  contents: string;
  footnotes: string;
  page: string;
  /** "Side {n} av {total}"-style footer pattern with `{page}` and `{pages}`. */
  pageOf: string;
  figure: string;
  table: string;
  /** Words that cross-references print before a number: "kapittel", "figur", "tabell". */
  sectionRef: string;
  figureRef: string;
  tableRef: string;
  /** Quotation marks around the title of an unnumbered section a cross-reference names. */
  quoteOpen: string;
  quoteClose: string;
  skipToContent: string;
  backToReference: string;
  footnoteReference: string;
  glossary: string;
  aboutReport: string;
  plainVersionTitle: string;
  plainVersionNote: string;
  coverLabel: string;
  colophon: string;
  publishedBy: string;
  published: string;
  series: string;
  website: string;
  universalDesign: string;
  madeWith: string;
  /** The mark on every page of a draft ("UTKAST"). */
  draft: string;
  /** Placeholder text where an image could not be used, with `{src}`. */
  imageMissing: string;
  /** Labels of the admonition boxes ("Merk", "Tips", "Advarsel" …). */
  admonitions: Record<AdmonitionKind, string>;
}

/** The cover page, filled from front matter through `templates/cover.md.hbs`. */
export interface Cover {
  title: string;
  subtitle?: string;
  /** Lines under the title (publisher, date, …) as rendered by the template. */
  lines: Inline[][];
}

/** The report frame that every renderer shares: cover, colophon and labels. */
export interface Frame {
  cover: Cover;
  /** Colophon blocks (publisher, date, ISBN, universal-design statement) from the template. */
  colophon: Block[];
  labels: Labels;
}

/** A table-of-contents entry, derived from the headings. */
export interface TocEntry {
  id: string;
  level: number;
  number?: string;
  text: string;
}

/** The whole report: metadata, frame, body and footnotes. */
export interface ReportDocument {
  /** The Markdown file path as given to the tool (used in diagnostics). */
  file: string;
  /** Folder that holds the source; relative image paths start here. */
  contentDir: string;
  /** The project root (`--root`, else the nearest folder with `.git`); nothing outside it is read. */
  rootDir: string;
  meta: Metadata;
  frame: Frame;
  body: Block[];
  /** Footnotes in order of first reference. */
  footnotes: Footnote[];
  /** Headings of levels 1–3 in order, for the table of contents and bookmarks. */
  toc: TocEntry[];
  /** Creation time used for every date a renderer writes (front matter date or SOURCE_DATE_EPOCH). */
  created: Date;
  /** Built with `--draft` despite errors: renderers mark every page and claim no conformance. */
  draft?: boolean;
}
