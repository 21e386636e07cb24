/** Entry point of the PDF worker thread (see lanes.ts). */
import { parentPort } from 'node:worker_threads';
import { serveWorker } from './lanes.js';

if (parentPort) serveWorker(parentPort);
