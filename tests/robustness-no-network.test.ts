/**
 * No network, ever: with fetch, http(s), net and dns stubbed to throw (and count), a document
 * full of remote link URLs loads and renders through every registered renderer in this process,
 * and one with a remote image fails with a diagnostic instead of fetching it.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportText } from '../src/pipeline/load.js';
import { formatDiagnostic } from '../src/diagnostics.js';
import { registeredRenderers, renderAndValidate } from './helpers/render-oracle.js';
import { fixturesDir } from './helpers/paths.js';

const attempts: string[] = [];
const restore: (() => void)[] = [];

/** Replaces `target[key]` with a function that records the attempt and throws. */
function deny<T extends object>(target: T, key: keyof T & string, label: string): void {
  const original = target[key];
  (target as Record<string, unknown>)[key] = (...args: unknown[]) => {
    attempts.push(`${label}(${String(args[0]).slice(0, 80)})`);
    throw new Error(`network access attempted: ${label}`);
  };
  restore.push(() => {
    (target as Record<string, unknown>)[key] = original;
  });
}

beforeAll(() => {
  deny(globalThis, 'fetch', 'fetch');
  for (const [mod, name] of [[http, 'http'], [https, 'https']] as const) {
    deny(mod, 'request', `${name}.request`);
    deny(mod, 'get', `${name}.get`);
  }
  deny(net, 'connect', 'net.connect');
  deny(net, 'createConnection', 'net.createConnection');
  deny(dns, 'lookup', 'dns.lookup');
  syncBuiltinESMExports();
});

afterAll(() => {
  for (const undo of restore.reverse()) undo();
  syncBuiltinESMExports();
});

const FRONT = '---\ntitle: Nett\nlang: nb\nwebsite: https://example.org/rapport\n---\n\n# Lenker\n\n';
const file = join(fixturesDir, 'checks', 'no-network.md');

describe('no network access', () => {
  it('remote links of every kind render without a single network call', async () => {
    const text = `${FRONT}Se [statistikken](https://example.org/stat "Tittel") og <https://example.org/auto>.[^1]\n\n` +
      '| Kilde | Lenke |\n|---|---|\n| SSB | [tabell](http://example.org/t) |\n\n[^1]: <https://example.org/kilde>\n';
    const { doc, diagnostics } = loadReportText(file, text);
    expect(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    const problems = await renderAndValidate(doc!, await registeredRenderers());
    expect(problems).toEqual([]);
    expect(attempts).toEqual([]);
  });

  it('a remote image is an error that says how to fix it, and is never fetched', () => {
    const { diagnostics } = loadReportText(file, `${FRONT}![Kart](https://example.org/kart.png)\n\n::figure{src="//example.org/b.png" alt="B"}\n`);
    const remote = diagnostics.filter((d) => d.rule === 'image-remote');
    expect(remote.map((d) => d.pos?.start.line)).toEqual([9, 11]);
    expect(remote[0]?.hint).toContain('download the image into the content folder');
    expect(attempts).toEqual([]);
  });

  it('the stubs are live: a fetch would have been caught', async () => {
    await expect(async () => fetch('https://example.org/')).rejects.toThrow('network access attempted');
    expect(attempts).toEqual(['fetch(https://example.org/)']);
    attempts.length = 0;
  });
});
