// The results page, /search/?q=…: the results for q, a page at a time.
import { PAGE_RESULTS } from './resultLimits.ts';
import type { SearchResponse } from './results.ts';
import { countText, element, resultParts } from './resultView.ts';
import type { SearchClient } from './searchClient.ts';

/** /search/?q=…: the results for q, a shareable URL that follows what is typed. */
export function enhanceResultsPage(container: HTMLElement, input: HTMLInputElement, client: SearchClient): void {
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
