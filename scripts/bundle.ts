/**
 * Bundles the compiled CLI (build/) into build/bundle/ with esbuild, so a cold start loads a
 * few files instead of several hundred small ESM modules from the unified/micromark ecosystem.
 * Code splitting keeps the renderers lazy: `check` and `--help` never load them. Packages that
 * read their own data files at run time stay external, and so does the IANA subtag registry
 * (1.9 MB of JSON): required, Node reads it with JSON.parse, about 55 ms faster per start than
 * compiling it as part of a bundled module.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const outdir = `${root}build/bundle`;

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['build/cli/main.js', 'build/build/render-worker.js'],
  // Every output file sits at build/bundle/*.js, the same depth as build/<folder>/*.js, so the
  // `../../templates/` and `../../fonts/` paths found from import.meta.url still hold.
  entryNames: '[name]',
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['language-subtag-registry', 'pdfmake', 'pdfkit', 'fontkit', 'docx', 'pdf-lib', 'handlebars', 'unicode-name'],
  // Bundled CommonJS packages (yaml) call require() for Node built-ins.
  banner: { js: "import { createRequire as __rvRequire } from 'node:module'; const require = __rvRequire(import.meta.url);" },
  logLevel: 'warning',
});
