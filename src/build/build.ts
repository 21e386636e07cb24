/** The build: load and check a report, render the requested formats, write them atomically. */
import { basename, extname, join } from 'node:path';
import { loadReport, type LoadOptions } from '../pipeline/load.js';
import { sortDiagnostics, visibleDiagnostics, type Diagnostic } from '../diagnostics.js';
import { planFormat, type Format } from './formats.js';
import { RenderPool, type PlannedJob } from './lanes.js';
import { writeAtomically, type PendingFile } from './write.js';
import { timed } from '../timings.js';
import { asDraft } from '../frame/index.js';

/** What to build and how strictly. */
export interface BuildOptions extends LoadOptions {
  outDir: string;
  formats: readonly Format[];
  /** Treat warnings as errors. */
  strict: boolean;
  /** Build despite errors, as a marked draft that claims no conformance (`--draft`). */
  draft?: boolean;
  /** Called with short progress messages ("pdf: 310 ms"). */
  progress?: (message: string) => void;
  /** A pool that outlives this build (watch mode keeps its PDF worker warm); else one is made. */
  pool?: RenderPool;
}

/** The result for one source file. */
export interface BuildResult {
  file: string;
  diagnostics: Diagnostic[];
  written: string[];
  /** False when errors (or warnings under --strict) stopped the build before anything was written. */
  ok: boolean;
  /** True when errors were found and the outputs were written as a draft. */
  draft: boolean;
}

/** Builds one Markdown file into `outDir`. Content errors are returned, never thrown. */
export async function buildFile(file: string, options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  // Started first, so a worker can load its renderer while this thread parses.
  const pool = options.pool ?? new RenderPool(options.formats);
  try {
    return await buildWith(pool, file, options, started);
  } finally {
    if (!options.pool) pool.close();
  }
}

async function buildWith(pool: RenderPool, file: string, options: BuildOptions, started: number): Promise<BuildResult> {
  const loaded = loadReport(file, options);
  const diagnostics = visibleDiagnostics(loaded.diagnostics, options.strict);
  const failed = () => diagnostics.some((d) => d.severity === 'error' || (options.strict && d.severity === 'warning'));
  const erroneous = diagnostics.some((d) => d.severity === 'error');
  // Only a document with problems is a draft; a clean one builds as usual even under --draft.
  const draft = options.draft === true && failed();
  const doc = loaded.doc && draft ? asDraft(loaded.doc) : loaded.doc;
  // Planning runs the plain version's readability checks, so it comes before the verdict.
  const planned: PlannedJob[] = [];
  if (doc && (!erroneous || options.draft)) {
    for (const format of options.formats) {
      const plan = await planFormat(format, doc);
      diagnostics.push(...plan.diagnostics);
      for (const job of plan.jobs) planned.push({ format, job });
    }
  }
  options.progress?.(`${file}: parsed and checked in ${ms(started)}`);
  const failing = failed();
  if (!doc || (failing && !options.draft)) {
    return { file, diagnostics: sortDiagnostics(diagnostics), written: [], ok: false, draft: false };
  }
  // The plain version's own findings (under --strict) can make a draft only once it is planned.
  if (failing && !draft) markDraft(planned);

  const stem = basename(file, extname(file));
  const outputs = await pool.run(planned, (suffix, took) => options.progress?.(`${file}: ${stem}${suffix} rendered in ${Math.round(took)} ms`));
  const pending: PendingFile[] = outputs.map((o) => ({ path: join(options.outDir, `${stem}${o.suffix}`), bytes: o.bytes }));
  timed('write', () => writeAtomically(pending));
  return { file, diagnostics: sortDiagnostics(diagnostics), written: pending.map((p) => p.path), ok: true, draft: failing };
}

/** Marks the model of every engine job (the report's and the plain version's) as a draft. */
function markDraft(planned: PlannedJob[]): void {
  for (const entry of planned) {
    if ('doc' in entry.job) entry.job = { ...entry.job, doc: asDraft(entry.job.doc) };
  }
}

function ms(since: number): string {
  return `${Math.round(performance.now() - since)} ms`;
}
