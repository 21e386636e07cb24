/**
 * Stage timings for progress lines and the benchmark's breakdown. Stages are the pipeline's:
 * parse, model, checks, layout, tagging, write (renderers may add their own, e.g. "docx").
 */

/** Milliseconds spent per stage, summed over all calls. */
export type StageTimes = Record<string, number>;

const totals: StageTimes = {};

/** Runs `fn`, adding its duration to `stage`. */
export function timed<T>(stage: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    totals[stage] = (totals[stage] ?? 0) + performance.now() - start;
  }
}

/** Awaits `fn`, adding its duration to `stage`. */
export async function timedAsync<T>(stage: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    totals[stage] = (totals[stage] ?? 0) + performance.now() - start;
  }
}

/** A copy of the totals so far, rounded to 0.1 ms. */
export function stageTimes(): StageTimes {
  return Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Math.round(v * 10) / 10]));
}

/** Adds times measured elsewhere (a worker thread) to the totals. */
export function addStageTimes(times: StageTimes): void {
  for (const [stage, ms] of Object.entries(times)) totals[stage] = (totals[stage] ?? 0) + ms;
}

/** The time added to each stage since an earlier `stageTimes()` snapshot. */
export function stageTimesSince(before: StageTimes): StageTimes {
  return Object.fromEntries(Object.entries(stageTimes()).map(([k, v]) => [k, Math.round((v - (before[k] ?? 0)) * 10) / 10]));
}
