#!/usr/bin/env node
// Thin launcher: the bundled CLI lives in build/bundle/ (made by `npm ci`, via the prepare script).
import { setFlagsFromString } from 'node:v8';
import { statSync } from 'node:fs';

// A build of a report is short and runs a lot of library code once: V8's optimising compiler
// (on background threads) cost more than it saved, about a quarter of the CPU time of the seed's
// build. For large sources, where the same code runs long enough to pay off, V8 keeps its defaults.
// Flags must be set before the bundle loads; they hold for the PDF worker too.
const SMALL_SOURCE = 512 * 1024;
const sources = process.argv.slice(2).filter((a) => a.endsWith('.md'));
const bytes = (sources.length ? sources : ['content/rapport.md']).reduce((sum, file) => {
  try {
    return sum + statSync(file).size;
  } catch {
    return sum;
  }
}, 0);
if (!process.env.RAPPORTVERK_V8_DEFAULTS) {
  if (bytes < SMALL_SOURCE) {
    setFlagsFromString('--no-turbo-inlining');
    setFlagsFromString('--interrupt-budget=250000');
  } else {
    // A large source: the heap grows by a fifth after each full collection, not by V8's own
    // factor (up to 4×). At 10× the seed, all formats, peak RSS fell from 415 to 350 MB at the
    // same CPU time; a 1 MB table, from 0.9–1.1 GB to 0.5 GB for about 30 % more CPU time.
    setFlagsFromString('--heap-growing-percent=20');
  }
}

const { main } = await import('../build/bundle/main.js');
process.exitCode = await main(process.argv.slice(2));
