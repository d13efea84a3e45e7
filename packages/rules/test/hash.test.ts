import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../src/hash.js';
import { createRulebook, loadPack } from '../src/index.js';
import { editedPack, pack } from './helpers.js';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe("a pack's hash is SHA-256, so another system can check it with any SHA-256 tool", () => {
  it('gives the FIPS 180-2 answers for "", "abc" and the two-block message', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it("agrees with Node's SHA-256 for every length from 0 to 200 bytes (each block boundary) and for Vietnamese text", () => {
    for (let n = 0; n <= 200; n++) {
      const text = 'x'.repeat(n);
      expect(sha256Hex(text), `length ${n}`).toBe(nodeSha256(text));
    }
    for (const text of ['Hoàng Văn Thử', 'Xã Khánh Long, huyện Tràng Định', 'Nông Thị Ngọc 𠀧']) expect(sha256Hex(text)).toBe(nodeSha256(text));
  });

  it("a rulebook's ref carries the SHA-256 of the pack's canonical JSON", () => {
    expect(createRulebook(pack).ref.hash).toBe(nodeSha256(canonicalJson(pack)));
  });
});

describe('canonical JSON: the same content is written the same way, whatever the order of its keys', () => {
  it('sorts the keys of objects at every depth and keeps the order of lists', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson([2, 1])).toBe('[2,1]');
  });

  it('writes text, numbers, booleans and null as JSON does, and a missing value as null', () => {
    expect(canonicalJson('Lạng "Sơn"')).toBe('"Lạng \\"Sơn\\""');
    expect(canonicalJson(0.1)).toBe('0.1');
    expect(canonicalJson(false)).toBe('false');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson([])).toBe('[]');
  });

  it('two packs that differ only in the order of their keys have one hash; a changed value changes it', () => {
    const reordered = loadPack(Object.fromEntries(Object.entries(editedPack(() => {})).reverse()));
    expect(createRulebook(reordered).ref.hash).toBe(createRulebook(pack).ref.hash);
    const changed = loadPack(editedPack((p) => (p.version = `${p.version}-b`)));
    expect(createRulebook(changed).ref.hash).not.toBe(createRulebook(pack).ref.hash);
  });
});
