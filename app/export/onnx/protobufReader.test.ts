import { describe, expect, it } from 'vitest';
import { floats, ProtobufError, readFields, stringField, varints } from './protobufReader';
import { ProtobufWriter } from './protobufWriter';

describe('protobufReader', () => {
  it('reads back what the writer wrote: varints, strings, floats and nested messages', () => {
    const inner = new ProtobufWriter().string(1, 'kernel').int(2, 300);
    const bytes = new ProtobufWriter().int(1, 7).int(1, 2 ** 40).float(4, 1.5).float(4, -0.25).message(5, inner).string(8, 'naïve').finish();
    const fields = readFields(bytes);
    expect(varints(fields, 1)).toEqual([7, 2 ** 40]);
    expect([...floats(fields, 4)]).toEqual([1.5, -0.25]);
    expect(stringField(fields, 8)).toBe('naïve');
    const nested = fields.find((f) => f.field === 5);
    if (nested?.wire !== 'bytes') throw new Error('field 5 is not a message');
    const innerFields = readFields(nested.bytes);
    expect(stringField(innerFields, 1)).toBe('kernel');
    expect(varints(innerFields, 2)).toEqual([300]);
  });

  it('reads packed repeated fields as other writers emit them', () => {
    const packedInts = Uint8Array.of(3, 0x81, 0x01, 0x05);
    const packedFloats = new Uint8Array(Float32Array.of(2, 3).buffer);
    const bytes = new ProtobufWriter().bytes(1, packedInts).bytes(4, packedFloats).finish();
    const fields = readFields(bytes);
    expect(varints(fields, 1)).toEqual([3, 129, 5]);
    expect([...floats(fields, 4)]).toEqual([2, 3]);
  });

  it('names where the data is truncated or not protobuf at all', () => {
    const bytes = new ProtobufWriter().string(2, 'a longer string').finish();
    expect(() => readFields(bytes.subarray(0, 6))).toThrow(new ProtobufError('the data ends inside field 2 at byte 2: 15 bytes announced, 4 left (truncated?)'));
    expect(() => readFields(Uint8Array.of(0x08, 0x80))).toThrow(/ends inside a number at byte 1/);
    expect(() => readFields(Uint8Array.of(0x0b))).toThrow(/wire type 3 \(field 1\) at byte 0/);
    expect(() => varints(readFields(new ProtobufWriter().float(1, 1).finish()), 1)).toThrow(/fixed32 value where integers belong/);
  });
});
