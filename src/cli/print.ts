/** Printing diagnostics for people (text, to stderr) or tools (JSON, to stdout). */
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';

/** Prints diagnostics and a one-line summary (text) or a JSON array (json). */
export function printDiagnostics(list: readonly Diagnostic[], format: 'text' | 'json'): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return;
  }
  for (const d of list) process.stderr.write(`${formatDiagnostic(d)}\n`);
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  if (list.length) process.stderr.write(`${errors} error(s), ${warnings} warning(s)\n`);
}
