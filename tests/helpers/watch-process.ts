/** A `rapportverk build --watch` child process, with its output and a way to wait for it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface WatchProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Completed builds so far ("built …" lines). */
  builds: () => number;
  /** Waits until `test` holds; fails after `limitMs`, showing the output. */
  until: (test: () => boolean, what: string, limitMs?: number) => Promise<void>;
  /** Sends Ctrl+C and resolves with the exit code. */
  stop: () => Promise<number | null>;
}

/** Starts the CLI in `toolRoot` with `args` and `--watch`, with `env` added to this process's environment. */
export function startWatch(toolRoot: string, args: string[], cwd: string, env: Record<string, string> = {}): WatchProcess {
  const child = spawn(process.execPath, [join(toolRoot, 'bin', 'rapportverk.js'), ...args, '--watch'], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    builds: () => out.split('\n').filter((l) => l.startsWith('built ')).length,
    until: async (test, what, limitMs = 30_000) => {
      for (let waited = 0; !test(); waited += 50) {
        if (waited > limitMs) throw new Error(`timed out waiting for ${what}\nstdout:\n${out}\nstderr:\n${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}
