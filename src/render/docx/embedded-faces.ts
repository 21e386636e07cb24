/**
 * The embedded font files, finished once per process. A face's obfuscation key is derived from
 * the font file (ECMA-376 Part 2 wants a key per file; a derived one keeps builds reproducible), so
 * the obfuscated and compressed file never changes and is cached by the font's content.
 *
 * Compressing the four text faces took ~70 ms of every cold build, so `npm run compile` also
 * writes them, compressed, to build/faces/ (see `writeFinishedFaces`); a face found there is read,
 * any other (a font changed since) is compressed here. Either way the bytes are the same.
 *
 * The docx library only obfuscates the bytes it is given as a face and never reads them, so it
 * gets a stand-in: the font's SHA-256 digest. The package fix-up reads the digest back from the
 * stand-in and puts the finished face in its place.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { finishedFacesDir, fontsDir } from '../../frame/paths.js';
import { deflateData, type DeflatedData } from './zip.js';

/** A face ready for the package: its key (a GUID without braces) and its obfuscated, compressed file. */
export interface FinishedFace {
  key: string;
  file: DeflatedData;
}

/** The first 32 bytes of an embedded font are XORed with its key (ECMA-376 Part 2, 11.1.1). */
const OBFUSCATED = 32;

const finished = new Map<string, FinishedFace>();

/**
 * The stand-in for a bundled font file, to give the docx library as the face's data. The file is
 * read each time (it is small next to compressing it), so a font that changes during `--watch`
 * is embedded anew.
 */
export function faceStandIn(fileName: string): Buffer {
  const { font, digest } = readFont(fileName);
  const id = digest.toString('hex');
  if (!finished.has(id)) finished.set(id, finish(font, digest, readCompressed(id)));
  return digest;
}

/** Writes every bundled font, obfuscated and compressed, to `dir` (build/faces/ at compile time). */
export function writeFinishedFaces(dir = finishedFacesDir): void {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(fontsDir).filter((f) => f.endsWith('.ttf'))) {
    const { font, digest } = readFont(name);
    writeFileSync(join(dir, `${digest.toString('hex')}.deflate`), finish(font, digest).file.deflated);
  }
}

/** A bundled font file and its SHA-256 digest, which names it. */
function readFont(fileName: string): { font: Buffer; digest: Buffer } {
  const font = readFileSync(join(fontsDir, fileName));
  return { font, digest: createHash('sha256').update(font).digest() };
}

/** The compressed face written at compile time for the font with this digest, if there is one. */
function readCompressed(id: string): Uint8Array | undefined {
  try {
    return readFileSync(join(finishedFacesDir, `${id}.deflate`));
  } catch {
    return undefined;
  }
}

/** The finished face for a stand-in the docx library obfuscated with `libraryKey`, if it is one. */
export function finishedFace(standIn: Uint8Array, libraryKey: string): FinishedFace | undefined {
  if (standIn.length !== OBFUSCATED) return undefined;
  const key = keyBytes(libraryKey);
  const digest = Buffer.from(standIn.map((b, i) => b ^ (key[i % 16] as number)));
  return finished.get(digest.toString('hex'));
}

function finish(font: Buffer, digest: Buffer, compressed?: Uint8Array): FinishedFace {
  const key = guidFrom(digest);
  const bytes = keyBytes(key);
  const obfuscated = Buffer.from(font);
  for (let i = 0; i < OBFUSCATED; i++) obfuscated[i] = (font[i] as number) ^ (bytes[i % 16] as number);
  const file = compressed ? { deflated: compressed, crc: crc32(obfuscated), size: obfuscated.length } : deflateData(obfuscated);
  return { key, file };
}

/** The obfuscation key bytes of a font GUID: its hex digits as bytes, last byte first (ECMA-376 Part 2). */
function keyBytes(guid: string): number[] {
  const hex = guid.replace(/-/g, '');
  return Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16)).reverse();
}

function guidFrom(hash: Buffer): string {
  const hex = hash.subarray(0, 16).toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
