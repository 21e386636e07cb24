/** The `--help` text. */
export const HELP = `rapportverk — one Markdown source → a tagged PDF/UA-1 report, an editable DOCX and a plain-language version

Usage:
  rapportverk build [FILE.md ...] [options]   build the report(s) (default: content/rapport.md)
  rapportverk check [FILE.md ...] [options]   report problems in the source(s); writes nothing
  rapportverk import EDITED.docx [options]    merge an editor's changes to the DOCX back into the source
  rapportverk --help | --version

Build options:
  -o, --out DIR          output folder (default: dist)
  -f, --format LIST      comma-separated formats: pdf,docx,html,plain (default: all)
                         FILE.md gives DIR/FILE.pdf, FILE.docx, FILE.html, FILE.plain.html, FILE.plain.pdf,
                         FILE.plain.docx and FILE.plain.json
      --strict           treat warnings as errors
  -w, --watch            rebuild when the source, its images, templates or fonts change
  -q, --quiet            print only diagnostics

Check options:
      --format text|json diagnostics as text (default) or JSON for tools
      --strict           treat warnings as errors

Import options:
      --into FILE.md     the source the DOCX was built from (default: content/rapport.md)
      --dry-run          print the change as a unified diff; change nothing
                         Comments, tracked changes (imported accepted) and what Markdown cannot hold
                         are reported as warnings at their place in the source.

Exit codes: 0 success · 1 content errors (printed as file:line:col: error [rule] message) · 2 usage or internal error
Dates in outputs come from SOURCE_DATE_EPOCH, else the front matter date, so builds are reproducible.
`;
