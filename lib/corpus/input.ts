/**
 * Input validation for the corpus pipeline: the manifest and the source files' bytes. Every problem becomes a
 * PipelineError that names the file and the reason, so the CLI can report it and leave the old corpus alone.
 */

/** A manifest entry of `data/sources.json`. */
export interface ManifestEntry {
  id: string;
  file: string;
  hostingSite: string;
  /** Readable name of the collection, shown for articles without an outlet ("unattributed article in a 2014-17 news digest"). */
  collection?: string;
  evidence: Array<{ line: number; text: string }>;
  note?: string;
}

/** A source file as read from disk, before decoding. */
export interface SourceFile {
  entry: ManifestEntry;
  bytes: Uint8Array;
  /** Hex SHA-256 of `bytes`, computed by the caller (lib/ stays free of Node APIs). */
  sha256: string;
}

/** An input problem that names the file at fault; the CLI prints it and exits non-zero. */
export class PipelineError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'PipelineError';
  }
}

/** Decodes a source file as strict UTF-8, rejecting empty, binary and mis-encoded files. */
export function decodeSource(file: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new PipelineError(file, 'the file is empty');
  // NUL bytes first: a binary file is better called binary than "invalid UTF-8 at byte 0".
  if (bytes.includes(0)) throw new PipelineError(file, 'the file contains NUL bytes (binary, not text)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PipelineError(file, `invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}`);
  }
  if (text.trim() === '') throw new PipelineError(file, 'the file holds only white space');
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Offset of the first byte where strict UTF-8 decoding fails (for the error message). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest failing prefix; a prefix cut inside a valid sequence also fails, so this
  // points at or just before the bad sequence, which is what a reader needs to find it.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1));
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

/** Validates the parsed `data/sources.json`; throws a PipelineError naming the manifest on any problem. */
export function parseManifest(manifestFile: string, json: string): ManifestEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new PipelineError(manifestFile, `not valid JSON (${(error as Error).message})`);
  }
  const docs = (data as { documents?: unknown })?.documents;
  if (!Array.isArray(docs) || docs.length === 0) {
    throw new PipelineError(manifestFile, 'expected an object with a non-empty "documents" array');
  }
  const seen = new Set<string>();
  return docs.map((doc, i) => {
    const d = doc as Partial<ManifestEntry>;
    if (typeof d.id !== 'string' || typeof d.file !== 'string' || typeof d.hostingSite !== 'string') {
      throw new PipelineError(manifestFile, `documents[${i}] needs string "id", "file" and "hostingSite"`);
    }
    if (seen.has(d.id)) throw new PipelineError(manifestFile, `documents[${i}] repeats the id "${d.id}"`);
    if (d.file.includes('/') || d.file.includes('\\')) {
      throw new PipelineError(manifestFile, `documents[${i}].file must be a bare file name, got "${d.file}"`);
    }
    seen.add(d.id);
    return { id: d.id, file: d.file, hostingSite: d.hostingSite, ...(typeof d.collection === 'string' ? { collection: d.collection } : {}), evidence: d.evidence ?? [], note: d.note };
  });
}
