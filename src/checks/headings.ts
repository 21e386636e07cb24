/** Heading structure: the first heading is level 1 and no level is skipped on the way down. */
import type { CheckedContent } from './content.js';
import type { DiagnosticSink } from '../diagnostics.js';
import { walk } from '../model/walk.js';

/** Reports a first heading below level 1 and skipped heading levels. */
export function checkHeadings(doc: CheckedContent, sink: DiagnosticSink): void {
  let previous = 0;
  walk(doc.body, (node) => {
    if (node.type !== 'heading') return;
    if (previous === 0 && node.level !== 1) {
      sink.error('heading-first-not-h1', `the first heading is level ${node.level}; it must be level 1`, node.pos,
        'start the document with a "# " heading');
    } else if (node.level > previous + 1 && previous !== 0) {
      sink.error('heading-level-skipped', `heading level ${node.level} follows level ${previous}; level ${previous + 1} is skipped`,
        node.pos, `make it ${'#'.repeat(previous + 1)} or add the missing level above it`);
    }
    previous = node.level;
  });
}
