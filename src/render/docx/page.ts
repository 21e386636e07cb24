/** The page: A4 portrait with report margins, the short title in the header and "Side n av m" in the footer, as in the PDF. */
import { Footer, Header, PageNumber, Paragraph, SectionType, TextRun, VerticalAlignSection, type ISectionOptions } from 'docx';
import type { ReportDocument } from '../../model/types.js';
import { pageOfParts } from '../shared/labels.js';

const A4 = { width: 11906, height: 16838 };
/** 25 mm in twips. */
const MARGIN = 1417;

/** Width of the text column in twips; tables, images and tab stops are sized against it. */
export const TEXT_WIDTH = A4.width - 2 * MARGIN;

const page = {
  size: { width: A4.width, height: A4.height },
  margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 708, footer: 567, gutter: 0 },
};

/** The cover's section: A4 and margins, no footer. */
export function coverPage(): Omit<ISectionOptions, 'children'> {
  return { properties: { page } };
}

/** The colophon's page (the back of the cover): its text stands at the foot of the page, without a footer. */
export function colophonPage(): Omit<ISectionOptions, 'children'> {
  return { properties: { page, type: SectionType.NEXT_PAGE, verticalAlign: VerticalAlignSection.BOTTOM } };
}

/** The section for everything after the cover, starting on a new page: the running title above, "Side n av m" below. */
export function mainPages(doc: ReportDocument): Omit<ISectionOptions, 'children'> {
  return {
    properties: { page, type: SectionType.NEXT_PAGE },
    // The running title, as in the PDF; a draft says so there too, on every page after the cover.
    headers: {
      default: new Header({
        children: [
          new Paragraph({ style: 'Header', children: [new TextRun(doc.meta.shortTitle), ...(doc.draft ? [new TextRun({ text: ` – ${doc.frame.labels.draft}`, bold: true })] : [])] }),
        ],
      }),
    },
    footers: { default: new Footer({ children: [footerLine(doc)] }) },
  };
}

function footerLine(doc: ReportDocument): Paragraph {
  const parts = pageOfParts(doc.frame.labels).map((part) =>
    typeof part === 'string' ? part : part.field === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES,
  );
  return new Paragraph({ style: 'Footer', children: [new TextRun({ children: parts })] });
}
