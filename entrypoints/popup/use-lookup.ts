/**
 * The popup's lookup: loads the packaged corpus on first use (this is an extension page, so it fetches
 * the packaged corpus itself instead of shipping a megabyte through a message), builds the claim index once,
 * and searches as the reader types, debounced.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { type Lookup, type LookupResult, createLookup } from '../../lib/lookup';
import { fetchPackagedCorpus } from '../../utils/packaged-corpus';
import { errorText } from '../../lib/errors';

/**
 * Pause in typing before a search runs. A query costs about 5 ms; 150 ms keeps results following the
 * typing without searching on every key of a fast typist.
 */
export const LOOKUP_DEBOUNCE_MS = 150;

let shared: Promise<Lookup> | null = null;

/** The lookup, built once per popup. */
function loadLookup(): Promise<Lookup> {
  shared ??= fetchPackagedCorpus()
    .then(createLookup)
    .catch((err: unknown) => {
      shared = null;
      throw err;
    });
  return shared;
}

/** Query, results and the setter for the popup's search box. */
export function useLookup(): { query: string; results: LookupResult[]; setQuery(q: string): void; error: string | null } {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<LookupResult[]>([]);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef('');
  useEffect(() => {
    latest.current = query;
    if (query.trim() === '') {
      setResults([]);
      return;
    }
    const timer = setTimeout(() => {
      loadLookup().then(
        (lookup) => {
          if (latest.current === query) setResults(lookup.search(query));
          setError(null);
        },
        (err: unknown) => setError(errorText(err)),
      );
    }, LOOKUP_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  return { query, results, setQuery, error };
}
