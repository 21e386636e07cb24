import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

interface Trie {
  data: Uint32Array;
  get(codePoint: number): number;
}
type TrieClass = new (data: Uint8Array) => Trie;

/** Every trie fontkit, unicode-properties and linebreak build, as the bytes they pass to unicode-trie. */
function trieInputs(): Uint8Array[] {
  const Module = require('node:module') as { prototype: { require: (id: string) => unknown } };
  const trieModule = require.resolve('unicode-trie');
  const inputs: Uint8Array[] = [];
  const original = Module.prototype.require;
  Module.prototype.require = function (this: unknown, id: string) {
    const loaded = original.call(this, id);
    if (id !== 'unicode-trie') return loaded;
    const Real = loaded as TrieClass;
    return function (data: Uint8Array) {
      inputs.push(Uint8Array.from(data));
      return new Real(data);
    };
  };
  try {
    // Fresh copies, so their top-level tries are built again through the hook.
    for (const id of ['unicode-properties', 'fontkit', 'linebreak']) delete require.cache[require.resolve(id)];
    require('unicode-properties');
    require('fontkit');
    require('linebreak');
  } finally {
    Module.prototype.require = original;
    delete require.cache[trieModule];
  }
  return inputs;
}

/** unicode-trie 2.0.0's own decoding: tiny-inflate twice, then little-endian 32-bit words. */
function tinyInflateWords(data: Uint8Array): Uint32Array {
  const inflate = require('tiny-inflate') as (source: Uint8Array, dest: Uint8Array) => Uint8Array;
  const length = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(8, true);
  const bytes = inflate(inflate(data.subarray(12), new Uint8Array(length)), new Uint8Array(length));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: length / 4 }, (_, i) => view.getUint32(i * 4, true));
}

describe('unicode-trie with Node zlib (patches/unicode-trie+2.0.0.patch)', () => {
  it('decodes every trie the PDF engine loads to the words tiny-inflate gives', () => {
    const Trie = require('unicode-trie') as TrieClass;
    const inputs = trieInputs();
    // unicode-properties, linebreak, and fontkit's shaper tables.
    expect(inputs.length).toBeGreaterThanOrEqual(3);
    for (const data of inputs) {
      // The lookups are unicode-trie's own code, so equal words give equal answers.
      const patched = new Trie(Uint8Array.from(data)).data;
      const original = tinyInflateWords(data);
      expect(patched.length).toBe(original.length);
      expect(Buffer.compare(Buffer.from(patched.buffer, patched.byteOffset, patched.byteLength), Buffer.from(original.buffer))).toBe(0);
    }
  });
});
