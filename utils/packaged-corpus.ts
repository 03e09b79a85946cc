/**
 * The corpus as the extension ships it: `corpus.json.gz` (data/corpus.json gzipped at build time by
 * wxt.config.ts), read by the background's index and the popup's lookup. Gzipped, the file is a quarter of the
 * size (about 250 KB against 960 KB); on the first page after the service worker starts, reading the packaged
 * file is on the way to the first highlight, and the browser hands an extension file over in chunks that each
 * wait for its busy main process. The browser's own `DecompressionStream` inflates it.
 */
import type { Corpus } from '../lib/corpus/types';
import { packagedUrl } from './messaging';

/** Path of the gzipped corpus in the package. */
export const PACKAGED_CORPUS_PATH = '/corpus.json.gz';

/** Fetches and parses the packaged corpus; rejects with what failed (a missing file, bad gzip, bad JSON). */
export async function fetchPackagedCorpus(): Promise<Corpus> {
  const response = await fetch(packagedUrl(PACKAGED_CORPUS_PATH));
  if (!response.ok || !response.body) throw new Error(`the packaged corpus could not be read (${response.status})`);
  const text = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).text();
  return JSON.parse(text) as Corpus;
}
