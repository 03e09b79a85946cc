import { describe, expect, it } from 'vitest';
import { PipelineError, decodeSource, parseManifest } from '../../lib/corpus/input';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeSource', () => {
  it('decodes UTF-8, drops a BOM and normalises line ends', () => {
    expect(decodeSource('a.txt', utf8('\uFEFFOne.\r\nTwo – “three”.\rFour.'))).toBe('One.\nTwo – “three”.\nFour.');
  });

  it.each([
    ['an empty file', new Uint8Array(), 'the file is empty'],
    ['white space only', utf8(' \n\t\n'), 'only white space'],
    ['a binary file', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]), 'NUL bytes'],
  ])('rejects %s, naming the file', (_label, bytes, reason) => {
    expect(() => decodeSource('data/sources/x.txt', bytes)).toThrowError(PipelineError);
    expect(() => decodeSource('data/sources/x.txt', bytes)).toThrowError(new RegExp(`x\\.txt: .*${reason}`));
  });

  it('rejects invalid UTF-8 and says where', () => {
    const bytes = new Uint8Array([...utf8('Aleppo '), 0xc3, 0x28, ...utf8(' toll')]);
    expect(() => decodeSource('bad.txt', bytes)).toThrowError(/bad\.txt: invalid UTF-8 at byte 7/);
    // Latin-1 "café" is the common real-world case.
    expect(() => decodeSource('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toThrowError(/invalid UTF-8/);
  });
});

describe('parseManifest', () => {
  const entry = { id: '000', file: '000_a.txt', hostingSite: 'unknown', evidence: [] };

  it('accepts a well-formed manifest', () => {
    expect(parseManifest('m.json', JSON.stringify({ documents: [entry] }))).toEqual([{ ...entry, note: undefined }]);
  });

  it.each([
    ['malformed JSON', '{"documents": [', /m\.json: not valid JSON/],
    ['no documents', '{}', /non-empty "documents" array/],
    ['a missing field', JSON.stringify({ documents: [{ id: '000' }] }), /documents\[0\] needs string "id", "file"/],
    ['a repeated id', JSON.stringify({ documents: [entry, entry] }), /repeats the id "000"/],
    ['a path instead of a name', JSON.stringify({ documents: [{ ...entry, file: '../x.txt' }] }), /bare file name/],
  ])('rejects %s', (_label, json, message) => {
    expect(() => parseManifest('m.json', json)).toThrowError(message);
  });
});
