/**
 * Diagnostics: what is wrong, where, and how to fix it — modelled on compiler diagnostics
 * (file:line:column, severity, rule id, message, one-line hint).
 */
import type { Point, Span } from './model/types.js';

export type Severity = 'error' | 'warning';

/** One finding about a source file. */
export interface Diagnostic {
  file: string;
  severity: Severity;
  /** Stable, kebab-case rule id, e.g. `image-alt-missing`. */
  rule: string;
  message: string;
  /** One line on how to fix it. */
  hint?: string;
  /** Where; absent for problems with the file as a whole. */
  pos?: Span;
  /** A pedantic warning, shown only with --strict (e.g. a label nobody refers to). */
  strictOnly?: true;
}

/** Extra facts about a finding. */
export interface DiagnosticOptions {
  strictOnly?: boolean;
}

/** A content mistake that stops the pipeline; carries its diagnostics instead of a stack trace. */
export class ContentError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'ContentError';
  }
}

/** Collects diagnostics for one file while a stage runs. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  constructor(readonly file: string) {}

  /** Records an error. */
  error(rule: string, message: string, pos?: Span, hint?: string): void {
    this.items.push(clean({ file: this.file, severity: 'error', rule, message, hint, pos }));
  }

  /** Records a warning. */
  warn(rule: string, message: string, pos?: Span, hint?: string, options: DiagnosticOptions = {}): void {
    this.items.push(clean({ file: this.file, severity: 'warning', rule, message, hint, pos, ...(options.strictOnly ? { strictOnly: true } : {}) }));
  }

  /** True when at least one error was recorded. */
  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

function clean(d: Diagnostic): Diagnostic {
  if (d.hint === undefined) delete d.hint;
  if (d.pos === undefined) delete d.pos;
  return d;
}

/** The diagnostics an author is shown: pedantic warnings only under --strict. */
export function visibleDiagnostics(list: readonly Diagnostic[], strict: boolean): Diagnostic[] {
  return strict ? [...list] : list.filter((d) => !d.strictOnly);
}

/** Orders diagnostics by position, errors before warnings at the same place. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const at = (p?: Point): number => p?.offset ?? -1;
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      at(a.pos?.start) - at(b.pos?.start) ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}

/** `file:line:col: severity [rule] message`, then the hint on its own indented line. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.pos ? `${d.file}:${d.pos.start.line}:${d.pos.start.column}` : d.file;
  const head = `${where}: ${d.severity} [${d.rule}] ${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

/** A span covering one point, for diagnostics computed inside a text. */
export function pointSpan(p: Point): Span {
  return { start: p, end: p };
}
