/**
 * veraPDF, the reference validator, checking PDFs against PDF/UA-1 and PDF/A-2a. The version is
 * pinned in verapdf/pom.xml; Maven resolves it from Maven Central on first use and compiles
 * verapdf/src/main/java/rapportverk/Validate.java, which validates many files in one JVM and
 * prints one JSON line per file and profile.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const project = fileURLToPath(new URL('../verapdf/', import.meta.url));
const classpathFile = join(project, 'target', 'classpath.txt');
const mainClass = join(project, 'target', 'classes', 'rapportverk', 'Validate.class');
const sources = [join(project, 'pom.xml'), join(project, 'src', 'main', 'java', 'rapportverk', 'Validate.java')];

/** A rule a file failed. */
export interface FailedRule {
  specification: string;
  clause: string;
  test: number;
  description: string;
  /** How many checks of the rule failed. */
  count: number;
  /** Where the first failure is, in veraPDF's object path. */
  context: string;
}

/** The verdict on one file for one profile ('ua1', '2a'), or the error that stopped it. */
export type Verdict =
  | { file: string; profile: string; compliant: boolean; assertions: number; failed: FailedRule[] }
  | { file: string; error: string };

/** Builds the validator with Maven unless it is built and newer than its sources; the classpath. */
export function prepareVerapdf(): string {
  const built = existsSync(classpathFile) && existsSync(mainClass);
  const stale = !built || sources.some((file) => statSync(file).mtimeMs > statSync(mainClass).mtimeMs);
  if (stale) {
    const mvn = spawnSync('mvn', ['-q', '-B', '-f', join(project, 'pom.xml'), 'package'], { encoding: 'utf8' });
    if (mvn.error || mvn.status !== 0) {
      throw new Error(`mvn package in ${project} failed (Java 17 and Maven 3.8 are needed):\n${mvn.stdout}${mvn.stderr}${mvn.error ?? ''}`);
    }
  }
  return [join(project, 'target', 'classes'), readFileSync(classpathFile, 'utf8').trim()].join(delimiter);
}

/** Validates the files against PDF/UA-1 and PDF/A-2a in one veraPDF run. */
export function validatePdfs(files: readonly string[]): Verdict[] {
  const classpath = prepareVerapdf();
  // C1 only and the serial collector: a third less CPU and a quarter of the memory for a short run.
  const jvm = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];
  const run = spawnSync('java', [...jvm, '-cp', classpath, 'rapportverk.Validate', ...files], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  // 0: all compliant, 1: some rule failed, 2: some file could not be read; anything else is a crash.
  if (run.error || run.status === null || run.status > 2) {
    throw new Error(`veraPDF did not finish (status ${run.status}):\n${run.stderr}${run.error ?? ''}`);
  }
  return run.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Verdict);
}

/** The verdict as lines a reader can act on: each failed rule with its clause and description. */
export function describeVerdict(verdict: Verdict): string[] {
  if ('error' in verdict) return [`${verdict.file}: veraPDF could not validate it: ${verdict.error}`];
  const head = `${verdict.file} [${profileName(verdict.profile)}]`;
  if (verdict.compliant) return [`${head}: compliant (${verdict.assertions} checks passed)`];
  return verdict.failed.map(
    (rule) =>
      `${head}: ${rule.specification} clause ${rule.clause} test ${rule.test} failed ${rule.count}×: ${rule.description}` +
      (rule.context ? `\n    at ${rule.context}` : ''),
  );
}

/** True when the verdict is a pass. */
export function passed(verdict: Verdict): boolean {
  return !('error' in verdict) && verdict.compliant && verdict.failed.length === 0;
}

function profileName(profile: string): string {
  return profile === 'ua1' ? 'PDF/UA-1' : profile === '2a' ? 'PDF/A-2a' : profile;
}
