import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OurSearch } from './adapters.ts';
import { DiskFetcher, wireBytesOf } from './fetchCounter.ts';
import { FIRST_QUERY } from './queries.ts';
import { queryTimesOf, timeQueries, type SearchFigures } from './searchFigures.ts';

/** Our search over a built site, measured the way `pagefind.ts` measures Pagefind. */
export async function measureOurSearch(search: OurSearch, siteDir: string, queries: readonly string[], repeats = 3): Promise<SearchFigures> {
  const index = { files: 0, rawBytes: 0, gzipBytes: 0 };
  for (const file of search.indexFiles(siteDir)) {
    const body = readFileSync(path.join(siteDir, file));
    index.files++;
    index.rawBytes += body.length;
    index.gzipBytes += wireBytesOf(body);
  }
  let firstResult: SearchFigures['firstResult'] | undefined;
  const times: number[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    const fetcher = new DiskFetcher(siteDir);
    const query = await search.open((sitePath) => Promise.resolve(fetcher.read(sitePath)));
    const hits = await query(FIRST_QUERY);
    firstResult ??= { query: FIRST_QUERY, hits, ...fetcher.fetched };
    await timeQueries(query, queries, times);
  }
  return { index, firstResult: firstResult!, query: queryTimesOf(times) };
}
