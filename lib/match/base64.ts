/**
 * Typed arrays as base64 text, so the index's arrays travel inside the corpus JSON and load with one decode
 * instead of being rebuilt. Pure (no Buffer, no atob): it runs in node, the service worker and tests alike.
 * Byte order is little-endian, the order of every platform the extension runs on (checked on decode).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = new Uint8Array(128).fill(255);
for (let i = 0; i < ALPHABET.length; i++) CODES[ALPHABET.charCodeAt(i)] = i;

/** True on a little-endian platform (every one the extension runs on): typed arrays read as stored. */
export const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Base64 of the bytes of `array`. */
export function encodeBase64(array: ArrayBufferView): string {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    chunk += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    chunk += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=';
    chunk += i + 2 < bytes.length ? ALPHABET[n & 63]! : '=';
    if (chunk.length >= 4096) (parts.push(chunk), (chunk = ''));
  }
  parts.push(chunk);
  return parts.join('');
}

/** The bytes of base64 `text`; throws on a character outside the alphabet or a bad length. */
export function decodeBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new Error('base64: length is not a multiple of 4');
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n = (code(text, i) << 18) | (code(text, i + 1) << 12) | (code(text, i + 2) << 6) | code(text, i + 3);
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

function code(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 61 /* = */ && i >= text.length - 2) return 0;
  const v = c < 128 ? CODES[c]! : 255;
  if (v === 255) throw new Error(`base64: bad character at ${i}`);
  return v;
}

/** A Uint32Array from base64 (see {@link encodeBase64}). */
export function decodeUint32(text: string): Uint32Array {
  const bytes = decodeBase64(text);
  if (!littleEndian) throw new Error('base64: big-endian platforms are not supported');
  if (bytes.length % 4 !== 0) throw new Error('base64: not a whole number of 32-bit values');
  return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
}

/** A Uint16Array from base64 (see {@link encodeBase64}). */
export function decodeUint16(text: string): Uint16Array {
  const bytes = decodeBase64(text);
  if (!littleEndian) throw new Error('base64: big-endian platforms are not supported');
  if (bytes.length % 2 !== 0) throw new Error('base64: not a whole number of 16-bit values');
  return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
}

/** A Float32Array from base64 (see {@link encodeBase64}). */
export function decodeFloat32(text: string): Float32Array {
  const bytes = decodeBase64(text);
  if (!littleEndian) throw new Error('base64: big-endian platforms are not supported');
  if (bytes.length % 4 !== 0) throw new Error('base64: not a whole number of 32-bit values');
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
}
