/** Entry point of the render worker thread (see lanes.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { serveWorker } from './lanes.js';
import type { Format } from './formats.js';

if (parentPort) serveWorker(parentPort, (workerData as { preload: Format[] }).preload);
