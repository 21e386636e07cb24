/**
 * Rendering formats in parallel. The heaviest format (the PDF) goes to a worker thread started
 * before parsing, so its module loading overlaps with the main thread's parsing and checks; the
 * others render on the main thread meanwhile. Each renderer is deterministic, so where a format
 * runs never changes its bytes.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ReportDocument } from '../model/types.js';
import { loadRenderer, type Format, type Output } from './formats.js';
import { addStageTimes, stageTimes, timedAsync, type StageTimes } from '../timings.js';

/** What the worker sends back. */
export type WorkerReply =
  | { ok: true; outputs: { format: Format; outputs: Output[] }[]; stages: StageTimes }
  | { ok: false; message: string; stack?: string };

/** What the worker receives: the checked model and the formats to render. */
export interface WorkerJob {
  doc: ReportDocument;
  formats: Format[];
}

/** Formats the worker takes when there is a second core. */
const WORKER_FORMATS: readonly Format[] = ['pdf'];

const workerFile = fileURLToPath(new URL('./render-worker.js', import.meta.url));

/** A started render: call `run` with the model, or `cancel` if the build stops before rendering. */
export interface RenderLanes {
  run(doc: ReportDocument, onDone: (format: Format, ms: number) => void): Promise<Map<Format, Output[] | undefined>>;
  cancel(): void;
}

/** Starts the lanes for `formats`: a warm worker when it can help, else everything in-process. */
export function startLanes(formats: readonly Format[]): RenderLanes {
  const offload = formats.filter((f) => WORKER_FORMATS.includes(f));
  // The compiled worker exists only in build/ (tests run the TypeScript sources in-process).
  const useWorker = offload.length > 0 && formats.length > offload.length && availableParallelism() > 1 && existsSync(workerFile);
  const worker = useWorker ? new Worker(workerFile, { workerData: { preload: offload } }) : undefined;
  const local = worker ? formats.filter((f) => !offload.includes(f)) : [...formats];

  return {
    cancel: () => void worker?.terminate(),
    async run(doc, onDone) {
      const results = new Map<Format, Output[] | undefined>();
      const started = performance.now();
      const remote = worker ? runInWorker(worker, { doc, formats: offload }) : undefined;
      // Wait for the worker even if a local renderer fails, so no thread is left running.
      const localDone = (async () => {
        for (const format of local) {
          const render = await loadRenderer(format);
          const t = performance.now();
          results.set(format, render ? await timedAsync(format, () => render(doc)) : undefined);
          onDone(format, performance.now() - t);
        }
      })();
      const [localResult, remoteResult] = await Promise.allSettled([localDone, remote]);
      if (localResult.status === 'rejected') throw localResult.reason;
      if (remoteResult.status === 'rejected') throw remoteResult.reason;
      for (const { format, outputs } of remoteResult.value ?? []) {
        results.set(format, outputs);
        onDone(format, performance.now() - started);
      }
      // Report in the order asked for, whichever lane finished first.
      return new Map(formats.map((f) => [f, results.get(f)]));
    },
  };
}

function runInWorker(worker: Worker, job: WorkerJob): Promise<{ format: Format; outputs: Output[] }[]> {
  return new Promise((resolve, reject) => {
    worker.once('message', (reply: WorkerReply) => {
      void worker.terminate();
      if (reply.ok) {
        addStageTimes(reply.stages);
        resolve(reply.outputs);
      } else {
        const err = new Error(reply.message);
        if (reply.stack) err.stack = reply.stack;
        reject(err);
      }
    });
    worker.once('error', reject);
    worker.postMessage(job);
  });
}

/** The worker's side: preload its renderers at once, render when the model arrives. */
export function serveWorker(port: import('node:worker_threads').MessagePort, preload: readonly Format[]): void {
  const renderers = Promise.all(preload.map(async (f) => [f, await loadRenderer(f)] as const));
  port.once('message', (job: WorkerJob) => {
    void (async () => {
      try {
        const loaded = new Map(await renderers);
        const outputs: { format: Format; outputs: Output[] }[] = [];
        for (const format of job.formats) {
          const render = loaded.get(format) ?? (await loadRenderer(format));
          if (render) outputs.push({ format, outputs: await timedAsync(format, () => render(job.doc)) });
        }
        const transfer = outputs.flatMap((o) => o.outputs.map((x) => x.bytes.buffer as ArrayBuffer));
        port.postMessage({ ok: true, outputs, stages: stageTimes() } satisfies WorkerReply, transfer);
      } catch (err) {
        const e = err instanceof Error ? err : new Error(String(err));
        port.postMessage({ ok: false, message: e.message, ...(e.stack ? { stack: e.stack } : {}) } satisfies WorkerReply);
      }
    })();
  });
}
