/**
 * Rendering in parallel. When a pool serves several builds (`--watch`, several files), every PDF
 * (the report's and the plain version's, and the layouts DOCX jobs take their contents' page
 * numbers from) is made in one worker thread, started before parsing so that loading pdfmake and
 * the fonts overlaps with the main thread's parsing and checks; the main thread plans the formats
 * and runs the other jobs meanwhile, and the warm worker lives across the builds. A single build
 * of a small source renders here: a fresh isolate loads every library a second time, which cost
 * more CPU time (about 0.4 s of the seed's 2.5 s) and memory than the overlap saved on a busy
 * machine. A large source still gets the worker, whose heap limit keeps its memory down. Engines
 * are deterministic, so where a job runs never changes its bytes.
 */
import { Worker, type MessagePort } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ReportDocument } from '../model/types.js';
import type { Format, Output } from './formats.js';
import { PdfRenders, renderDocxJob, renderPdfHere, type Job, type PdfRender } from './jobs.js';
import type { Layout } from '../render/shared/options.js';
import { addStageTimes, stageTimes, stageTimesSince, timedAsync, type StageTimes } from '../timings.js';

/** A job and the format that asked for it. */
export interface PlannedJob {
  format: Format;
  job: Job;
}

/** A PDF to render, as the worker receives it. */
interface WorkerRequest {
  id: number;
  doc: ReportDocument;
  layout: Layout;
}

/** What the worker sends back: the PDF, or what went wrong. */
type WorkerReply =
  | { id: number; ok: true; pdf: PdfRender; stages: StageTimes }
  | { id: number; ok: false; message: string; stack?: string };

const workerFile = fileURLToPath(new URL('./render-worker.js', import.meta.url));

/**
 * From this size (the one from which bin/rapportverk.js keeps V8's defaults), a single build's PDFs
 * go to the worker: without its heap limit, garbage piled up to 500 MB resident at 10× the seed.
 */
const LARGE_SOURCE = 512 * 1024;

/** Renders the jobs of a build, with a PDF worker when one can run beside the main thread. */
export class RenderPool {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (pdf: PdfRender) => void; reject: (err: Error) => void }>();

  /**
   * Starts the worker at once (so it warms up during parsing) if `formats` can use it and the
   * pool will serve more than one build or a large source. `sourceBytes`, the size of the
   * sources to build, sets the worker's heap limit.
   */
  constructor(formats: readonly Format[], private readonly sourceBytes = 0, builds: 'one' | 'several' = 'one') {
    // Worth a thread only when PDF work and other work can run side by side (a DOCX needs a PDF's layout).
    const mixed = formats.includes('plain') || formats.includes('docx') || (formats.includes('pdf') && formats.length > 1);
    const worth = builds === 'several' || sourceBytes >= LARGE_SOURCE;
    // The compiled worker exists only in build/ (tests run the TypeScript sources in-process).
    if (worth && mixed && availableParallelism() > 1 && existsSync(workerFile)) this.startWorker();
  }

  /** Renders every planned job; the outputs come in the order of `planned`. */
  async run(planned: readonly PlannedJob[], onDone: (suffix: string, ms: number) => void): Promise<Output[]> {
    const started = performance.now();
    const pdfs = new PdfRenders((doc, layout) => this.renderPdf(doc, layout));
    // Every PDF is asked for first, so the worker is busy while this thread makes the rest.
    const files = planned.map(({ job }) =>
      'engine' in job && job.engine === 'pdf'
        ? pdfs.get(job.doc, job.layout).then((pdf) => {
            onDone(job.suffix, performance.now() - started);
            return pdf.bytes;
          })
        : undefined,
    );
    // Wait for every PDF even if a local job fails, so no reply is left dangling.
    const local = (async () => {
      for (const [i, { job }] of planned.entries()) {
        if (files[i]) continue;
        if ('bytes' in job) {
          files[i] = Promise.resolve(job.bytes);
          continue;
        }
        const t = performance.now();
        const bytes = await renderDocxJob(job.doc, job.layout, pdfs);
        files[i] = Promise.resolve(bytes);
        onDone(job.suffix, performance.now() - t);
      }
    })();
    const settled = await Promise.allSettled([local, ...files.filter((f) => f !== undefined)]);
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    return Promise.all(planned.map(async ({ job }, i) => ({ suffix: job.suffix, bytes: await (files[i] as Promise<Uint8Array>) })));
  }

  /** A PDF rendered in the worker if there is one, else here. */
  private async renderPdf(doc: ReportDocument, layout: Layout): Promise<PdfRender> {
    if (!this.worker) return timedAsync('pdf', () => renderPdfHere(doc, layout));
    try {
      return await this.send(doc, layout);
    } catch (err) {
      // A document too large for the worker's heap is rendered here instead, unlimited.
      if ((err as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw err;
      return timedAsync('pdf', () => renderPdfHere(doc, layout));
    }
  }

  /** Stops the worker; the pool cannot be used afterwards. */
  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private startWorker(): void {
    // A heap limit that grows with the source keeps peak memory down: V8 otherwise lets garbage
    // pile up far beyond the live set (80 MB live at 10× the report, 500 MB resident).
    // RAPPORTVERK_WORKER_HEAP_MB overrides it (small machines; tests of the fallback below).
    const heapMb = Number(process.env.RAPPORTVERK_WORKER_HEAP_MB) || Math.round(192 + (128 * this.sourceBytes) / 1048576);
    const worker = new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    // An idle worker must not keep the process alive; a busy one must (see send).
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (!waiting) return;
      if (reply.ok) {
        addStageTimes(reply.stages);
        waiting.resolve(reply.pdf);
      } else {
        const err = new Error(reply.message);
        if (reply.stack) err.stack = reply.stack;
        waiting.reject(err);
      }
    });
    worker.on('error', (err) => {
      for (const waiting of this.pending.values()) waiting.reject(err);
      this.pending.clear();
      this.worker = undefined;
    });
    this.worker = worker;
  }

  private send(doc: ReportDocument, layout: Layout): Promise<PdfRender> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('the PDF worker has stopped'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, doc, layout } satisfies WorkerRequest);
    });
  }
}

/** The worker's side: load the engine at once, render each PDF as it arrives, one at a time. */
export function serveWorker(port: MessagePort): void {
  // Importing now overlaps pdfmake's loading with the main thread's parsing.
  const ready = import('../render/pdf/index.js');
  let queue: Promise<void> = Promise.resolve();
  port.on('message', ({ id, doc, layout }: WorkerRequest) => {
    queue = queue.then(async () => {
      try {
        await ready;
        const before = stageTimes();
        const pdf = await timedAsync('pdf', () => renderPdfHere(doc, layout));
        const stages = stageTimesSince(before);
        port.postMessage({ id, ok: true, pdf, stages } satisfies WorkerReply, [pdf.bytes.buffer as ArrayBuffer]);
      } catch (err) {
        const e = err instanceof Error ? err : new Error(String(err));
        port.postMessage({ id, ok: false, message: e.message, ...(e.stack ? { stack: e.stack } : {}) } satisfies WorkerReply);
      }
    });
  });
}
