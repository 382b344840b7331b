// The byte layout shared by the saved index formats (the BM25 index and the whole-index snapshot):
// parts back to back, each starting at a multiple of 4 bytes, so typed arrays can view them in
// place in the file's buffer instead of being copied out of it.

export function align4(offset: number): number {
  return (offset + 3) & ~3;
}

/** A typed array's own bytes, without copying. */
export function bytesOf(array: Uint32Array | Uint16Array | Uint8Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

export function concatAligned(parts: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const part of parts) size = align4(size) + part.byteLength;
  const bytes = new Uint8Array(align4(size));
  let offset = 0;
  for (const part of parts) {
    offset = align4(offset);
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}
