/**
 * The benchmark: cold CLI builds of content/rapport.md and of generated 10× and 50× variants,
 * each format alone and all together. Prints the median wall time, CPU time and peak RSS of the
 * whole process, the per-stage breakdown, and PDF cost per page; writes dist/bench/results.json.
 *
 * It also compiles the same report with Typst in PDF/UA-1 mode (@myriaddreamin/typst-ts-node-compiler,
 * the Markdown converted by scripts/typst-from-markdown.ts), each in a fresh process as well, and
 * prints rapportverk's time as a multiple of Typst's. At 1× it also builds a one-sentence document:
 * that fixed cost (starting Node, loading the libraries and fonts, writing the files) is the least
 * any cold build can take.
 *
 * With `--shapes`, it also builds generated documents of one shape each (one long paragraph, one
 * long table, many footnotes, …) at each of `--sizes` (kB), and prints how CPU time and memory grow
 * with size: for a linear build, doubling the size doubles the cost above the fixed start-up.
 *
 *   npm run bench                      # scales 1,10,50; 3 runs (1 run at 50×)
 *   npm run bench -- --scales 1,10 --runs 5
 *   npm run bench -- --scales none --shapes paragraph,table,footnotes --sizes 500,1000,2000
 *
 * `--watch-edits N` also runs `build --watch` on a copy of the report, edits it N times, and prints
 * the median time from the edit (the file written) to the rebuild's "built" line, all formats.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { typstFromMarkdown } from './typst-from-markdown.js';
import { SHAPES, shapeDocument, type Shape } from './shape-documents.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin', 'rapportverk.js');
const source = join(root, 'content', 'rapport.md');
const workDir = join(root, 'dist', 'bench');

interface Stats {
  stages: Record<string, number>;
  cpuMs: number;
  maxRssMb: number;
}

interface CaseResult {
  case: string;
  scale: number;
  format: string;
  runs: number;
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  stages: Record<string, number>;
  pdfPages?: number;
  msPerPdfPage?: number;
  exitCode: number;
}

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,10,50' },
    runs: { type: 'string', default: '3' },
    formats: { type: 'string', default: 'pdf,docx,plain,all' },
    shapes: { type: 'string', default: '' },
    sizes: { type: 'string', default: '500,1000,2000' },
    'watch-edits': { type: 'string', default: '0' },
  },
});
const scales = values.scales === 'none' ? [] : String(values.scales).split(',').map(Number);
const runs = Number(values.runs);
const formats = String(values.formats).split(',');

/** The report with its body repeated `n` times: same structure, unique footnote labels per copy. */
function variant(n: number): string {
  if (n === 1) return source;
  const text = readFileSync(source, 'utf8');
  const end = text.indexOf('\n---', 4) + 4;
  const front = text.slice(0, end);
  const body = text.slice(end);
  const copies = Array.from({ length: n }, (_, i) => body.replace(/\[\^([^\]]+)\]/g, `[^$1-${i + 1}]`));
  const file = join(workDir, `rapport-${n}x.md`);
  writeFileSync(file, front + copies.join('\n'));
  return file;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? 0;
}

/**
 * Compiles a Typst file to PDF/UA-1 in the process it runs in, then writes the same stats as the
 * CLI does with RAPPORTVERK_STATS. Arguments: the .typ file, the PDF to write, the fonts folder.
 */
const TYPST_CHILD = `
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
const [typ, pdf, fonts] = process.argv.slice(1);
const compiler = NodeCompiler.create({ workspace: dirname(typ), fontArgs: [{ fontPaths: [fonts] }] });
const result = compiler.compile({ mainFileContent: readFileSync(typ, 'utf8') });
if (!result.result) { console.error(JSON.stringify(result.takeDiagnostics())); process.exit(1); }
writeFileSync(pdf, compiler.pdf(result.result, { pdfStandard: 'ua-1', creationTimestamp: 0 }));
const usage = process.resourceUsage();
writeFileSync(process.env.RAPPORTVERK_STATS, JSON.stringify({ stages: {}, cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000), maxRssMb: Math.round(usage.maxRSS / 1024) }));
`;

