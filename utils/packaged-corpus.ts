/**
 * The data the extension ships gzipped (at build time by wxt.config.ts): `corpus.json.gz` (data/corpus.json),
 * read by the background's index and the popup's lookup, and `word-vectors.bin.gz` (data/word-vectors.json in
 * its packed binary form, lib/match/word-vectors.ts: 0.83 MB against 1.29 MB of JSON), read by the background.
 * The corpus gzipped is a quarter of its size (about 250 KB against 960 KB). On the first page after the service
 * worker starts, reading the packaged files is on the way to the first highlight, and the browser hands an
 * extension file over in chunks that each wait for its busy main process. The browser's own
 * `DecompressionStream` inflates them.
 */
import type { Corpus } from '../lib/corpus/types';
import { packagedUrl } from './messaging';

/** The URL of a packaged file by its path (default: the extension API's; a worker resolves it on its origin). */
export type PackagedUrl = (path: `/${string}`) => string;

/** Path of the word vectors in the package (packed, gzipped). */
export const WORD_VECTORS_PACKAGED = '/word-vectors.bin.gz';

/** Path of the gzipped corpus in the package. */
export const PACKAGED_CORPUS_PATH = '/corpus.json.gz';

/** The inflated body of a gzipped file of the package; rejects with what failed (a missing file, bad gzip). */
async function inflated(path: `/${string}.gz`, url: PackagedUrl): Promise<Response> {
  const response = await fetch(url(path));
  if (!response.ok || !response.body) throw new Error(`${path} could not be read from the package (${response.status})`);
  return new Response(response.body.pipeThrough(new DecompressionStream('gzip')));
}

/** Fetches and parses a gzipped JSON file of the package; rejects with what failed (see {@link inflated}, bad
 * JSON). */
async function fetchPackagedJson(path: `/${string}.gz`, url: PackagedUrl): Promise<unknown> {
  return JSON.parse(await (await inflated(path, url)).text()) as unknown;
}

/** The bytes of a gzipped binary file of the package (see {@link inflated}). */
export async function fetchPackagedBytes(path: `/${string}.gz`, url: PackagedUrl = packagedUrl): Promise<ArrayBuffer> {
  return (await inflated(path, url)).arrayBuffer();
}

/** Fetches and parses the packaged corpus (see {@link fetchPackagedJson}). */
export async function fetchPackagedCorpus(url: PackagedUrl = packagedUrl): Promise<Corpus> {
  return (await fetchPackagedJson(PACKAGED_CORPUS_PATH, url)) as Corpus;
}
