/** What the checks look at: the converted content, available even when front matter is unusable. */
import type { ReportDocument } from '../model/types.js';
import { walk, type Node } from '../model/walk.js';

/** The parts of a report the checks need; a full ReportDocument qualifies. */
export type CheckedContent = Pick<ReportDocument, 'body' | 'footnotes' | 'contentDir' | 'rootDir'>;

/** Visits the body, then the footnotes, in document order. */
export function walkContent(content: CheckedContent, visit: (node: Node) => void): void {
  walk(content.body, visit);
  for (const note of content.footnotes) walk(note.children, visit);
}
