/**
 * A 5 MB document (the real report repeated, footnote labels made unique per copy) loads and
 * passes every check within 1.5 GB of extra resident memory. Its time is printed, not asserted
 * (wall time depends on what else the machine runs; `npm run bench` measures speed): about 17 s
 * on the 2-core reference machine, almost all of it remark's parser.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadReport } from '../src/pipeline/load.js';
import { formatDiagnostic } from '../src/diagnostics.js';
import { reportPath } from './helpers/paths.js';

const TARGET_BYTES = 5 * 1024 * 1024;
const MAX_RSS_GROWTH = 1.5 * 1024 ** 3;

/** The report's front matter, then its body repeated until the file reaches `bytes`. */
function largeReport(bytes: number): string {
  const source = readFileSync(reportPath, 'utf8');
  const bodyStart = source.indexOf('\n---\n', 4) + 5;
  const parts = [source.slice(0, bodyStart)];
  let size = Buffer.byteLength(parts[0] as string);
  for (let copy = 0; size < bytes; copy++) {
    const body = source.slice(bodyStart).replace(/\[\^(\w+)\]/g, `[^k${copy}-$1]`);
    parts.push(body);
    size += Buffer.byteLength(body) + 1;
  }
  return parts.join('\n');
}

it('a 5 MB report loads and is checked within 1.5 GB of extra memory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rv-large-'));
  const file = join(dir, 'stor.md');
  writeFileSync(file, largeReport(TARGET_BYTES));
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const { doc, diagnostics } = loadReport(file);
  const seconds = (performance.now() - started) / 1000;
  rmSync(dir, { recursive: true, force: true });
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(`large document: ${(TARGET_BYTES / 1048576).toFixed(0)} MB loaded and checked in ${seconds.toFixed(1)} s, ` +
    `RSS +${Math.round((peak - rssBefore) / 1048576)} MB`);
  expect(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  expect(doc?.footnotes.length).toBeGreaterThan(100);
  expect(peak - rssBefore).toBeLessThan(MAX_RSS_GROWTH);
}, 600_000);
