/** Reading a source file: size limit, strict UTF-8 with the position of the first bad byte. */
import { readFileSync, statSync } from 'node:fs';
import type { DiagnosticSink } from '../diagnostics.js';
import { pointAt } from './points.js';

/** Largest Markdown source accepted, in bytes. */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Reads `file` as UTF-8 text, or records why it cannot be used and returns undefined. */
export function readSource(file: string, sink: DiagnosticSink): string | undefined {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_SOURCE_BYTES) {
      sink.error('input-too-large', `the file is ${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_SOURCE_BYTES / 1048576} MB`,
        undefined, 'split the report into several files');
      return undefined;
    }
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : `cannot read it (${code ?? 'unknown'})`;
    sink.error('input-unreadable', `cannot open the source: ${why}`, undefined, 'check the path');
    return undefined;
  }
  try {
    return decoder.decode(bytes).replace(/\r\n?/g, '\n');
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder().decode(bytes.subarray(0, bad));
    const at = pointAt(before, before.length);
    sink.error('invalid-utf8', `invalid UTF-8 byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}`, { start: at, end: at },
      'save the file as UTF-8 (most editors: "Save with encoding" → UTF-8)');
    return undefined;
  }
}

/** Index of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Also refuse what TextDecoder refuses: encoded surrogates and over-long 3/4-byte forms.
    const cp = len === 3 ? ((b & 0x0f) << 12) | (((bytes[i + 1] as number) & 0x3f) << 6) : 0;
    if (len === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) return i;
    if (len === 4 && ((b === 0xf0 && (bytes[i + 1] as number) < 0x90) || (b === 0xf4 && (bytes[i + 1] as number) > 0x8f))) return i;
    i += len;
  }
  return i;
}
