/** The command line: argument parsing, dispatch, printing and exit codes. Heavy modules load lazily. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readFileSync, statSync } from 'node:fs';
import { HELP } from './help.js';
import { canonicalTag } from '../model/language-tag.js';
import { FORMATS } from '../build/formats.js';

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, content: 1, usage: 2 } as const;

class UsageError extends Error {}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    const code = await dispatch(argv);
    if (process.env.RAPPORTVERK_STATS) await writeStats(process.env.RAPPORTVERK_STATS);
    return code;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`rapportverk: ${err.message}\nTry 'rapportverk --help'.\n`);
      return EXIT.usage;
    }
    const e = err instanceof Error ? err : new Error(String(err));
    process.stderr.write(`rapportverk: internal error: ${e.message}\n`);
    if (process.env.RAPPORTVERK_DEBUG) process.stderr.write(`${e.stack ?? ''}\n`);
    else process.stderr.write('This is a bug in rapportverk, not in your document. Set RAPPORTVERK_DEBUG=1 for details.\n');
    return EXIT.usage;
  }
}

async function dispatch(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  if (command === 'build') return runBuild(rest);
  if (command === 'check') return runCheck(rest);
  if (command === 'import') return runImport(rest);
  throw new UsageError(`unknown command '${command}'`);
}

/** For the benchmark: stage times, CPU time and peak RSS of this process, as JSON. */
async function writeStats(path: string): Promise<void> {
  const { stageTimes } = await import('../timings.js');
  const { writeFileSync } = await import('node:fs');
  const usage = process.resourceUsage();
  const stats = {
    stages: stageTimes(),
    cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
    maxRssMb: Math.round(usage.maxRSS / 1024),
  };
  writeFileSync(path, JSON.stringify(stats));
}

