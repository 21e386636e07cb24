/**
 * Rendering in parallel. Every PDF job (the report's and the plain version's) goes to one worker
 * thread, started before parsing so that loading pdfmake and the fonts overlaps with the main
 * thread's parsing and checks; the main thread plans the formats and runs the other jobs
 * meanwhile. Engines are deterministic, so where a job runs never changes its bytes.
 */
import { Worker, type MessagePort } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ReportDocument } from '../model/types.js';
import { planFormat, type Format, type Output } from './formats.js';
import { runEngine, type Engine, type Job, type Layout } from './jobs.js';
import { addStageTimes, stageTimes, timedAsync, type StageTimes } from '../timings.js';

/** A job as the worker receives it. */
interface EngineJob {
  doc: ReportDocument;
  layout: Layout;
}

/** What the worker sends back: the files in the order of the jobs, or what went wrong. */
type WorkerReply = { ok: true; files: Uint8Array[]; stages: StageTimes } | { ok: false; message: string; stack?: string };

/** The engine that runs in the worker: the heaviest one. */
const WORKER_ENGINE: Engine = 'pdf';

const workerFile = fileURLToPath(new URL('./render-worker.js', import.meta.url));

/** A started render: `run` it with the model, or `cancel` it if the build stops before rendering. */
export interface RenderLanes {
  run(doc: ReportDocument, onDone: (suffix: string, ms: number) => void): Promise<Map<Format, Output[]>>;
  cancel(): void;
}

/** Starts the lanes for `formats`: a warm PDF worker when it can help, else everything in-process. */
export function startLanes(formats: readonly Format[]): RenderLanes {
  // Worth a thread only when PDF work and other work can run side by side.
  const mixed = formats.includes('plain') || (formats.includes('pdf') && formats.length > 1);
  // The compiled worker exists only in build/ (tests run the TypeScript sources in-process).
  const worker = mixed && availableParallelism() > 1 && existsSync(workerFile) ? new Worker(workerFile) : undefined;

  return {
    cancel: () => void worker?.terminate(),
    async run(doc, onDone) {
      const planned: { format: Format; job: Job }[] = [];
      for (const format of formats) for (const job of await planFormat(format, doc)) planned.push({ format, job });
      const remote = worker ? planned.filter(({ job }) => 'engine' in job && job.engine === WORKER_ENGINE) : [];
      const started = performance.now();
      const remoteFiles = worker
        ? sendToWorker(worker, remote.map(({ job }) => job as EngineJob)).then((files) => {
            for (const { job } of remote) onDone(job.suffix, performance.now() - started);
            return files;
          })
        : Promise.resolve([]);
      const files = new Map<Job, Uint8Array>();
      // Wait for the worker even if a local job fails, so no thread is left running.
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
      // Outputs in the order the formats and their jobs were asked for, whichever lane made them.
      const outputs = new Map<Format, Output[]>(formats.map((f) => [f, []]));
      for (const { format, job } of planned) outputs.get(format)?.push({ suffix: job.suffix, bytes: files.get(job) as Uint8Array });
      return outputs;
    },
  };
}

function sendToWorker(worker: Worker, jobs: EngineJob[]): Promise<Uint8Array[]> {
  return new Promise((resolve, reject) => {
    worker.once('message', (reply: WorkerReply) => {
      void worker.terminate();
      if (reply.ok) {
        addStageTimes(reply.stages);
        resolve(reply.files);
      } else {
        const err = new Error(reply.message);
        if (reply.stack) err.stack = reply.stack;
        reject(err);
      }
    });
    worker.once('error', reject);
    worker.postMessage(jobs);
  });
}

/** The worker's side: load the engine at once, render the jobs when they arrive. */
export function serveWorker(port: MessagePort): void {
  // Importing now overlaps pdfmake's loading with the main thread's parsing.
  const ready = import('../render/pdf/index.js');
  port.once('message', (jobs: EngineJob[]) => {
    void (async () => {
      try {
        await ready;
        const files: Uint8Array[] = [];
        for (const job of jobs) files.push(await timedAsync(WORKER_ENGINE, () => runEngine(WORKER_ENGINE, job.doc, job.layout)));
        port.postMessage({ ok: true, files, stages: stageTimes() } satisfies WorkerReply, files.map((f) => f.buffer as ArrayBuffer));
      } catch (err) {
        const e = err instanceof Error ? err : new Error(String(err));
        port.postMessage({ ok: false, message: e.message, ...(e.stack ? { stack: e.stack } : {}) } satisfies WorkerReply);
      }
    })();
  });
}
