/**
 * The logical structure tree of the PDF, built from the model before layout.
 *
 * Layout and rendering only carry references to these nodes (as tags on pdfmake nodes and
 * inlines); the tagger turns them into pdfkit structure elements while the pages are drawn.
 */

/** Standard structure types (ISO 32000-1, 14.8.4) this renderer writes. */
export type StructType =
  | 'Document'
  | 'Sect'
  | 'Div'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'H5'
  | 'H6'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'THead'
  | 'TBody'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Figure'
  | 'Caption'
  | 'Link'
  | 'Note'
  | 'TOC'
  | 'TOCI'
  | 'Span'
  | 'BlockQuote'
  | 'Code';

/** Attributes written on a structure element. */
export interface StructAttrs {
  lang?: string;
  alt?: string;
  scope?: 'Row' | 'Column' | 'Both';
  /** Columns and rows a table cell spans, when more than one (ISO 32000-1, 14.8.5.7, Table 344). */
  colSpan?: number;
  rowSpan?: number;
  /** Element identifier (required on Note, listed in the IDTree). */
  id?: string;
  /** The numbering of a list's labels (ISO 32000-1, 14.8.5.5, Table 347). */
  listNumbering?: 'Decimal' | 'Disc' | 'None';
}

/** Where a Link element points; `contents` becomes the annotation's /Contents. */
export interface LinkTarget {
  uri?: string;
  dest?: string;
  contents: string;
}

/** One structure element of the logical tree. */
export class StructNode {
  readonly children: StructNode[] = [];
  parent: StructNode | undefined;
  /** Elements attached right after this one in its parent (a footnote's Note after its reference). */
  readonly companions: StructNode[] = [];
  /** The node this one is a companion of. */
  companionOf: StructNode | undefined;
  link: LinkTarget | undefined;
  /** Named destination placed where this element's first content is drawn. */
  dest: string | undefined;
  /** Footnote id, on the Link of a footnote's first reference. */
  footnoteRef: string | undefined;
  /** Drawn in a page's footnote area (after the body of that page). */
  footnoteArea = false;

  constructor(
    readonly type: StructType,
    readonly attrs: StructAttrs = {},
  ) {}

  /** Appends a child element and returns it. */
  add(child: StructNode): StructNode {
    child.parent = this;
    child.footnoteArea = child.footnoteArea || this.footnoteArea;
    this.children.push(child);
    return child;
  }

  /** Makes `other` follow this element directly in this element's parent. */
  follow(other: StructNode): StructNode {
    other.parent = this.parent;
    other.companionOf = this;
    this.companions.push(other);
    return other;
  }
}

/** Content that is not part of the logical document: page furniture, rules, repeated headers. */
export interface ArtifactTag {
  artifact: 'Pagination' | 'Layout';
  attached?: 'Top' | 'Bottom';
  footnoteArea?: boolean;
}

/** What a drawn item belongs to. */
export type Tag = StructNode | ArtifactTag;

/** Marks page furniture in the running header. */
export const HEADER_ARTIFACT: ArtifactTag = { artifact: 'Pagination', attached: 'Top' };
/** Marks page furniture in the running footer. */
export const FOOTER_ARTIFACT: ArtifactTag = { artifact: 'Pagination', attached: 'Bottom' };
/** Marks the draft mark drawn over every page of a draft. */
export const WATERMARK_ARTIFACT: ArtifactTag = { artifact: 'Pagination' };
/** Marks decoration: rules, backgrounds, decorative images. */
export const LAYOUT_ARTIFACT: ArtifactTag = { artifact: 'Layout' };
/** Marks decoration inside the footnote area. */
export const FOOTNOTE_RULE_ARTIFACT: ArtifactTag = { artifact: 'Layout', footnoteArea: true };

/** True when the tag is a structure element rather than an artifact. */
export function isStruct(tag: Tag | undefined): tag is StructNode {
  return tag instanceof StructNode;
}

/** True when the item is drawn in the footnote area of its page. */
export function inFootnoteArea(tag: Tag | undefined): boolean {
  if (!tag) return false;
  return isStruct(tag) ? tag.footnoteArea : tag.footnoteArea === true;
}