/** The summed size of the sources that exist; the render pool sizes its worker by it. */
function sourceBytes(files: readonly string[]): number {
  return files.reduce((sum, file) => {
    try {
      return sum + statSync(file).size;
    } catch {
      return sum;
    }
  }, 0);
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** Options both commands take about how to read the source. */
const SOURCE_OPTIONS = {
  lang: { type: 'string' },
  root: { type: 'string' },
} as const;

/** `--lang` and `--root`, checked: a language tag must be valid BCP 47 (and is canonicalised), a root an existing folder. */
function sourceOptions(values: { lang?: string | boolean | undefined; root?: string | boolean | undefined }): { lang?: string; root?: string } {
  const out: { lang?: string; root?: string } = {};
  if (typeof values.lang === 'string') {
    const checked = canonicalTag(values.lang);
    if ('problem' in checked) throw new UsageError(`--lang needs a language tag such as nb, nn, en or se: ${checked.problem}`);
    out.lang = checked.tag;
  }
  if (typeof values.root === 'string') {
    let folder = false;
    try {
      folder = statSync(values.root).isDirectory();
    } catch {
      folder = false;
    }
    if (!folder) throw new UsageError(`--root '${values.root}' is not a folder`);
    out.root = values.root;
  }
  return out;
}

async function runBuild(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    out: { type: 'string', short: 'o', default: 'dist' },
    format: { type: 'string', short: 'f', default: FORMATS.join(',') },
    strict: { type: 'boolean', default: false },
    draft: { type: 'boolean', default: false },
    quiet: { type: 'boolean', short: 'q', default: false },
    watch: { type: 'boolean', short: 'w', default: false },
    ...SOURCE_OPTIONS,
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  const { parseFormats } = await import('../build/formats.js');
  const { formats, unknown } = parseFormats(String(values.format));
  if (unknown.length) throw new UsageError(`unknown format '${unknown.join(', ')}' (choose from ${FORMATS.join(', ')})`);
  if (!formats.length) throw new UsageError('no format given');
  const files = positionals.length ? positionals : ['content/rapport.md'];
  const { prepareOutDir } = await import('../build/out-dir.js');
  const outProblem = prepareOutDir(String(values.out));
  if (outProblem) throw new UsageError(`--out ${String(values.out)}: ${outProblem}`);
  const quiet = values.quiet === true;
  const showProgress = !quiet && process.stderr.isTTY === true;
  const { buildFile } = await import('../build/build.js');
  const { RenderPool } = await import('../build/lanes.js');
  // One pool for every file and, with --watch, every rebuild: its PDF worker stays warm.
  const pool = new RenderPool(formats, sourceBytes(files), values.watch || files.length > 1 ? 'several' : 'one');
  const { printDiagnostics } = await import('./print.js');
  const buildAll = async (): Promise<boolean> => {
    let failed = false;
    for (const file of files) {
      const started = performance.now();
      const result = await buildFile(file, {
        outDir: String(values.out),
        formats,
        strict: values.strict === true,
        draft: values.draft === true,
        ...sourceOptions(values),
        pool,
        ...(showProgress ? { progress: (m: string) => process.stderr.write(`  ${m}\n`) } : {}),
      });
      printDiagnostics(result.diagnostics, 'text');
      if (!result.ok) {
        failed = true;
        process.stderr.write(`${file}: not built — fix the errors above (or build a marked draft with --draft); earlier outputs were left as they were\n`);
        continue;
      }
      if (result.draft) {
        process.stderr.write(`${file}: built as a draft — every page is marked, and the PDF claims no PDF/UA conformance until the errors above are fixed\n`);
      }
      if (!quiet) {
        for (const path of result.written) process.stdout.write(`wrote ${path}\n`);
        if (values.watch) process.stdout.write(`built ${file} in ${Math.round(performance.now() - started)} ms\n`);
      }
    }
    return !failed;
  };
  const ok = await buildAll();
  if (!values.watch) {
    pool.close();
    return ok ? EXIT.ok : EXIT.content;
  }
  const { watchInputs } = await import('./watch.js');
  const say = (line: string): void => {
    if (!quiet) process.stdout.write(`${line}\n`);
  };
  const { forgetLabels } = await import('../frame/labels.js');
  const { forgetTemplates } = await import('../frame/handlebars.js');
  const stop = watchInputs(files, async () => {
    say('change detected, rebuilding…');
    // Labels and templates may be what changed; they are cheap to read again.
    forgetLabels();
    forgetTemplates();
    try {
      await buildAll();
    } catch (err) {
      // A failed rebuild is reported, and the next change gets its chance.
      process.stderr.write(`rapportverk: the rebuild failed: ${err instanceof Error ? err.message : String(err)}; still watching\n`);
    }
  }, say);
  // Keep running until interrupted; Ctrl+C ends the watch cleanly.
  await new Promise<void>((done) => process.once('SIGINT', () => done()));
  stop();
  pool.close();
  return EXIT.ok;
}

async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f', default: 'text' },
    strict: { type: 'boolean', default: false },
    ...SOURCE_OPTIONS,
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  const loadOptions = sourceOptions(values);
  const format = String(values.format);
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format for check is text or json, not '${format}'`);
  const files = positionals.length ? positionals : ['content/rapport.md'];
  const { loadReport } = await import('../pipeline/load.js');
  const { printDiagnostics } = await import('./print.js');
  const { readabilityReport, formatReadability } = await import('../plain/readability.js');
  const { visibleDiagnostics } = await import('../diagnostics.js');
  const all = files.flatMap((file) => {
    const loaded = loadReport(file, loadOptions);
    const { doc } = loaded;
    const diagnostics = visibleDiagnostics(loaded.diagnostics, values.strict === true);
    if (!doc) return diagnostics;
    // LIX of the report and its plain version; figures go to stdout, threshold warnings with the rest.
    const readability = readabilityReport(doc);
    if (format === 'text') process.stdout.write(`${file}\n${formatReadability(readability, file)}\n`);
    return [...diagnostics, ...readability.diagnostics];
  });
  printDiagnostics(all, format);
  const failing = all.some((d) => d.severity === 'error' || (values.strict === true && d.severity === 'warning'));
  return failing ? EXIT.content : EXIT.ok;
}

async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    into: { type: 'string', default: 'content/rapport.md' },
    'dry-run': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  const [docx, ...extra] = positionals;
  if (docx === undefined) throw new UsageError('import needs the edited .docx file');
  if (extra.length > 0) throw new UsageError(`import takes one .docx file, not ${positionals.length}`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(docx);
  } catch (err) {
    throw new UsageError(`cannot read ${docx}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const file = String(values.into);
  const dryRun = values['dry-run'] === true;
  const { importDocx, unifiedDiff } = await import('../import/index.js');
  const { printDiagnostics } = await import('./print.js');
  const result = await importDocx(file, bytes, { positionsIn: dryRun ? 'original' : 'merged' });
  if (result.text === undefined || result.original === undefined) {
    printDiagnostics(result.diagnostics, 'text');
    process.stderr.write(`${file}: not changed — fix the errors above\n`);
    return EXIT.content;
  }
  if (dryRun) process.stdout.write(unifiedDiff(file, result.original, result.text));
  else if (result.text !== result.original) {
    const { writeAtomically } = await import('../build/write.js');
    writeAtomically([{ path: file, bytes: Buffer.from(result.text, 'utf8') }]);
  }
  printDiagnostics(result.diagnostics, 'text');
  if (!dryRun) process.stdout.write(result.text === result.original ? `${file}: no changes to import\n` : `updated ${file}\n`);
  return EXIT.ok;
}
