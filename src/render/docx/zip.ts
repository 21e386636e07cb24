/**
 * A minimal zip writer for the package: every entry DEFLATE-compressed with Node's zlib (as the
 * PDF's streams are), sizes and CRC in the local headers, no data descriptors, no extra fields,
 * fixed entry times. Entries compressed earlier (the embedded fonts) are copied in as they are.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** An entry's data, compressed, with what the zip headers say about it. */
export interface DeflatedData {
  deflated: Uint8Array;
  crc: number;
  size: number;
}

/** One file of the zip, compressed now (bytes) or earlier. */
export interface ZipEntry {
  name: string;
  data: Uint8Array | DeflatedData;
}

const DEFLATE = 8;
/** Version 2.0: DEFLATE, the lowest version that reads every entry. */
const VERSION = 20;
const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;
const LIMIT = 0xffffffff;

/** Compresses one entry's bytes. */
export function deflateData(bytes: Uint8Array, level = 6): DeflatedData {
  return { deflated: deflateRawSync(bytes, { level }), crc: crc32(bytes), size: bytes.length };
}

/** Writes a zip of `entries` in the order given, every entry dated `modified` (its UTC fields). */
export function writeZip(entries: readonly ZipEntry[], modified: Date): Uint8Array {
  const { time, date } = dosDateTime(modified);
  const files = entries.map(({ name, data }) => ({
    name: Buffer.from(name, 'utf8'),
    ...(data instanceof Uint8Array ? deflateData(data) : data),
  }));
  let length = END_RECORD;
  for (const f of files) length += LOCAL_HEADER + CENTRAL_HEADER + 2 * f.name.length + f.deflated.length;
  if (length > LIMIT || files.some((f) => f.size > LIMIT)) throw new Error('The Word file would exceed 4 GB, which a zip without Zip64 cannot hold.');

  const out = Buffer.alloc(length);
  const offsets: number[] = [];
  let at = 0;
  for (const f of files) {
    offsets.push(at);
    out.writeUInt32LE(0x04034b50, at);
    at = header(out, at + 4, f, time, date);
    at += f.name.copy(out, at);
    out.set(f.deflated, at);
    at += f.deflated.length;
  }
  const central = at;
  files.forEach((f, i) => {
    out.writeUInt32LE(0x02014b50, at);
    out.writeUInt16LE(VERSION, at + 4);
    at = header(out, at + 6, f, time, date);
    // Comment length, disk number, internal and external attributes: all zero.
    out.fill(0, at, at + 10);
    out.writeUInt32LE(offsets[i] as number, at + 10);
    at += 14;
    at += f.name.copy(out, at);
  });
  out.writeUInt32LE(0x06054b50, at);
  out.writeUInt32LE(0, at + 4);
  out.writeUInt16LE(files.length, at + 8);
  out.writeUInt16LE(files.length, at + 10);
  out.writeUInt32LE(at - central, at + 12);
  out.writeUInt32LE(central, at + 16);
  out.writeUInt16LE(0, at + 20);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** The fields local and central headers share, from "version needed" to "extra field length". */
function header(out: Buffer, at: number, f: DeflatedData & { name: Buffer }, time: number, date: number): number {
  out.writeUInt16LE(VERSION, at);
  // Bit 11: the name is UTF-8.
  out.writeUInt16LE(f.name.some((b) => b > 0x7f) ? 0x800 : 0, at + 2);
  out.writeUInt16LE(DEFLATE, at + 4);
  out.writeUInt16LE(time, at + 6);
  out.writeUInt16LE(date, at + 8);
  out.writeUInt32LE(f.crc, at + 10);
  out.writeUInt32LE(f.deflated.length, at + 14);
  out.writeUInt32LE(f.size, at + 18);
  out.writeUInt16LE(f.name.length, at + 22);
  out.writeUInt16LE(0, at + 24);
  return at + 26;
}

/** MS-DOS date and time fields from the date's UTC fields, so every time zone writes the same; DOS dates span 1980–2107. */
function dosDateTime(when: Date): { time: number; date: number } {
  const year = when.getUTCFullYear();
  if (year < 1980) return { time: 0, date: (1 << 5) | 1 };
  if (year > 2107) return { time: (23 << 11) | (59 << 5) | 29, date: (127 << 9) | (12 << 5) | 31 };
  return {
    time: (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate(),
  };
}
