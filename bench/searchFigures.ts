import type { FetchedBytes } from './fetchCounter.ts';
import { queryTimesOf, type QueryTimes } from './stats.ts';

/** What one search engine costs a reader, measured over one built site. */
export interface SearchFigures {
  /** The index as published (every file of it), stored and gzipped. */
  index: { files: number; rawBytes: number; gzipBytes: number };
  /** Everything fetched from the first keystroke to a shown first result (client code included). */
  firstResult: FetchedBytes & { query: string; hits: number };
  /** Time of one query once the client is loaded, over the query list, repeated in fresh clients. */
  query: QueryTimes;
}

/** A loaded search client: ranked results for a query. */
export type QueryFunction = (query: string) => Promise<number>;

/** Times each query once per client (a new word may load new parts of the index, as for a reader). */
export async function timeQueries(search: QueryFunction, queries: readonly string[], into: number[]): Promise<void> {
  for (const query of queries) {
    const started = performance.now();
    await search(query);
    into.push(performance.now() - started);
  }
}

export { queryTimesOf };
