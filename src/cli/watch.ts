/**
 * `build --watch`: rebuild when the source, its folder (images, word list), the templates or the
 * fonts change. The process stays warm, so parsed fonts, compiled templates and loaded renderers
 * are reused; errors are shown and the watch goes on.
 */
import { watch, type FSWatcher } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fontsDir, templatesDir } from '../frame/paths.js';

/**
 * How long to wait after the last change before rebuilding: editors write a file in a burst of
 * events a few ms apart (write, rename); a change during a rebuild starts one more.
 */
const DEBOUNCE_MS = 50;

/** Files that are inputs: sources, images, word lists, templates, fonts — not logs or outputs. */
const INPUT = /\.(md|markdown|png|jpe?g|ya?ml|hbs|css|ttf|otf)$/i;

/** Watches the inputs of `files` and calls `rebuild` (never twice at once) after changes. */
export function watchInputs(files: readonly string[], rebuild: () => Promise<void>, log: (line: string) => void): () => void {
  const folders = new Set<string>([templatesDir, `${templatesDir}plain`, fontsDir, ...files.map((f) => dirname(resolve(f)))]);
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await rebuild();
    } finally {
      running = false;
      if (again) {
        again = false;
        void run();
      }
    }
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  };

  for (const folder of folders) {
    try {
      watchers.push(watch(folder, (_event, name) => {
        // Temporary, swap and output files are not inputs (an output folder may sit beside the source).
        if (name && !name.startsWith('.') && INPUT.test(name)) schedule();
      }));
    } catch {
      // A folder that does not exist (e.g. no templates/plain yet) has nothing to watch.
    }
  }
  log(`watching ${folders.size} folders; press Ctrl+C to stop`);
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
