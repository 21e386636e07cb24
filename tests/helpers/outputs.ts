/** Picking files out of a renderer's outputs. */
import type { Output } from '../../src/build/formats.js';

/** The bytes of the output with `suffix`; throws if the renderer made none. */
export function outputBytes(outputs: readonly Output[], suffix: string): Uint8Array {
  const found = outputs.find((o) => o.suffix === suffix);
  if (!found) throw new Error(`no ${suffix} among ${outputs.map((o) => o.suffix).join(', ')}`);
  return found.bytes;
}
