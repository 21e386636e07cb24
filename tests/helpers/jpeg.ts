/**
 * Tiny baseline JPEGs made in code, for tests: a grey-scale picture of 8×8 blocks, each white or
 * black, with an optional EXIF orientation. Every block is flat (only its DC coefficient is
 * coded), so the encoder needs just a three-code DC table and an AC table holding only end-of-block.
 */

/** Blocks per row and column: true is white, false black. */
export type BlockPattern = boolean[][];

/** A JPEG of the pattern (8 pixels a block), with an APP1 EXIF orientation tag when given. */
export function makeJpeg(pattern: BlockPattern, orientation?: number): Uint8Array {
  const rows = pattern.length;
  const cols = pattern[0]?.length ?? 0;
  const bytes: number[] = [0xff, 0xd8];
  if (orientation !== undefined) bytes.push(...exifSegment(orientation));
  // Quantisation table 0: DC step 16, AC unused.
  bytes.push(0xff, 0xdb, 0x00, 0x43, 0x00, 16, ...new Array<number>(63).fill(1));
  bytes.push(0xff, 0xc0, 0x00, 0x0b, 8, ...u16(rows * 8), ...u16(cols * 8), 1, 1, 0x11, 0);
  // DC table: category 0 → "00", 6 → "01", 7 → "10" (an all-ones code is not allowed). AC table: end-of-block → "0".
  bytes.push(0xff, 0xc4, 0x00, 0x16, 0x00, 0, 3, ...new Array<number>(14).fill(0), 0, 6, 7);
  bytes.push(0xff, 0xc4, 0x00, 0x14, 0x10, 1, ...new Array<number>(15).fill(0), 0x00);
  bytes.push(0xff, 0xda, 0x00, 0x08, 1, 1, 0x00, 0, 63, 0);
  bytes.push(...scan(pattern.flat()));
  bytes.push(0xff, 0xd9);
  return Uint8Array.from(bytes);
}

/** DC levels: 63 × 16 / 8 above mid-grey is white, −64 × 16 / 8 below it black. */
const WHITE = 63;
const BLACK = -64;

function scan(blocks: boolean[]): number[] {
  const bits: number[] = [];
  let previous = 0;
  for (const white of blocks) {
    const dc = white ? WHITE : BLACK;
    const diff = dc - previous;
    previous = dc;
    if (diff === 0) bits.push(0, 0);
    else {
      const category = Math.abs(diff) < 64 ? 6 : 7;
      bits.push(...(category === 6 ? [0, 1] : [1, 0]));
      const value = diff > 0 ? diff : diff + (1 << category) - 1;
      for (let b = category - 1; b >= 0; b--) bits.push((value >> b) & 1);
    }
    bits.push(0); // end of block
  }
  while (bits.length % 8 !== 0) bits.push(1);
  const out: number[] = [];
  for (let i = 0; i < bits.length; i += 8) {
    const byte = bits.slice(i, i + 8).reduce((acc, bit) => (acc << 1) | bit, 0);
    out.push(byte);
    if (byte === 0xff) out.push(0x00);
  }
  return out;
}

/** An APP1 segment with a big-endian TIFF header and one IFD entry: Orientation (0x0112). */
function exifSegment(orientation: number): number[] {
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, ...u16(orientation), 0, 0, 0, 0, 0, 0];
  const body = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  return [0xff, 0xe1, ...u16(body.length + 2), ...body];
}

function u16(n: number): number[] {
  return [(n >> 8) & 0xff, n & 0xff];
}
