/**
 * Jobs: what each output file needs. Formats plan jobs (cheap), engines do the heavy rendering.
 * Splitting the two lets the build send every PDF job to one warm worker and every DOCX job to
 * the main thread, whichever format asked for them.
 */
import type { ReportDocument } from '../model/types.js';
import type { Output } from './formats.js';
import type { Layout } from '../render/shared/options.js';

/** A renderer that turns a model into a file. */
export type Engine = 'pdf' | 'docx';

/** Work toward one output file: bytes already made, or a model for an engine to render. */
export type Job =
  | { suffix: string; bytes: Uint8Array }
  | { suffix: string; engine: Engine; doc: ReportDocument; layout: Layout };

/** Renders a model with an engine; engines load lazily, so `check` never pays for them. */
export async function runEngine(engine: Engine, doc: ReportDocument, layout: Layout): Promise<Uint8Array> {
  if (engine === 'pdf') return (await import('../render/pdf/index.js')).renderPdf(doc, { layout });
  return (await import('../render/docx/index.js')).renderDocx(doc, { layout });
}

/** Runs jobs one after another in this thread. */
export async function runJobs(jobs: readonly Job[]): Promise<Output[]> {
  const outputs: Output[] = [];
  for (const job of jobs) {
    outputs.push({ suffix: job.suffix, bytes: 'bytes' in job ? job.bytes : await runEngine(job.engine, job.doc, job.layout) });
  }
  return outputs;
}
