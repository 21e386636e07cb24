/**
 * Compact output straight from pdfkit: every object without a stream of its own (structure
 * elements, annotations, dictionaries) goes into compressed object streams, and the
 * cross-reference table becomes a compressed cross-reference stream (ISO 32000-1, 7.5.7–7.5.8).
 * The file needs no second pass through a PDF parser.
 *
 * This hooks pdfkit internals (pinned at 0.19.1 in package.json): each object's `finalize`,
 * which writes it, and the document's `_finalize`, which writes the cross-reference table and
 * trailer. tests/pdf-metadata.test.ts reads the result back with an independent parser.
 */
import { deflateSync } from 'node:zlib';

/** The pdfkit version this module was written against. */
export const PDFKIT_VERSION = '0.19.1';

/** Objects per object stream; small enough for readers to decompress a stream quickly. */
const PER_STREAM = 100;

interface KitRef {
  id: number;
  offset: number | undefined;
  buffer: unknown[] | Uint8Array;
  document: KitDoc;
  finalize(): void;
}

/** The part of a pdfkit document this module uses. */
export interface KitDoc {
  _root: KitRef;
  _info: KitRef;
  _id: Uint8Array;
  _offsets: (number | null | undefined)[];
  _offset: number;
  _security?: unknown;
  _write(data: string | Uint8Array): void;
  _refEnd(ref: KitRef): void;
  _finalize(): void;
  push(chunk: Uint8Array | null): boolean;
}

/** Objects held back for object streams, per document. */
const held = new WeakMap<KitDoc, Map<number, Buffer>>();
let installed = false;

/** Writes the rest of this document's objects into object streams, with a cross-reference stream. */
export function useObjectStreams(doc: KitDoc): void {
  if (doc._security) return;
  install(Object.getPrototypeOf(doc._root) as KitRef);
  const objects = new Map<number, Buffer>();
  held.set(doc, objects);
  doc._finalize = function (this: KitDoc) {
    finish(this, objects);
  };
}

function install(proto: KitRef): void {
  if (installed) return;
  if (typeof proto.finalize !== 'function') throw new Error('pdfkit PDFReference.finalize is missing; object streams need it');
  const finalize = proto.finalize;
  proto.finalize = function (this: KitRef) {
    const doc = this.document;
    const objects = held.get(doc);
    const hasStream = Array.isArray(this.buffer) ? this.buffer.length > 0 : this.buffer.length > 0;
    if (!objects || hasStream) return finalize.call(this);
    // Let pdfkit serialise the object, but into a buffer instead of the file.
    const chunks: Buffer[] = [];
    const write = doc._write;
    const refEnd = doc._refEnd;
    doc._write = (data) => void chunks.push(typeof data === 'string' ? Buffer.from(`${data}\n`, 'binary') : Buffer.from(data));
    doc._refEnd = () => undefined;
    try {
      finalize.call(this);
    } finally {
      doc._write = write;
      doc._refEnd = refEnd;
    }
    // chunks: "N 0 obj", the object, "endobj".
    objects.set(this.id, Buffer.concat(chunks.slice(1, -1)));
    this.offset = undefined;
    doc._refEnd(this);
  };
  installed = true;
}

/** Where each object is: at a file offset, or at an index in an object stream. */
type Entry = { offset: number } | { stream: number; index: number };

function finish(doc: KitDoc, objects: Map<number, Buffer>): void {
  const entries = new Map<number, Entry>();
  doc._offsets.forEach((offset, i) => {
    if (typeof offset === 'number') entries.set(i + 1, { offset });
  });
  const ids = [...objects.keys()].sort((a, b) => a - b);
  for (let start = 0; start < ids.length; start += PER_STREAM) {
    const group = ids.slice(start, start + PER_STREAM);
    const streamId = newObject(doc);
    const parts: Buffer[] = [];
    const header: string[] = [];
    let at = 0;
    group.forEach((id, index) => {
      const body = objects.get(id) as Buffer;
      header.push(`${id} ${at}`);
      parts.push(body);
      at += body.length;
      entries.set(id, { stream: streamId, index });
    });
    const head = Buffer.from(`${header.join(' ')}\n`, 'binary');
    const data = deflateSync(Buffer.concat([head, ...parts]));
    entries.set(streamId, { offset: doc._offset });
    writeStream(doc, streamId, `/Type /ObjStm /N ${group.length} /First ${head.length} /Filter /FlateDecode`, data);
  }

  const xrefId = newObject(doc);
  const size = xrefId + 1;
  const xrefOffset = doc._offset;
  entries.set(xrefId, { offset: xrefOffset });
  // Fields: type (1 byte), offset or object stream number (4), generation or index (2).
  const table = Buffer.alloc(size * 7);
  table.writeUInt8(0, 0);
  table.writeUInt32BE(0, 1);
  table.writeUInt16BE(65535, 5);
  for (let id = 1; id < size; id++) {
    const entry = entries.get(id);
    const row = id * 7;
    if (!entry) throw new Error(`PDF object ${id} was never written`);
    if ('offset' in entry) {
      table.writeUInt8(1, row);
      table.writeUInt32BE(entry.offset, row + 1);
      table.writeUInt16BE(0, row + 5);
    } else {
      table.writeUInt8(2, row);
      table.writeUInt32BE(entry.stream, row + 1);
      table.writeUInt16BE(entry.index, row + 5);
    }
  }
  const fileId = `<${Buffer.from(doc._id).toString('hex')}>`;
  const dict = `/Type /XRef /Size ${size} /W [1 4 2] /Root ${doc._root.id} 0 R /Info ${doc._info.id} 0 R /ID [${fileId} ${fileId}] /Filter /FlateDecode`;
  writeStream(doc, xrefId, dict, deflateSync(table));
  doc._write('startxref');
  doc._write(String(xrefOffset));
  doc._write('%%EOF');
  doc.push(null);
}

function newObject(doc: KitDoc): number {
  doc._offsets.push(null);
  return doc._offsets.length;
}

function writeStream(doc: KitDoc, id: number, dict: string, data: Buffer): void {
  doc._write(`${id} 0 obj`);
  doc._write(`<< ${dict} /Length ${data.length} >>`);
  doc._write('stream');
  doc._write(data);
  doc._write('\nendstream');
  doc._write('endobj');
}
