/**
 * The protocol-buffer wire format, only as far as ONNX needs it: varints (int64 included),
 * fixed 32-bit floats and length-delimited fields (strings, bytes, nested messages). Field
 * order does not matter to a reader; repeated scalars are written unpacked, which every
 * proto2 and proto3 parser accepts.
 */

const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;

const UINT64_MASK = (1n << 64n) - 1n;

function varintBytes(value: number | bigint): Uint8Array {
  // A negative int64 is its 64-bit two's complement: always ten bytes.
  let rest = BigInt(value) & UINT64_MASK;
  const bytes: number[] = [];
  while (rest >= 0x80n) {
    bytes.push(Number(rest & 0x7fn) | 0x80);
    rest >>= 7n;
  }
  bytes.push(Number(rest));
  return Uint8Array.from(bytes);
}

const utf8 = new TextEncoder();

/** Builds one message; nested messages are built first and added whole with `message()`. */
export class ProtobufWriter {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;

  private push(bytes: Uint8Array): this {
    this.chunks.push(bytes);
    this.size += bytes.length;
    return this;
  }

  private tag(field: number, wire: number): this {
    return this.push(varintBytes((field << 3) | wire));
  }

  /** int32, int64, enum or bool. */
  int(field: number, value: number | bigint): this {
    return this.tag(field, WIRE_VARINT).push(varintBytes(value));
  }

  float(field: number, value: number): this {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    return this.tag(field, WIRE_FIXED32).push(bytes);
  }

  bytes(field: number, value: Uint8Array): this {
    return this.tag(field, WIRE_LENGTH_DELIMITED).push(varintBytes(value.length)).push(value);
  }

  string(field: number, value: string): this {
    return this.bytes(field, utf8.encode(value));
  }

  message(field: number, value: ProtobufWriter): this {
    this.tag(field, WIRE_LENGTH_DELIMITED).push(varintBytes(value.size));
    for (const chunk of value.chunks) this.push(chunk);
    return this;
  }

  /** The encoded message: one copy of every chunk, nested messages included. */
  finish(): Uint8Array {
    const out = new Uint8Array(this.size);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}
