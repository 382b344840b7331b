// The byte layout shared by the saved index formats (the BM25 index and the whole-index snapshot):
// an 8-byte magic, the format version and the header's length (u32 each), a JSON header, then the
// parts back to back, each starting at a multiple of 4 bytes, so typed arrays can view them in
// place in the file's buffer instead of being copied out of it.

type TypedArrayKind<T> = { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number };

export function align4(offset: number): number {
  return (offset + 3) & ~3;
}

/** A typed array's own bytes, without copying. */
export function bytesOf(array: Uint32Array | Uint16Array | Uint8Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** magic + version + header, then the parts, each aligned. */
export function encodeAligned(magic: string, version: number, header: unknown, parts: readonly Uint8Array[]): Uint8Array {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  return concatAligned([Buffer.from(magic, 'latin1'), bytesOf(new Uint32Array([version, headerBytes.byteLength])), headerBytes, ...parts]);
}

function concatAligned(parts: readonly Uint8Array[]): Uint8Array {
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

/**
 * Reads what encodeAligned wrote, part by part, in order. Every problem (another file, another
 * format version, bytes missing) throws "not <what> (format <version>): <why>".
 */
export class AlignedReader<Header> {
  readonly header: Header;
  private readonly bytes: Uint8Array;
  private offset = 16;

  constructor(
    input: Uint8Array,
    magic: string,
    private readonly version: number,
    private readonly what: string,
  ) {
    // Typed-array views need 4-byte alignment within their buffer; a pooled Buffer may not give it.
    this.bytes = input.byteOffset % 4 === 0 ? input : new Uint8Array(input);
    const { buffer, byteOffset, byteLength } = this.bytes;
    if (byteLength < 16 || Buffer.from(buffer, byteOffset, 8).toString('latin1') !== magic) this.fail('bad magic');
    const [found = 0, headerLength = 0] = new Uint32Array(buffer, byteOffset + 8, 2);
    if (found !== version) this.fail(`version ${found}`);
    this.header = JSON.parse(this.take(headerLength).toString('utf8')) as Header;
  }

  fail(why: string): never {
    throw new Error(`not ${this.what} (format ${this.version}): ${why}`);
  }

  /** The next `length` bytes, without copying. */
  take(length: number): Buffer {
    if (this.offset + length > this.bytes.byteLength) this.fail('truncated');
    const part = Buffer.from(this.bytes.buffer, this.bytes.byteOffset + this.offset, length);
    this.offset = align4(this.offset + length);
    return part;
  }

  /** The next `length` elements as a typed array viewing the bytes in place. */
  view<T extends Uint32Array | Uint16Array | Uint8Array>(Kind: TypedArrayKind<T>, length: number): T {
    const part = this.take(length * Kind.BYTES_PER_ELEMENT);
    return new Kind(part.buffer, part.byteOffset, length);
  }
}
