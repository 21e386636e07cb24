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
      --draft            build despite errors: every page marked UTKAST/DRAFT, a box where an
                         image is missing, no PDF/UA claim; problems are still printed, exit 0
  -w, --watch            rebuild when the source, its images, templates or fonts change
  -q, --quiet            print only diagnostics
      --lang TAG         document language (BCP 47: nb, nn, en, se, …); else the front matter's
                         lang, else detected from the text with a warning
      --root DIR         project root: images and links may point anywhere inside it, /img/x.png
                         starts there (default: nearest folder above the source with .git, else
                         the source's folder); nothing outside it is read

Check options:
      --format text|json diagnostics as text (default) or JSON for tools
      --strict           treat warnings as errors
      --lang TAG, --root DIR  as for build

Import options:
      --into FILE.md     the source the DOCX was built from (default: content/rapport.md)
      --dry-run          print the change as a unified diff; change nothing
                         Comments, tracked changes (imported accepted) and what Markdown cannot hold
                         are reported as warnings at their place in the source.

Exit codes: 0 success · 1 content errors (printed as file:line:col: error [rule] message) · 2 usage or internal error
Dates in outputs come from SOURCE_DATE_EPOCH, else the front matter date, so builds are reproducible.
`;
