/**
 * The data the extension ships gzipped (at build time by wxt.config.ts): `corpus.json.gz` (data/corpus.json),
 * read by the background's index and the popup's lookup, and `word-vectors.json.gz` (data/word-vectors.json,
 * 0.93 MB against 1.29 MB), read by the background. The corpus gzipped is a quarter of its size
 * (about 250 KB against 960 KB); on the first page after the service worker starts, reading the packaged files
 * is on the way to the first highlight, and the browser hands an extension file over in chunks that each wait
 * for its busy main process. The browser's own `DecompressionStream` inflates them.
 */
import type { Corpus } from '../lib/corpus/types';
import { packagedUrl } from './messaging';

/** Path of the gzipped corpus in the package. */
export const PACKAGED_CORPUS_PATH = '/corpus.json.gz';

/** Fetches and parses a gzipped JSON file of the package; rejects with what failed (a missing file, bad gzip,
 * bad JSON). */
export async function fetchPackagedJson(path: `/${string}.gz`): Promise<unknown> {
  const response = await fetch(packagedUrl(path));
  if (!response.ok || !response.body) throw new Error(`${path} could not be read from the package (${response.status})`);
  const text = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).text();
  return JSON.parse(text) as unknown;
}

/** Fetches and parses the packaged corpus (see {@link fetchPackagedJson}). */
export async function fetchPackagedCorpus(): Promise<Corpus> {
  return (await fetchPackagedJson(PACKAGED_CORPUS_PATH)) as Corpus;
}
