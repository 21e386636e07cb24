/**
 * Rendering in parallel. Every PDF job (the report's and the plain version's) goes to one worker
 * thread, started before parsing so that loading pdfmake and the fonts overlaps with the main
 * thread's parsing and checks; the main thread plans the formats and runs the other jobs
 * meanwhile. In watch mode the pool, and so the warm worker, lives across rebuilds. Engines are
 * deterministic, so where a job runs never changes its bytes.
 */
import { Worker, type MessagePort } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ReportDocument } from '../model/types.js';
import type { Format, Output } from './formats.js';
import { runEngine, type Engine, type Job } from './jobs.js';
import type { Layout } from '../render/shared/options.js';
import { addStageTimes, stageTimes, stageTimesSince, timedAsync, type StageTimes } from '../timings.js';

/** A job and the format that asked for it. */
export interface PlannedJob {
  format: Format;
  job: Job;
}

/** A batch of PDF jobs as the worker receives it. */
interface WorkerRequest {
  id: number;
  jobs: { doc: ReportDocument; layout: Layout }[];
}

/** What the worker sends back: the files in the order of the jobs, or what went wrong. */
type WorkerReply =
  | { id: number; ok: true; files: Uint8Array[]; stages: StageTimes }
  | { id: number; ok: false; message: string; stack?: string };

/** The engine that runs in the worker: the heaviest one. */
const WORKER_ENGINE: Engine = 'pdf';

const workerFile = fileURLToPath(new URL('./render-worker.js', import.meta.url));

/** Renders the jobs of a build, with a PDF worker when one can run beside the main thread. */
export class RenderPool {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (files: Uint8Array[]) => void; reject: (err: Error) => void }>();

  /**
   * Starts the worker at once (so it warms up during parsing) if `formats` can use it.
   * `sourceBytes`, the size of the sources to build, sets the worker's heap limit.
   */
  constructor(formats: readonly Format[], private readonly sourceBytes = 0) {
    // Worth a thread only when PDF work and other work can run side by side.
    const mixed = formats.includes('plain') || (formats.includes('pdf') && formats.length > 1);
    // The compiled worker exists only in build/ (tests run the TypeScript sources in-process).
    if (mixed && availableParallelism() > 1 && existsSync(workerFile)) this.startWorker();
  }

  /** Renders every planned job; the outputs come in the order of `planned`. */
  async run(planned: readonly PlannedJob[], onDone: (suffix: string, ms: number) => void): Promise<Output[]> {
    const remote = this.worker ? planned.filter(({ job }) => 'engine' in job && job.engine === WORKER_ENGINE) : [];
    const started = performance.now();
    const remoteJobs = remote.map(({ job }) => job as { doc: ReportDocument; layout: Layout });
    const remoteFiles = remote.length
      ? this.send(remoteJobs)
          .catch((err: NodeJS.ErrnoException) => {
            // A document too large for the worker's heap is rendered here instead, unlimited.
            if (err.code !== 'ERR_WORKER_OUT_OF_MEMORY') throw err;
            return Promise.all(remoteJobs.map((job) => runEngine(WORKER_ENGINE, job.doc, job.layout)));
          })
          .then((files) => {
            for (const { job } of remote) onDone(job.suffix, performance.now() - started);
            return files;
          })
      : Promise.resolve([]);
    const files = new Map<Job, Uint8Array>();
    // Wait for the worker even if a local job fails, so no reply is left dangling.
    const local = (async () => {
      for (const { job } of planned) {
        if (remote.some((r) => r.job === job)) continue;
        if ('bytes' in job) {
          files.set(job, job.bytes);
          continue;
        }
        const t = performance.now();
        files.set(job, await timedAsync(job.engine, () => runEngine(job.engine, job.doc, job.layout)));
        onDone(job.suffix, performance.now() - t);
      }
    })();
    const [localResult, remoteResult] = await Promise.allSettled([local, remoteFiles]);
    if (localResult.status === 'rejected') throw localResult.reason;
    if (remoteResult.status === 'rejected') throw remoteResult.reason;
    remote.forEach(({ job }, i) => files.set(job, remoteResult.value[i] as Uint8Array));
    return planned.map(({ job }) => ({ suffix: job.suffix, bytes: files.get(job) as Uint8Array }));
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
        waiting.resolve(reply.files);
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

  private send(jobs: WorkerRequest['jobs']): Promise<Uint8Array[]> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('the PDF worker has stopped'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, jobs } satisfies WorkerRequest);
    });
  }
}

/** The worker's side: load the engine at once, render each batch of jobs as it arrives. */
export function serveWorker(port: MessagePort): void {
  // Importing now overlaps pdfmake's loading with the main thread's parsing.
  const ready = import('../render/pdf/index.js');
  port.on('message', ({ id, jobs }: WorkerRequest) => {
    void (async () => {
      try {
        await ready;
        const before = stageTimes();
        const files: Uint8Array[] = [];
        for (const job of jobs) files.push(await timedAsync(WORKER_ENGINE, () => runEngine(WORKER_ENGINE, job.doc, job.layout)));
        const stages = stageTimesSince(before);
        port.postMessage({ id, ok: true, files, stages } satisfies WorkerReply, files.map((f) => f.buffer as ArrayBuffer));
      } catch (err) {
        const e = err instanceof Error ? err : new Error(String(err));
        port.postMessage({ id, ok: false, message: e.message, ...(e.stack ? { stack: e.stack } : {}) } satisfies WorkerReply);
      }
    })();
  });
}