/** Runs the CLI (or, with `typst`, the Typst compile) once in a fresh process; wall time and the process's own stats. */
function runOnce(args: string[], typst = false): { wallMs: number; stats?: Stats; exitCode: number } {
  const statsFile = join(workDir, 'stats.json');
  rmSync(statsFile, { force: true });
  const start = process.hrtime.bigint();
  const command = typst ? ['--input-type=module', '-e', TYPST_CHILD, ...args] : [bin, ...args];
  const child = spawnSync(process.execPath, command, {
    cwd: root,
    env: { ...process.env, RAPPORTVERK_STATS: statsFile },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) process.stderr.write(child.stderr);
  const stats = existsSync(statsFile) ? (JSON.parse(readFileSync(statsFile, 'utf8')) as Stats) : undefined;
  return { wallMs, exitCode: child.status ?? -1, ...(stats ? { stats } : {}) };
}

async function pdfPages(file: string): Promise<number | undefined> {
  if (!existsSync(file)) return undefined;
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const pages = doc.numPages;
  await doc.destroy();
  return pages;
}

function measure(label: string, scale: number, format: string, args: string[], n: number, typst = false): CaseResult {
  const samples = Array.from({ length: n }, () => runOnce(args, typst));
  const stageNames = new Set(samples.flatMap((s) => Object.keys(s.stats?.stages ?? {})));
  const stages = Object.fromEntries(
    [...stageNames].map((k) => [k, Math.round(median(samples.map((s) => s.stats?.stages[k] ?? 0)))]),
  );
  return {
    case: label,
    scale,
    format,
    runs: n,
    wallMs: Math.round(median(samples.map((s) => s.wallMs))),
    cpuMs: Math.round(median(samples.map((s) => s.stats?.cpuMs ?? 0))),
    maxRssMb: Math.round(median(samples.map((s) => s.stats?.maxRssMb ?? 0))),
    stages,
    exitCode: Math.max(...samples.map((s) => s.exitCode)),
  };
}

function row(r: CaseResult): string {
  const stages = Object.entries(r.stages)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const perPage = r.msPerPdfPage !== undefined ? ` | ${r.pdfPages} p, ${r.msPerPdfPage.toFixed(1)} ms/p` : '';
  const failed = r.exitCode === 0 ? '' : ` | EXIT ${r.exitCode}`;
  return `${r.case.padEnd(22)} ${String(r.wallMs).padStart(7)} ms wall ${String(r.cpuMs).padStart(7)} ms cpu ${String(r.maxRssMb).padStart(5)} MB rss | ${stages}${perPage}${failed}`;
}

mkdirSync(workDir, { recursive: true });
copyFileSync(join(root, 'content', 'ordliste.yml'), join(workDir, 'ordliste.yml'));
const results: CaseResult[] = [];
const report = (r: CaseResult) => {
  results.push(r);
  console.log(row(r));
};

console.log(`rapportverk benchmark — node ${process.version}, median of ${runs} cold runs (1 at 50×)\n`);
report(measure('--help', 0, 'help', ['--help'], Math.max(runs, 5)));
report(measure('check 1×', 1, 'check', ['check', source], Math.max(runs, 5)));
for (const scale of scales) {
  const file = variant(scale);
  const n = scale >= 50 ? 1 : runs;
  for (const format of formats) {
    const out = join(workDir, `out-${scale}x-${format}`);
    // `all` is what a plain `rapportverk build` makes: every default format.
    const only = format === 'all' ? [] : ['--format', format];
    const result = measure(`build ${scale}× ${format}`, scale, format, ['build', file, '--out', out, ...only, '--quiet'], n);
    if (format === 'pdf') {
      const stem = scale === 1 ? 'rapport' : `rapport-${scale}x`;
      const pages = await pdfPages(join(out, `${stem}.pdf`));
      if (pages) {
        result.pdfPages = pages;
        result.msPerPdfPage = result.wallMs / pages;
      }
    }
    report(result);
  }
  // The fixed cost: the same builds of a one-sentence document. Its time, as a multiple of Typst's
  // time for the whole report, is the least any build of that report could take in a fresh process.
  if (scale === 1) {
    const floor = join(workDir, 'one-sentence.md');
    writeFileSync(floor, '---\ntitle: Ei setning\nlang: nn\ndate: 2026-01-01\n---\n\n# Innleiing\n\nDette er ei setning.\n');
    for (const format of formats) {
      const only = format === 'all' ? [] : ['--format', format];
      report(measure(`build 1 sentence ${format}`, 1, format, ['build', floor, '--out', join(workDir, `out-floor-${format}`), ...only, '--quiet'], runs));
    }
  }
  const typ = join(workDir, `rapport-${scale}x.typ`);
  writeFileSync(typ, typstFromMarkdown(readFileSync(file, 'utf8')));
  const typst = measure(`typst ${scale}× pdf/ua-1`, scale, 'typst', [typ, join(workDir, `typst-${scale}x.pdf`), join(root, 'fonts')], n, true);
  report(typst);
  for (const r of results.filter((x) => x.scale === scale && x.case.startsWith('build'))) {
    console.log(`  ${r.case.padEnd(20)} ${(r.wallMs / typst.wallMs).toFixed(2)}× Typst's wall time, ${(r.cpuMs / typst.cpuMs).toFixed(2)}× its CPU time`);
  }
}
const shapes = String(values.shapes).split(',').filter(Boolean);
for (const shape of shapes) {
  if (!(SHAPES as readonly string[]).includes(shape)) throw new Error(`unknown shape "${shape}"; known: ${SHAPES.join(', ')}`);
}
if (shapes.length) console.log('\ndocument shapes, one cold run each, --format pdf (cost per kB above the smallest size shows linearity)');
for (const shape of shapes as Shape[]) {
  const sized: CaseResult[] = [];
  for (const kb of String(values.sizes).split(',').map(Number)) {
    const file = join(workDir, `shape-${shape}-${kb}k.md`);
    writeFileSync(file, shapeDocument(shape, kb * 1024));
    const r = measure(`${shape} ${kb} kB`, kb, 'pdf', ['build', file, '--out', join(workDir, 'out-shapes'), '--format', 'pdf', '--quiet'], 1);
    const first = sized[0];
    const growth = first ? ` | +${Math.round((r.cpuMs - first.cpuMs) / (kb - first.scale))} ms cpu per extra kB` : '';
    console.log(row(r) + growth);
    sized.push(r);
    results.push(r);
  }
}
/**
 * Edits a copy of the report `edits` times under `build --watch` and returns the time from each
 * edit to its rebuild's "built" line: what an author waits for, the watcher's debounce included.
 */
async function watchEdits(edits: number): Promise<number[]> {
  const dir = join(workDir, 'watch');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'rapport.md');
  copyFileSync(source, file);
  copyFileSync(join(root, 'content', 'ordliste.yml'), join(dir, 'ordliste.yml'));
  const child = spawn(process.execPath, [bin, 'build', file, '--watch', '--out', join(dir, 'out')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const built: number[] = [];
  let waiting: (() => void) | undefined;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) {
      if (!line.startsWith('built ')) continue;
      built.push(performance.now());
      waiting?.();
    }
  });
  const nextBuild = () => new Promise<void>((resolve) => (waiting = resolve));
  const times: number[] = [];
  await nextBuild();
  for (let i = 0; i < edits; i++) {
    // Let the process settle, as between an author's edits.
    await new Promise((r) => setTimeout(r, 1500));
    const done = nextBuild();
    const edited = performance.now();
    appendFileSync(file, `\nEi endring (${i + 1}).\n`);
    await done;
    times.push(Math.round((built.at(-1) ?? edited) - edited));
  }
  child.kill('SIGINT');
  return times;
}

const edits = Number(values['watch-edits']);
if (edits > 0) {
  const times = await watchEdits(edits);
  console.log(`\nbuild --watch, all formats: edit → rebuilt in ${median(times)} ms median of ${edits} (${times.join(', ')} ms)`);
}

writeFileSync(join(workDir, 'results.json'), `${JSON.stringify({ node: process.version, results }, null, 2)}\n`);
console.log(`\nresults: ${join(workDir, 'results.json')}`);
