/**
 * Reading the protocol-buffer wire format back, as far as an ONNX import needs: one message's
 * fields in order, each a varint, a fixed 32/64-bit value or a length-delimited byte range
 * (a string, bytes, a nested message or a packed repeated scalar). A file that ends inside a
 * field, or holds a wire type protobuf does not have, is refused with the byte offset.
 */

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;

/** A field as read; `varint` is exact up to 2^53, which every count and size in a model file is. */
export type ProtobufField =
  | { field: number; wire: 'varint'; value: number }
  | { field: number; wire: 'fixed32'; bytes: Uint8Array }
  | { field: number; wire: 'fixed64'; bytes: Uint8Array }
  | { field: number; wire: 'bytes'; bytes: Uint8Array };

/** Bytes that are not the protobuf message they were read as; the message says where. */
export class ProtobufError extends Error {}

class Cursor {
  at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.at >= this.bytes.length;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    const start = this.at;
    for (;;) {
      if (this.at >= this.bytes.length) throw new ProtobufError(`the data ends inside a number at byte ${start} (truncated?)`);
      const byte = this.bytes[this.at++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
      if (this.at - start >= 10) throw new ProtobufError(`a number at byte ${start} is longer than ten bytes`);
    }
  }

  take(length: number, what: string): Uint8Array {
    if (this.at + length > this.bytes.length) throw new ProtobufError(`the data ends inside ${what} at byte ${this.at}: ${length} bytes announced, ${this.bytes.length - this.at} left (truncated?)`);
    const out = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return out;
  }
}

/** Every field of one message, in the order written (repeated fields appear once per value). */
export function readFields(bytes: Uint8Array): ProtobufField[] {
  const cursor = new Cursor(bytes);
  const fields: ProtobufField[] = [];
  while (!cursor.done) {
    const start = cursor.at;
    const key = cursor.varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (field === 0) throw new ProtobufError(`field number 0 at byte ${start}`);
    if (wire === WIRE_VARINT) fields.push({ field, wire: 'varint', value: cursor.varint() });
    else if (wire === WIRE_FIXED32) fields.push({ field, wire: 'fixed32', bytes: cursor.take(4, `field ${field}`) });
    else if (wire === WIRE_FIXED64) fields.push({ field, wire: 'fixed64', bytes: cursor.take(8, `field ${field}`) });
    else if (wire === WIRE_LENGTH_DELIMITED) fields.push({ field, wire: 'bytes', bytes: cursor.take(cursor.varint(), `field ${field}`) });
    else throw new ProtobufError(`wire type ${wire} (field ${field}) at byte ${start} is not one protobuf uses`);
  }
  return fields;
}

/** The values of a repeated varint field, written unpacked (one field each) or packed (one byte range). */
export function varints(fields: readonly ProtobufField[], field: number): number[] {
  const out: number[] = [];
  for (const entry of fields) {
    if (entry.field !== field) continue;
    if (entry.wire === 'varint') out.push(entry.value);
    else if (entry.wire === 'bytes') {
      const cursor = new Cursor(entry.bytes);
      while (!cursor.done) out.push(cursor.varint());
    } else throw new ProtobufError(`field ${field} holds a ${entry.wire} value where integers belong`);
  }
  return out;
}

/** The byte ranges of a length-delimited field (one per occurrence). */
export function byteFields(fields: readonly ProtobufField[], field: number): Uint8Array[] {
  return fields.flatMap((entry) => {
    if (entry.field !== field) return [];
    if (entry.wire !== 'bytes') throw new ProtobufError(`field ${field} holds a ${entry.wire} value where bytes belong`);
    return [entry.bytes];
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** The last occurrence of a string field (protobuf's rule for a repeated singular field), or undefined. */
export function stringField(fields: readonly ProtobufField[], field: number): string | undefined {
  const last = byteFields(fields, field).at(-1);
  return last === undefined ? undefined : utf8.decode(last);
}

/** A repeated float field, unpacked (fixed32 each) or packed, little-endian. */
export function floats(fields: readonly ProtobufField[], field: number): Float32Array {
  const values: number[] = [];
  for (const entry of fields) {
    if (entry.field !== field) continue;
    if (entry.wire === 'varint' || entry.wire === 'fixed64') throw new ProtobufError(`field ${field} holds a ${entry.wire} value where floats belong`);
    if (entry.bytes.length % 4 !== 0) throw new ProtobufError(`packed floats in field ${field} are ${entry.bytes.length} bytes, not a multiple of 4`);
    // One at a time: a spread of millions of values overflows the call stack.
    for (const value of littleEndianFloats(entry.bytes)) values.push(value);
  }
  return Float32Array.from(values);
}

/** float32 values from little-endian bytes at any alignment (a copy: the file's buffer stays free; little-endian, as every platform Node runs on). */
export function littleEndianFloats(bytes: Uint8Array): Float32Array {
  const whole = bytes.subarray(0, bytes.length - (bytes.length % 4));
  return new Float32Array(whole.slice().buffer);
}
