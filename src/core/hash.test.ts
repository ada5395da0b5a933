import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from './hash.js';

describe('canonicalJson', () => {
  it('sorts keys recursively and drops undefined properties, like JSON.stringify otherwise', () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: undefined, x: 'é' }], c: null } };
    const b = { a: { c: null, d: [3, { x: 'é', z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":null,"d":[3,{"x":"é","z":1}]},"b":1}');
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(JSON.parse(canonicalJson(a))).toEqual(JSON.parse(JSON.stringify(a)));
  });

  it('writes scalars and undefined array items as JSON does', () => {
    expect(canonicalJson('a"b')).toBe('"a\\"b"');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('hashes equal content equally', () => {
    expect(sha256Hex(canonicalJson({ x: 1, y: 2 }))).toBe(sha256Hex(canonicalJson({ y: 2, x: 1 })));
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
