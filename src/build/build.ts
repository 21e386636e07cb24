/** The build: load and check a report, render the requested formats, write them atomically. */
import { basename, extname, join } from 'node:path';
import { loadReport } from '../parse/index.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Format } from './formats.js';
import { RenderPool } from './lanes.js';
import { writeAtomically, type PendingFile } from './write.js';
import { timed } from '../timings.js';

/** What to build and how strictly. */
export interface BuildOptions {
  outDir: string;
  formats: readonly Format[];
  /** Treat warnings as errors. */
  strict: boolean;
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
  const { doc, diagnostics } = loadReport(file);
  if (doc && options.formats.includes('plain')) {
    // The plain version's readability warnings belong to the checks a build runs, as in `check`.
    const { readabilityReport } = await import('../plain/index.js');
    diagnostics.push(...readabilityReport(doc).diagnostics);
  }
  options.progress?.(`${file}: parsed and checked in ${ms(started)}`);
  const failing = diagnostics.some((d) => d.severity === 'error' || (options.strict && d.severity === 'warning'));
  if (!doc || failing) {
    return { file, diagnostics, written: [], ok: false };
  }

  const stem = basename(file, extname(file));
  const pending: PendingFile[] = [];
  const rendered = await pool.run(doc, options.formats, (suffix, took) => options.progress?.(`${file}: ${stem}${suffix} rendered in ${Math.round(took)} ms`));
  for (const outputs of rendered.values()) {
    for (const output of outputs) {
      pending.push({ path: join(options.outDir, `${stem}${output.suffix}`), bytes: output.bytes });
    }
  }
  timed('write', () => writeAtomically(pending));
  return { file, diagnostics, written: pending.map((p) => p.path), ok: true };
}

function ms(since: number): string {
  return `${Math.round(performance.now() - since)} ms`;
}
