// The search box in every page's header, and the results on /search/?q=. Progressive
// enhancement: without this script the box is a GET form to /search/, whose page says search
// needs JavaScript. Nothing is fetched until the reader focuses the box or opens /search/?q=.
// Every string is put in the page as text (textContent, append(string)), never as HTML.
import type { Segments } from './highlight.ts';
import type { ResultItem, SearchRequest, SearchResponse } from './results.ts';

/** Results in the dropdown; the results page shows more, a page at a time. */
const BOX_RESULTS = 10;
const PAGE_RESULTS = 20;
/** The box searches from the second character. */
const MIN_QUERY = 2;

// The worker and the index sit beside this script, under the site's path prefix.
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src ?? '';

/** One worker for the page, started on first use; answers reach only the latest asker per channel. */
class SearchClient {
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

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function appendSegments(parent: HTMLElement, segments: Segments): HTMLElement {
  for (const [text, marked] of segments) parent.append(marked ? element('mark', undefined, text) : text);
  return parent;
}

/** The three lines of a result: what matched (section heading or page title), where it is, an excerpt. */
function resultParts(item: ResultItem, headline: HTMLElement): HTMLElement[] {
  appendSegments(headline, item.heading ?? item.title);
  const trail = [...item.crumbs];
  const path = element('span', 'search-result-path');
  if (item.heading) {
    path.append(trail.length ? `${trail.join(' › ')} › ` : '');
    appendSegments(path, item.title);
  } else path.textContent = trail.join(' › ');
  const parts = [headline];
  if (path.textContent) parts.push(path);
  const text = appendSegments(element('span', 'search-result-excerpt'), item.excerpt);
  if (text.textContent) parts.push(text);
  return parts;
}

function countText(total: number, query: string, fuzzy: boolean): string {
  if (total === 0) return `No results for “${query.trim()}”.`;
  const count = `${total} result${total === 1 ? '' : 's'}`;
  return fuzzy ? `${count} for words close to “${query.trim()}”.` : `${count}.`;
}

/** The header box as an ARIA 1.2 combobox with a listbox popup (focus stays in the box). */
function enhanceBox(input: HTMLInputElement, client: SearchClient): void {
  const form = input.form;
  if (!form) return;
  const listId = `${input.id}Results`;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('aria-keyshortcuts', '/');

  const popup = element('div', 'search-popup');
  popup.hidden = true;
  const note = element('p', 'search-popup-note');
  const list = element('ul', 'search-options');
  list.id = listId;
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Search results');
  const hint = element('p', 'search-popup-hint', 'Arrow keys choose a result; Enter opens it, or all results.');
  popup.append(note, list, hint);
  const status = element('div', 'visually-hidden');
  status.setAttribute('role', 'status');
  form.append(popup, status);

  let items: ResultItem[] = [];
  let active = -1;
  let shownQuery = '';
  // Set when the reader closes the list with Escape: an answer still on its way (typing fast,
  // or the index loading) fills the list but must not open it again.
  let dismissed = false;

  const setActive = (index: number) => {
    const options = list.children;
    if (active >= 0 && options[active]) options[active]!.setAttribute('aria-selected', 'false');
    active = index;
    const option = options[active] as HTMLElement | undefined;
    if (option) {
      option.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const open = (visible: boolean) => {
    popup.hidden = !visible;
    input.setAttribute('aria-expanded', String(visible && items.length > 0));
    if (!visible) setActive(-1);
  };
  const go = (item: ResultItem | undefined) => {
    if (item) window.location.assign(item.url);
  };

  const show = (response: SearchResponse) => {
    if (response.query !== input.value) return;
    shownQuery = response.query;
    items = response.items;
    active = -1;
    input.removeAttribute('aria-activedescendant');
    list.replaceChildren(
      ...items.map((item, i) => {
        const option = element('li', 'search-option');
        option.id = `${listId}-${i}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.append(...resultParts(item, element('span', 'search-result-headline')));
        return option;
      }),
    );
    list.hidden = items.length === 0;
    hint.hidden = items.length === 0;
    const text = response.error ? 'Search is not available right now.' : countText(response.total, response.query, response.fuzzy);
    note.textContent = items.length === 0 || response.fuzzy ? text : '';
    note.hidden = note.textContent === '';
    status.textContent = text;
    open(document.activeElement === input && !dismissed);
  };

  const update = () => {
    dismissed = false;
    const query = input.value;
    if (query.trim().length < MIN_QUERY) {
      items = [];
      shownQuery = '';
      status.textContent = '';
      open(false);
      return;
    }
    if (query === shownQuery) {
      open(true);
      return;
    }
    client.search('box', query, BOX_RESULTS, show);
  };

  input.addEventListener('focus', () => {
    client.warm();
    update();
  });
  input.addEventListener('input', update);
  input.addEventListener('keydown', (event) => {
    const count = items.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        dismissed = false;
        if (popup.hidden) open(true);
        // Both ends wrap round.
        if (event.key === 'ArrowDown') setActive((active + 1) % count);
        else setActive(active <= 0 ? count - 1 : active - 1);
        break;
      case 'Enter':
        if (!popup.hidden && active >= 0) {
          event.preventDefault();
          go(items[active]);
        }
        break;
      case 'Escape':
        dismissed = true;
        if (!popup.hidden) {
          // Close the list and keep what was typed (a search field would clear it).
          event.preventDefault();
          open(false);
          input.focus();
        }
        break;
      case 'Tab':
        open(false);
        break;
    }
  });
  // Pointer use: choosing an option must not first blur the box.
  list.addEventListener('mousedown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const option = (event.target as Element).closest('[role="option"]');
    if (option) go(items[[...list.children].indexOf(option)]);
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) open(false);
  });

  // "/" focuses the box from anywhere except where the reader is typing.
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}

/** /search/?q=…: the results for q, a shareable URL that follows what is typed. */
function enhanceResultsPage(container: HTMLElement, input: HTMLInputElement, client: SearchClient): void {
  const allPages = container.querySelector('a')?.getAttribute('href') ?? '';
  const status = element('p', 'search-page-status');
  status.setAttribute('role', 'status');
  const list = element('ol', 'search-page-results');
  const more = element('button', 'button search-page-more', 'Show more results');
  more.type = 'button';
  more.hidden = true;
  container.replaceChildren(status, list, more);

  let limit = PAGE_RESULTS;
  const render = (response: SearchResponse) => {
    if (response.query !== input.value) return;
    if (response.error) {
      status.textContent = 'Search is not available right now. Find a page in the ';
      const link = element('a', undefined, 'list of all pages');
      link.href = allPages;
      status.append(link, '.');
    } else status.textContent = countText(response.total, response.query, response.fuzzy);
    list.replaceChildren(
      ...response.items.map((item) => {
        const link = element('a', 'search-result-headline');
        link.href = item.url;
        const li = element('li', 'search-page-result');
        li.append(...resultParts(item, link));
        return li;
      }),
    );
    more.hidden = response.total <= response.items.length;
  };
  const run = () => {
    const query = input.value;
    if (query.trim() === '') {
      status.textContent = 'Type what you are looking for.';
      list.replaceChildren();
      more.hidden = true;
      return;
    }
    client.search('page', query, limit, render);
  };

  input.value = new URLSearchParams(window.location.search).get('q') ?? '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    limit = PAGE_RESULTS;
    timer = setTimeout(() => {
      const url = new URL(window.location.href);
      url.searchParams.set('q', input.value);
      history.replaceState(null, '', url);
      run();
    }, 150);
  });
  more.addEventListener('click', () => {
    limit += PAGE_RESULTS;
    run();
  });
  run();
}

const client = new SearchClient();
const box = document.getElementById('siteSearchInput');
if (box instanceof HTMLInputElement) enhanceBox(box, client);
const pageResults = document.getElementById('searchPageResults');
const pageInput = document.getElementById('searchPageInput');
if (pageResults && pageInput instanceof HTMLInputElement) enhanceResultsPage(pageResults, pageInput, client);
