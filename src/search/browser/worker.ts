// The search worker: loads the index lazily and answers queries off the page's main thread,
// so typing never waits for a query. Started by ./ui.ts on first focus or keystroke.
import { search } from './engine.ts';
import { IndexReader } from './indexReader.ts';
import { fetchIndexFile } from './loadFile.ts';
import { presentResults, type SearchRequest, type SearchResponse } from './results.ts';

// The index sits beside this script: <prefix>/assets/search-worker.js -> <prefix>/assets/search/.
const reader = new IndexReader(fetchIndexFile(new URL('search/', self.location.href)));

/** The newest request id per channel. */
const latest = new Map<string, number>();

self.addEventListener('message', (event: MessageEvent<SearchRequest | 'warm'>) => {
  if (event.data === 'warm') {
    reader.manifest().catch(() => undefined);
    return;
  }
  void answer(event.data);
});

async function answer(request: SearchRequest): Promise<void> {
  latest.set(request.channel, Math.max(latest.get(request.channel) ?? 0, request.id));
  // When a newer query is on its way, this answer would only flicker.
  const outdated = () => request.id < latest.get(request.channel)!;
  const reply = (response: Omit<SearchResponse, 'id' | 'query'>) => {
    if (outdated()) return;
    const message: SearchResponse = { id: request.id, query: request.query, ...response };
    self.postMessage(message);
  };
  try {
    const result = await search(reader, request.query, { limit: request.limit, useDigests: true });
    if (outdated()) return;
    const items = await presentResults(reader, result);
    reply({ total: result.total, items, fuzzy: result.fuzzy });
  } catch (error) {
    reply({ total: 0, items: [], fuzzy: false, error: error instanceof Error ? error.message : String(error) });
  }
}
