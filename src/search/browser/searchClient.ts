// The page's one search worker (./worker.ts, bundled as search-worker.js), asked by the box and
// the results page alike.
import type { SearchRequest, SearchResponse } from './results.ts';

// The worker and the index sit beside this script, under the site's path prefix.
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src ?? '';

/** One worker for the page, started on first use; answers reach only the latest asker per channel. */
export class SearchClient {
  private worker?: Worker;
  private nextId = 1;
  private readonly waiting = new Map<string, { id: number; done: (r: SearchResponse) => void }>();

  warm(): void {
    if (this.worker || !scriptUrl) return;
    try {
      // Same folder and same ?v= (asset version) as this script.
      const url = new URL('search-worker.js', scriptUrl);
      url.search = new URL(scriptUrl).search;
      this.worker = new Worker(url);
    } catch {
      return;
    }
    this.worker.addEventListener('message', (event: MessageEvent<SearchResponse>) => {
      for (const [channel, w] of this.waiting) {
        if (w.id === event.data.id) {
          this.waiting.delete(channel);
          w.done(event.data);
        }
      }
    });
    this.worker.addEventListener('error', () => {
      for (const w of this.waiting.values()) w.done({ id: w.id, query: '', total: 0, items: [], fuzzy: false, error: 'worker' });
      this.waiting.clear();
    });
    this.worker.postMessage('warm');
  }

  search(channel: string, query: string, limit: number, done: (r: SearchResponse) => void): void {
    this.warm();
    if (!this.worker) {
      done({ id: 0, query, total: 0, items: [], fuzzy: false, error: 'no worker' });
      return;
    }
    const request: SearchRequest = { id: this.nextId++, channel, query, limit };
    this.waiting.set(channel, { id: request.id, done });
    this.worker.postMessage(request);
  }
}
